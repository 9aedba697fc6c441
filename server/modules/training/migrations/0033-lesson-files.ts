import type { Kysely, Migration } from 'kysely';

/**
 * Lesson files (课件, issue #15 §2): an uploaded PDF or MP4 is kept under the training folder of
 * the data directory and named by a storage key relative to it (as fundraising's proofs), never an
 * absolute path, so the data directory may move; its size is kept for the console.
 */
export const lessonFiles: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('course_lessons').renameColumn('file_path', 'storage_key').execute();
    await db.schema.alterTable('course_lessons').addColumn('file_size', 'integer').execute();
  },
};
