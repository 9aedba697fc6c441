import type { z } from 'zod';
import { isoNow, parseJson, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { isNoticeKind, renderNotice, translate, type NoticeKind, type Param } from '../../platform/i18n.ts';
import { paginate } from '../../platform/paging.ts';
import type { listQuery } from './schema.ts';

/** What a module posts: a kind with its template's params, where it leads, and how it is sent. */
export interface Notice {
  kind: NoticeKind;
  params?: Record<string, Param>;
  /** a console path (`/members/applications?status=pending`) or a portal one (`/m/activities/3`) */
  link?: string | null;
  /** Idempotency: a user gets one notice per key, however often it is posted (sweeps, retries). */
  key?: string;
  /** Also as a text message to recipients with a phone, through the platform's SMS sender (when it may send). */
  sms?: boolean;
}

/**
 * The one call a module makes to notify people, inside its own transaction: the notices exist only
 * if the change that caused them commits. Answers the ids of the notices written (a key already
 * used for a user writes nothing for them). Text messages go through the durable job
 * `notifications.sms`, so a slow or failing gateway never holds up the change, and is retried.
 */
export async function notify(tx: Tx, deps: Deps, userIds: readonly number[], notice: Notice): Promise<number[]> {
  const to = [...new Set(userIds)];
  if (to.length === 0) return [];
  const now = isoNow(deps.clock);
  const rows = await tx
    .insertInto('notifications')
    .values(to.map((userId) => ({ user_id: userId, kind: notice.kind, params: JSON.stringify(notice.params ?? {}), link: notice.link ?? null, dedupe_key: notice.key ?? null, created_at: now, read_at: null })))
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  const ids = rows.map((r) => r.id);
  if (notice.sms && deps.sms.usable()) {
    for (const id of ids) await deps.jobs.send('notifications.sms', { notificationId: id }, { key: String(id), trx: tx as never });
  }
  return ids;
}

/**
 * The cadres who act for an org: those holding the cadre role on it, or, when it has none, on its
 * nearest ancestor that has some (an overdue application of a union without cadres still reaches
 * someone).
 */
export async function cadresOf(tx: Tx, orgId: number): Promise<number[]> {
  const rows = await tx
    .selectFrom('org_closure as c')
    .innerJoin('role_grants as g', 'g.org_id', 'c.ancestor_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.user_id', 'c.depth'])
    .where('c.descendant_id', '=', orgId)
    .where('g.role', '=', 'cadre')
    .where('u.disabled', '=', 0)
    .orderBy('c.depth')
    .execute();
  const nearest = rows[0]?.depth;
  return rows.filter((r) => r.depth === nearest).map((r) => r.user_id);
}

type Row = { id: number; kind: string; params: string; link: string | null; created_at: string; read_at: string | null };

function view(lang: Caller['lang']) {
  return (r: Row) => {
    const params = parseJson<Record<string, Param>>(r.params) ?? {};
    // A kind whose module was removed still shows, as its code, rather than failing the whole list.
    const text = isNoticeKind(r.kind) ? renderNotice(r.kind, lang, params) : { title: r.kind, body: '' };
    return { id: r.id, kind: r.kind, title: text.title, body: text.body, link: r.link, createdAt: r.created_at, readAt: r.read_at };
  };
}

export async function unreadCount(tx: Tx, userId: number): Promise<number> {
  const row = await tx.selectFrom('notifications').select((eb) => eb.fn.countAll<number | string>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The caller's own notices, newest first, with the unread count (for the bell). */
export async function listMine(deps: Deps, caller: Caller, query: z.infer<typeof listQuery>) {
  const userId = caller.user!.id;
  let base = deps.db.selectFrom('notifications').where('user_id', '=', userId);
  if (query.unread) base = base.where('read_at', 'is', null);
  const { rows, total } = await paginate(base, query, (q) => q.select(['id', 'kind', 'params', 'link', 'created_at', 'read_at']).orderBy('id', 'desc'));
  const unread = query.unread ? total : await unreadCount(deps.db, userId);
  return { items: rows.map(view(caller.lang)), total, unread };
}

export async function markRead(deps: Deps, caller: Caller, id: number): Promise<void> {
  const done = await deps.db
    .updateTable('notifications')
    .set({ read_at: isoNow(deps.clock) })
    .where('id', '=', id)
    .where('user_id', '=', caller.user!.id)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 1) return;
  // Already read is fine (two tabs); someone else's notice is as unknown as a missing one.
  const mine = await deps.db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', caller.user!.id).executeTakeFirst();
  if (!mine) throw notFound('notification');
}

export async function markAllRead(deps: Deps, caller: Caller): Promise<void> {
  await deps.db.updateTable('notifications').set({ read_at: isoNow(deps.clock) }).where('user_id', '=', caller.user!.id).where('read_at', 'is', null).execute();
}

/** The text message of one notice, to its user's phone; run by the job `notifications.sms`. */
export async function sendNoticeSms(deps: Deps, notificationId: number): Promise<void> {
  const row = await deps.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['n.kind', 'n.params', 'u.phone_enc', 'u.disabled'])
    .where('n.id', '=', notificationId)
    .executeTakeFirst();
  if (!row || !row.phone_enc || row.disabled || !isNoticeKind(row.kind)) return;
  const text = renderNotice(row.kind, 'zh', parseJson<Record<string, Param>>(row.params) ?? {});
  await deps.sms.send(deps.pii.decrypt(row.phone_enc), translate('notice_sms', 'zh', text));
}
