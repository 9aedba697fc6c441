import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Volunteers, service hours and the love-points ledger (爱心积分, 微积分), issue #16 §2.
 * `love_point_entries` is append-only; `source` is unique, so a credit for one donation, hour
 * record or wish lands once however often it is asked. `love_point_balances` is the running sum
 * per member, changed in the same transaction as each entry: a spend is one conditional UPDATE
 * (`balance >= points`), atomic on both engines, so racing spends never overdraw. The points shop's
 * stock is a seat pool (platform/seats.ts), so stock never goes below zero.
 */
export const volunteers: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('love_point_entries'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().unique())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('love_point_entries_member_idx').on('love_point_entries').columns(['member_id', 'id']).execute();
    await db.schema.createIndex('love_point_entries_year_idx').on('love_point_entries').columns(['year', 'org_id']).execute();

    await db.schema
      .createTable('love_point_balances')
      .addColumn('member_id', 'integer', (c) => c.primaryKey().references('members.id'))
      .addColumn('balance', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db, db.schema.createTable('volunteers'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().unique().references('members.id'))
      .addColumn('skills', 'text', (c) => c.notNull())
      .addColumn('availability', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('volunteers_org_idx').on('volunteers').column('org_id').execute();

    await withId(db, db.schema.createTable('volunteer_teams'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('leader_volunteer_id', 'integer', (c) => c.references('volunteers.id'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('volunteer_teams_name_uq', ['org_id', 'name'])
      .execute();

    await db.schema
      .createTable('volunteer_team_members')
      .addColumn('team_id', 'integer', (c) => c.notNull().references('volunteer_teams.id'))
      .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id'))
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('volunteer_team_members_pk', ['team_id', 'volunteer_id'])
      .execute();

    // an activity run as volunteer service: check-in credits `hours`
    await db.schema
      .createTable('volunteer_services')
      .addColumn('activity_id', 'integer', (c) => c.primaryKey().references('activities.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('team_id', 'integer', (c) => c.references('volunteer_teams.id'))
      .addColumn('hours', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db, db.schema.createTable('service_hours'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('activity_id', 'integer', (c) => c.references('activities.id'))
      .addColumn('hours', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().unique())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('service_hours_member_idx').on('service_hours').columns(['member_id', 'year']).execute();

    await withId(db, db.schema.createTable('shop_goods'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('seat_pool_id', 'integer', (c) => c.notNull().references('seat_pools.id'))
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('shop_goods_org_idx').on('shop_goods').column('org_id').execute();

    await withId(db, db.schema.createTable('shop_redemptions'))
      .addColumn('goods_id', 'integer', (c) => c.notNull().references('shop_goods.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('entry_id', 'integer', (c) => c.notNull().references('love_point_entries.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .execute();
    await db.schema.createIndex('shop_redemptions_goods_idx').on('shop_redemptions').column('goods_id').execute();
    await db.schema.createIndex('shop_redemptions_member_idx').on('shop_redemptions').column('member_id').execute();
  },
};
