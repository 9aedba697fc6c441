import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { holds, inScope, inSubtree, requireOrgInScope, writeScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, conflict, forbidden, notFound, refuse, refused } from '../../platform/errors.ts';
import { exportList } from '../../platform/exports.ts';
import { paginate } from '../../platform/paging.ts';
import { fileKinds, receiveFile, type FileKind } from '../../platform/uploads.ts';
import { keepUpload, spoolDir } from '../../platform/files.ts';
import { notify } from '../notifications/index.ts';
import { exportTexts as t } from './messages.ts';
import { partnerOf } from './partners.ts';
import { itemsOfPartnerChain, readableItems } from './policy.ts';
import { checkClaim, checkOwnPartner, nextStatus, PHOTO_MAX_BYTES, sideOf, type ClaimAction, type ItemStatus, type Side } from './rules.ts';
import type { boardQuery, listItemBody, listItemExportQuery, listItemQuery, ratingBody, statsQuery } from './schema.ts';

/**
 * The four lists (需求/资源/项目/服务清单) and two-way claiming: an item published by the union is
 * claimed by a partner, one published by a partner by the union; the claimer starts and finishes
 * the work (a photo and a note), the publisher rates it. The item's status moves by conditional
 * UPDATEs, so of two racing claims one wins and the other gets 409.
 */

const PHOTO_KINDS: readonly FileKind[] = ['jpg', 'png', 'webp'];
export const PHOTO_PATH = '/api/list-items/files/';
/** A finishing photo's file store key (platform/files.ts). */
const photoKey = (key: string) => `cobuilding/${key}`;

/** Who the caller is in co-building: a cadre acting for the unions of a scope, and/or a partner's contact. */
interface Acting {
  unionScope: Scope;
  partner: { id: number; name: string; org_id: number } | undefined;
}
async function actingOf(tx: Tx, caller: Caller): Promise<Acting> {
  return { unionScope: writeScope(caller.user, 'cobuilding.write'), partner: await partnerOf(tx, caller.user!.id) };
}

function items(tx: Tx, acting: Acting) {
  return tx
    .selectFrom('list_items')
    .innerJoin('orgs', 'orgs.id', 'list_items.org_id')
    .leftJoin('partners as pub', 'pub.id', 'list_items.partner_id')
    .leftJoin('list_item_claims as c', (j) => j.onRef('c.item_id', '=', 'list_items.id').on('c.status', '<>', 'withdrawn'))
    .leftJoin('partners as cp', 'cp.id', 'c.partner_id')
    .select([
      'list_items.id',
      'list_items.org_id',
      'orgs.name as org_name',
      'list_items.partner_id',
      'pub.name as partner_name',
      'list_items.list',
      'list_items.title',
      'list_items.description',
      'list_items.status',
      'list_items.created_at',
      'c.id as claim_id',
      'c.partner_id as claim_partner_id',
      'cp.name as claim_partner_name',
      'c.status as claim_status',
      'c.claimed_at',
      'c.done_at',
      'c.note',
      'c.photo_key',
      'c.rating',
      'c.rating_comment',
    ])
    .select(holds(readableItems(acting.unionScope)).as('union_writes'));
}
type Row = Awaited<ReturnType<ReturnType<typeof items>['executeTakeFirstOrThrow']>>;

/** The side the caller acts on for an item: union when a cadre's write scope covers it, partner when it is on their chain. */
function sideFor(r: Pick<Row, 'union_writes'>, acting: Acting, onChain: boolean): Side | null {
  if (Number(r.union_writes) === 1) return 'union';
  if (acting.partner && onChain) return 'partner';
  return null;
}

function actionsOf(r: Row, acting: Acting, side: Side | null): ClaimAction[] | ('claim' | ClaimAction)[] {
  if (!side) return [];
  const status = r.status as ItemStatus;
  const publisher = sideOf({ partnerId: r.partner_id }) === side && (side === 'union' || r.partner_id === acting.partner?.id);
  const claimer = r.claim_id !== null && (r.claim_partner_id === null ? side === 'union' : side === 'partner' && r.claim_partner_id === acting.partner?.id);
  const out: ('claim' | ClaimAction)[] = [];
  if (status === 'open' && sideOf({ partnerId: r.partner_id }) !== side) out.push('claim');
  if (claimer && status === 'claimed') out.push('start', 'withdraw');
  if (claimer && status === 'in_progress') out.push('finish');
  if (publisher && status === 'done') out.push('rate');
  return out;
}

