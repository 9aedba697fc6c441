import type { Kysely, Migration } from 'kysely';
import { withId } from './helpers.ts';

/**
 * Activities with capacity, waiting lists and check-in; themed contests with moderation and votes.
 * `seat_pools` is the platform's shared capacity counter (see server/platform/seats.ts): taking a
 * seat is one conditional UPDATE, so exactly `capacity` seats are ever taken on both engines.
 */
export const activities: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('seat_pools'))
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await withId(db, db.schema.createTable('activities'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('open_to_all', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('place', 'text')
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('seat_pool_id', 'integer', (c) => c.notNull().references('seat_pools.id'))
      .addColumn('signup_opens_at', 'text')
      .addColumn('signup_closes_at', 'text')
      .addColumn('cancel_deadline', 'text')
      .addColumn('members_only', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('min_age', 'integer')
      .addColumn('max_age', 'integer')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('activities_org_starts_idx').on('activities').columns(['org_id', 'starts_at']).execute();

    await withId(db, db.schema.createTable('activity_registrations'))
      .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('checked_in_at', 'text')
      .addColumn('checked_in_by', 'integer', (c) => c.references('users.id'))
      .addColumn('open_key', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('cancelled_at', 'text')
      .execute();
    await db.schema.createIndex('activity_registrations_activity_idx').on('activity_registrations').columns(['activity_id', 'status', 'id']).execute();
    await db.schema.createIndex('activity_registrations_user_idx').on('activity_registrations').column('user_id').execute();

    await withId(db, db.schema.createTable('contests'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('open_to_all', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('theme', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('entry_kind', 'text', (c) => c.notNull())
      .addColumn('submit_opens_at', 'text', (c) => c.notNull())
      .addColumn('submit_closes_at', 'text', (c) => c.notNull())
      .addColumn('vote_opens_at', 'text', (c) => c.notNull())
      .addColumn('vote_closes_at', 'text', (c) => c.notNull())
      .addColumn('entries_per_member', 'integer', (c) => c.notNull())
      .addColumn('votes_per_member', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('contests_org_idx').on('contests').column('org_id').execute();

    await withId(db, db.schema.createTable('contest_entries'))
      .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('slot', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('link', 'text')
      .addColumn('file_path', 'text')
      .addColumn('thumb_path', 'text')
      .addColumn('mime', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('moderated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('moderated_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('contest_entries_slot_unique', ['contest_id', 'user_id', 'slot'])
      .execute();
    await db.schema.createIndex('contest_entries_contest_idx').on('contest_entries').columns(['contest_id', 'status']).execute();

    // One row per vote; (contest, user, slot) unique caps a member at votes_per_member even when
    // several votes arrive at once, and (entry, user) unique stops voting twice for one entry.
    await withId(db, db.schema.createTable('contest_votes'))
      .addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
      .addColumn('entry_id', 'integer', (c) => c.notNull().references('contest_entries.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('slot', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('contest_votes_slot_unique', ['contest_id', 'user_id', 'slot'])
      .addUniqueConstraint('contest_votes_entry_unique', ['entry_id', 'user_id'])
      .execute();
    await db.schema.createIndex('contest_votes_entry_idx').on('contest_votes').column('entry_id').execute();
  },
};
