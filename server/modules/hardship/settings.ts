import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { defaultLine, type LowIncomeLine } from './rules.ts';
import type { hardshipSettingsBody } from './schema.ts';

export interface LineInForce extends LowIncomeLine {
  effectiveFrom: string;
  /** the org that set it; null for the built-in default */
  fromOrgId: number | null;
}

/**
 * The 低保 line an org works under on a date: the newest one in force of the nearest org on its
 * chain that set one (a street's own line overrides the county's for the street's subtree), else
 * the built-in default.
 */
export async function lineFor(tx: Tx, orgId: number, on: string): Promise<LineInForce> {
  const row = await tx
    .selectFrom('org_closure')
    .innerJoin('hardship_settings as s', 's.org_id', 'org_closure.ancestor_id')
    .select(['s.org_id', 's.low_income_line_fen', 's.relative_multiple_pct', 's.effective_from'])
    .where('org_closure.descendant_id', '=', orgId)
    .where('s.effective_from', '<=', on)
    .orderBy('org_closure.depth')
    .orderBy('s.effective_from', 'desc')
    .executeTakeFirst();
  if (!row) return { ...defaultLine, fromOrgId: null };
  return { lowIncomeLineFen: Number(row.low_income_line_fen), relativeMultiplePct: Number(row.relative_multiple_pct), effectiveFrom: row.effective_from, fromOrgId: row.org_id };
}

export const lineView = (orgId: number, line: LineInForce) => ({
  orgId,
  lowIncomeLineFen: line.lowIncomeLineFen,
  relativeMultiple: line.relativeMultiplePct / 100,
  effectiveFrom: line.effectiveFrom,
  fromOrgId: line.fromOrgId,
});

export async function getHardshipSettings(deps: Deps, caller: Caller, orgId: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  const line = await lineFor(deps.db, orgId, today(deps));
  return { ...lineView(orgId, line), own: line.fromOrgId === orgId };
}

/** Sets an org's line from a date on (a later date keeps the earlier line in force until then); again for the same date replaces it. */
export async function putHardshipSettings(deps: Deps, caller: Caller, orgId: number, input: z.infer<typeof hardshipSettingsBody>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, orgId);
    const pct = Math.round(input.relativeMultiple * 100);
    await tx
      .insertInto('hardship_settings')
      .values({ org_id: orgId, low_income_line_fen: input.lowIncomeLineFen, relative_multiple_pct: pct, effective_from: input.effectiveFrom, created_by: caller.actor.userId, created_at: caller.actor.now })
      .onConflict((oc) => oc.columns(['org_id', 'effective_from']).doUpdateSet({ low_income_line_fen: input.lowIncomeLineFen, relative_multiple_pct: pct, created_by: caller.actor.userId, created_at: caller.actor.now }))
      .execute();
    await audit(tx, caller.actor, { action: 'hardship_settings.update', entity: 'hardship_settings', entityId: orgId, orgId, after: input });
    return { orgId, lowIncomeLineFen: input.lowIncomeLineFen, relativeMultiple: pct / 100, effectiveFrom: input.effectiveFrom, own: true, fromOrgId: orgId };
  });
}
