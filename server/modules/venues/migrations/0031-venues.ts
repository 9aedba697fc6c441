import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Venues (阵地: 职工之家, 职工书屋, 活动室, 母婴室; issue #15 §3): a venue of an owner union with
 * opening hours and closed days, shared with other unions; bookings hold a platform time slot
 * (time_slots, migration 0031-slots), which keeps two active bookings of a venue apart.
 */
export const venues: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('venues'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('opening_hours', 'text', (c) => c.notNull())
      .addColumn('closed_days', 'text', (c) => c.notNull())
      .addColumn('member_bookable', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('venues_org_idx').on('venues').column('org_id').execute();
    await db.schema
      .createTable('venue_shares')
      .addColumn('venue_id', 'integer', (c) => c.notNull().references('venues.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addPrimaryKeyConstraint('venue_shares_pk', ['venue_id', 'org_id'])
      .execute();
    await withId(db, db.schema.createTable('venue_bookings'))
      .addColumn('venue_id', 'integer', (c) => c.notNull().references('venues.id'))
      .addColumn('slot_id', 'integer', (c) => c.notNull().unique().references('time_slots.id'))
      .addColumn('booker_kind', 'text', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('activity_id', 'integer')
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('cancelled_at', 'text')
      .addColumn('cancelled_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('venue_bookings_venue_idx').on('venue_bookings').columns(['venue_id', 'starts_at']).execute();
    await db.schema.createIndex('venue_bookings_org_idx').on('venue_bookings').columns(['org_id', 'starts_at']).execute();
  },
};
