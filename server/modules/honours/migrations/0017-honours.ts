import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Model workers, the allowance ledger, innovation studios and craftsman selections (issue #12 §3).
 * The ledger's `pay_key` and `reverses_id` are unique (NULLs allowed on both engines): a month is
 * paid once per person, an entry reversed once.
 */
export const honours: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('honour_settings')
      .addColumn('org_id', 'integer', (c) => c.primaryKey().references('orgs.id'))
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db, db.schema.createTable('model_workers'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('employer', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('model_workers_org_idx').on('model_workers').columns(['org_id', 'status']).execute();

    await withId(db, db.schema.createTable('model_worker_verifications'))
      .addColumn('model_worker_id', 'integer', (c) => c.notNull().references('model_workers.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('alive', 'integer', (c) => c.notNull())
      .addColumn('in_post', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('verified_by', 'integer', (c) => c.references('users.id'))
      .addColumn('verified_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('model_worker_verifications_year_uq', ['model_worker_id', 'year'])
      .execute();

    await withId(db, db.schema.createTable('allowance_runs'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('paid', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('total_fen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addUniqueConstraint('allowance_runs_month_uq', ['org_id', 'month'])
      .execute();

    await withId(db, db.schema.createTable('allowance_entries'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('holder_kind', 'text', (c) => c.notNull())
      .addColumn('holder_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('month', 'text')
      .addColumn('amount_fen', 'integer', (c) => c.notNull())
      .addColumn('pay_key', 'text', (c) => c.unique())
      .addColumn('reverses_id', 'integer', (c) => c.unique().references('allowance_entries.id'))
      .addColumn('run_id', 'integer', (c) => c.references('allowance_runs.id'))
      .addColumn('reason', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('allowance_entries_holder_idx').on('allowance_entries').columns(['holder_kind', 'holder_id', 'id']).execute();

    await withId(db, db.schema.createTable('innovation_studios'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('leader_name', 'text', (c) => c.notNull())
      .addColumn('leader_model_worker_id', 'integer', (c) => c.references('model_workers.id'))
      .addColumn('leader_craftsman_id', 'integer')
      .addColumn('founded_on', 'text', (c) => c.notNull())
      .addColumn('level', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('innovation_studios_org_idx').on('innovation_studios').column('org_id').execute();

    await withId(db, db.schema.createTable('studio_members'))
      .addColumn('studio_id', 'integer', (c) => c.notNull().references('innovation_studios.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('studio_members_studio_idx').on('studio_members').column('studio_id').execute();

    await withId(db, db.schema.createTable('studio_achievements'))
      .addColumn('studio_id', 'integer', (c) => c.notNull().references('innovation_studios.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('patent_no', 'text')
      .addColumn('savings_fen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('studio_achievements_studio_idx').on('studio_achievements').column('studio_id').execute();

    await withId(db, db.schema.createTable('studio_assessments'))
      .addColumn('studio_id', 'integer', (c) => c.notNull().references('innovation_studios.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('assessed_by', 'integer', (c) => c.references('users.id'))
      .addColumn('assessed_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('studio_assessments_year_uq', ['studio_id', 'year'])
      .execute();

    await withId(db, db.schema.createTable('craftsman_selections'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('quota', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('publicity_last_day', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('craftsman_selections_org_idx').on('craftsman_selections').columns(['org_id', 'year']).execute();

    await withId(db, db.schema.createTable('craftsman_candidates'))
      .addColumn('selection_id', 'integer', (c) => c.notNull().references('craftsman_selections.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('craftsman_candidates_member_uq', ['selection_id', 'member_id'])
      .execute();

    await withId(db, db.schema.createTable('craftsman_judges'))
      .addColumn('selection_id', 'integer', (c) => c.notNull().references('craftsman_selections.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('craftsman_judges_user_uq', ['selection_id', 'user_id'])
      .execute();

    await withId(db, db.schema.createTable('craftsman_marks'))
      .addColumn('candidate_id', 'integer', (c) => c.notNull().references('craftsman_candidates.id'))
      .addColumn('judge_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('value', 'integer', (c) => c.notNull())
      .addColumn('marked_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('craftsman_marks_judge_uq', ['candidate_id', 'judge_id'])
      .execute();

    await withId(db, db.schema.createTable('craftsman_objections'))
      .addColumn('candidate_id', 'integer', (c) => c.notNull().references('craftsman_candidates.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('filed_by', 'integer', (c) => c.references('users.id'))
      .addColumn('filed_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .execute();

    await withId(db, db.schema.createTable('craftsmen'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('selection_id', 'integer', (c) => c.notNull().references('craftsman_selections.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('valid_until', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('renews_id', 'integer', (c) => c.references('craftsmen.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('craftsmen_org_idx').on('craftsmen').columns(['org_id', 'status']).execute();
  },
};
