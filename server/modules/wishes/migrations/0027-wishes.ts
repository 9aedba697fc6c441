import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/** Micro-wishes (微心愿), issue #16 §3. Status moves by conditional UPDATEs: one claim per wish however many race. */
export const wishes: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('wishes'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('value_fen', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reject_reason', 'text')
      .addColumn('claimer_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('claimer_member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('claimer_partner_id', 'integer', (c) => c.references('partners.id'))
      .addColumn('claimed_at', 'text')
      .addColumn('proof_key', 'text')
      .addColumn('proof_type', 'text')
      .addColumn('proof_note', 'text')
      .addColumn('fulfilled_at', 'text')
      .addColumn('confirmed_at', 'text')
      .addColumn('posted_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('wishes_org_idx').on('wishes').columns(['org_id', 'status']).execute();
    await db.schema.createIndex('wishes_member_idx').on('wishes').column('member_id').execute();
    await db.schema.createIndex('wishes_claimer_idx').on('wishes').column('claimer_user_id').execute();
  },
};
