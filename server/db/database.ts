import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB> | Kysely<DB>;

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back as strings from pg; every id and count here fits in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'gonghui.sqlite');
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolSize?: number }): Database {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = sqliteFile(opts.dataDir);
  return openSqliteFile(file);
}

export function openSqliteFile(file: string): Database {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

/** ISO-8601 UTC timestamp, the one shape stored for every instant. */
export function isoNow(clock: () => Date): string {
  return clock().toISOString();
}

/** JSON columns are text on both engines; pg may still hand back parsed values. */
export function parseJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A unique-constraint violation, as each engine reports it. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Takes `count` values from a named counter in the caller's transaction; returns the first. */
export async function nextSequence(tx: Tx, name: string, count = 1): Promise<number> {
  const row = await tx
    .updateTable('sequences')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value - count + 1;
}

/** Every table of the schema, from the engine's own catalog (Kysely's bookkeeping included). */
export async function listTables(db: Db, engine: Engine): Promise<string[]> {
  const rows =
    engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and substr(name, 1, 7) <> 'sqlite_' order by name`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.rows.map((r) => r.name);
}
