import path from 'node:path';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { holds, inSubtree, requireOrgInScope, writeScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, conflict, forbidden, notFound, refuse, refused } from '../../platform/errors.ts';
import { exportList } from '../../platform/exports.ts';
import { paginate } from '../../platform/paging.ts';
import { maskName } from '../../platform/pii.ts';
import { fileKinds, receiveFile, type FileKind } from '../../platform/uploads.ts';
import { keepUpload, spoolDir } from '../../platform/files.ts';
import { partnerOf } from '../cobuilding/index.ts';
import { membershipOf } from '../members/index.ts';
import { notify } from '../notifications/index.ts';
import { creditLovePoints, POINTS_PER_FULFILLED_WISH } from '../volunteers/index.ts';
import { exportTexts as t } from './messages.ts';
import { onWallOf, readableWishes } from './policy.ts';
import { checkValue, fromStatus, nextWishStatus, PROOF_MAX_BYTES, type WishAction, type WishStatus } from './rules.ts';
import type { moderationBody, wallQuery, wishBody, wishExportQuery, wishListQuery } from './schema.ts';

/** Micro-wishes (微心愿): posted → moderated → on the wall → claimed → fulfilled with a photo → confirmed by the wisher → points to the claimer. */

const PROOF_KINDS: readonly FileKind[] = ['jpg', 'png', 'webp'];
export const PROOF_PATH = '/api/wishes/files/';
/** A proof photo's file store key (platform/files.ts). */
const proofKey = (key: string) => `wishes/${key}`;