const view = (acting: Acting, onChain: (r: Row) => boolean) => (r: Row) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  partnerId: r.partner_id,
  partnerName: r.partner_name,
  side: sideOf({ partnerId: r.partner_id }),
  list: r.list,
  title: r.title,
  description: r.description,
  status: r.status,
  createdAt: r.created_at,
  claim:
    r.claim_id === null
      ? null
      : {
          id: r.claim_id,
          partnerId: r.claim_partner_id,
          partnerName: r.claim_partner_name,
          status: r.claim_status!,
          claimedAt: r.claimed_at!,
          doneAt: r.done_at,
          note: r.note,
          photoUrl: r.photo_key ? `${PHOTO_PATH}${r.photo_key}` : null,
          rating: r.rating === null ? null : Number(r.rating),
          ratingComment: r.rating_comment,
        },
  actions: actionsOf(r, acting, sideFor(r, acting, onChain(r))) as ('claim' | ClaimAction)[],
});

export async function createItem(deps: Deps, caller: Caller, input: z.infer<typeof listItemBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const acting = await actingOf(tx, caller);
    let partnerId: number | null = null;
    const inUnionScope = await tx.selectFrom('orgs').select('id').where('id', '=', input.orgId).where(inScope('orgs.id', acting.unionScope)).executeTakeFirst();
    if (inUnionScope) {
      if (input.partnerId) {
        const p = await tx.selectFrom('partners').select(['id', 'org_id']).where('id', '=', input.partnerId).executeTakeFirst();
        if (!p) throw notFound('partner');
        if (p.org_id !== input.orgId) throw refused('list_item_partner_org');
        partnerId = p.id;
      }
    } else if (acting.partner) {
      if (checkOwnPartner(input.partnerId, acting.partner.id)) throw new AppError(403, 'list_item_foreign_partner');
      if (input.orgId !== acting.partner.org_id) throw refused('list_item_partner_org');
      partnerId = acting.partner.id;
    } else if (acting.unionScope.all || acting.unionScope.roots.length > 0) {
      throw notFound('org');
    } else {
      throw forbidden();
    }
    const { id } = await tx
      .insertInto('list_items')
      .values({ org_id: input.orgId, partner_id: partnerId, list: input.list, title: input.title, description: input.description, status: 'open', created_by: caller.actor.userId, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'list_item.create', entity: 'list_item', entityId: id, orgId: input.orgId, after: { ...input, partnerId } });
    return { id };
  });
}

/** The item as the caller may act on it: in their union write scope, or on their partner's chain; else 404. */
async function itemFor(tx: Tx, acting: Acting, itemId: number) {
  let q = items(tx, acting).where('list_items.id', '=', itemId);
  const chain = acting.partner ? itemsOfPartnerChain(acting.partner.org_id) : sql<boolean>`1 = 0`;
  q = q.where((eb) => eb.or([readableItems(acting.unionScope), chain]));
  const r = await q.select(holds(chain).as('on_chain')).executeTakeFirst();
  if (!r) throw notFound('list_item');
  const side = sideFor(r, acting, Number(r.on_chain) === 1);
  return { r, side: side! };
}

async function publisherUsers(tx: Tx, r: Row): Promise<number[]> {
  const item = await tx.selectFrom('list_items').select('created_by').where('id', '=', r.id).executeTakeFirstOrThrow();
  const contacts = r.partner_id === null ? [] : await tx.selectFrom('partner_contacts').select('user_id').where('partner_id', '=', r.partner_id).execute();
  return [...(item.created_by ? [item.created_by] : []), ...contacts.map((c) => c.user_id)];
}

