import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { inChainOf, requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { exportList } from '../../platform/exports.ts';
import { paginate } from '../../platform/paging.ts';
import { createSeatPool, takeSeat } from '../../platform/seats.ts';
import { membershipOf } from '../members/index.ts';
import { spendLovePoints } from './ledger.ts';
import { exportTexts as t } from './messages.ts';
import { readableGoods } from './policy.ts';
import type { goodsBody, goodsListQuery, goodsExportQuery } from './schema.ts';

/** The points shop (爱心积分兑换): goods with a price in points and a stock that never goes below zero. */

function goods(tx: Tx) {
  return tx
    .selectFrom('shop_goods')
    .innerJoin('orgs', 'orgs.id', 'shop_goods.org_id')
    .innerJoin('seat_pools', 'seat_pools.id', 'shop_goods.seat_pool_id')
    .select(['shop_goods.id', 'shop_goods.org_id', 'orgs.name as org_name', 'shop_goods.name', 'shop_goods.description', 'shop_goods.points', 'shop_goods.active', 'seat_pools.capacity', 'seat_pools.taken']);
}
type GoodsRow = Awaited<ReturnType<ReturnType<typeof goods>['executeTakeFirstOrThrow']>>;

const view = (r: GoodsRow) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  name: r.name,
  description: r.description,
  points: Number(r.points),
  stock: Number(r.capacity),
  redeemed: Number(r.taken),
  stockLeft: Number(r.capacity) - Number(r.taken),
  active: Boolean(Number(r.active)),
});

export async function createGoods(deps: Deps, caller: Caller, input: z.infer<typeof goodsBody>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const pool = await createSeatPool(tx, input.stock);
    const { id } = await tx
      .insertInto('shop_goods')
      .values({ org_id: input.orgId, name: input.name, description: input.description ?? null, points: input.points, seat_pool_id: pool, active: 1, created_by: caller.actor.userId, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'shop_goods.create', entity: 'shop_goods', entityId: id, orgId: input.orgId, after: input });
    return { id };
  });
}

const filtered = (tx: Tx, caller: Caller, q: { orgId?: number }) => {
  let query = goods(tx).where(readableGoods(caller.scope));
  if (q.orgId) query = query.where(inChainOf('shop_goods.org_id', q.orgId));
  return query;
};

export async function listGoods(deps: Deps, caller: Caller, query: z.infer<typeof goodsListQuery>) {
  const { rows, total } = await paginate(filtered(deps.db, caller, query), query, (q) => q.orderBy('shop_goods.id', 'desc'));
  return { items: rows.map(view), total };
}

export async function exportGoods(deps: Deps, caller: Caller, query: z.infer<typeof goodsExportQuery>) {
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'shop_goods',
    title: t.goods,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps.db, { ...caller, scope }, filters),
    keyset: 'shop_goods.id',
    columns: [
      { header: t.goodsName, value: (r) => r.name, width: 24 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.points, value: (r) => Number(r.points) },
      { header: t.stock, value: (r) => Number(r.capacity) },
      { header: t.redeemed, value: (r) => Number(r.taken) },
    ],
  });
}

/** The goods a member may redeem: active, of their union's chain. */
export async function shopForMember(deps: Deps, caller: Caller) {
  const m = await membershipOf(deps.db, caller.user!.id);
  if (!m) return { items: [] };
  const rows = await goods(deps.db).where('shop_goods.active', '=', 1).where(inChainOf('shop_goods.org_id', m.org_id)).orderBy('shop_goods.points').execute();
  return { items: rows.map(view) };
}

/**
 * A member redeems goods: one transaction takes a unit of stock (409 `goods_out_of_stock` when none
 * is left) and spends the points (409 `love_points_insufficient`); either refusal undoes both.
 */
export async function redeem(deps: Deps, caller: Caller, goodsId: number) {
  const m = await membershipOf(deps.db, caller.user!.id);
  if (!m) throw notFound('shop_goods');
  return deps.db.transaction().execute(async (tx) => {
    const g = await goods(tx).where('shop_goods.id', '=', goodsId).where('shop_goods.active', '=', 1).where(inChainOf('shop_goods.org_id', m.org_id)).executeTakeFirst();
    if (!g) throw notFound('shop_goods');
    const poolId = (await tx.selectFrom('shop_goods').select('seat_pool_id').where('id', '=', goodsId).executeTakeFirstOrThrow()).seat_pool_id;
    if (!(await takeSeat(tx, poolId))) throw conflict('goods_out_of_stock');
    const points = Number(g.points);
    const { entryId } = await spendLovePoints(tx, { memberId: m.id, points, reason: `兑换：${g.name}`, source: `shop:${goodsId}:${randomUUID()}`, at: caller.actor.now, by: caller.actor.userId });
    const { id } = await tx
      .insertInto('shop_redemptions')
      .values({ goods_id: goodsId, org_id: g.org_id, member_id: m.id, points, entry_id: entryId, status: 'pending', created_at: caller.actor.now, delivered_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'shop_redemption.create', entity: 'shop_redemption', entityId: id, orgId: g.org_id, after: { goodsId, points } });
    return { id };
  });
}

/** Redemptions of goods in scope, newest first, for the cadre who hands them out. */
export async function listRedemptions(deps: Deps, caller: Caller, query: { page: number; pageSize: number; goodsId?: number }) {
  let q = deps.db
    .selectFrom('shop_redemptions')
    .innerJoin('shop_goods', 'shop_goods.id', 'shop_redemptions.goods_id')
    .innerJoin('members', 'members.id', 'shop_redemptions.member_id')
    .select(['shop_redemptions.id', 'shop_redemptions.goods_id', 'shop_goods.name as goods_name', 'members.name as member_name', 'shop_redemptions.points', 'shop_redemptions.status', 'shop_redemptions.created_at', 'shop_redemptions.delivered_at'])
    .where(readableGoods(caller.scope));
  if (query.goodsId) q = q.where('shop_redemptions.goods_id', '=', query.goodsId);
  const { rows, total } = await paginate(q, query, (x) => x.orderBy('shop_redemptions.id', 'desc'));
  return {
    items: rows.map((r) => ({ id: r.id, goodsId: r.goods_id, goodsName: r.goods_name, memberName: r.member_name, points: Number(r.points), status: r.status, createdAt: r.created_at, deliveredAt: r.delivered_at })),
    total,
  };
}

export async function deliver(deps: Deps, caller: Caller, redemptionId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await tx
      .selectFrom('shop_redemptions')
      .innerJoin('shop_goods', 'shop_goods.id', 'shop_redemptions.goods_id')
      .select(['shop_redemptions.id', 'shop_redemptions.status', 'shop_redemptions.org_id'])
      .where('shop_redemptions.id', '=', redemptionId)
      .where(readableGoods(caller.scope))
      .executeTakeFirst();
    if (!r) throw notFound('shop_redemption');
    if (r.status === 'delivered') throw conflict('redemption_delivered');
    await tx.updateTable('shop_redemptions').set({ status: 'delivered', delivered_at: caller.actor.now }).where('id', '=', redemptionId).execute();
    await audit(tx, caller.actor, { action: 'shop_redemption.deliver', entity: 'shop_redemption', entityId: redemptionId, orgId: r.org_id, after: { status: 'delivered' } });
    return { id: redemptionId, status: 'delivered' as const };
  });
}
