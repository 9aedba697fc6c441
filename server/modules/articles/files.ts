import path from 'node:path';
import type { Caller, Deps } from '../../platform/context.ts';
import type { Tx } from '../../db/database.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { fileKinds, receiveFile, type FileKind } from '../../platform/uploads.ts';
import { keepUpload, spoolDir } from '../../platform/files.ts';
import { id as idSchema } from '../../platform/validation.ts';
import { readableByCadre } from './policy.ts';
import { ARTICLE_FILE_PATH, ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES, attachmentUrl, IMAGE_MAX_BYTES, isAttachmentKey, isImageKey } from './rules.ts';

/**
 * Images for article bodies, through the platform's upload mechanism: spooled under a random
 * name, judged by their first bytes, and kept in the file store as `articles/<key>`. The key (`<uuid>.<ext>`)
 * is the only image source the sanitizer keeps. Served to anyone who has the key, logged in or
 * not: a public article's images must load for anonymous readers, and a key cannot be guessed.
 */
const IMAGE_KINDS: readonly FileKind[] = ['jpg', 'png', 'webp'];
const imageKey = (key: string) => `articles/${key}`;

export async function uploadImage(deps: Deps, caller: Caller, parts: AsyncIterableIterator<any>) {
  const { stored, fields } = await receiveFile(parts, spoolDir(deps.config.dataDir), { maxBytes: IMAGE_MAX_BYTES, allowed: IMAGE_KINDS });
  const file = stored!;
  const key = `${path.basename(file.file)}.${fileKinds[file.kind].ext[0]}`;
  await keepUpload(deps, file.file, imageKey(key), async (tx) => {
    const orgId = idSchema.safeParse(fields.orgId);
    if (!orgId.success) throw fieldError('orgId', 'not_blank');
    await requireOrgInScope(tx, caller.scope, orgId.data);
    const { id } = await tx
      .insertInto('article_files')
      .values({ key, org_id: orgId.data, content_type: file.type, file_name: file.name, size: file.size, sha256: file.sha256, created_by: caller.user!.id, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'article_file.create', entity: 'article_file', entityId: id, orgId: orgId.data, after: { key, fileName: file.name, size: file.size } });
  });
  return { url: `${ARTICLE_FILE_PATH}${key}` };
}

export async function imageFile(deps: Deps, key: string) {
  // Anything not shaped like our keys never reaches the database.
  if (!isImageKey(key)) throw notFound('article_file');
  const row = await deps.db.selectFrom('article_files').select(['key', 'content_type', 'file_name']).where('key', '=', key).executeTakeFirst();
  const body = row && (await deps.files.open(imageKey(row.key)));
  if (!row || !body) throw notFound('article_file');
  return { body, contentType: row.content_type, fileName: row.file_name };
}

// ---------- attachments ----------

/**
 * Files attached to an article (PDF, Word, Excel: rules.ts ATTACHMENT_KINDS), through the same
 * upload mechanism, kept in the file store as `articles/attachments/<uuid>.<ext>` with the name
 * the writer gave, which is what the download is called. Unlike images they are downloaded behind
 * the article's read rights (service.ts downloadAttachment).
 */
const attachmentKey = (key: string) => `articles/attachments/${key}`;

export async function attachmentsOf(tx: Tx, articleId: number) {
  const rows = await tx.selectFrom('article_attachments').select(['id', 'file_name', 'size', 'content_type']).where('article_id', '=', articleId).orderBy('id').execute();
  return rows.map((a) => ({ id: a.id, name: a.file_name, size: Number(a.size), contentType: a.content_type, url: attachmentUrl(articleId, a.id) }));
}

/** The article, when the caller may write it (their article.write scope); 404 otherwise, as for a missing one. */
async function writableArticle(tx: Tx, caller: Caller, articleId: number) {
  const a = await tx.selectFrom('articles').select(['id', 'org_id']).where('id', '=', articleId).where(readableByCadre(caller.scope)).executeTakeFirst();
  if (!a) throw notFound('article');
  return a;
}

export async function uploadAttachment(deps: Deps, caller: Caller, articleId: number, parts: AsyncIterableIterator<any>) {
  // Refused before a byte is stored when the article is not the caller's to change.
  await writableArticle(deps.db, caller, articleId);
  const { stored } = await receiveFile(parts, spoolDir(deps.config.dataDir), { maxBytes: ATTACHMENT_MAX_BYTES, allowed: ATTACHMENT_KINDS });
  const file = stored!;
  const key = `${path.basename(file.file)}.${fileKinds[file.kind].ext[0]}`;
  const id = await keepUpload(deps, file.file, attachmentKey(key), async (tx) => {
    const a = await writableArticle(tx, caller, articleId);
    const { id } = await tx
      .insertInto('article_attachments')
      .values({ article_id: articleId, key, file_name: file.name, content_type: file.type, size: file.size, sha256: file.sha256, created_by: caller.user!.id, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'article_attachment.create', entity: 'article', entityId: articleId, orgId: a.org_id, after: { attachment: id, fileName: file.name, size: file.size } });
    return id;
  });
  return { id, name: file.name, size: file.size, contentType: file.type, url: attachmentUrl(articleId, id) };
}

/** Removes an attachment of an article the caller may write: the row and its audit entry in one transaction, then the file. */
export async function deleteAttachment(deps: Deps, caller: Caller, articleId: number, attachmentId: number) {
  const key = await deps.db.transaction().execute(async (tx) => {
    const a = await writableArticle(tx, caller, articleId);
    const row = await tx.selectFrom('article_attachments').select(['key', 'file_name', 'size']).where('id', '=', attachmentId).where('article_id', '=', articleId).executeTakeFirst();
    if (!row) throw notFound('article_attachment');
    await tx.deleteFrom('article_attachments').where('id', '=', attachmentId).execute();
    await audit(tx, caller.actor, { action: 'article_attachment.delete', entity: 'article', entityId: articleId, orgId: a.org_id, before: { attachment: attachmentId, fileName: row.file_name, size: Number(row.size) } });
    return row.key;
  });
  if (isAttachmentKey(key)) await deps.files.remove(attachmentKey(key));
}

/** An attachment's file, once the caller's right to read its article is settled (service.ts). */
export async function attachmentFile(deps: Deps, articleId: number, attachmentId: number) {
  const row = await deps.db.selectFrom('article_attachments').select(['key', 'content_type', 'file_name']).where('id', '=', attachmentId).where('article_id', '=', articleId).executeTakeFirst();
  const body = row && isAttachmentKey(row.key) ? await deps.files.open(attachmentKey(row.key)) : null;
  if (!row || !body) throw notFound('article_attachment');
  return { body, contentType: row.content_type, fileName: row.file_name };
}
