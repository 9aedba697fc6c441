import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Rights cases (维权, issue #14 §1): cases with their steps and attachments, and the deadlines a
 * federation sets. Personal data only in `*_enc` columns. Case numbers come from the sequence
 * `rights_case_no`.
 */
export const rights: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('rights_settings')
      .addColumn('org_id', 'integer', (c) => c.primaryKey().references('orgs.id'))
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db, db.schema.createTable('rights_cases'))
      .addColumn('case_no', 'text', (c) => c.notNull().unique())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('member_id', 'integer', (c) => c.references('members.id'))
      .addColumn('applicant_name', 'text', (c) => c.notNull())
      .addColumn('phone_enc', 'text')
      .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
      .addColumn('employer_name', 'text')
      .addColumn('narrative_enc', 'text', (c) => c.notNull())
      .addColumn('amount_enc', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decline_reason', 'text')
      .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
      .addColumn('accept_due', 'text', (c) => c.notNull())
      .addColumn('progress_due', 'text')
      .addColumn('escalated_due', 'text')
      .addColumn('escalated_org_id', 'integer', (c) => c.references('orgs.id'))
      .addColumn('outcome', 'text')
      .addColumn('recovered_enc', 'text')
      .addColumn('rating', 'integer')
      .addColumn('rating_comment', 'text')
      .addColumn('consent_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .execute();
    await db.schema.createIndex('rights_cases_org_idx').on('rights_cases').columns(['org_id', 'status']).execute();
    await db.schema.createIndex('rights_cases_user_idx').on('rights_cases').columns(['user_id']).execute();
    await db.schema.createIndex('rights_cases_assignee_idx').on('rights_cases').columns(['assignee_id']).execute();

    await withId(db, db.schema.createTable('rights_case_steps'))
      .addColumn('case_id', 'integer', (c) => c.notNull().references('rights_cases.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('note_enc', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rights_case_steps_case_idx').on('rights_case_steps').columns(['case_id']).execute();

    await withId(db, db.schema.createTable('rights_case_attachments'))
      .addColumn('case_id', 'integer', (c) => c.notNull().references('rights_cases.id'))
      .addColumn('name_enc', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rights_case_attachments_case_idx').on('rights_case_attachments').columns(['case_id']).execute();

    await db.insertInto('sequences').values({ name: 'rights_case_no', value: 0 }).execute();
  },
};
