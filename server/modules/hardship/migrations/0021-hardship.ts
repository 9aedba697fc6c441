import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Hardship files and aid (困难职工帮扶, issue #14 §2). Held by the database where racing requests
 * could both pass a check: one open file per member (`open_key` unique), one aid per campaign and
 * household (`campaign_file` unique), one re-check per file and due date.
 */
export const hardship: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('hardship_settings'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('low_income_line_fen', 'integer', (c) => c.notNull())
      .addColumn('relative_multiple_pct', 'integer', (c) => c.notNull())
      .addColumn('effective_from', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('hardship_settings_org_date_uq', ['org_id', 'effective_from'])
      .execute();

    await withId(db, db.schema.createTable('hardship_files'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('open_key', 'integer', (c) => c.unique())
      .addColumn('household_size', 'integer', (c) => c.notNull())
      .addColumn('income_enc', 'text', (c) => c.notNull())
      .addColumn('causes', 'text', (c) => c.notNull())
      .addColumn('tier', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('exit_reason', 'text')
      .addColumn('exited_at', 'text')
      .addColumn('consent_at', 'text', (c) => c.notNull())
      .addColumn('checked_on', 'text', (c) => c.notNull())
      .addColumn('next_check_due', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('hardship_files_org_idx').on('hardship_files').columns(['org_id', 'status']).execute();

    await withId(db, db.schema.createTable('hardship_rechecks'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('hardship_files.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('done_at', 'text')
      .addColumn('done_by', 'integer', (c) => c.references('users.id'))
      .addUniqueConstraint('hardship_rechecks_file_due_uq', ['file_id', 'due_on'])
      .execute();
    await db.schema.createIndex('hardship_rechecks_org_idx').on('hardship_rechecks').columns(['org_id', 'status']).execute();

    await withId(db, db.schema.createTable('hardship_campaigns'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('budget_fen', 'bigint', (c) => c.notNull())
      .addColumn('spent_fen', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db, db.schema.createTable('hardship_aids'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('hardship_files.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addColumn('paid_on', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text')
      .addColumn('campaign_id', 'integer', (c) => c.references('hardship_campaigns.id'))
      .addColumn('campaign_file', 'text', (c) => c.unique())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('hardship_aids_file_idx').on('hardship_aids').columns(['file_id']).execute();
    await db.schema.createIndex('hardship_aids_org_idx').on('hardship_aids').columns(['org_id']).execute();
  },
};
