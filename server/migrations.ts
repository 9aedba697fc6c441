import type { Migration } from 'kysely';
import type { Db } from './db/database.ts';
import { runMigrations } from './db/migrate.ts';
import { isPostgres } from './db/migrations/helpers.ts';
import { modules } from './modules/index.ts';

/** The migrations every module brings (its definition's `migrations`), merged; a name used twice throws. */
function moduleMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const m of modules) {
    for (const [name, migration] of Object.entries(m.migrations ?? {})) {
      if (name in all) throw new Error(`migration ${name} of ${m.name} is already given by another module`);
      all[name] = migration;
    }
  }
  return all;
}

/**
 * Brings the database to the current schema: the platform's migrations and every module's, by
 * name; on PostgreSQL also pg-boss's schema and a queue per job kind (platform/jobs-postgres.ts).
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const applied = await runMigrations(db, moduleMigrations());
  if (isPostgres(db)) {
    const { installJobQueue } = await import('./platform/jobs-postgres.ts');
    await installJobQueue(db, modules.flatMap((m) => Object.keys(m.jobs ?? {})));
  }
  return applied;
}
