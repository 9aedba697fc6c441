import pg from 'pg';

/**
 * PostgreSQL for API tests: one template database migrated once per run (postgres-global-setup.ts),
 * and one fresh database per test app, copied from it with CREATE DATABASE … TEMPLATE.
 */
export const TEMPLATE_DB = 'gonghui_template';
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
