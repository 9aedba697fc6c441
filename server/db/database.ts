import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Compilable, type CompiledQuery, type SqliteDatabase, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB> | Kysely<DB>;

export interface Database {
  db: Db;
  engine: Engine;
  /** PostgreSQL's connection string (the session cache's listener opens its own connection with it). */
  url?: string;
  /** The embedded database's file (its read pool opens its own connections to it). */
  file?: string;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back as strings from pg; every id and count here fits in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'gonghui.sqlite');
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolSize?: number }): Database {
  if (opts.databaseUrl) {
    // JIT off: gonghui's queries are short, and PostgreSQL compiles any whose estimate passes
    // jit_above_cost — ~100 ms of compiling for a name search that then reads nothing (10M members).
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, options: '-c jit=off' });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', url: opts.databaseUrl, close: () => db.destroy() };
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
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: forKysely(sqlite) }) });
  return { db, engine: 'sqlite', file, close: () => db.destroy() };
}

/** How many prepared statements the SQLite connection keeps, and the longest SQL text kept. */
export const STATEMENT_CACHE = { size: 1000, maxSqlLength: 8000 };

/**
 * The better-sqlite3 connection as Kysely sees it, with two changes:
 *
 * - Transactions begin IMMEDIATE (Kysely sends a plain, deferred BEGIN). A deferred transaction
 *   reads first and takes the write lock at its first write; if another connection holds that lock
 *   at that moment, SQLite fails the write at once with SQLITE_BUSY instead of waiting out
 *   busy_timeout (waiting could deadlock two upgrading readers). An IMMEDIATE transaction takes the
 *   write lock at BEGIN, where busy_timeout applies. The app runs one query at a time on its one
 *   connection, so taking the lock early costs no concurrency; another process (a backup, a second
 *   server, a tool) briefly holding the lock now delays a request instead of failing it (500).
 * - Prepared statements are kept. Kysely asks for a statement for every query it sends, and
 *   preparing is the largest single cost of a cheap request (bench/README.md). The app sends the
 *   same few hundred SQL texts over and over, so statements are kept by their text, least recently
 *   used out first. Long texts (multi-row inserts of an import) are prepared afresh and not kept.
 *   better-sqlite3 resets a statement after each run, and SQLite re-prepares a kept statement by
 *   itself when a migration changes the schema under it. (The one connection runs one query at a
 *   time, so a kept statement is never in use twice.)
 */
export function forKysely(sqlite: SQLite.Database): SqliteDatabase & { readonly kept: number } {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    get kept() {
      return kept.size;
    },
    prepare(sent: string) {
      const text = sent === 'begin' ? 'begin immediate' : sent;
      const hit = kept.get(text);
      if (hit) {
        kept.delete(text);
        kept.set(text, hit);
        return hit;
      }
      const statement = sqlite.prepare(text);
      if (text.length <= STATEMENT_CACHE.maxSqlLength) {
        kept.set(text, statement);
        if (kept.size > STATEMENT_CACHE.size) kept.delete(kept.keys().next().value!);
      }
      return statement;
    },
  };
}

/** Stands for the i-th argument while a `compiledOnce` query is built. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A hot query whose SQL text never changes, only its values: built and compiled by Kysely once per
 * database (building and compiling cost a cheap request more than running it; bench/README.md),
 * then run with each call's arguments in the places `build` put its placeholders. `build` must
 * use the placeholders only as values and never branch on them, since it runs once.
 *
 *   const mine = compiledOnce((db, userId: number) => db.selectFrom('x').selectAll().where('user_id', '=', userId));
 *   const rows = await mine(deps.db, 42);
 */
export function compiledOnce<Args extends unknown[], Row>(build: (db: Db, ...placeholders: Args) => Compilable<Row>) {
  const compiled = new WeakMap<Db, CompiledQuery<Row>>();
  return async (db: Db, ...args: Args): Promise<Row[]> => {
    let query = compiled.get(db);
    if (!query) {
      const slots = Array.from({ length: build.length - 1 }, (_, i) => new Slot(i));
      query = build(db, ...(slots as Args)).compile();
      const used = new Set(query.parameters.filter((p) => p instanceof Slot));
      if (slots.some((slot) => !used.has(slot))) throw new Error('compiledOnce: every placeholder must be used as a plain value in the query');
      compiled.set(db, query);
    }
    const parameters = query.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
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
