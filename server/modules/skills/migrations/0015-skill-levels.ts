import { sql, type Kysely, type Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Skill-level records (issue #12 §2). A certificate number is unique among valid records only (a
 * partial unique index, on both engines): a voided or corrected record keeps its number as history,
 * and a correction re-issues it. Stats read valid records by member (joined to members.org_id for
 * scope), hence the second index.
 */
export const skillLevels: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('skill_levels'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('occupation', 'text', (c) => c.notNull())
      .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 5`))
      .addColumn('certificate_no', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('issuer_kind', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('valid'))
      .addColumn('replaces_id', 'integer', (c) => c.references('skill_levels.id'))
      .addColumn('reason', 'text')
      .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
      .addColumn('closed_at', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create unique index skill_levels_certificate_valid on skill_levels (certificate_no) where status = 'valid'`.execute(db);
    await db.schema.createIndex('skill_levels_member_idx').on('skill_levels').columns(['member_id', 'status', 'level']).execute();
  },
};
