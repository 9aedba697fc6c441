import path from 'node:path';
import type { Tx } from '../../db/database.ts';
import { writeScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { ruleText } from '../../platform/i18n.ts';
import { keepUpload, spoolDir } from '../../platform/files.ts';
import { receiveFile, type StoredFile } from '../../platform/uploads.ts';
import { membershipOf } from '../members/index.ts';
import { readableCourses } from './policy.ts';
import { LESSON_FILE_KINDS, LESSON_FILE_MAX_BYTES } from './rules.ts';

/**
 * Lesson files (课件): a cadre in scope uploads one PDF or MP4 to a lesson through the platform's
 * upload mechanism (replacing any earlier one); it is served to cadres who may read the course and
 * to members holding a confirmed place on it, and to nobody else (404, as for a missing lesson).
 */

/** A lesson file's key in the platform file store (`deps.files`): the `training` folder, by lesson. */
const lessonKey = (lessonId: number, spool: string) => `training/${lessonId}/${path.basename(spool)}`;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

function lessons(db: Deps['db'] | Tx) {
  return db
    .selectFrom('course_lessons')
    .innerJoin('courses', 'courses.id', 'course_lessons.course_id')
    .select(['course_lessons.id', 'course_lessons.course_id', 'course_lessons.title', 'course_lessons.storage_key', 'course_lessons.file_name', 'course_lessons.file_type', 'courses.org_id']);
}

async function lessonInScope(db: Deps['db'] | Tx, scope: Scope, lessonId: number) {
  const l = await lessons(db).where('course_lessons.id', '=', lessonId).where(readableCourses(scope)).executeTakeFirst();
  if (!l) throw notFound('course_lesson');
  return l;
}

/** Uploads a lesson's file (multipart `file`: a PDF up to 50 MB or an MP4 up to 200 MB), replacing the earlier one; audited. */
export async function uploadLessonFile(deps: Deps, caller: Caller, lessonId: number, parts: AsyncIterableIterator<any>) {
  // Refuse an unknown or out-of-scope lesson before spooling up to 200 MB.
  await lessonInScope(deps.db, caller.scope, lessonId);
  const { stored } = await receiveFile(parts, spoolDir(deps.config.dataDir), { maxBytes: LESSON_FILE_MAX_BYTES.mp4, allowed: LESSON_FILE_KINDS });
  return storeLessonFile(deps, caller, lessonId, stored!);
}

/**
 * Makes a received file (a spool) the lesson's file, within its kind's size, kept in the file store
 * in the transaction of its row; the earlier file is removed once committed.
 */
export async function storeLessonFile(deps: Deps, caller: Caller, lessonId: number, file: StoredFile) {
  const key = lessonKey(lessonId, file.file);
  const { result, replaced } = await keepUpload(deps, file.file, key, async (tx) => {
    const limit = LESSON_FILE_MAX_BYTES[file.kind as keyof typeof LESSON_FILE_MAX_BYTES];
    if (file.size > limit) {
      throw new AppError(413, 'upload_too_large', { mb: mb(limit) }, [{ field: 'file', message: ruleText('lesson_file_too_large', { kind: file.kind.toUpperCase(), mb: mb(limit) }) }]);
    }
    const l = await lessonInScope(tx, caller.scope, lessonId);
    await tx.updateTable('course_lessons').set({ storage_key: key, file_name: file.name, file_type: file.type, file_size: file.size }).where('id', '=', lessonId).execute();
    await audit(tx, caller.actor, { action: 'course.lesson_file', entity: 'course', entityId: l.course_id, orgId: l.org_id, before: l.storage_key ? { lessonId, fileName: l.file_name } : null, after: { lessonId, fileName: file.name, size: file.size, sha256: file.sha256 } });
    return { result: { id: lessonId, fileName: file.name, fileUrl: `/api/lessons/${lessonId}/file`, size: file.size }, replaced: l.storage_key };
  });
  if (replaced) await deps.files.remove(replaced);
  return result;
}

/** A lesson's file, for a cadre who may read its course or a member with a confirmed place on it. */
export async function lessonFile(deps: Deps, caller: Caller, lessonId: number) {
  let l = await lessons(deps.db).where('course_lessons.id', '=', lessonId).where(readableCourses(writeScope(caller.user, 'training.read'))).executeTakeFirst();
  if (!l) {
    const m = await membershipOf(deps.db, caller.user!.id);
    l = m
      ? await lessons(deps.db)
          .where('course_lessons.id', '=', lessonId)
          .where((eb) => eb.exists(eb.selectFrom('course_enrolments as e').select('e.id').whereRef('e.course_id', '=', 'courses.id').where('e.member_id', '=', m.id).where('e.status', '=', 'confirmed')))
          .executeTakeFirst()
      : undefined;
  }
  const body = l?.storage_key ? await deps.files.open(l.storage_key) : null;
  if (!l || !body) throw notFound('course_lesson');
  return { body, fileName: l.file_name ?? 'file', contentType: l.file_type ?? 'application/octet-stream' };
}
