import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Collective bargaining (集体协商, issue #13 §1): rounds with the enterprises they cover, the two
 * sides' representatives and the workers' votes for them, the opinion survey, meetings, draft
 * versions and the adoption count. One vote per (representative, member), one survey answer per
 * (round, member), one draft per (round, version).
 */
export const bargaining: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('bargaining_rounds'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('coverage', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('proposed_by', 'text', (c) => c.notNull())
      .addColumn('proposed_on', 'text', (c) => c.notNull())
      .addColumn('reply_due_on', 'text', (c) => c.notNull())
      .addColumn('replied_on', 'text')
      .addColumn('reply_reason', 'text')
      .addColumn('escalated_at', 'text')
      .addColumn('adopted_on', 'text')
      .addColumn('signed_on', 'text')
      .addColumn('filing_due_on', 'text')
      .addColumn('filed_on', 'text')
      .addColumn('effective_on', 'text')
      .addColumn('confirmed_on', 'text')
      .addColumn('objected_on', 'text')
      .addColumn('term_years', 'integer')
      .addColumn('expires_on', 'text')
      .addColumn('renewal_opens_on', 'text')
      .addColumn('renewal_opened_at', 'text')
      .addColumn('renews_id', 'integer', (c) => c.references('bargaining_rounds.id'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('bargaining_rounds_org_idx').on('bargaining_rounds').columns(['org_id', 'status']).execute();
    await db.schema.createIndex('bargaining_rounds_renews_idx').on('bargaining_rounds').column('renews_id').execute();

    await db.schema
      .createTable('bargaining_enterprises')
      .addColumn('round_id', 'integer', (c) => c.notNull().references('bargaining_rounds.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
      .addPrimaryKeyConstraint('bargaining_enterprises_pk', ['round_id', 'enterprise_id'])
      .execute();
    await db.schema.createIndex('bargaining_enterprises_enterprise_idx').on('bargaining_enterprises').column('enterprise_id').execute();

    await withId(db, db.schema.createTable('bargaining_representatives'))
      .addColumn('round_id', 'integer', (c) => c.notNull().references('bargaining_rounds.id'))
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('chief', 'integer', (c) => c.notNull())
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('withdrawn_reason', 'text')
      .addColumn('withdrawn_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('bargaining_representatives_round_idx').on('bargaining_representatives').columns(['round_id', 'side']).execute();

    await withId(db, db.schema.createTable('bargaining_votes'))
      .addColumn('round_id', 'integer', (c) => c.notNull().references('bargaining_rounds.id'))
      .addColumn('representative_id', 'integer', (c) => c.notNull().references('bargaining_representatives.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('voted_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('bargaining_votes_uq', ['representative_id', 'member_id'])
      .execute();

    await withId(db, db.schema.createTable('bargaining_survey_answers'))
      .addColumn('round_id', 'integer', (c) => c.notNull().references('bargaining_rounds.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('priorities', 'text', (c) => c.notNull())
      .addColumn('expected_raise_percent', 'integer', (c) => c.notNull())
      .addColumn('comment_enc', 'text')
      .addColumn('answered_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('bargaining_survey_answers_uq', ['round_id', 'member_id'])
      .execute();

    await withId(db, db.schema.createTable('bargaining_meetings'))
      .addColumn('round_id', 'integer', (c) => c.notNull().references('bargaining_rounds.id'))
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('minutes', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('bargaining_meetings_round_idx').on('bargaining_meetings').column('round_id').execute();

    await withId(db, db.schema.createTable('bargaining_drafts'))
      .addColumn('round_id', 'integer', (c) => c.notNull().references('bargaining_rounds.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('clauses', 'text', (c) => c.notNull())
      .addColumn('term_years', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('bargaining_drafts_version_uq', ['round_id', 'version'])
      .execute();

    await withId(db, db.schema.createTable('bargaining_adoptions'))
      .addColumn('round_id', 'integer', (c) => c.notNull().references('bargaining_rounds.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('draft_version', 'integer', (c) => c.notNull())
      .addColumn('representatives', 'integer', (c) => c.notNull())
      .addColumn('attending', 'integer', (c) => c.notNull())
      .addColumn('approving', 'integer', (c) => c.notNull())
      .addColumn('adopted', 'integer', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('bargaining_adoptions_round_idx').on('bargaining_adoptions').column('round_id').execute();
  },
  async down(db: Kysely<any>) {
    for (const t of ['bargaining_adoptions', 'bargaining_drafts', 'bargaining_meetings', 'bargaining_survey_answers', 'bargaining_votes', 'bargaining_representatives', 'bargaining_enterprises', 'bargaining_rounds']) {
      await db.schema.dropTable(t).execute();
    }
  },
};
