import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { notify } from '../notifications/index.ts';
import { balanceOf, checkReversal, monthlyAllowanceFen, payable, payKey, yearOfMonth, type HolderKind } from './rules.ts';
import { readableEntries } from './policy.ts';
import { settingsCache } from './settings.ts';

/**
 * The allowance ledger, one for model workers and craftsmen: entries are only ever inserted. A
 * monthly allowance carries a unique pay key (holder, month), so however many runs cover a person
 * — the county's and the street's, or a retried job — a month is paid once. A correction is a
 * reversal: a negative entry pointing at the one it cancels (unique too), so the balance is
 * always the plain sum of the entries.
 */

/** The sum of a holder's entries, as a subquery column. */
export const balanceColumn = (kind: HolderKind, holderColumn: string) =>
  sql<number>`(select coalesce(sum(e.amount_fen), 0) from allowance_entries e where e.holder_kind = ${kind} and e.holder_id = ${sql.ref(holderColumn)})`;

export async function entriesOf(tx: Tx, kind: HolderKind, holderId: number) {
  const rows = await tx
    .selectFrom('allowance_entries')
    .select(['id', 'kind', 'month', 'amount_fen', 'reverses_id', 'reason', 'created_at'])
    .select((eb) => eb.exists(eb.selectFrom('allowance_entries as r').select('r.id').whereRef('r.reverses_id', '=', 'allowance_entries.id')).as('reversed'))
    .where('holder_kind', '=', kind)
    .where('holder_id', '=', holderId)
    .orderBy('id')
    .execute();
  const items = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    month: r.month,
    amountFen: Number(r.amount_fen),
    reversesId: r.reverses_id,
    reversed: Boolean(Number(r.reversed)),
    reason: r.reason,
    createdAt: r.created_at,
  }));
  return { items, balanceFen: balanceOf(items) };
}

/** Reverses one entry in scope: a new negative entry; the original is never touched. */
export async function reverseEntry(deps: Deps, caller: Caller, entryId: number, reason: string) {
  return deps.db.transaction().execute(async (tx) => {
    const entry = await tx.selectFrom('allowance_entries').selectAll().where('id', '=', entryId).where(readableEntries(caller.scope)).executeTakeFirst();
    if (!entry) throw notFound('allowance_entry');
    const reversed = await tx.selectFrom('allowance_entries').select('id').where('reverses_id', '=', entryId).executeTakeFirst();
    refuse(checkReversal({ id: entry.id, kind: entry.kind, amountFen: entry.amount_fen, reversesId: entry.reverses_id }, !!reversed));
    const { id } = await tx
      .insertInto('allowance_entries')
      .values({
        org_id: entry.org_id,
        holder_kind: entry.holder_kind,
        holder_id: entry.holder_id,
        kind: 'reversal',
        month: entry.month,
        amount_fen: -Number(entry.amount_fen),
        pay_key: null,
        reverses_id: entry.id,
        run_id: null,
        reason,
        created_by: caller.actor.userId,
        created_at: caller.actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'allowance_entry.reverse', entity: 'allowance_entry', entityId: id, orgId: entry.org_id, after: { reverses: entry.id, amountFen: -Number(entry.amount_fen), reason } });
    return { id };
  });
}

interface Payee {
  kind: HolderKind;
  id: number;
  orgId: number;
  level?: 'national' | 'province' | 'city' | 'county';
  userId: number | null;
}

/**
 * Runs one month's allowances for an org's subtree (the job `honours.allowance-run`): one entry per
 * model worker verified for the month's year (alive and in post) and per craftsman whose title is
 * valid that year, none for a month already paid. Unverified model workers are skipped and counted;
 * they stay on the workbench as to-dos. Idempotent: run again, it pays nobody twice.
 */
export async function runAllowances(deps: Deps, runId: number): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const run = await tx.selectFrom('allowance_runs').selectAll().where('id', '=', runId).executeTakeFirst();
    if (!run || run.status === 'done') return;
    const year = yearOfMonth(run.month);
    const subtree = (col: string) => sql<boolean>`${sql.ref(col)} in (select descendant_id from org_closure where ancestor_id = ${run.org_id})`;
    const workers = await tx
      .selectFrom('model_workers')
      .leftJoin('model_worker_verifications as v', (j) => j.onRef('v.model_worker_id', '=', 'model_workers.id').on('v.year', '=', year))
      .leftJoin('members', 'members.id', 'model_workers.member_id')
      .select(['model_workers.id', 'model_workers.org_id', 'model_workers.level', 'v.alive', 'v.in_post', 'members.user_id'])
      .where('model_workers.status', '=', 'active')
      .where('model_workers.year', '<=', year)
      .where(subtree('model_workers.org_id'))
      .execute();
    const craftsmen = await tx
      .selectFrom('craftsmen')
      .leftJoin('members', 'members.id', 'craftsmen.member_id')
      .select(['craftsmen.id', 'craftsmen.org_id', 'members.user_id'])
      .where('craftsmen.status', '=', 'valid')
      .where('craftsmen.year', '<=', year)
      .where('craftsmen.valid_until', '>=', year)
      .where(subtree('craftsmen.org_id'))
      .execute();
    const due: Payee[] = [
      ...workers.filter((w) => payable(w.alive === null ? null : { alive: w.alive === 1, inPost: w.in_post === 1 })).map((w) => ({ kind: 'model_worker' as const, id: w.id, orgId: w.org_id, level: w.level, userId: w.user_id })),
      ...craftsmen.map((c) => ({ kind: 'craftsman' as const, id: c.id, orgId: c.org_id, userId: c.user_id })),
    ];
    const skipped = workers.length - due.filter((p) => p.kind === 'model_worker').length;
    const keys = due.map((p) => payKey(p.kind, p.id, run.month));
    const paidBefore = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await tx.selectFrom('allowance_entries').select('pay_key').where('pay_key', 'in', keys.slice(i, i + 500)).execute();
      for (const r of rows) paidBefore.add(r.pay_key!);
    }
    const settingsOf = settingsCache(tx);
    const now = deps.clock().toISOString();
    let paid = 0;
    let total = 0;
    for (const p of due) {
      const key = payKey(p.kind, p.id, run.month);
      if (paidBefore.has(key)) continue;
      const amount = monthlyAllowanceFen(await settingsOf(p.orgId), { kind: p.kind, level: p.level });
      await tx
        .insertInto('allowance_entries')
        .values({ org_id: p.orgId, holder_kind: p.kind, holder_id: p.id, kind: 'allowance', month: run.month, amount_fen: amount, pay_key: key, reverses_id: null, run_id: run.id, reason: null, created_by: run.requested_by, created_at: now })
        .execute();
      paid++;
      total += amount;
      if (p.userId !== null) {
        const what = p.kind === 'craftsman' ? { zh: '工匠特殊岗位津贴', en: 'craftsman allowance' } : { zh: '劳模津贴', en: 'model worker allowance' };
        await notify(tx, deps, [p.userId], { kind: 'allowance_paid', params: { month: run.month, amount: (amount / 100).toFixed(2), what }, key: `allowance:${key}` });
      }
    }
    await tx.updateTable('allowance_runs').set({ status: 'done', paid, skipped, total_fen: total, finished_at: now }).where('id', '=', run.id).execute();
    await audit(tx, { userId: run.requested_by, ip: null, now }, { action: 'allowance_run.finish', entity: 'allowance_run', entityId: run.id, orgId: run.org_id, after: { month: run.month, paid, skipped, totalFen: total } });
  });
}
