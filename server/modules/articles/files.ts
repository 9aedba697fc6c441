import fs from 'node:fs';
import path from 'node:path';
import type { Caller, Deps } from '../../platform/context.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { fileKinds, receiveFile, type FileKind } from '../../platform/uploads.ts';
import { id as idSchema } from '../../platform/validation.ts';
import { ARTICLE_FILE_PATH, IMAGE_MAX_BYTES, isImageKey } from './rules.ts';

/**
 * Images for article bodies, through the platform's upload mechanism: streamed into
 * <data dir>/articles under a random name, judged by their first bytes. The key (`<uuid>.<ext>`)
 * is the only image source the sanitizer keeps. Served to anyone who has the key, logged in or
 * not: a public article's images must load for anonymous readers, and a key cannot be guessed.
 */
const IMAGE_KINDS: readonly FileKind[] = ['jpg', 'png', 'webp'];
const filesDir = (deps: Deps) => path.join(deps.config.dataDir, 'articles');

export async function uploadImage(deps: Deps, caller: Caller, parts: AsyncIterableIterator<any>) {
  const { stored, fields } = await receiveFile(parts, filesDir(deps), { maxBytes: IMAGE_MAX_BYTES, allowed: IMAGE_KINDS });
  const file = stored!;
  const key = `${path.basename(file.file)}.${fileKinds[file.kind].ext[0]}`;
  try {
    const orgId = idSchema.safeParse(fields.orgId);
    if (!orgId.success) throw fieldError('orgId', 'not_blank');
    fs.renameSync(file.file, path.join(filesDir(deps), key));
    await deps.db.transaction().execute(async (tx) => {
      await requireOrgInScope(tx, caller.scope, orgId.data);
      const { id } = await tx
        .insertInto('article_files')
        .values({ key, org_id: orgId.data, content_type: file.type, file_name: file.name, size: file.size, sha256: file.sha256, created_by: caller.user!.id, created_at: caller.actor.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'article_file.create', entity: 'article_file', entityId: id, orgId: orgId.data, after: { key, fileName: file.name, size: file.size } });
    });
  } catch (err) {
    fs.rmSync(file.file, { force: true });
    fs.rmSync(path.join(filesDir(deps), key), { force: true });
    throw err;
  }
  return { url: `${ARTICLE_FILE_PATH}${key}` };
}

export async function imageFile(deps: Deps, key: string) {
  // Anything not shaped like our keys never reaches the database.
  if (!isImageKey(key)) throw notFound('article_file');
  const row = await deps.db.selectFrom('article_files').select(['key', 'content_type', 'file_name']).where('key', '=', key).executeTakeFirst();
  const file = row && path.join(filesDir(deps), row.key);
  if (!row || !file || !fs.existsSync(file)) throw notFound('article_file');
  return { file, contentType: row.content_type, fileName: row.file_name };
}