export async function claimItem(deps: Deps, caller: Caller, itemId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const acting = await actingOf(tx, caller);
    const { r, side } = await itemFor(tx, acting, itemId);
    const refusal = checkClaim({ partnerId: r.partner_id, status: r.status as ItemStatus }, side);
    if (refusal?.code === 'list_item_claimed') throw conflict('list_item_claimed');
    refuse(refusal);
    const moved = await tx.updateTable('list_items').set({ status: 'claimed' }).where('id', '=', itemId).where('status', '=', 'open').executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw conflict('list_item_claimed');
    const partnerId = side === 'partner' ? acting.partner!.id : null;
    const { id } = await tx
      .insertInto('list_item_claims')
      .values({ item_id: itemId, partner_id: partnerId, status: 'claimed', claimed_by: caller.actor.userId, claimed_at: caller.actor.now, started_at: null, done_at: null, note: null, photo_key: null, rating: null, rating_comment: null, rated_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'list_item.claim', entity: 'list_item', entityId: itemId, orgId: r.org_id, after: { claimId: id, partnerId } });
    const claimer = side === 'partner' ? acting.partner!.name : r.org_name;
    await notify(tx, deps, (await publisherUsers(tx, r)).filter((u) => u !== caller.actor.userId), { kind: 'list_item_claimed', params: { title: r.title, claimer }, key: `list_item_claimed:${id}` });
    return { id };
  });
}

/** The claimer moves the work on: start, withdraw (back to open), or finish with a photo and a note. */
async function moveClaim(deps: Deps, caller: Caller, itemId: number, action: 'start' | 'withdraw' | 'finish', extra: { note?: string | null; photoKey?: string } = {}) {
  return deps.db.transaction().execute(async (tx) => {
    const acting = await actingOf(tx, caller);
    const { r, side } = await itemFor(tx, acting, itemId);
    const claimer = r.claim_id !== null && (r.claim_partner_id === null ? side === 'union' : side === 'partner' && r.claim_partner_id === acting.partner?.id);
    if (!claimer) throw refused('list_item_not_claimer');
    const next = nextStatus(r.status as ItemStatus, action);
    if ('code' in next) throw refused(next.code, next.params);
    const moved = await tx.updateTable('list_items').set({ status: next.to }).where('id', '=', itemId).where('status', '=', r.status).executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw conflict('list_item_wrong_step', { status: r.status });
    const now = caller.actor.now;
    const claimSet =
      action === 'start'
        ? { status: 'in_progress' as const, started_at: now }
        : action === 'withdraw'
          ? { status: 'withdrawn' as const }
          : { status: 'done' as const, done_at: now, note: extra.note ?? null, photo_key: extra.photoKey ?? null };
    await tx.updateTable('list_item_claims').set(claimSet).where('id', '=', r.claim_id!).execute();
    await audit(tx, caller.actor, { action: `list_item.${action}`, entity: 'list_item', entityId: itemId, orgId: r.org_id, after: { claimId: r.claim_id, ...(action === 'finish' ? { note: extra.note ?? null, photoKey: extra.photoKey } : {}) } });
    if (action === 'finish') {
      const by = r.claim_partner_name ?? r.org_name;
      await notify(tx, deps, (await publisherUsers(tx, r)).filter((u) => u !== caller.actor.userId), { kind: 'list_item_done', params: { title: r.title, claimer: by }, key: `list_item_done:${r.claim_id}` });
    }
    return { id: itemId, status: next.to };
  });
}

export const startItem = (deps: Deps, caller: Caller, itemId: number) => moveClaim(deps, caller, itemId, 'start');
export const withdrawClaim = (deps: Deps, caller: Caller, itemId: number) => moveClaim(deps, caller, itemId, 'withdraw');

/** Finishing: the multipart fields `file` (a JPG, PNG or WebP photo) and `note`, through the platform's upload mechanism. */
export async function finishItem(deps: Deps, caller: Caller, itemId: number, parts: AsyncIterableIterator<any>) {
  const { stored, fields } = await receiveFile(parts, spoolDir(deps.config.dataDir), { maxBytes: PHOTO_MAX_BYTES, allowed: PHOTO_KINDS, required: false });
  if (!stored) throw new AppError(422, 'photo_required', {}, [{ field: 'file', message: { zh: '请上传完成照片', en: 'Upload a photo of the finished work' } }]);
  const key = `${path.basename(stored.file)}.${fileKinds[stored.kind].ext[0]}`;
  try {
    const note = (fields.note ?? '').trim().slice(0, 1000) || null;
    const result = await moveClaim(deps, caller, itemId, 'finish', { note, photoKey: key });
    await keepUpload(deps, stored.file, photoKey(key), async (tx) => {
      const claim = await tx.selectFrom('list_item_claims').select('id').where('item_id', '=', itemId).where('photo_key', '=', key).executeTakeFirstOrThrow();
      await tx.insertInto('cobuilding_files').values({ key, claim_id: claim.id, content_type: stored.type, size: stored.size, created_by: caller.actor.userId, created_at: caller.actor.now }).execute();
    });
    return result;
  } finally {
    // A refused finish never reached keepUpload, which removes the spool itself.
    fs.rmSync(stored.file, { force: true });
  }
}

