import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forKysely, sqliteFile, STATEMENT_CACHE, type Database } from './database.ts';
import { scratchDatabase, type Scratch } from '../test/scratch.ts';

/**
 * The database layer under the app: the same SQL sent again and again (SQLite keeps its prepared
 * statements, see forKysely) must behave exactly as a freshly prepared one would, on both
 * engines.
 */
/** A scratch database of the engine under test for one describe, with a `notes` table made by `setUp`. */
function useScratch(setUp: (db: Database['db']) => Promise<void>) {
  const ctx = {} as { scratch: Scratch; database: Database };
  beforeAll(async () => {
    ctx.scratch = await scratchDatabase();
    ctx.database = ctx.scratch.open();
    await setUp(ctx.database.db);
  });
  afterAll(async () => {
    await ctx.database.close();
    await ctx.scratch.drop();
  });
  return ctx;
}

describe('queries sent again', () => {
  const ctx = useScratch(async (db) => {
    await sql`create table notes (id integer primary key, body text not null unique)`.execute(db);
  });
  const database = {
    get db() {
      return ctx.database.db;
    },
  };

  const bodies = async () => (await sql<{ body: string }>`select body from notes order by id`.execute(database.db)).rows.map((r) => r.body);

  it('see the rows written since they were last sent', async () => {
    await sql`insert into notes (id, body) values (${1}, ${'一'})`.execute(database.db);
    expect(await bodies()).toEqual(['一']);
    await sql`insert into notes (id, body) values (${2}, ${'二'})`.execute(database.db);
    expect(await bodies()).toEqual(['一', '二']);
  });

  it('see a column added to the table since they were last sent', async () => {
    const all = async () => (await sql<Record<string, unknown>>`select * from notes where id = ${1}`.execute(database.db)).rows[0];
    expect(Object.keys(await all())).toEqual(['id', 'body']);
    await sql`alter table notes add column tag text`.execute(database.db);
    expect(await all()).toEqual({ id: 1, body: '一', tag: null });
  });

  it('still work after the same statement was refused', async () => {
    const insert = (id: number, body: string) => sql`insert into notes (id, body) values (${id}, ${body})`.execute(database.db);
    await expect(insert(3, '一')).rejects.toThrow();
    await insert(3, '三');
    expect(await bodies()).toEqual(['一', '二', '三']);
  });
});

/**
 * Holds the write lock of the scratch database from another connection (on SQLite, another thread:
 * SQLite waits synchronously) for `ms`, and resolves once it is held; `released` resolves after.
 */
async function holdWriteLock(scratch: Scratch, ms: number): Promise<{ released: Promise<void> }> {
  if (scratch.databaseUrl) {
    const other = new pg.Client({ connectionString: scratch.databaseUrl });
    await other.connect();
    await other.query('begin');
    await other.query('lock table notes in exclusive mode');
    const released = new Promise<void>((resolve) => setTimeout(resolve, ms)).then(async () => {
      await other.query('commit');
      await other.end();
    });
    return { released };
  }
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const SQLite = require(workerData.module);
     const db = new SQLite(workerData.file, { timeout: 0 });
     db.exec('begin immediate');
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec('commit');
     db.close();
     parentPort.postMessage('released');`,
    { eval: true, workerData: { file: sqliteFile(scratch.dataDir), module: createRequire(import.meta.url).resolve('better-sqlite3'), ms } },
  );
  const said = (what: string) => new Promise<void>((resolve, reject) => {
    worker.on('message', (m) => m === what && resolve());
    worker.on('error', reject);
  });
  const released = said('released');
  await said('locked');
  return { released };
}

describe('a change that reads, then writes, while another connection briefly holds the write lock', () => {
  const ctx = useScratch(async (db) => {
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    await sql`insert into notes (id, body) values (1, '旧')`.execute(db);
  });
  const database = {
    get db() {
      return ctx.database.db;
    },
  };

  it('waits for the lock and commits, instead of failing (a backup or a second process must not turn a request into a 500)', async () => {
    const { released } = await holdWriteLock(ctx.scratch, 300);
    const result = await database.db.transaction().execute(async (tx) => {
      const row = await sql<{ body: string }>`select body from notes where id = 1`.execute(tx);
      await sql`update notes set body = ${`${row.rows[0].body}→新`} where id = 1`.execute(tx);
      return 'committed';
    });
    await released;
    expect(result).toBe('committed');
    expect((await sql<{ body: string }>`select body from notes where id = 1`.execute(database.db)).rows[0].body).toBe('旧→新');
  });
});

describe('the SQLite statement cache', () => {
  it('keeps each short SQL text once, drops the least recently used past its size, and never keeps an import-sized insert', () => {
    const sqlite = new SQLite(':memory:');
    const statements = forKysely(sqlite);
    try {
      const first = statements.prepare('select 1');
      expect(statements.prepare('select 1')).toBe(first);
      for (let i = 0; i < STATEMENT_CACHE.size + 10; i++) statements.prepare(`select ${i + 2}`);
      expect(statements.kept).toBe(STATEMENT_CACHE.size);
      expect(statements.prepare('select 1')).not.toBe(first);

      const long = `select '${'x'.repeat(STATEMENT_CACHE.maxSqlLength)}'`;
      const before = statements.kept;
      expect(statements.prepare(long)).not.toBe(statements.prepare(long));
      expect(statements.kept).toBe(before);
    } finally {
      sqlite.close();
    }
  });
});
