import type { z } from 'zod';
import { parseJson, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { resolveSettings, type RecuperationSettings } from './rules.ts';
import type { recuperationSettings } from './schema.ts';

/** The settings an org works under: its own, else its nearest ancestor's, else the rules' defaults. */
export async function settingsFor(tx: Tx, orgId: number): Promise<{ settings: RecuperationSettings; ownerId: number | null }> {
  const row = await tx
    .selectFrom('org_closure')
    .innerJoin('recuperation_settings as s', 's.org_id', 'org_closure.ancestor_id')
    .select(['s.settings', 's.org_id'])
    .where('org_closure.descendant_id', '=', orgId)
    .orderBy('org_closure.depth')
    .executeTakeFirst();
  return { settings: resolveSettings(row ? parseJson<Partial<RecuperationSettings>>(row.settings) : null), ownerId: row?.org_id ?? null };
}

export async function getSettings(deps: Deps, caller: Caller, orgId: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  const { settings, ownerId } = await settingsFor(deps.db, orgId);
  return { orgId, own: ownerId === orgId, settings };
}

export async function putSettings(deps: Deps, caller: Caller, orgId: number, input: z.infer<typeof recuperationSettings>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, orgId);
    const before = await settingsFor(tx, orgId);
    const values = { settings: JSON.stringify(input), updated_by: caller.actor.userId, updated_at: caller.actor.now };
    await tx
      .insertInto('recuperation_settings')
      .values({ org_id: orgId, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
      .execute();
    await audit(tx, caller.actor, { action: 'recuperation_settings.update', entity: 'recuperation_settings', entityId: orgId, orgId, before: before.settings, after: input });
    return { orgId, own: true, settings: input };
  });
}