export async function photoFile(deps: Deps, key: string) {
  if (!/^[0-9a-f-]{36}\.(jpg|png|webp)$/.test(key)) throw notFound('cobuilding_file');
  const row = await deps.db.selectFrom('cobuilding_files').select(['key', 'content_type']).where('key', '=', key).executeTakeFirst();
  const body = row && (await deps.files.open(photoKey(row.key)));
  if (!row || !body) throw notFound('cobuilding_file');
  return { body, contentType: row.content_type, fileName: row.key };
}

export async function rateItem(deps: Deps, caller: Caller, itemId: number, input: z.infer<typeof ratingBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const acting = await actingOf(tx, caller);
    const { r, side } = await itemFor(tx, acting, itemId);
    const publisher = sideOf({ partnerId: r.partner_id }) === side && (side === 'union' || r.partner_id === acting.partner?.id);
    if (!publisher) throw refused('list_item_not_publisher');
    const next = nextStatus(r.status as ItemStatus, 'rate');
    if ('code' in next) throw refused(next.code, next.params);
    const moved = await tx.updateTable('list_items').set({ status: 'rated' }).where('id', '=', itemId).where('status', '=', 'done').executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw conflict('list_item_wrong_step', { status: r.status });
    await tx.updateTable('list_item_claims').set({ rating: input.rating, rating_comment: input.comment ?? null, rated_at: caller.actor.now }).where('id', '=', r.claim_id!).execute();
    await audit(tx, caller.actor, { action: 'list_item.rate', entity: 'list_item', entityId: itemId, orgId: r.org_id, after: input });
    return { id: itemId, status: 'rated' as const };
  });
}

function filtered(tx: Tx, acting: Acting, scope: Scope, q: { orgId?: number; partnerId?: number; side?: Side; list?: string; status?: string }) {
  let query = items(tx, acting).where(readableItems(scope));
  if (q.orgId) query = query.where(inSubtree('list_items.org_id', q.orgId));
  if (q.partnerId) query = query.where((eb) => eb.or([eb('list_items.partner_id', '=', q.partnerId!), eb('c.partner_id', '=', q.partnerId!)]));
  if (q.side) query = query.where('list_items.partner_id', q.side === 'union' ? 'is' : 'is not', null);
  if (q.list) query = query.where('list_items.list', '=', q.list as never);
  if (q.status) query = query.where('list_items.status', q.status === 'in_progress' ? 'in' : '=', (q.status === 'in_progress' ? ['claimed', 'in_progress'] : q.status) as never);
  return query;
}

export async function listItems(deps: Deps, caller: Caller, query: z.infer<typeof listItemQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const acting = await actingOf(deps.db, caller);
  const { rows, total } = await paginate(filtered(deps.db, acting, caller.scope, query), query, (q) => q.orderBy('list_items.id', 'desc'));
  return { items: rows.map(view(acting, () => false)), total };
}

/** A partner contact's board: the items of its partner's chain (published by the union or by any partner there). */
export async function board(deps: Deps, caller: Caller, query: z.infer<typeof boardQuery>) {
  const acting = await actingOf(deps.db, caller);
  if (!acting.partner) throw new AppError(403, 'partner_contact_only');
  let q = items(deps.db, acting).where(itemsOfPartnerChain(acting.partner.org_id));
  if (query.list) q = q.where('list_items.list', '=', query.list);
  if (query.status) q = q.where('list_items.status', '=', query.status);
  const { rows, total } = await paginate(q, query, (x) => x.orderBy('list_items.id', 'desc'));
  return { items: rows.map(view(acting, () => true)), total };
}