function wishes(tx: Tx) {
  return tx
    .selectFrom('wishes')
    .innerJoin('members', 'members.id', 'wishes.member_id')
    .innerJoin('orgs', 'orgs.id', 'wishes.org_id')
    .leftJoin('users as cu', 'cu.id', 'wishes.claimer_user_id')
    .leftJoin('members as cm', 'cm.id', 'wishes.claimer_member_id')
    .leftJoin('partners as cp', 'cp.id', 'wishes.claimer_partner_id')
    .select([
      'wishes.id',
      'wishes.org_id',
      'orgs.name as org_name',
      'members.name as wisher_name',
      'members.user_id as wisher_user_id',
      'wishes.title',
      'wishes.description',
      'wishes.value_fen',
      'wishes.status',
      'wishes.reject_reason',
      'wishes.claimer_user_id',
      'cm.name as claimer_member_name',
      'cp.name as claimer_partner_name',
      'cu.display_name as claimer_display_name',
      'wishes.claimed_at',
      'wishes.proof_key',
      'wishes.proof_note',
      'wishes.fulfilled_at',
      'wishes.confirmed_at',
      'wishes.created_at',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof wishes>['executeTakeFirstOrThrow']>>;

/**
 * The wish's narrative is personal (why the worker needs it): stored encrypted with `deps.pii`,
 * decrypted for the wisher, the claimer and cadres in scope; the wall shows only the title.
 */
const narrative = (deps: Deps, r: Row, userId: number | null, cadre: boolean) =>
  cadre || r.wisher_user_id === userId || (r.claimer_user_id !== null && r.claimer_user_id === userId) ? deps.pii.decrypt(r.description) : null;

const view = (deps: Deps, userId: number | null, masked: boolean, canClaim: boolean, cadre = false) => (r: Row) => {
  const claimer = r.claimer_partner_name ?? r.claimer_member_name ?? r.claimer_display_name;
  const actions: ('claim' | 'fulfil' | 'confirm')[] = [];
  if (canClaim && r.status === 'open' && r.wisher_user_id !== userId) actions.push('claim');
  if (r.status === 'claimed' && r.claimer_user_id === userId) actions.push('fulfil');
  if (r.status === 'fulfilled' && r.wisher_user_id === userId) actions.push('confirm');
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    wisherName: masked ? maskName(r.wisher_name) : r.wisher_name,
    title: r.title,
    description: narrative(deps, r, userId, cadre),
    valueFen: Number(r.value_fen),
    status: r.status,
    rejectReason: r.reject_reason,
    claimerName: claimer ? (masked && !r.claimer_partner_name ? maskName(claimer) : claimer) : null,
    claimedAt: r.claimed_at,
    proofUrl: r.proof_key ? `${PROOF_PATH}${r.proof_key}` : null,
    proofNote: r.proof_note,
    fulfilledAt: r.fulfilled_at,
    confirmedAt: r.confirmed_at,
    createdAt: r.created_at,
    actions,
  };
};

/** A worker posts their own wish; a cadre posts for a member of their scope (then it needs no moderation by them again). */
export async function postWish(deps: Deps, caller: Caller, input: z.infer<typeof wishBody>) {
  refuse(checkValue(input.valueFen));
  return deps.db.transaction().execute(async (tx) => {
    let member: { id: number; org_id: number };
    if (input.memberId) {
      const scope = writeScope(caller.user, 'wish.write');
      if (!scope.all && scope.roots.length === 0) throw forbidden();
      const m = await tx.selectFrom('members').select(['id', 'org_id']).where('id', '=', input.memberId).where('status', '!=', 'left').executeTakeFirst();
      if (!m) throw notFound('member');
      await requireOrgInScope(tx, scope, m.org_id, 'member');
      member = m;
    } else {
      const m = await membershipOf(tx, caller.user!.id);
      if (!m) throw refused('wish_not_member');
      member = m;
    }
    const { id } = await tx
      .insertInto('wishes')
      .values({
        org_id: member.org_id,
        member_id: member.id,
        title: input.title,
        description: deps.pii.encrypt(input.description),
        value_fen: input.valueFen,
        status: 'pending',
        reject_reason: null,
        claimer_user_id: null,
        claimer_member_id: null,
        claimer_partner_id: null,
        claimed_at: null,
        proof_key: null,
        proof_type: null,
        proof_note: null,
        fulfilled_at: null,
        confirmed_at: null,
        posted_by: caller.actor.userId,
        created_at: caller.actor.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'wish.create', entity: 'wish', entityId: id, orgId: member.org_id, after: { title: input.title, valueFen: input.valueFen, memberId: member.id } });
    return { id };
  });
}

/** Moves a wish one step by a conditional UPDATE: of racing requests one wins, the others get 409. */
async function move(tx: Tx, wishId: number, action: WishAction, set: Record<string, unknown>) {
  const done = await tx.updateTable('wishes').set(set).where('id', '=', wishId).where('status', '=', fromStatus(action)).executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

function step(status: WishStatus, action: WishAction) {
  const next = nextWishStatus(status, action);
  if ('code' in next) throw refused(next.code, next.params);
  return next.to;
}

export async function moderate(deps: Deps, caller: Caller, wishId: number, input: z.infer<typeof moderationBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const w = await tx
      .selectFrom('wishes')
      .innerJoin('members', 'members.id', 'wishes.member_id')
      .select(['wishes.id', 'wishes.org_id', 'wishes.status', 'wishes.title', 'members.user_id as wisher_user_id'])
      .where('wishes.id', '=', wishId)
      .where(readableWishes(caller.scope))
      .executeTakeFirst();
    if (!w) throw notFound('wish');
    const action = input.approve ? 'approve' : 'reject';
    const to = step(w.status, action);
    if (!(await move(tx, wishId, action, { status: to, reject_reason: input.approve ? null : (input.reason ?? null) }))) throw conflict('wish_wrong_step', { status: w.status });
    await audit(tx, caller.actor, { action: `wish.${action}`, entity: 'wish', entityId: wishId, orgId: w.org_id, after: input });
    if (w.wisher_user_id) {
      if (input.approve) await notify(tx, deps, [w.wisher_user_id], { kind: 'wish_approved', params: { title: w.title }, key: `wish_approved:${wishId}` });
      else await notify(tx, deps, [w.wisher_user_id], { kind: 'wish_rejected', params: { title: w.title, reason: input.reason ?? '—' }, key: `wish_rejected:${wishId}` });
    }
    return { id: wishId, status: to };
  });
}

function filtered(tx: Tx, scope: Scope, q: { orgId?: number; status?: string }) {
  let query = wishes(tx).where(readableWishes(scope));
  if (q.orgId) query = query.where(inSubtree('wishes.org_id', q.orgId));
  if (q.status) query = query.where('wishes.status', '=', q.status as WishStatus);
  return query;
}

export async function listWishes(deps: Deps, caller: Caller, query: z.infer<typeof wishListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filtered(deps.db, caller.scope, query), query, (q) => q.orderBy('wishes.id', 'desc'));
  return { items: rows.map(view(deps, caller.user!.id, false, false)), total };
}

