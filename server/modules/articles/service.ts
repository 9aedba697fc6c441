import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { fieldError, notFound, refuse } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { paginate } from '../../platform/paging.ts';
import { shanghaiMinute } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import { audit } from '../../platform/audit.ts';
import type { AuditAction } from '../../platform/i18n.ts';
import { membershipOf } from '../members/index.ts';
import { exportTexts as t } from './messages.ts';
import { readableByCadre, readableByReader, writableByCadre } from './policy.ts';
import { articleActions, checkPin, checkPublish, checkWithdraw, stateOf, statusOnCreate, summaryOf } from './rules.ts';
import { plainTextOf, sanitizeArticleHtml } from './sanitize.ts';
import type { createArticleBody, manageExportQuery, manageListQuery, readerListQuery, updateArticleBody } from './schema.ts';
import type { ArticleTable } from './tables.ts';

/** Sanitized body and its summary; a body that cleans down to nothing is refused. */
async function cleanBody(html: string) {
  const body = await sanitizeArticleHtml(html);
  const summary = summaryOf(await plainTextOf(body));
  if (!summary && !body.includes('<img')) throw fieldError('body', 'article_body_empty');
  return { body, summary };
}

function articles(tx: Tx) {
  return tx.selectFrom('articles').innerJoin('orgs', 'orgs.id', 'articles.org_id');
}

const managedColumns = [
  'articles.id', 'articles.org_id', 'orgs.name as org_name', 'articles.column', 'articles.title', 'articles.status', 'articles.is_public',
  'articles.pinned', 'articles.published_at', 'articles.reads', 'articles.updated_at',
] as const;

type ManagedRow = Pick<ArticleTable, 'column' | 'title' | 'status' | 'is_public' | 'pinned' | 'published_at' | 'reads' | 'updated_at'> & { id: number; org_id: number; org_name: string; writes: number };

function managedItem(r: ManagedRow, now: string) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    column: r.column,
    title: r.title,
    status: stateOf(r.status, r.published_at, now),
    public: r.is_public === 1,
    pinned: r.pinned === 1,
    publishedAt: r.published_at,
    reads: Number(r.reads),
    updatedAt: r.updated_at,
    actions: articleActions(r.status, r.pinned === 1, r.writes === 1),
  };
}

async function articleInScope(tx: Tx, caller: Caller, id: number) {
  const a = await articles(tx).select(managedColumns).select(writableByCadre(caller.user)).select(['articles.body', 'articles.summary', 'articles.created_at']).where('articles.id', '=', id).where(readableByCadre(caller.scope)).executeTakeFirst();
  if (!a) throw notFound('article');
  return a;
}

// ---------- the cadre's side ----------

export async function createArticle(deps: Deps, caller: Caller, input: z.infer<typeof createArticleBody>) {
  const { body, summary } = await cleanBody(input.body);
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const now = caller.actor.now;
    const status = statusOnCreate(input.publishAt);
    const { id } = await tx
      .insertInto('articles')
      .values({
        org_id: input.orgId,
        column: input.column,
        title: input.title,
        body,
        summary,
        is_public: input.public ? 1 : 0,
        status,
        published_at: input.publishAt ?? null,
        pinned: 0,
        reads: 0,
        created_by: caller.user!.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'article.create', entity: 'article', entityId: id, orgId: input.orgId, after: { column: input.column, title: input.title, public: input.public, status, publishedAt: input.publishAt ?? null } });
    return { id, status: stateOf(status, input.publishAt ?? null, now) };
  });
}

type ManagedFilters = Omit<z.infer<typeof manageListQuery>, 'page' | 'pageSize'>;

/** The articles in `scope` as the managing list filters them, at `now`: the list and its export share it. */
function filteredManaged(tx: Tx, scope: Scope, query: ManagedFilters, now: string) {
  let q = articles(tx).where(readableByCadre(scope));
  if (query.orgId) q = q.where(inSubtree('articles.org_id', query.orgId));
  if (query.column) q = q.where('articles.column', '=', query.column);
  if (query.status === 'scheduled') q = q.where('articles.status', '=', 'published').where('articles.published_at', '>', now);
  else if (query.status === 'published') q = q.where('articles.status', '=', 'published').where('articles.published_at', '<=', now);
  else if (query.status) q = q.where('articles.status', '=', query.status);
  return q;
}

export async function listManaged(deps: Deps, caller: Caller, query: z.infer<typeof manageListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const now = caller.actor.now;
  const { rows, total } = await paginate(filteredManaged(deps.db, caller.scope, query, now), query, (q) =>
    q.select(managedColumns).select(writableByCadre(caller.user)).orderBy('articles.pinned', 'desc').orderBy('articles.updated_at', 'desc').orderBy('articles.id', 'desc'),
  );
  return { items: rows.map((r) => managedItem(r, now)), total };
}

/** The articles as the managing list filters them, in Excel. */
export async function exportManaged(deps: Deps, caller: Caller, query: z.infer<typeof manageExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const now = caller.actor.now;
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'articles',
    title: t.articles,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filteredManaged(deps.db, scope, filters, now).select(managedColumns),
    keyset: 'articles.id',
    columns: [
      { header: t.title, value: (a) => a.title, width: 40 },
      { header: t.column, value: (a, lang) => t[a.column][lang], width: 12 },
      { header: t.org, value: (a) => a.org_name, width: 28 },
      { header: t.status, value: (a, lang) => t[stateOf(a.status, a.published_at, now)][lang], width: 10 },
      { header: t.public, value: (a, lang) => (a.is_public === 1 ? t.yes[lang] : ''), width: 8 },
      { header: t.pinned, value: (a, lang) => (a.pinned === 1 ? t.yes[lang] : ''), width: 8 },
      { header: t.publishedAt, value: (a) => a.published_at && shanghaiMinute(a.published_at), width: 18 },
      { header: t.reads, value: (a) => Number(a.reads), width: 8 },
      { header: t.updatedAt, value: (a) => shanghaiMinute(a.updated_at), width: 18 },
    ],
  });
}

