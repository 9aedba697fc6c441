import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Recuperation (issue #15 §1): products, batches, agreements, quotas and applications. A quota is
 * unique per (batch, org); an application per (batch, member).
 */
export const recuperation: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('recuperation_settings')
      .addColumn('org_id', 'integer', (c) => c.primaryKey().references('orgs.id'))
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db, db.schema.createTable('recuperation_products'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('center_name', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('destination', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('days', 'integer', (c) => c.notNull())
      .addColumn('price_fen', 'integer', (c) => c.notNull())
      .addColumn('includes', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('recuperation_products_org_idx').on('recuperation_products').column('org_id').execute();

    await withId(db, db.schema.createTable('recuperation_batches'))
      .addColumn('product_id', 'integer', (c) => c.notNull().references('recuperation_products.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('places', 'integer', (c) => c.notNull())
      .addColumn('open_to_partners', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('recuperation_batches_org_idx').on('recuperation_batches').columns(['org_id', 'starts_on']).execute();

    await withId(db, db.schema.createTable('cooperation_agreements'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('partner_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('signed_on', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cooperation_agreements_org_idx').on('cooperation_agreements').columns(['org_id', 'partner_org_id']).execute();
    await db.schema.createIndex('cooperation_agreements_partner_idx').on('cooperation_agreements').columns(['partner_org_id', 'org_id']).execute();

    await withId(db, db.schema.createTable('recuperation_quotas'))
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('recuperation_batches.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('parent_id', 'integer', (c) => c.references('recuperation_quotas.id'))
      .addColumn('places', 'integer', (c) => c.notNull())
      .addColumn('seat_pool_id', 'integer', (c) => c.notNull().references('seat_pools.id'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('recuperation_quotas_org_uq', ['batch_id', 'org_id'])
      .execute();
    await db.schema.createIndex('recuperation_quotas_org_idx').on('recuperation_quotas').columns(['org_id', 'batch_id']).execute();

    await withId(db, db.schema.createTable('recuperation_applications'))
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('recuperation_batches.id'))
      .addColumn('quota_id', 'integer', (c) => c.notNull().references('recuperation_quotas.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('trip_year', 'integer', (c) => c.notNull())
      .addColumn('working_years', 'integer', (c) => c.notNull())
      .addColumn('frontline', 'integer', (c) => c.notNull())
      .addColumn('priority', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('recuperation_applications_member_uq', ['batch_id', 'member_id'])
      .execute();
    await db.schema.createIndex('recuperation_applications_quota_idx').on('recuperation_applications').columns(['quota_id', 'status']).execute();
    await db.schema.createIndex('recuperation_applications_org_idx').on('recuperation_applications').columns(['org_id', 'status']).execute();
    await db.schema.createIndex('recuperation_applications_member_idx').on('recuperation_applications').columns(['member_id', 'trip_year', 'status']).execute();
  },
};
