import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Skill competitions (技能竞赛, issue #12 §1): contests with their events (项目) and marking schemes,
 * entries (one per member per event), judges per event (one may be the chief), one mark per (entry,
 * judge, criterion). Scores in hundredths. Named to sort after every migration of its time (0015-*).
 */
export const competitions: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('skill_contests'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('registration_opens_at', 'text', (c) => c.notNull())
      .addColumn('registration_closes_at', 'text', (c) => c.notNull())
      .addColumn('reference_date', 'text', (c) => c.notNull())
      .addColumn('aggregation', 'text', (c) => c.notNull())
      .addColumn('level_up_awards', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('skill_contests_org_idx').on('skill_contests').columns(['org_id', 'year']).execute();

    await withId(db, db.schema.createTable('skill_contest_events'))
      .addColumn('contest_id', 'integer', (c) => c.notNull().references('skill_contests.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('max_age', 'integer')
      .addColumn('occupation', 'text')
      .addColumn('level', 'integer')
      .addColumn('criteria', 'text', (c) => c.notNull())
      .addColumn('award_by', 'text', (c) => c.notNull())
      .addColumn('award_first', 'integer', (c) => c.notNull())
      .addColumn('award_second', 'integer', (c) => c.notNull())
      .addColumn('award_third', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('locked_at', 'text')
      .addColumn('published_at', 'text')
      .execute();
    await db.schema.createIndex('skill_contest_events_contest_idx').on('skill_contest_events').columns(['contest_id', 'position']).execute();

    await withId(db, db.schema.createTable('skill_entries'))
      .addColumn('contest_id', 'integer', (c) => c.notNull().references('skill_contests.id'))
      .addColumn('event_id', 'integer', (c) => c.notNull().references('skill_contest_events.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
      .addColumn('finished_at', 'text')
      .addColumn('score', 'integer')
      .addColumn('judgement_score', 'integer')
      .addColumn('rank', 'integer')
      .addColumn('award', 'text')
      .addColumn('skill_level_id', 'integer')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('skill_entries_event_member_uq').on('skill_entries').columns(['event_id', 'member_id']).unique().execute();
    await db.schema.createIndex('skill_entries_member_idx').on('skill_entries').columns(['member_id']).execute();
    await db.schema.createIndex('skill_entries_user_idx').on('skill_entries').columns(['user_id']).execute();

    await withId(db, db.schema.createTable('skill_judges'))
      .addColumn('contest_id', 'integer', (c) => c.notNull().references('skill_contests.id'))
      .addColumn('event_id', 'integer', (c) => c.notNull().references('skill_contest_events.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('chief', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('skill_judges_event_user_uq').on('skill_judges').columns(['event_id', 'user_id']).unique().execute();
    await db.schema.createIndex('skill_judges_user_idx').on('skill_judges').columns(['user_id']).execute();

    await db.schema
      .createTable('skill_marks')
      .addColumn('entry_id', 'integer', (c) => c.notNull().references('skill_entries.id'))
      .addColumn('judge_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('criterion_index', 'integer', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      .addColumn('marked_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('skill_marks_pk', ['entry_id', 'judge_id', 'criterion_index'])
      .execute();
  },
};
