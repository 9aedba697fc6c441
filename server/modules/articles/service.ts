import { sql, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { fieldError, notFound, refuse } from '../../platform/errors.ts';
import { inScope, inSubtree, requireOrgInScope, writeScope, type Scope } from '../../platform/access.ts';
import { paginate } from '../../platform/paging.ts';
import { shanghaiMinute } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import { audit, type Actor } from '../../platform/audit.ts';
import type { AuditAction } from '../../platform/i18n.ts';
import { membershipOf } from '../members/index.ts';
import { exportTexts as t } from './messages.ts';
import { columnKeyOf, readableByCadre, readableByReader, writableByCadre } from './policy.ts';
import { ARTICLE_FILE_PATH, articleActions, checkPin, checkPublish, checkWithdraw, isDuePublication, isFixedColumn, isImageKey, isOwnImage, statusAt, statusOnCreate, summaryOf } from './rules.ts';
import { columnNames, columnsOfReader, requireUsableColumn } from './columns.ts';
import { attachmentFile, attachmentsOf } from './files.ts';
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

const coverUrlOf = (key: string | null) => (key === null ? null : `${ARTICLE_FILE_PATH}${key}`);

function managedItem(r: ManagedRow, names: Map<string, string>) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    column: r.column,
    columnName: names.get(r.column) ?? r.column,
    title: r.title,
    status: r.status,
    public: r.is_public === 1,
    pinned: r.pinned === 1,
    publishedAt: r.published_at,
    reads: Number(r.reads),
    updatedAt: r.updated_at,
    actions: articleActions(r.status, r.pinned === 1, r.writes === 1),
  };
}

async function articleInScope(tx: Tx, caller: Caller, id: number) {
  const a = await articles(tx).select(managedColumns).select(writableByCadre(caller.user)).select(['articles.body', 'articles.summary', 'articles.created_at', 'articles.cover_key']).where('articles.id', '=', id).where(readableByCadre(caller.scope)).executeTakeFirst();
  if (!a) throw notFound('article');
  return a;
}

// ---------- the cadre's side ----------

/** The job that publishes a scheduled article at its instant (module.ts). */
export const PUBLISH_JOB = 'articles.publish';

/**
 * The cover a writer picked: one of the article images (POST /api/articles/files) uploaded for an
 * org in their scope, as its key; anything else is refused naming `coverUrl`.
 */
async function coverKeyOf(tx: Tx, scope: Scope, url: string): Promise<string> {
  const key = url.slice(ARTICLE_FILE_PATH.length);
  const found = isOwnImage(url) && isImageKey(key) && (await tx.selectFrom('article_files').select('id').where('key', '=', key).where(inScope('article_files.org_id', scope)).executeTakeFirst());
  if (!found) throw fieldError('coverUrl', 'article_cover_unknown');
  return key;
}

/**
 * Queues the publication of a scheduled article at its instant, in the writer's transaction. The
 * key is the article and the instant: rescheduling queues a second job and the first finds the
 * article scheduled for another instant, withdrawing leaves it no longer scheduled — either way
 * the stale job publishes nothing (rules.ts isDuePublication).
 */
async function schedulePublication(deps: Deps, tx: Transaction<DB>, id: number, at: string) {
  await deps.jobs.send(PUBLISH_JOB, { articleId: id, at }, { key: `${id}@${at}`, runAt: new Date(at), trx: tx });
}

export async function createArticle(deps: Deps, caller: Caller, input: z.infer<typeof createArticleBody>) {
  const { body, summary } = await cleanBody(input.body);
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    await requireUsableColumn(tx, input.orgId, input.column);
    const coverKey = input.coverUrl === undefined ? null : await coverKeyOf(tx, caller.scope, input.coverUrl);
    const now = caller.actor.now;
    const status = statusOnCreate(input.publishAt, now);
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
        cover_key: coverKey,
        pinned: 0,
        reads: 0,
        created_by: caller.user!.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (status === 'scheduled') await schedulePublication(deps, tx, id, input.publishAt!);
    await audit(tx, caller.actor, { action: 'article.create', entity: 'article', entityId: id, orgId: input.orgId, after: { column: input.column, title: input.title, public: input.public, status, publishedAt: input.publishAt ?? null, cover: coverKey } });
    return { id, status };
  });
}

type ManagedFilters = Omit<z.infer<typeof manageListQuery>, 'page' | 'pageSize'>;

/** The articles in `scope` as the managing list filters them, at `now`: the list and its export share it. */
function filteredManaged(tx: Tx, scope: Scope, query: ManagedFilters) {
  let q = articles(tx).where(readableByCadre(scope));
  if (query.orgId) q = q.where(inSubtree('articles.org_id', query.orgId));
  if (query.column) q = q.where('articles.column', '=', query.column);
  if (query.status) q = q.where('articles.status', '=', query.status);
  return q;
}

