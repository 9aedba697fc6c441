import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Fundraisers (春风行动, 爱心捐赠; issue #16 §4): goals in money and goods, and one append-only
 * ledger of donations and disbursements. `raised`/`spent` beside the goals are the ledger's sums,
 * kept in the same transaction as each entry; a disbursement takes them by a conditional UPDATE so
 * spending never passes the balance, also under concurrent requests. Receipt numbers come from the
 * sequence `donation_receipt`. `hardship_file_id` names a hardship file when the hardship module
 * has one (no foreign key: that module is built separately).
 */
export const fundraising: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('fundraisers'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('goal_fen', 'integer', (c) => c.notNull())
      .addColumn('raised_fen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('spent_fen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('fundraisers_org_idx').on('fundraisers').columns(['org_id', 'id']).execute();

    await withId(db, db.schema.createTable('fundraiser_goods'))
      .addColumn('fundraiser_id', 'integer', (c) => c.notNull().references('fundraisers.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('goal', 'integer', (c) => c.notNull())
      .addColumn('raised', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('spent', 'integer', (c) => c.notNull().defaultTo(0))
      .addUniqueConstraint('fundraiser_goods_name_uq', ['fundraiser_id', 'name'])
      .execute();

    await withId(db, db.schema.createTable('fundraiser_entries'))
      .addColumn('fundraiser_id', 'integer', (c) => c.notNull().references('fundraisers.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'integer', (c) => c.notNull())
      .addColumn('party_name', 'text', (c) => c.notNull())
      .addColumn('party_kind', 'text', (c) => c.notNull())
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('show_name', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('hardship_file_id', 'integer')
      .addColumn('receipt_no', 'text', (c) => c.unique())
      .addColumn('note', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('fundraiser_entries_fundraiser_idx').on('fundraiser_entries').columns(['fundraiser_id', 'id']).execute();
    await db.schema.createIndex('fundraiser_entries_org_idx').on('fundraiser_entries').columns(['org_id', 'kind']).execute();

    await withId(db, db.schema.createTable('fundraiser_entry_goods'))
      .addColumn('entry_id', 'integer', (c) => c.notNull().references('fundraiser_entries.id'))
      .addColumn('goods_id', 'integer', (c) => c.notNull().references('fundraiser_goods.id'))
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('fundraiser_entry_goods_entry_idx').on('fundraiser_entry_goods').column('entry_id').execute();

    await withId(db, db.schema.createTable('fundraiser_proofs'))
      .addColumn('entry_id', 'integer', (c) => c.notNull().references('fundraiser_entries.id'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('fundraiser_proofs_entry_idx').on('fundraiser_proofs').column('entry_id').execute();

    await db.insertInto('sequences').values({ name: 'donation_receipt', value: 0 }).execute();
  },
};
