import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { inScope } from '../../platform/access.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { membershipOf } from '../members/index.ts';
import { shanghaiYear } from './rules.ts';

/**
 * The love-points ledger (爱心积分). Entries are only ever inserted; the balance row of a member is
 * changed in the same transaction as each entry, so it is always the sum of the entries.
 *
 * - A credit carries a `source` (unique): crediting the same source twice — a retried job, a
 *   double-clicked confirm — adds nothing the second time.
 * - A spend is one conditional UPDATE of the balance (`balance >= points`), atomic on both engines:
 *   however many spends race, the balance never goes below zero; the losers get 409.
 */

export interface LovePointsMove {
  memberId: number;
  /** a positive whole number of points */
  points: number;
  /** shown to the member in their ledger, e.g. 志愿服务 3 小时 */
  reason: string;
  /** what caused it, unique per movement, e.g. `donation:123` */
  source: string;
  /** when (ISO instant); now when absent */
  at?: string;
  /** the user who caused it, for the record */
  by?: number | null;
}

async function memberOrg(trx: Tx, memberId: number): Promise<number> {
  const m = await trx.selectFrom('members').select('org_id').where('id', '=', memberId).executeTakeFirst();
  if (!m) throw notFound('member');
  return m.org_id;
}

function checkPoints(points: number) {
  if (!Number.isInteger(points) || points <= 0) throw new Error(`love points must be a positive whole number, got ${points}`);
}

/**
 * Credits love points to a member, once per `source`. Run it inside the caller's transaction
 * (`trx`) so the points land with what earned them. Returns whether this call credited them.
 */
export async function creditLovePoints(trx: Tx, move: LovePointsMove): Promise<{ credited: boolean; entryId: number | null }> {
  checkPoints(move.points);
  const at = move.at ?? new Date().toISOString();
  const orgId = await memberOrg(trx, move.memberId);
  const row = await trx
    .insertInto('love_point_entries')
    .values({ org_id: orgId, member_id: move.memberId, points: move.points, reason: move.reason, source: move.source, year: shanghaiYear(at), created_by: move.by ?? null, created_at: at })
    .onConflict((oc) => oc.column('source').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return { credited: false, entryId: null };
  await trx
    .insertInto('love_point_balances')
    .values({ member_id: move.memberId, balance: move.points, updated_at: at })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ balance: sql<number>`love_point_balances.balance + ${move.points}`, updated_at: at }))
    .execute();
  return { credited: true, entryId: row.id };
}

/**
 * Spends love points: 409 `love_points_insufficient` when the balance does not cover them, also
 * when several spends race for the same points. Returns the (negative) entry's id.
 */
export async function spendLovePoints(trx: Tx, move: LovePointsMove): Promise<{ entryId: number }> {
  checkPoints(move.points);
  const at = move.at ?? new Date().toISOString();
  const orgId = await memberOrg(trx, move.memberId);
  const taken = await trx
    .updateTable('love_point_balances')
    .set({ balance: sql<number>`balance - ${move.points}`, updated_at: at })
    .where('member_id', '=', move.memberId)
    .where('balance', '>=', move.points)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) {
    throw conflict('love_points_insufficient', { points: move.points, balance: await balanceOf(trx, move.memberId) });
  }
  const { id } = await trx
    .insertInto('love_point_entries')
    .values({ org_id: orgId, member_id: move.memberId, points: -move.points, reason: move.reason, source: move.source, year: shanghaiYear(at), created_by: move.by ?? null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { entryId: id };
}

export async function balanceOf(trx: Tx, memberId: number): Promise<number> {
  const row = await trx.selectFrom('love_point_balances').select('balance').where('member_id', '=', memberId).executeTakeFirst();
  return row ? Number(row.balance) : 0;
}

/** A member's ledger, newest first. */
export async function entriesOf(trx: Tx, memberId: number, limit = 200) {
  const rows = await trx.selectFrom('love_point_entries').select(['points', 'reason', 'created_at']).where('member_id', '=', memberId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ points: Number(r.points), reason: r.reason, at: r.created_at }));
}

/** GET /api/love-points/mine: the caller's balance and entries (an account without membership has none). */
export async function myLovePoints(deps: Deps, caller: Caller) {
  const m = await membershipOf(deps.db, caller.user!.id);
  if (!m) return { balance: 0, entries: [] };
  return { balance: await balanceOf(deps.db, m.id), entries: await entriesOf(deps.db, m.id) };
}

/** GET /api/love-points/members/:id: a member's balance and ledger, for a cadre whose scope holds the member (else 404). */
export async function memberLovePoints(deps: Deps, caller: Caller, memberId: number) {
  const m = await deps.db.selectFrom('members').select(['id', 'name', 'org_id']).where('id', '=', memberId).where(inScope('members.org_id', caller.scope)).executeTakeFirst();
  if (!m) throw notFound('member');
  return { memberId: m.id, name: m.name, balance: await balanceOf(deps.db, m.id), entries: await entriesOf(deps.db, m.id) };
}
