import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Star ratings and Workers' Home ratings (issue #13 §2): a federation's own scorecards per kind,
 * and the ratings themselves from self-assessment to naming and re-check.
 */
export const ratings: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('rating_scorecards')
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('scorecard', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('rating_scorecards_pk', ['org_id', 'kind'])
      .execute();

    await withId(db, db.schema.createTable('ratings'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('reviewer_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('scorecard', 'text', (c) => c.notNull())
      .addColumn('self_scores', 'text', (c) => c.notNull())
      .addColumn('self_score', 'integer', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('review_scores', 'text')
      .addColumn('score', 'integer')
      .addColumn('grade', 'text')
      .addColumn('stars', 'integer')
      .addColumn('review_comment', 'text')
      .addColumn('publicity_last_day', 'text')
      .addColumn('named_on', 'text')
      .addColumn('certificate_no', 'text')
      .addColumn('valid_until', 'text')
      .addColumn('recheck_due_on', 'text')
      .addColumn('rechecked_on', 'text')
      .addColumn('revoked_reason', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('ratings_year_uq', ['org_id', 'kind', 'level', 'year'])
      .execute();
    await db.schema.createIndex('ratings_org_idx').on('ratings').columns(['org_id', 'kind', 'status']).execute();
  },
};
