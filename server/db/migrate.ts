import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';
import { platform } from './migrations/0001-platform.ts';
import { members } from './migrations/0002-members.ts';
import { pioneer } from './migrations/0003-pioneer.ts';
import { activities } from './migrations/0004-activities.ts';
import { memberCounts } from './migrations/0005-indexes.ts';
import { subtreeMemberCounts } from './migrations/0006-subtree-counts.ts';
import { integrity } from './migrations/0007-integrity.ts';
import { readPathIndexes } from './migrations/0008-read-path-indexes.ts';
import { oneMemberCount } from './migrations/0009-one-member-count.ts';
import { jobs } from './migrations/0011-jobs.ts';
import { slots } from './migrations/0031-slots.ts';
import { files } from './migrations/0033-files.ts';

/**
 * The platform's migrations and those that shipped before modules brought their own, in order. A
 * static list: Kysely's file provider breaks under Vitest. A module adds its tables with its own
 * migrations (its definition's `migrations`, named to sort after every migration that exists when
 * it is written), which server/migrations.ts merges in; a later platform migration sorts after
 * those too (`0011-jobs` after `0010-articles`).
 */
export const coreMigrations: Record<string, Migration> = {
  '0001-platform': platform,
  '0002-members': members,
  '0003-pioneer': pioneer,
  '0004-activities': activities,
  '0005-indexes': memberCounts,
  '0006-subtree-counts': subtreeMemberCounts,
  '0007-integrity': integrity,
  '0008-read-path-indexes': readPathIndexes,
  '0009-one-member-count': oneMemberCount,
  // After the modules' 0010-articles: the platform's durable jobs.
  '0011-jobs': jobs,
  // Before the modules' 0031-venues: the platform's time slots (platform/slots.ts).
  '0031-slots': slots,
  // After the modules' 0032-training: the database file store (platform/files.ts).
  '0033-files': files,
};

/** Runs every migration not yet applied, in name order; a name given twice is a startup error. */
export async function runMigrations(db: Db, extra: Record<string, Migration>): Promise<string[]> {
  const twice = Object.keys(extra).filter((name) => name in coreMigrations);
  if (twice.length) throw new Error(`migration names given twice: ${twice.join(', ')}`);
  const provider: MigrationProvider = { getMigrations: async () => ({ ...coreMigrations, ...extra }) };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
