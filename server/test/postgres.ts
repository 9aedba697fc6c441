import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../migrations.ts';

/**
 * PostgreSQL for API tests: one template database migrated once per run (postgres-global-setup.ts),
 * and one fresh database per test app, copied from it with CREATE DATABASE … TEMPLATE.
 */
const dbDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db');

/**
 * The template database for this checkout's migrations: `gonghui_template_<hash>`, the hash taken
 * over the migration sources. Two checkouts (or a colleague's uncommitted migration) on one server
 * each get their own template instead of re-migrating each other's.
 */
function templateName(): string {
  const hash = crypto.createHash('sha256');
  const server = path.dirname(dbDir);
  const sources = (dir: string) => fs.readdirSync(path.join(server, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  // The platform's migrations and every module's own (server/modules/<m>/migrations/).
  const moduleMigrations = sources('modules').filter((f) => f.split(path.sep).includes('migrations'));
  const files = ['migrations.ts', 'db/migrate.ts', ...sources('db/migrations'), ...moduleMigrations].sort();
  for (const file of files) hash.update(file).update(fs.readFileSync(path.join(server, file)));
  // migrateToLatest also installs pg-boss's schema: a pg-boss with another schema needs a new template.
  hash.update(fs.readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('pg-boss')), '..', 'version.json')));
  return `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 12)}`;
}

export const TEMPLATE_PREFIX = 'gonghui_template_';
export const TEMPLATE_DB = templateName();
export const DEFAULT_TEST_URL = 'postgres://postgres@127.0.0.1:5432/test';
/**
 * Advisory lock guarding the template: the global setup (re)builds it holding the lock exclusively;
 * copies hold it shared. Separate vitest runs on one server (two people, two terminals) never see
 * a half-migrated template, and never copy it while someone is connected to it.
 */
export const TEMPLATE_LOCK = 73_105_001;

export function adminUrl(): string {
  return process.env.DATABASE_URL_TEST ?? DEFAULT_TEST_URL;
}

/** The same server and credentials, another database. */
export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl()} (set DATABASE_URL_TEST, or start the server): ${(err as Error).message}. ` +
        'The postgres test project never skips itself; run `vitest run --project unit --project sqlite` to leave it out.',
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function migrateTemplate(): Promise<void> {
  const database = openDatabase({ databaseUrl: urlFor(TEMPLATE_DB), dataDir: '.', poolSize: 1 });
  try {
    await migrateToLatest(database.db);
  } finally {
    // No connection may stay open on a template, or CREATE DATABASE … TEMPLATE refuses to copy it.
    await database.close();
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates this checkout's template database (see TEMPLATE_DB) and brings it to the latest
 * migration, rebuilding it when that fails; then clears leftovers of dead runs.
 */
export async function ensureTemplate(): Promise<void> {
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
      // Leftovers of runs that died (each test database is named after its worker's pid), then
      // templates of older migration sets, once no live run could still copy them.
      const testDbs = await client.query("select datname from pg_database where datname like 'gh\\_test\\_%'");
      let live = 0;
      for (const { datname } of testDbs.rows as { datname: string }[]) {
        if (isAlive(Number(datname.split('_')[2]))) live++;
        else await client.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
      }
      if (live === 0) {
        const stale = await client.query('select datname from pg_database where datname like $1 and datname <> $2', [`${TEMPLATE_PREFIX.replaceAll('_', '\\_').replace(/\\_$/, '')}%`, TEMPLATE_DB]);
        for (const row of stale.rows) await client.query(`drop database if exists ${quoteIdent(row.datname)}`);
      }
    } finally {
      await client.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}
