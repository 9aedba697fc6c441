import type { z } from 'zod';
import { sql } from 'kysely';
import { isUniqueViolation, type Db, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, fieldError, notFound, refuse, refused } from '../../platform/errors.ts';
import { inChainOf, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';

import { exportTexts as t } from './messages.ts';
import { readableAids, readableCampaigns, readableFiles } from './policy.ts';
import { checkAid } from './rules.ts';
import type { aidBody, aidExportQuery, aidListQuery, campaignBody, campaignListQuery } from './schema.ts';

/**
 * Aid and its ledger: campaigns (送温暖, 金秋助学…) with a budget, and aid paid to a household,
 * one append-only row each. Both limits hold under concurrent requests on both engines: the budget
 * is taken by one conditional UPDATE (spent + amount ≤ budget), the one-aid-per-campaign rule by a
 * unique key (campaign, file); a refused aid leaves no row and no budget taken.
 */

function aids(db: Db | Tx) {
  return db
    .selectFrom('hardship_aids')
    .innerJoin('hardship_files as f', 'f.id', 'hardship_aids.file_id')
    .innerJoin('members as m', 'm.id', 'f.member_id')
    .innerJoin('orgs as payer', 'payer.id', 'hardship_aids.org_id')
    .leftJoin('hardship_campaigns as c', 'c.id', 'hardship_aids.campaign_id')
    .select([
      'hardship_aids.id',
      'hardship_aids.file_id',
      'm.name as member_name',
      'hardship_aids.org_id',
      'payer.name as org_name',
      'hardship_aids.kind',
      'hardship_aids.amount_fen',
      'hardship_aids.paid_on',
      'hardship_aids.purpose',
      'hardship_aids.campaign_id',
      'c.name as campaign_name',
      'hardship_aids.created_at',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof aids>['executeTakeFirstOrThrow']>>;
const aidItem = (r: Row) => ({
  id: r.id,
  fileId: r.file_id,
  memberName: r.member_name,
  orgId: r.org_id,
  orgName: r.org_name,
  kind: r.kind,
  amountFen: Number(r.amount_fen),
  paidOn: r.paid_on,
  purpose: r.purpose,
  campaignId: r.campaign_id,
  campaignName: r.campaign_name,
  createdAt: r.created_at,
});

export async function aidsOf(db: Db | Tx, fileId: number) {
  return (await aids(db).where('hardship_aids.file_id', '=', fileId).orderBy('hardship_aids.id').execute()).map(aidItem);
}

// ---- campaigns ----

export async function createCampaign(deps: Deps, caller: Caller, input: z.infer<typeof campaignBody>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const { id } = await tx
      .insertInto('hardship_campaigns')
      .values({ org_id: input.orgId, name: input.name, kind: input.kind, year: input.year, budget_fen: input.budgetFen, spent_fen: 0, created_by: caller.actor.userId, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'hardship_campaign.create', entity: 'hardship_campaign', entityId: id, orgId: input.orgId, after: input });
    return { id };
  });
}

export async function listCampaigns(deps: Deps, caller: Caller, query: z.infer<typeof campaignListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  let q = deps.db.selectFrom('hardship_campaigns').innerJoin('orgs', 'orgs.id', 'hardship_campaigns.org_id').selectAll('hardship_campaigns').select('orgs.name as org_name').where(readableCampaigns(caller.scope));
  if (query.orgId) q = q.where(sql<boolean>`hardship_campaigns.org_id in (select descendant_id from org_closure where ancestor_id = ${query.orgId})`);
  if (query.year) q = q.where('hardship_campaigns.year', '=', query.year);
  const { rows, total } = await paginate(q, query, (x) => x.orderBy('hardship_campaigns.id', 'desc'));
  return {
    items: rows.map((r) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, name: r.name, kind: r.kind, year: r.year, budgetFen: Number(r.budget_fen), spentFen: Number(r.spent_fen) })),
    total,
  };
}

// ---- aid ----

/**
 * Pays aid to a household on the register: from a campaign of the file's union or one above it
 * (its budget taken atomically; once per campaign and household), or outside any campaign, paid
 * by the file's union. One transaction: refused, nothing is written.
 */
