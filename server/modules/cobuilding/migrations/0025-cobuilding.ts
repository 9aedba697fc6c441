import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Co-building (共建), issue #16 §1: partner units linked to an org, their contact accounts, the four
 * lists' items and the claims on them. `list_items.status` moves by conditional UPDATEs (open →
 * claimed only while open), so two racing claims leave one claim and one 409.
 */
export const cobuilding: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('partners'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('uscc', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone_enc', 'text')
      .addColumn('agreement_from', 'text')
      .addColumn('agreement_until', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('partners_org_name_uq', ['org_id', 'name'])
      .execute();
    await db.schema.createIndex('partners_org_idx').on('partners').column('org_id').execute();

    await db.schema
      .createTable('partner_contacts')
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
      .addColumn('partner_id', 'integer', (c) => c.notNull().references('partners.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('partner_contacts_partner_idx').on('partner_contacts').column('partner_id').execute();

    await withId(db, db.schema.createTable('list_items'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('partner_id', 'integer', (c) => c.references('partners.id'))
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('list_items_org_idx').on('list_items').columns(['org_id', 'list', 'status']).execute();
    await db.schema.createIndex('list_items_partner_idx').on('list_items').column('partner_id').execute();

    await withId(db, db.schema.createTable('list_item_claims'))
      .addColumn('item_id', 'integer', (c) => c.notNull().references('list_items.id'))
      .addColumn('partner_id', 'integer', (c) => c.references('partners.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'integer', (c) => c.references('users.id'))
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('done_at', 'text')
      .addColumn('note', 'text')
      .addColumn('photo_key', 'text')
      .addColumn('rating', 'integer')
      .addColumn('rating_comment', 'text')
      .addColumn('rated_at', 'text')
      .execute();
    await db.schema.createIndex('list_item_claims_item_idx').on('list_item_claims').column('item_id').execute();

    await withId(db, db.schema.createTable('cobuilding_files'))
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('claim_id', 'integer', (c) => c.notNull().references('list_item_claims.id'))
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
