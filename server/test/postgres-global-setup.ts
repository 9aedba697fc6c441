import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { TEMPLATE_DB, TEMPLATE_LOCK, quoteIdent, urlFor, withAdminClient } from './postgres.ts';

async function migrateTemplate(): Promise<void> {
  const database = openDatabase({ databaseUrl: urlFor(TEMPLATE_DB), dataDir: '.', poolSize: 1 });
  try {
    await migrateToLatest(database.db);
  } finally {
    // No connection may stay open on a template, or CREATE DATABASE … TEMPLATE refuses to copy it.
    await database.close();
  }
}

/**
 * Runs once per `vitest run` before the postgres project: brings the template database to the
 * latest migration. When it cannot be migrated (a migration was edited or removed), it is rebuilt.
 */
export default async function setup(): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await client.query('select 1 from pg_database where datname = $1', [TEMPLATE_DB]);
      if (exists.rowCount === 0) await client.query(`create database ${quoteIdent(TEMPLATE_DB)}`);
      try {
        await migrateTemplate();
      } catch {
        await client.query(`drop database if exists ${quoteIdent(TEMPLATE_DB)} with (force)`);
        await client.query(`create database ${quoteIdent(TEMPLATE_DB)}`);
        await migrateTemplate();
      }
    } finally {
      await client.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}
