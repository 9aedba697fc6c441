import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Benefits (普惠福利: 送清凉, 年夜饭, 女神节, 生日; issue #16 §5): a stock held on a seat pool (taken
 * atomically, never over), a claim window and eligibility; one claim per member (unique), each with
 * a unique redemption code the distributor verifies.
 */
export const benefits: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('benefits'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('stock', 'integer', (c) => c.notNull())
      .addColumn('seat_pool_id', 'integer', (c) => c.notNull().references('seat_pools.id'))
      .addColumn('claim_from', 'text', (c) => c.notNull())
      .addColumn('claim_until', 'text', (c) => c.notNull())
      .addColumn('gender', 'text')
      .addColumn('min_tenure_months', 'integer')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('benefits_org_idx').on('benefits').columns(['org_id', 'claim_until']).execute();

    await withId(db, db.schema.createTable('benefit_claims'))
      .addColumn('benefit_id', 'integer', (c) => c.notNull().references('benefits.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addColumn('redeemed_at', 'text')
      .addColumn('redeemed_by', 'integer', (c) => c.references('users.id'))
      .addUniqueConstraint('benefit_claims_member_uq', ['benefit_id', 'member_id'])
      .execute();
  },
};
