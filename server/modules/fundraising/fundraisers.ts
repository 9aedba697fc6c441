import { sql } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { exportTexts as t } from './messages.ts';
import { readableFundraisers } from './policy.ts';
import type { createFundraiserBody, fundraiserExportQuery, fundraiserListQuery } from './schema.ts';

/** Fundraisers (募捐活动): goals in money and goods, with the ledger's sums beside them. */

function fundraisers(tx: Tx) {
  return tx
    .selectFrom('fundraisers')
    .innerJoin('orgs', 'orgs.id', 'fundraisers.org_id')
    .selectAll('fundraisers')
    .select(['orgs.name as org_name'])
    .select(sql<number>`(select count(*) from fundraiser_entries e where e.fundraiser_id = fundraisers.id and e.kind = 'donation')`.as('donations'));
}
type Row = Awaited<ReturnType<ReturnType<typeof fundraisers>['executeTakeFirstOrThrow']>>;
type Goods = { id: number; fundraiser_id: number; name: string; unit: string; goal: number; raised: number; spent: number };

export async function goodsOf(tx: Tx, ids: number[]): Promise<Map<number, Goods[]>> {
  const by = new Map<number, Goods[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return by;
  const rows = await tx.selectFrom('fundraiser_goods').selectAll().where('fundraiser_id', 'in', ids).orderBy('id').execute();
  for (const g of rows) by.get(g.fundraiser_id)!.push(g as Goods);
  return by;
}

const goodsView = (g: Goods) => ({ id: g.id, name: g.name, unit: g.unit, goal: Number(g.goal), raised: Number(g.raised), spent: Number(g.spent) });
const view = (r: Row, goods: Goods[]) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  title: r.title,
  description: r.description,
  goalFen: Number(r.goal_fen),
  raisedFen: Number(r.raised_fen),
  spentFen: Number(r.spent_fen),
  balanceFen: Number(r.raised_fen) - Number(r.spent_fen),
  goods: goods.map(goodsView),
  donations: Number(r.donations),
  createdAt: r.created_at,
});

export async function createFundraiser(deps: Deps, caller: Caller, input: z.infer<typeof createFundraiserBody>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const { id } = await tx
      .insertInto('fundraisers')
      .values({ org_id: input.orgId, title: input.title, description: input.description, goal_fen: input.goalFen, created_by: caller.actor.userId, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.goods.length > 0) await tx.insertInto('fundraiser_goods').values(input.goods.map((g) => ({ fundraiser_id: id, name: g.name, unit: g.unit, goal: g.goal }))).execute();
    await audit(tx, caller.actor, { action: 'fundraiser.create', entity: 'fundraiser', entityId: id, orgId: input.orgId, after: input });
    return { id };
  });
}

type Filters = Omit<z.infer<typeof fundraiserListQuery>, 'page' | 'pageSize'>;
function filtered(tx: Tx, scope: Scope, query: Filters) {
  let q = fundraisers(tx).where(readableFundraisers(scope));
  if (query.orgId) q = q.where(inSubtree('fundraisers.org_id', query.orgId));
  return q;
}

export async function listFundraisers(deps: Deps, caller: Caller, query: z.infer<typeof fundraiserListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filtered(deps.db, caller.scope, query), query, (q) => q.orderBy('fundraisers.id', 'desc'));
  const goods = await goodsOf(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => view(r, goods.get(r.id)!)), total };
}

export async function exportFundraisers(deps: Deps, caller: Caller, query: z.infer<typeof fundraiserExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'fundraisers',
    title: t.fundraisers,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps.db, scope, filters),
    keyset: 'fundraisers.id',
    prepare: async (rows) => {
      const goods = await goodsOf(deps.db, rows.map((r) => r.id));
      return rows.map((r) => ({ ...r, goods: goods.get(r.id)! }));
    },
    columns: [
      { header: t.title, value: (r) => r.title, width: 30 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.goal, value: (r) => Number(r.goal_fen) / 100, width: 12 },
      { header: t.raised, value: (r) => Number(r.raised_fen) / 100, width: 12 },
      { header: t.spent, value: (r) => Number(r.spent_fen) / 100, width: 12 },
      { header: t.balance, value: (r) => (Number(r.raised_fen) - Number(r.spent_fen)) / 100, width: 12 },
      { header: t.goods, value: (r) => r.goods.map((g) => `${g.name} ${g.raised}/${g.goal}${g.unit}`).join('；'), width: 30 },
    ],
  });
}

/** The fundraiser in the caller's scope, else 404. */
export async function reachable(tx: Tx, scope: Scope, id: number) {
  const row = await fundraisers(tx).where('fundraisers.id', '=', id).where(readableFundraisers(scope)).executeTakeFirst();
  if (!row) throw notFound('fundraiser');
  return row;
}

export async function getFundraiser(deps: Deps, caller: Caller, id: number) {
  const r = await reachable(deps.db, caller.scope, id);
  return view(r, (await goodsOf(deps.db, [id])).get(id)!);
}

/** Every fundraiser, for the public: the sums only. */
export async function publicFundraisers(deps: Deps) {
  const rows = await fundraisers(deps.db).orderBy('fundraisers.id', 'desc').limit(100).execute();
  const goods = await goodsOf(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => publicView(r, goods.get(r.id)!)) };
}

export function publicView(r: Row, goods: Goods[]) {
  const { id, orgName, title, description, goalFen, raisedFen, spentFen, balanceFen } = view(r, goods);
  return { id, orgName, title, description, goalFen, raisedFen, spentFen, balanceFen, goods: goods.map(({ name, unit, goal, raised, spent }) => ({ name, unit, goal: Number(goal), raised: Number(raised), spent: Number(spent) })) };
}

export async function publicFundraiser(deps: Deps, id: number) {
  const r = await fundraisers(deps.db).where('fundraisers.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('fundraiser');
  return publicView(r, (await goodsOf(deps.db, [id])).get(id)!);
}