export async function listManaged(deps: Deps, caller: Caller, query: z.infer<typeof manageListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filteredManaged(deps.db, caller.scope, query), query, (q) =>
    q.select(managedColumns).select(writableByCadre(caller.user)).orderBy('articles.pinned', 'desc').orderBy('articles.updated_at', 'desc').orderBy('articles.id', 'desc'),
  );
  const names = await columnNames(deps.db, rows.map((r) => r.column), caller.lang);
  return { items: rows.map((r) => managedItem(r, names)), total };
}

/** The articles as the managing list filters them, in Excel. */
export async function exportManaged(deps: Deps, caller: Caller, query: z.infer<typeof manageExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'articles',
    title: t.articles,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) =>
      filteredManaged(deps.db, scope, filters)
        .select(managedColumns)
        .select(sql<string | null>`(select article_columns.name from article_columns where ${columnKeyOf} = articles.column)`.as('custom_column')),
    keyset: 'articles.id',
    columns: [
      { header: t.title, value: (a) => a.title, width: 40 },
      { header: t.column, value: (a, lang) => (isFixedColumn(a.column) ? t[a.column][lang] : (a.custom_column ?? a.column)), width: 12 },
      { header: t.org, value: (a) => a.org_name, width: 28 },
      { header: t.status, value: (a, lang) => t[a.status][lang], width: 10 },
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
  const names = await columnNames(deps.db, [a.column], caller.lang);
  return { ...managedItem(a, names), body: a.body, summary: a.summary, createdAt: a.created_at, coverUrl: coverUrlOf(a.cover_key), attachments: await attachmentsOf(deps.db, id) };
}

export async function updateArticle(deps: Deps, caller: Caller, id: number, input: z.infer<typeof updateArticleBody>) {
  const cleaned = input.body === undefined ? null : await cleanBody(input.body);
  await deps.db.transaction().execute(async (tx) => {
    const before = await articleInScope(tx, caller, id);
    const set: Updateable<ArticleTable> = { updated_at: caller.actor.now };
    if (input.column !== undefined && input.column !== before.column) {
      await requireUsableColumn(tx, before.org_id, input.column);
      set.column = input.column;
    }
    if (input.coverUrl !== undefined) set.cover_key = input.coverUrl === null ? null : await coverKeyOf(tx, caller.scope, input.coverUrl);
    if (input.title !== undefined) set.title = input.title;
    if (input.public !== undefined) set.is_public = input.public ? 1 : 0;
    if (cleaned) Object.assign(set, cleaned);
    await tx.updateTable('articles').set(set).where('id', '=', id).execute();
    await audit(tx, caller.actor, {
      action: 'article.update',
      entity: 'article',
      entityId: id,
      orgId: before.org_id,
      before: { column: before.column, title: before.title, public: before.is_public === 1, cover: before.cover_key, bodyChanged: false },
      after: { column: input.column, title: input.title, public: input.public, cover: set.cover_key, bodyChanged: cleaned !== null },
    });
  });
  return getManaged(deps, caller, id);
}

/** One lifecycle step on an article in scope: checked by rules.ts, written and audited in one transaction. */
async function transition(
  deps: Deps,
  caller: Caller,
  id: number,
  step: (a: Awaited<ReturnType<typeof articleInScope>>) => { action: AuditAction; set: Updateable<ArticleTable>; after: Record<string, unknown>; then?: (tx: Transaction<DB>) => Promise<void> },
) {
  await deps.db.transaction().execute(async (tx) => {
    const before = await articleInScope(tx, caller, id);
    const { action, set, after, then } = step(before);
    await tx.updateTable('articles').set({ ...set, updated_at: caller.actor.now }).where('id', '=', id).execute();
    await then?.(tx);
    await audit(tx, caller.actor, { action, entity: 'article', entityId: id, orgId: before.org_id, before: { status: before.status, publishedAt: before.published_at, pinned: before.pinned === 1 }, after });
  });
  return getManaged(deps, caller, id);
}