export async function exportItems(deps: Deps, caller: Caller, query: z.infer<typeof listItemExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const acting = await actingOf(deps.db, caller);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'list_items',
    title: t.items,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps.db, acting, scope, filters),
    keyset: 'list_items.id',
    columns: [
      { header: t.list, value: (r, lang) => t[r.list][lang] },
      { header: t.title, value: (r) => r.title, width: 30 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.publisher, value: (r, lang) => r.partner_name ?? t.union[lang], width: 24 },
      { header: t.claimer, value: (r, lang) => (r.claim_id === null ? null : (r.claim_partner_name ?? t.union[lang])), width: 24 },
      { header: t.status, value: (r, lang) => (r.status === 'claimed' || r.status === 'done' ? { claimed: { zh: '已认领', en: 'Claimed' }, done: t.done }[r.status][lang] : t[r.status][lang]) },
      { header: t.rating, value: (r) => (r.rating === null ? null : Number(r.rating)) },
      { header: t.createdAt, value: (r) => r.created_at.slice(0, 10) },
    ],
  });
}

/** Figures of a scope: partners, items per list and step, the average rating of finished work. */
export async function stats(deps: Deps, caller: Caller, query: z.infer<typeof statsQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  return cobuildingStats(deps.db, caller.scope, query.orgId);
}

export async function cobuildingStats(tx: Tx, scope: Scope, orgId?: number) {
  const p = tx.selectFrom('partners').select((eb) => eb.fn.countAll<number | string>().as('n')).where(inSubtreeOr('partners.org_id', scope, orgId));
  const partners = Number((await p.executeTakeFirstOrThrow()).n);
  const rows = await tx
    .selectFrom('list_items')
    .select(['list_items.list', 'list_items.status'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(inSubtreeOr('list_items.org_id', scope, orgId))
    .groupBy(['list_items.list', 'list_items.status'])
    .execute();
  const rating = await tx
    .selectFrom('list_item_claims')
    .innerJoin('list_items', 'list_items.id', 'list_item_claims.item_id')
    .select(sql<number | string | null>`avg(list_item_claims.rating)`.as('avg'))
    .where('list_item_claims.rating', 'is not', null)
    .where(inSubtreeOr('list_items.org_id', scope, orgId))
    .executeTakeFirstOrThrow();
  const byList = (['need', 'resource', 'project', 'service'] as const).map((list) => {
    const of = rows.filter((r) => r.list === list);
    const n = (s: string[]) => of.filter((r) => s.includes(r.status)).reduce((a, r) => a + Number(r.n), 0);
    return { list, total: n(['open', 'claimed', 'in_progress', 'done', 'rated']), open: n(['open']), claimed: n(['claimed', 'in_progress']), done: n(['done', 'rated']) };
  });
  return { partners, byList, averageRating: rating.avg === null ? null : Math.round(Number(rating.avg) * 10) / 10 };
}

const inSubtreeOr = (column: string, scope: Scope, orgId?: number) => (orgId ? inSubtree(column, orgId) : inScope(column, scope));

/** To-dos of the union over a scope: partner items open for it to claim, work it claimed, union items done and waiting for its rating. */
export async function countWaiting(deps: Deps, scope: Scope, waiting: 'to_claim' | 'to_finish' | 'to_rate'): Promise<number> {
  let q = deps.db.selectFrom('list_items').select((eb) => eb.fn.countAll<number | string>().as('n')).where(readableItems(scope));
  if (waiting === 'to_claim') q = q.where('list_items.partner_id', 'is not', null).where('list_items.status', '=', 'open');
  if (waiting === 'to_rate') q = q.where('list_items.partner_id', 'is', null).where('list_items.status', '=', 'done');
  if (waiting === 'to_finish')
    q = q
      .where('list_items.partner_id', 'is not', null)
      .where('list_items.status', 'in', ['claimed', 'in_progress'])
      .where((eb) => eb.exists(eb.selectFrom('list_item_claims as w').select('w.id').whereRef('w.item_id', '=', 'list_items.id').where('w.partner_id', 'is', null).where('w.status', 'in', ['claimed', 'in_progress'])));
  return Number((await q.executeTakeFirstOrThrow()).n);
}
