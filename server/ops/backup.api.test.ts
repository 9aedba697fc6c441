import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { buildPioneerWorld } from '../modules/pioneer/test-world.ts';
import { ADMIN_PASSWORD, PASSWORD, buildFixture, createTestApp, expectStatus, login, testEngine, type Fixture } from '../test/harness.ts';
import { signUpMember } from '../test/people.ts';
import { urlFor } from '../test/postgres.ts';
import { runCli, scratchDatabase, type Scratch } from '../test/scratch.ts';
import { BackupError, restoreDatabase, type BackupTarget } from './backup.ts';
import { listTables, type Database, type Db } from '../db/database.ts';
import { platform } from '../db/migrations/0001-platform.ts';

/**
 * Backup and restore on the engine under test: a database built through the API is backed up by
 * the command line while the app runs, restored into an empty database, compared table by table
 * (tables taken from the catalog), and served again.
 */
const engine = testEngine();
let app: FastifyInstance;
let f: Fixture;
let source: BackupTarget;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-backup-test-'));
const scratches: Scratch[] = [];

async function scratch(key?: string): Promise<Scratch> {
  const s = await scratchDatabase({ key });
  scratches.push(s);
  return s;
}

/** Every row of every table, each serialised and sorted, so order of storage does not matter. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await listTables(db, engine)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out[table] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

async function withDatabase<T>(database: Database, fn: (db: Db) => Promise<T>): Promise<T> {
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '李会员');
  await signUpMember(app, f.clients.cadreB, f.orgs.unionB, '赵会员');
  await buildPioneerWorld(app, f);
  const { config } = app.deps;
  const databaseUrl = engine === 'postgres' ? urlFor((await sql<{ name: string }>`select current_database() as name`.execute(app.deps.db)).rows[0].name) : undefined;
  source = { dataDir: config.dataDir, databaseUrl, encryptionKey: config.encryptionKey };
}, 120_000);

afterAll(async () => {
  await app?.close();
  for (const s of scratches) await s.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sourceEnv = () => ({
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'test',
  GONGHUI_DATA_DIR: source.dataDir,
  GONGHUI_ENCRYPTION_KEY: source.encryptionKey!,
  ...(source.databaseUrl ? { DATABASE_URL: source.databaseUrl } : {}),
});

// Each test runs the command line in child processes: generous on a loaded machine.
describe(`backup and restore (${engine})`, { timeout: 120_000 }, () => {
  test('a backup taken while the server runs restores into an empty database with every table equal row for row, and the restored database serves', async () => {
    const file = path.join(dir, engine === 'sqlite' ? 'gonghui.sqlite' : 'gonghui.dump');
    const backup = await runCli(['backup', file], sourceEnv());
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('Backup written');
    expect(backup.stdout).toContain('GONGHUI_ENCRYPTION_KEY');
    // The key is never written into the backup.
    expect(fs.readFileSync(file).includes(Buffer.from(source.encryptionKey!))).toBe(false);

    const target = await scratch(source.encryptionKey);
    const restore = await runCli(['restore', file], target.env);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);

    const before = await snapshot(app.deps.db);
    const after = await withDatabase(target.open(), snapshot);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(before.members.length).toBeGreaterThanOrEqual(2);
    expect(before.pioneer_titles.length).toBeGreaterThanOrEqual(1);
    for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });

    const database = target.open();
    const restored = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', GONGHUI_DATA_DIR: target.dataDir, GONGHUI_ENCRYPTION_KEY: source.encryptionKey, GONGHUI_LOG_LEVEL: 'silent', GONGHUI_SECURE_COOKIES: 'false' }),
      database,
      serveWeb: false,
    });
    try {
      const cadre = await login(restored, 'street.a', PASSWORD);
      const roll = expectStatus(await cadre.get('/api/members'), 200);
      expect(roll.items.map((m: { name: string }) => m.name)).toContain('李会员');
      const admin = await login(restored, 'admin', ADMIN_PASSWORD);
      // New rows get new ids after a restore (PostgreSQL's identity sequences came back too).
      expectStatus(await admin.post('/api/orgs', { name: '恢复后新建街道总工会', kind: 'federation', level: 'street', parentId: f.orgs.county }), 201);
    } finally {
      await restored.close();
      await database.close();
    }
  });

  test('restore refuses to replace an existing database without --force, and refuses while the running server holds it', async () => {
    const file = path.join(dir, engine === 'sqlite' ? 'refusals.sqlite' : 'refusals.dump');
    expect((await runCli(['backup', file], sourceEnv())).code).toBe(0);
    const before = await snapshot(app.deps.db);

    await expect(restoreDatabase(source, file)).rejects.toThrow(/--force/);
    // The app's own connections stand for a running server.
    expectStatus(await f.clients.cadreA.get('/api/members'), 200);
    await expect(restoreDatabase(source, file, { force: true })).rejects.toThrow(/stop the server/);

    expect(await snapshot(app.deps.db)).toEqual(before);
    expectStatus(await f.clients.cadreA.get('/api/members'), 200);
  });

  test('restore --force replaces an existing database with the backup, undoing changes made since', async () => {
    const file = path.join(dir, engine === 'sqlite' ? 'force.sqlite' : 'force.dump');
    expect((await runCli(['backup', file], sourceEnv())).code).toBe(0);
    const target = await scratch(source.encryptionKey);
    expect((await runCli(['restore', file], target.env)).code).toBe(0);
    await withDatabase(target.open(), (db) => sql`update orgs set name = name || '（恢复后改过）'`.execute(db));

    const res = await runCli(['restore', file, '--force'], target.env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(await withDatabase(target.open(), snapshot)).toEqual(await snapshot(app.deps.db));
  });

  test('restore with a key that cannot read the backup’s personal data fails and says which key is needed', async () => {
    const file = path.join(dir, engine === 'sqlite' ? 'key.sqlite' : 'key.dump');
    expect((await runCli(['backup', file], sourceEnv())).code).toBe(0);
    const target = await scratch('d4'.repeat(32));
    const res = await runCli(['restore', file], target.env);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('The configured encryption key cannot decrypt');
    expect(res.stderr).toContain('配置的加密密钥解不开');
    // On SQLite the check runs on a copy: nothing was put in place.
    if (engine === 'sqlite') expect(fs.readdirSync(target.dataDir)).toEqual([]);
  });

  test('restore brings a backup made by an older version, before later migrations, up to the current schema', async () => {
    const old = await scratch(source.encryptionKey);
    await withDatabase(old.open(), async (db) => {
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => ({ '0001-platform': platform }) } }).migrateToLatest();
      if (error) throw error;
    });
    const file = path.join(dir, engine === 'sqlite' ? 'old.sqlite' : 'old.dump');
    expect((await runCli(['backup', file], old.env)).code).toBe(0);

    const target = await scratch(source.encryptionKey);
    const res = await runCli(['restore', file], target.env);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('migrations applied: 0002-members');
    expect(await withDatabase(target.open(), (db) => listTables(db, engine))).toEqual(await listTables(app.deps.db, engine));
  });

  test('restore refuses a backup of the other engine and a file that is not a backup', async () => {
    const notBackup = path.join(dir, 'notes.txt');
    fs.writeFileSync(notBackup, 'not a database');
    const target = await scratch();
    await expect(restoreDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl, encryptionKey: source.encryptionKey }, notBackup)).rejects.toThrow(/not a gonghui backup/);
    const other = path.join(dir, engine === 'sqlite' ? 'other.dump' : 'other.sqlite');
    fs.writeFileSync(other, engine === 'sqlite' ? 'PGDMP\x01\x0f\x00' : 'SQLite format 3\0');
    const err = await restoreDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl, encryptionKey: source.encryptionKey }, other).catch((e) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(err.message).toMatch(engine === 'sqlite' ? /set DATABASE_URL/ : /unset DATABASE_URL/);
  });

  test('backup never overwrites an existing file', async () => {
    const file = path.join(dir, 'existing.bak');
    fs.writeFileSync(file, 'an older backup');
    const res = await runCli(['backup', file], sourceEnv());
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('already exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('an older backup');
  });
});