/** One wish for a cadre in scope, with the wisher's narrative decrypted: the read is audited. */
export async function readWish(deps: Deps, caller: Caller, wishId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const r = await wishes(tx).where('wishes.id', '=', wishId).where(readableWishes(caller.scope)).executeTakeFirst();
    if (!r) throw notFound('wish');
    await audit(tx, caller.actor, { action: 'wish.read', entity: 'wish', entityId: wishId, orgId: r.org_id });
    return view(deps, caller.user!.id, false, false, true)(r);
  });
}

export async function exportWishes(deps: Deps, caller: Caller, query: z.infer<typeof wishExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'wishes',
    title: t.wishes,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps.db, scope, filters),
    keyset: 'wishes.id',
    columns: [
      { header: t.wisher, value: (r) => r.wisher_name, width: 12 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.title, value: (r) => r.title, width: 30 },
      { header: t.value, value: (r) => Number(r.value_fen) / 100 },
      { header: t.status, value: (r, lang) => t[r.status][lang] },
      { header: t.claimer, value: (r) => r.claimer_partner_name ?? r.claimer_member_name ?? r.claimer_display_name, width: 20 },
      { header: t.createdAt, value: (r) => r.created_at.slice(0, 10) },
    ],
  });
}

/** Who may claim, and the wall they see: a member (their union's parent's subtree) or a partner's contact (its union's). */
async function claimerOf(tx: Tx, userId: number) {
  const m = await membershipOf(tx, userId);
  const p = m ? undefined : await partnerOf(tx, userId);
  const orgId = m?.org_id ?? p?.org_id;
  if (orgId === undefined) return null;
  const org = await tx.selectFrom('orgs').select(['id', 'parent_id']).where('id', '=', orgId).executeTakeFirstOrThrow();
  return { memberId: m?.id ?? null, partnerId: p?.id ?? null, wallOrgId: org.parent_id ?? org.id };
}

export async function wall(deps: Deps, caller: Caller, query: z.infer<typeof wallQuery>) {
  const who = await claimerOf(deps.db, caller.user!.id);
  if (!who) return { items: [], total: 0 };
  let q = wishes(deps.db).where(onWallOf(who.wallOrgId)).where('wishes.status', 'in', ['open', 'claimed', 'fulfilled', 'confirmed']);
  if (query.status) q = q.where('wishes.status', '=', query.status);
  const { rows, total } = await paginate(q, query, (x) => x.orderBy('wishes.id', 'desc'));
  return { items: rows.map(view(deps, caller.user!.id, true, true)), total };
}

/** My wishes and the wishes I claimed. */
export async function mine(deps: Deps, caller: Caller) {
  const userId = caller.user!.id;
  const rows = await wishes(deps.db)
    .where((eb) => eb.or([eb('members.user_id', '=', userId), eb('wishes.claimer_user_id', '=', userId)]))
    .orderBy('wishes.id', 'desc')
    .limit(100)
    .execute();
  return { items: rows.map(view(deps, userId, false, false)) };
}

async function visibleWish(tx: Tx, caller: Caller, wishId: number) {
  const who = await claimerOf(tx, caller.user!.id);
  const w = await wishes(tx)
    .select(holds(who ? onWallOf(who.wallOrgId) : readableWishes({ all: false, roots: [] })).as('on_wall'))
    .where('wishes.id', '=', wishId)
    .executeTakeFirst();
  if (!w) throw notFound('wish');
  const mineOrClaimed = w.wisher_user_id === caller.user!.id || w.claimer_user_id === caller.user!.id;
  if (!mineOrClaimed && (Number(w.on_wall) !== 1 || w.status === 'pending' || w.status === 'rejected')) throw notFound('wish');
  return { w, who };
}

export async function claimWish(deps: Deps, caller: Caller, wishId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const { w, who } = await visibleWish(tx, caller, wishId);
    if (!who) throw new AppError(403, 'wish_claim_not_allowed');
    if (w.wisher_user_id === caller.user!.id) throw refused('wish_own');
    if (w.status !== 'open') throw conflict('wish_claimed');
    const ok = await move(tx, wishId, 'claim', { status: 'claimed', claimer_user_id: caller.user!.id, claimer_member_id: who.memberId, claimer_partner_id: who.partnerId, claimed_at: caller.actor.now });
    if (!ok) throw conflict('wish_claimed');
    await audit(tx, caller.actor, { action: 'wish.claim', entity: 'wish', entityId: wishId, orgId: w.org_id, after: { memberId: who.memberId, partnerId: who.partnerId } });
    if (w.wisher_user_id) await notify(tx, deps, [w.wisher_user_id], { kind: 'wish_claimed', params: { title: w.title }, key: `wish_claimed:${wishId}` });
    return { id: wishId };
  });
}

