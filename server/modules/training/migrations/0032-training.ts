import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Training (职工培训, issue #15 §2): courses of an org with sessions (each one a 'training' activity,
 * whose check-in records attendance), online lessons with each enrolled member's progress, and
 * enrolments confirmed while the course's seat pool lasts, else waitlisted; completion records
 * each enrolment's hours and certificate.
 */
export const training: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('courses'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('seat_pool_id', 'integer', (c) => c.notNull().references('seat_pools.id'))
      .addColumn('completed_at', 'text')
      .addColumn('completed_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('courses_org_idx').on('courses').columns(['org_id', 'created_at']).execute();

    await withId(db, db.schema.createTable('course_sessions'))
      .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
      .addColumn('activity_id', 'integer', (c) => c.notNull().unique().references('activities.id'))
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('hours', 'real', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('course_sessions_course_idx').on('course_sessions').column('course_id').execute();

    await withId(db, db.schema.createTable('course_lessons'))
      .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('video_url', 'text')
      .addColumn('file_path', 'text')
      .addColumn('file_name', 'text')
      .addColumn('file_type', 'text')
      .addColumn('hours', 'real', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('course_lessons_course_idx').on('course_lessons').column('course_id').execute();

    await withId(db, db.schema.createTable('course_enrolments'))
      .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('open_key', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('cancelled_at', 'text')
      .addColumn('hours', 'real')
      .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('certificate_no', 'text', (c) => c.unique())
      .execute();
    await db.schema.createIndex('course_enrolments_course_idx').on('course_enrolments').columns(['course_id', 'status', 'id']).execute();
    await db.schema.createIndex('course_enrolments_user_idx').on('course_enrolments').column('user_id').execute();
    await db.schema.createIndex('course_enrolments_org_idx').on('course_enrolments').column('org_id').execute();

    await withId(db, db.schema.createTable('course_attendance'))
      .addColumn('session_id', 'integer', (c) => c.notNull().references('course_sessions.id'))
      .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('course_enrolments.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addUniqueConstraint('course_attendance_uq', ['session_id', 'enrolment_id'])
      .execute();

    await withId(db, db.schema.createTable('lesson_progress'))
      .addColumn('lesson_id', 'integer', (c) => c.notNull().references('course_lessons.id'))
      .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('course_enrolments.id'))
      .addColumn('percent', 'integer', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('lesson_progress_uq', ['lesson_id', 'enrolment_id'])
      .execute();
  },
};
