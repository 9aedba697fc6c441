import type { Kysely, Migration } from 'kysely';
import { withId } from './helpers.ts';

/**
 * The member roll. Personal data (ID numbers, phones) only as AES-GCM ciphertext (`*_enc`) plus a
 * keyed hash (`*_hash`) for lookups and uniqueness. `open_key` columns are set while a row is
 * open (pending) and null afterwards: a unique index on them makes "one open application per
 * ID number" and "one open transfer per member" hold under concurrency on both engines.
 */
export const members: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sequences')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('sequences').values({ name: 'member_no', value: 0 }).execute();

    await withId(db, db.schema.createTable('members'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('id_number_enc', 'text', (c) => c.notNull())
      .addColumn('id_number_hash', 'text', (c) => c.notNull().unique())
      .addColumn('phone_enc', 'text')
      .addColumn('phone_hash', 'text')
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
      .addColumn('employer_name', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('retained_reason', 'text')
      .addColumn('member_no', 'text', (c) => c.notNull().unique())
      .addColumn('joined_on', 'text', (c) => c.notNull())
      .addColumn('left_on', 'text')
      .addColumn('user_id', 'integer', (c) => c.references('users.id').unique())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('members_org_status_idx').on('members').columns(['org_id', 'status']).execute();
    await db.schema.createIndex('members_org_joined_idx').on('members').columns(['org_id', 'joined_on']).execute();
    await db.schema.createIndex('members_phone_hash_idx').on('members').column('phone_hash').execute();
    await db.schema.createIndex('members_name_idx').on('members').column('name').execute();

    await withId(db, db.schema.createTable('join_applications'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('id_number_enc', 'text', (c) => c.notNull())
      .addColumn('id_number_hash', 'text', (c) => c.notNull())
      .addColumn('phone_enc', 'text', (c) => c.notNull())
      .addColumn('phone_hash', 'text', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
      .addColumn('employer_name', 'text')
      .addColumn('consent_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('open_key', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('join_applications_org_status_idx').on('join_applications').columns(['org_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('join_applications_user_idx').on('join_applications').column('user_id').execute();

    await withId(db, db.schema.createTable('transfers'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('from_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('to_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('prior_status', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('started_by', 'integer', (c) => c.references('users.id'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .addColumn('open_key', 'integer', (c) => c.unique())
      .execute();
    await db.schema.createIndex('transfers_member_idx').on('transfers').column('member_id').execute();
    await db.schema.createIndex('transfers_to_idx').on('transfers').columns(['to_org_id', 'status']).execute();
    await db.schema.createIndex('transfers_from_idx').on('transfers').columns(['from_org_id', 'status']).execute();

    await withId(db, db.schema.createTable('sms_codes'))
      .addColumn('phone_hash', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sms_codes_phone_idx').on('sms_codes').columns(['phone_hash', 'purpose', 'created_at']).execute();
  },
};
