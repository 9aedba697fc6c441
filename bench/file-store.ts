/**
 * Writes and reads back a 50 MB file through the database file store (platform/files.ts: 1 MB
 * chunks in stored_file_chunks) on SQLite and PostgreSQL, and, for comparison, through PostgreSQL
 * large objects (lo_from_bytea + lo_put, lo_get a chunk at a time). Figures in docs/architecture.md, "Files".
 *
 *   npx tsx bench/file-store.ts            # PostgreSQL from DATABASE_URL_TEST or postgres://postgres@127.0.0.1:5432/postgres
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { sql } from 'kysely';
import { openDatabase, openSqliteFile, type Database } from '../server/db/database.ts';
import { migrateToLatest } from '../server/migrations.ts';
import { CHUNK_BYTES, createFileStore } from '../server/platform/files.ts';

const MB = 50;
const data = crypto.randomBytes(MB * 1024 * 1024);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-files-'));
const spool = () => {
  const file = path.join(dir, crypto.randomUUID());
  fs.writeFileSync(file, data);
  return file;
};
const time = async (what: string, run: () => Promise<unknown>) => {
  const start = performance.now();
  const heap = process.memoryUsage().rss;
  await run();
  const ms = performance.now() - start;
  console.log(`${what.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  ${(MB / (ms / 1000)).toFixed(0).padStart(4)} MB/s  rss +${((process.memoryUsage().rss - heap) / 2 ** 20).toFixed(0)} MB`);
};

async function chunks(label: string, database: Database) {
  const files = createFileStore('database', { dataDir: dir, db: database.db });
  await time(`${label} chunks: write`, () => files.put('bench/a.bin', spool()));
  await time(`${label} chunks: read (stream)`, async () => {
    const back = await buffer((await files.open('bench/a.bin'))!);
    if (!back.equals(data)) throw new Error('differs');
  });
  await files.remove('bench/a.bin');
}

async function largeObjects(database: Database) {
  let oid = 0;
  await time('postgres large object: write', () =>
    database.db.transaction().execute(async (tx) => {
      oid = (await sql<{ oid: number }>`select lo_from_bytea(0, ${data.subarray(0, CHUNK_BYTES)}) as oid`.execute(tx)).rows[0].oid;
      for (let at = CHUNK_BYTES; at < data.length; at += CHUNK_BYTES) await sql`select lo_put(${oid}, ${at}, ${data.subarray(at, at + CHUNK_BYTES)})`.execute(tx);
    }),
  );
  await time('postgres large object: read (chunks)', async () => {
    const parts: Buffer[] = [];
    for (let at = 0; at < data.length; at += CHUNK_BYTES) parts.push((await sql<{ b: Buffer }>`select lo_get(${oid}, ${at}, ${CHUNK_BYTES}) as b`.execute(database.db)).rows[0].b);
    if (!Buffer.concat(parts).equals(data)) throw new Error('differs');
  });
  await sql`select lo_unlink(${oid})`.execute(database.db);
}

const sqlite = openSqliteFile(path.join(dir, 'bench.sqlite'));
await migrateToLatest(sqlite.db);
await chunks('sqlite', sqlite);
await sqlite.close();

const base = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `gh_bench_files_${process.pid}`;
const admin = openDatabase({ databaseUrl: base, dataDir: dir, poolSize: 1 });
await sql.raw(`create database ${name}`).execute(admin.db);
try {
  const pg = openDatabase({ databaseUrl: base.replace(/\/[^/]*$/, `/${name}`), dataDir: dir, poolSize: 2 });
  await migrateToLatest(pg.db);
  await chunks('postgres', pg);
  await largeObjects(pg);
  await pg.close();
} finally {
  await sql.raw(`drop database if exists ${name}`).execute(admin.db);
  await admin.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