export function publishArticle(deps: Deps, caller: Caller, id: number, publishAt: string | undefined) {
  return transition(deps, caller, id, (a) => {
    refuse(checkPublish(a.status));
    const at = publishAt ?? caller.actor.now;
    const status = statusAt(at, caller.actor.now);
    return {
      action: 'article.publish',
      set: { status, published_at: at },
      after: { status, publishedAt: at },
      then: status === 'scheduled' ? (tx) => schedulePublication(deps, tx, id, at) : undefined,
    };
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

// ---------- scheduled publication ----------

/** The platform publishing on schedule, as the audit log names it: no user, no address. */
const scheduler = (deps: Deps): Actor => ({ userId: null, ip: null, now: deps.clock().toISOString() });

/**
 * The job `articles.publish`: publishes the article if it is still scheduled for the job's own
 * instant. A rescheduled or withdrawn article makes it a no-op, and so does running it twice.
 */
export async function publishScheduled(deps: Deps, articleId: number, at: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const a = await tx.selectFrom('articles').select(['id', 'org_id', 'status', 'published_at']).where('id', '=', articleId).executeTakeFirst();
    if (!a || !isDuePublication(a.status, a.published_at, at)) return;
    const actor = scheduler(deps);
    await tx.updateTable('articles').set({ status: 'published', updated_at: actor.now }).where('id', '=', articleId).where('status', '=', 'scheduled').execute();
    await audit(tx, actor, { action: 'article.publish', entity: 'article', entityId: articleId, orgId: a.org_id, before: { status: 'scheduled', publishedAt: at }, after: { status: 'published', publishedAt: at, scheduled: true } });
  });
}

/**
 * The quarter-hourly sweep `articles.publish-due`: publishes every scheduled article whose instant
 * has passed — those scheduled before scheduling had a job (migration 0015), and any whose job was
 * lost. Normally it finds none: each article's own job came first.
 */
export async function publishDue(deps: Deps): Promise<number> {
  const now = deps.clock().toISOString();
  const due = await deps.db.selectFrom('articles').select(['id', 'published_at']).where('status', '=', 'scheduled').where('published_at', '<=', now).execute();
  for (const a of due) await publishScheduled(deps, a.id, a.published_at!);
  return due.length;
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
      .select(['articles.id', 'articles.title', 'articles.column', 'orgs.name as org_name', 'articles.published_at', 'articles.summary', 'articles.cover_key'])
      .orderBy('articles.pinned', 'desc')
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc'),
  );
  const names = await columnNames(deps.db, rows.map((r) => r.column), caller.lang);
  return {
    items: rows.map((r) => ({ id: r.id, title: r.title, column: r.column, columnName: names.get(r.column) ?? r.column, orgName: r.org_name, publishedAt: r.published_at!, summary: r.summary, coverUrl: coverUrlOf(r.cover_key) })),
    total,
  };
}

/** One article as a reader opens it: counted as one read. Cadres read in the console (getManaged), which counts nothing. */
export async function readArticle(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const visible = readableByReader(await memberOrgOf(tx, caller), caller.actor.now);
    const done = await tx.updateTable('articles').set((eb) => ({ reads: eb('reads', '+', 1) })).where('id', '=', id).where(visible).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw notFound('article');
    const a = await articles(tx)
      .select(['articles.id', 'articles.title', 'articles.body', 'articles.column', 'orgs.name as org_name', 'articles.published_at', 'articles.reads', 'articles.cover_key'])
      .where('articles.id', '=', id)
      .executeTakeFirstOrThrow();
    const names = await columnNames(tx, [a.column], caller.lang);
    return {
      id: a.id,
      title: a.title,
      body: a.body,
      column: a.column,
      columnName: names.get(a.column) ?? a.column,
      orgName: a.org_name,
      publishedAt: a.published_at!,
      reads: Number(a.reads),
      coverUrl: coverUrlOf(a.cover_key),
      attachments: await attachmentsOf(tx, id),
    };
  });
}

/** The readers' column tabs: the fixed columns and the custom ones they have business with (policy.ts columnsForReader). */
export async function readerColumns(deps: Deps, caller: Caller) {
  return columnsOfReader(deps.db, await memberOrgOf(deps.db, caller), caller.actor.now, caller.lang);
}

/**
 * An attachment's download: for whoever may read its article — a reader by the readers' filter (a
 * public article's: anyone), a cadre by their article.read scope (drafts included, as in the
 * console). Anyone else gets the 404 of a missing file.
 */
export async function downloadAttachment(deps: Deps, caller: Caller, articleId: number, attachmentId: number) {
  // The route is public, so the caller's scope is computed here, for reading.
  const cadreScope = writeScope(caller.user, 'article.read');
  const visible = sql<SqlBool>`(${readableByReader(await memberOrgOf(deps.db, caller), caller.actor.now)} or ${readableByCadre(cadreScope)})`;
  const readable = await deps.db.selectFrom('articles').select('articles.id').where('articles.id', '=', articleId).where(visible).executeTakeFirst();
  if (!readable) throw notFound('article_attachment');
  return attachmentFile(deps, articleId, attachmentId);
}