export async function getManaged(deps: Deps, caller: Caller, id: number) {
  const a = await articleInScope(deps.db, caller, id);
  return { ...managedItem(a, caller.actor.now), body: a.body, summary: a.summary, createdAt: a.created_at };
}

export async function updateArticle(deps: Deps, caller: Caller, id: number, input: z.infer<typeof updateArticleBody>) {
  const cleaned = input.body === undefined ? null : await cleanBody(input.body);
  await deps.db.transaction().execute(async (tx) => {
    const before = await articleInScope(tx, caller, id);
    const set: Updateable<ArticleTable> = { updated_at: caller.actor.now };
    if (input.column !== undefined) set.column = input.column;
    if (input.title !== undefined) set.title = input.title;
    if (input.public !== undefined) set.is_public = input.public ? 1 : 0;
    if (cleaned) Object.assign(set, cleaned);
    await tx.updateTable('articles').set(set).where('id', '=', id).execute();
    await audit(tx, caller.actor, {
      action: 'article.update',
      entity: 'article',
      entityId: id,
      orgId: before.org_id,
      before: { column: before.column, title: before.title, public: before.is_public === 1, bodyChanged: false },
      after: { column: input.column, title: input.title, public: input.public, bodyChanged: cleaned !== null },
    });
  });
  return getManaged(deps, caller, id);
}

/** One lifecycle step on an article in scope: checked by rules.ts, written and audited in one transaction. */
async function transition(deps: Deps, caller: Caller, id: number, step: (a: Awaited<ReturnType<typeof articleInScope>>) => { action: AuditAction; set: Updateable<ArticleTable>; after: Record<string, unknown> }) {
  await deps.db.transaction().execute(async (tx) => {
    const before = await articleInScope(tx, caller, id);
    const { action, set, after } = step(before);
    await tx.updateTable('articles').set({ ...set, updated_at: caller.actor.now }).where('id', '=', id).execute();
    await audit(tx, caller.actor, { action, entity: 'article', entityId: id, orgId: before.org_id, before: { status: before.status, publishedAt: before.published_at, pinned: before.pinned === 1 }, after });
  });
  return getManaged(deps, caller, id);
}

export function publishArticle(deps: Deps, caller: Caller, id: number, publishAt: string | undefined) {
  return transition(deps, caller, id, (a) => {
    refuse(checkPublish(a.status));
    const at = publishAt ?? caller.actor.now;
    return { action: 'article.publish', set: { status: 'published', published_at: at }, after: { status: 'published', publishedAt: at } };
  });
}

export function withdrawArticle(deps: Deps, caller: Caller, id: number) {
  return transition(deps, caller, id, (a) => {
    refuse(checkWithdraw(a.status));
    return { action: 'article.withdraw', set: { status: 'withdrawn', pinned: 0 }, after: { status: 'withdrawn', pinned: false } };
  });
}

export function pinArticle(deps: Deps, caller: Caller, id: number, pinned: boolean) {
  return transition(deps, caller, id, (a) => {
    refuse(checkPin(a.status, pinned));
    return { action: pinned ? 'article.pin' : 'article.unpin', set: { pinned: pinned ? 1 : 0 }, after: { pinned } };
  });
}

// ---------- the reader's side ----------

/** The union a logged-in person is a member of, if any: what decides their articles beyond the public ones. */
async function memberOrgOf(tx: Tx, caller: Caller): Promise<number | null> {
  if (!caller.user) return null;
  return (await membershipOf(tx, caller.user.id))?.org_id ?? null;
}

export async function listForReader(deps: Deps, caller: Caller, query: z.infer<typeof readerListQuery>) {
  const now = caller.actor.now;
  let q = articles(deps.db).where(readableByReader(await memberOrgOf(deps.db, caller), now));
  if (query.column) q = q.where('articles.column', '=', query.column);
  if (query.orgId) q = q.where(inSubtree('articles.org_id', query.orgId));
  const { rows, total } = await paginate(q, query, (q) =>
    q
      .select(['articles.id', 'articles.title', 'articles.column', 'orgs.name as org_name', 'articles.published_at', 'articles.summary'])
      .orderBy('articles.pinned', 'desc')
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc'),
  );
  return { items: rows.map((r) => ({ id: r.id, title: r.title, column: r.column, orgName: r.org_name, publishedAt: r.published_at!, summary: r.summary })), total };
}

/** One article as a reader opens it: counted as one read. Cadres read in the console (getManaged), which counts nothing. */
export async function readArticle(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const visible = readableByReader(await memberOrgOf(tx, caller), caller.actor.now);
    const done = await tx.updateTable('articles').set((eb) => ({ reads: eb('reads', '+', 1) })).where('id', '=', id).where(visible).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw notFound('article');
    const a = await articles(tx).select(['articles.id', 'articles.title', 'articles.body', 'articles.column', 'orgs.name as org_name', 'articles.published_at', 'articles.reads']).where('articles.id', '=', id).executeTakeFirstOrThrow();
    return { id: a.id, title: a.title, body: a.body, column: a.column, orgName: a.org_name, publishedAt: a.published_at!, reads: Number(a.reads) };
  });
}
