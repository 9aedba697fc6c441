import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepingStatements, STATEMENT_CACHE, type Database } from './database.ts';
import { scratchDatabase, type Scratch } from '../test/scratch.ts';

/**
 * The database layer under the app: the same SQL sent again and again (SQLite keeps its prepared
 * statements, see keepingStatements) must behave exactly as a freshly prepared one would, on both
 * engines.
 */
describe('queries sent again', () => {
  let scratch: Scratch;
  let database: Database;
  beforeAll(async () => {
    scratch = await scratchDatabase();
    database = scratch.open();
    await sql`create table notes (id integer primary key, body text not null unique)`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
    await scratch.drop();
  });

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

describe('the SQLite statement cache', () => {
  it('keeps each short SQL text once, drops the least recently used past its size, and never keeps an import-sized insert', () => {
    const sqlite = new SQLite(':memory:');
    const statements = keepingStatements(sqlite);
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