/** The claimer fulfils: multipart `file` (a photo) and `note`, through the platform's upload mechanism. */
export async function fulfilWish(deps: Deps, caller: Caller, wishId: number, parts: AsyncIterableIterator<any>) {
  const { stored, fields } = await receiveFile(parts, spoolDir(deps.config.dataDir), { maxBytes: PROOF_MAX_BYTES, allowed: PROOF_KINDS, required: false });
  if (!stored) throw new AppError(422, 'wish_proof_required', {}, [{ field: 'file', message: { zh: '请上传完成照片', en: 'Upload a photo as proof' } }]);
  const key = `${path.basename(stored.file)}.${fileKinds[stored.kind].ext[0]}`;
  return keepUpload(deps, stored.file, proofKey(key), async (tx) => {
    const { w } = await visibleWish(tx, caller, wishId);
    if (w.claimer_user_id !== caller.user!.id) throw refused('wish_not_claimer');
    step(w.status, 'fulfil');
    const note = (fields.note ?? '').trim().slice(0, 500) || null;
    if (!(await move(tx, wishId, 'fulfil', { status: 'fulfilled', proof_key: key, proof_type: stored.type, proof_note: note, fulfilled_at: caller.actor.now }))) throw conflict('wish_wrong_step', { status: w.status });
    await audit(tx, caller.actor, { action: 'wish.fulfil', entity: 'wish', entityId: wishId, orgId: w.org_id, after: { proofKey: key, note } });
    if (w.wisher_user_id) await notify(tx, deps, [w.wisher_user_id], { kind: 'wish_fulfilled', params: { title: w.title }, key: `wish_fulfilled:${wishId}` });
    return { id: wishId, status: 'fulfilled' as const };
  });
}

/** The wisher confirms; the claimer, when a member, earns the love points of a fulfilled wish (once). */
export async function confirmWish(deps: Deps, caller: Caller, wishId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const { w } = await visibleWish(tx, caller, wishId);
    if (w.wisher_user_id !== caller.user!.id) throw refused('wish_not_wisher');
    step(w.status, 'confirm');
    if (!(await move(tx, wishId, 'confirm', { status: 'confirmed', confirmed_at: caller.actor.now }))) throw conflict('wish_wrong_step', { status: w.status });
    const claimer = await tx.selectFrom('wishes').select('claimer_member_id').where('id', '=', wishId).executeTakeFirstOrThrow();
    const points = claimer.claimer_member_id !== null ? POINTS_PER_FULFILLED_WISH : 0;
    if (claimer.claimer_member_id !== null) {
      await creditLovePoints(tx, { memberId: claimer.claimer_member_id, points, reason: `圆梦微心愿“${w.title}”`, source: `wish:${wishId}`, at: caller.actor.now, by: caller.actor.userId });
    }
    if (w.claimer_user_id) await notify(tx, deps, [w.claimer_user_id], { kind: 'wish_confirmed', params: { title: w.title, points }, key: `wish_confirmed:${wishId}` });
    await audit(tx, caller.actor, { action: 'wish.confirm', entity: 'wish', entityId: wishId, orgId: w.org_id, after: { status: 'confirmed' } });
    return { id: wishId, status: 'confirmed' as const };
  });
}

/** A proof photo: for whoever may see the wish (its wisher, claimer, the wall, a cadre in scope). */
export async function proofFile(deps: Deps, caller: Caller, key: string) {
  if (!/^[0-9a-f-]{36}\.(jpg|png|webp)$/.test(key)) throw notFound('wish');
  const w = await deps.db.selectFrom('wishes').select(['id', 'proof_type']).where('proof_key', '=', key).executeTakeFirst();
  if (!w) throw notFound('wish');
  const cadre = await deps.db.selectFrom('wishes').select('id').where('id', '=', w.id).where(readableWishes(writeScope(caller.user, 'wish.read'))).executeTakeFirst();
  if (!cadre) await deps.db.transaction().execute((tx) => visibleWish(tx, caller, w.id));
  const body = await deps.files.open(proofKey(key));
  if (!body) throw notFound('wish');
  return { body, contentType: w.proof_type ?? 'image/jpeg', fileName: key };
}
