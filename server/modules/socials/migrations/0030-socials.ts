import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Youth socials (青年交友, 寻缘; issue #16 §6): on an activity of kind youth_social, places per
 * gender (each a seat pool) and an age range; the gender each sign-up holds a place of (released on
 * cancellation); each attendee's contact to share (encrypted) and their private picks (at most
 * three, unique per picker and picked).
 */
export const socials: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('social_settings'))
      .addColumn('activity_id', 'integer', (c) => c.notNull().unique().references('activities.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('male_pool_id', 'integer', (c) => c.notNull().references('seat_pools.id'))
      .addColumn('female_pool_id', 'integer', (c) => c.notNull().references('seat_pools.id'))
      .addColumn('min_age', 'integer')
      .addColumn('max_age', 'integer')
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db, db.schema.createTable('social_entrants'))
      .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('gender', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('social_entrants_uq', ['activity_id', 'user_id'])
      .execute();

    await withId(db, db.schema.createTable('social_contacts'))
      .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('contact_enc', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('social_contacts_uq', ['activity_id', 'user_id'])
      .execute();

    await withId(db, db.schema.createTable('social_picks'))
      .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id'))
      .addColumn('picker_id', 'integer', (c) => c.notNull().references('activity_registrations.id'))
      .addColumn('picked_id', 'integer', (c) => c.notNull().references('activity_registrations.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('social_picks_uq', ['picker_id', 'picked_id'])
      .execute();
    await db.schema.createIndex('social_picks_activity_idx').on('social_picks').columns(['activity_id', 'picked_id']).execute();
  },
};