export async function payAid(deps: Deps, caller: Caller, fileId: number, input: z.infer<typeof aidBody>) {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const f = await tx.selectFrom('hardship_files').select(['id', 'org_id', 'status']).where('id', '=', fileId).where(readableFiles(caller.scope)).executeTakeFirst();
      if (!f) throw notFound('hardship_file');
      refuse(checkAid(f.status));
      let payer = f.org_id;
      let campaignKey: string | null = null;
      if (input.campaignId) {
        const c = await tx.selectFrom('hardship_campaigns').selectAll().where('id', '=', input.campaignId).where(readableCampaigns(caller.scope)).executeTakeFirst();
        if (!c) throw notFound('hardship_campaign');
        const covers = await tx.selectFrom('orgs').select('id').where('id', '=', c.org_id).where(inChainOf('orgs.id', f.org_id)).executeTakeFirst();
        if (!covers) throw refused('hardship_campaign_not_in_chain');
        if (c.kind !== input.kind) throw fieldError('kind', 'campaign_kind_mismatch');
        payer = c.org_id;
        campaignKey = `${c.id}:${f.id}`;
        if (await tx.selectFrom('hardship_aids').select('id').where('campaign_file', '=', campaignKey).executeTakeFirst()) throw conflict('hardship_aid_duplicate', { campaign: c.name });
        // the budget, taken in one conditional statement: concurrent aids never overspend it
        const taken = await tx
          .updateTable('hardship_campaigns')
          .set((eb) => ({ spent_fen: eb('spent_fen', '+', input.amountFen) }))
          .where('id', '=', c.id)
          .where(sql<boolean>`spent_fen + ${input.amountFen} <= budget_fen`)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== 1) {
          const now = await tx.selectFrom('hardship_campaigns').select(['budget_fen', 'spent_fen']).where('id', '=', c.id).executeTakeFirstOrThrow();
          throw refused('hardship_budget_exceeded', { campaign: c.name, left: ((Number(now.budget_fen) - Number(now.spent_fen)) / 100).toFixed(2) });
        }
      }
      const { id } = await tx
        .insertInto('hardship_aids')
        .values({ file_id: f.id, org_id: payer, kind: input.kind, amount_fen: input.amountFen, paid_on: input.paidOn, purpose: input.purpose, campaign_id: input.campaignId ?? null, campaign_file: campaignKey, created_by: caller.actor.userId, created_at: caller.actor.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'hardship_aid.create', entity: 'hardship_aid', entityId: id, orgId: f.org_id, after: { fileId: f.id, kind: input.kind, amountFen: input.amountFen, paidOn: input.paidOn, campaignId: input.campaignId ?? null, payerOrgId: payer } });
      return { id };
    });
  } catch (err) {
    // two aids of one campaign to one household at once: the unique key lets one in
    if (isUniqueViolation(err) && input.campaignId) {
      const c = await deps.db.selectFrom('hardship_campaigns').select('name').where('id', '=', input.campaignId).executeTakeFirst();
      throw conflict('hardship_aid_duplicate', { campaign: c?.name ?? '' });
    }
    throw err;
  }
}

// ---- the ledger, for finance ----

type Filters = Omit<z.infer<typeof aidListQuery>, 'page' | 'pageSize'>;

function filtered(deps: Deps, scope: Scope, query: Filters) {
  let q = aids(deps.db).where(readableAids(scope));
  if (query.orgId) q = q.where(sql<boolean>`hardship_aids.org_id in (select descendant_id from org_closure where ancestor_id = ${query.orgId})`);
  if (query.campaignId) q = q.where('hardship_aids.campaign_id', '=', query.campaignId);
  if (query.kind) q = q.where('hardship_aids.kind', '=', query.kind);
  if (query.year) q = q.where('hardship_aids.paid_on', '>=', `${query.year}-01-01`).where('hardship_aids.paid_on', '<=', `${query.year}-12-31`);
  return q;
}

export async function listAids(deps: Deps, caller: Caller, query: z.infer<typeof aidListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filtered(deps, caller.scope, query), query, (q) => q.orderBy('hardship_aids.id', 'desc'));
  return { items: rows.map(aidItem), total };
}

/** The ledger as the finance office keeps it: one row per payment, amounts in yuan. */
export async function exportAids(deps: Deps, caller: Caller, query: z.infer<typeof aidExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  type View = ReturnType<typeof aidItem>;
  return exportList<Row, View>(deps, caller, {
    list: 'hardship_aids',
    title: t.aids,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps, scope, filters),
    keyset: 'hardship_aids.id',
    prepare: async (rows) => rows.map(aidItem),
    columns: [
      { header: t.paidOn, value: (r) => r.paidOn, width: 12 },
      { header: t.name, value: (r) => r.memberName, width: 10 },
      { header: t.payer, value: (r) => r.orgName, width: 28 },
      { header: t.kind, value: (r, lang) => t[r.kind][lang], width: 12 },
      { header: t.campaign, value: (r) => r.campaignName, width: 24 },
      { header: t.amount, value: (r) => r.amountFen / 100, width: 12 },
      { header: t.purpose, value: (r) => r.purpose, width: 28 },
    ],
  });
}

