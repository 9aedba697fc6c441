import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openSqliteReaders } from './sqlite-readers.ts';
import { createOrg, createTestApp, expectStatus, loginAdmin, testEngine, type Client } from '../test/harness.ts';

/**
 * The embedded database's read pool (GONGHUI_SQLITE_READERS, server/db/sqlite-readers.ts): lists,
 * statistics and exports read on worker threads, each with its own read-only connection.
 */
describe.runIf(testEngine() === 'sqlite')('SQLite read pool', () => {
  let app: FastifyInstance;
  let admin: Client;
  let county: number;

  beforeAll(async () => {
    app = await createTestApp({ sqliteReaders: 2 });
    admin = await loginAdmin(app);
    county = await createOrg(admin, { name: '嘉善县总工会', kind: 'federation', level: 'county', parentId: null });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('a list shows the write committed just before it, read by the pool', async () => {
    const before = app.deps.reads!.stats.replicaQueries;
    const street = await createOrg(admin, { name: '魏塘街道总工会', kind: 'federation', level: 'street', parentId: county });
    const children = expectStatus<{ items: { id: number }[] }>(await admin.get(`/api/orgs/${county}/children`), 200);
    expect(children.items.map((o) => o.id)).toContain(street);
    expectStatus(await admin.get(`/api/orgs/${county}/stats`), 200);
    expect(app.deps.reads!.stats.replicaQueries).toBeGreaterThan(before);
    expect(app.deps.reads!.stats.fallbacks).toBe(0);
  });

  it('while one reader runs a slow read, the server goes on answering', async () => {
    let slowDone = false;
    // Seconds of work on one reader's thread (a county-wide search, say).
    const slow = sql<{ n: number }>`with recursive c(x) as (select 1 union all select x + 1 from c where x < 5000000) select count(*) as n from c`
      .execute(app.deps.reads!.db)
      .then((r) => {
        slowDone = true;
        return r.rows[0].n;
      });
    const children = await admin.get(`/api/orgs/${county}/children`);
    const members = await admin.get('/api/members', { query: { orgId: String(county) } });
    // On the server's own thread the slow read would have held both requests until it ended.
    expect(slowDone).toBe(false);
    expectStatus(children, 200);
    expectStatus(members, 200);
    expect(await slow).toBe(5_000_000);
  });

  it('refuses writes and transactions, and the data stays as it was', async () => {
    const reads = app.deps.reads!.db;
    await expect(reads.updateTable('orgs').set({ name: '改名' }).where('id', '=', county).execute()).rejects.toThrow();
    await expect(reads.transaction().execute(async () => 1)).rejects.toThrow(/single reads/);
    const org = await app.deps.db.selectFrom('orgs').select('name').where('id', '=', county).executeTakeFirstOrThrow();
    expect(org.name).toBe('嘉善县总工会');
  });

  it('hands blobs back as Buffers, as the writer’s connection does', async () => {
    const { rows } = await sql<{ b: Buffer }>`select x'00ff10' as b`.execute(app.deps.reads!.db);
    expect(Buffer.isBuffer(rows[0].b)).toBe(true);
    expect([...rows[0].b]).toEqual([0, 255, 16]);
  });

  it('readers that cannot open the file give way to the writer’s connection, and the reads are still answered', async () => {
    const broken = openSqliteReaders('/nonexistent/gonghui.sqlite', 2, app.deps.db);
    try {
      const { rows } = await sql<{ name: string }>`select name from orgs where id = ${county}`.execute(broken.db);
      expect(rows).toEqual([{ name: '嘉善县总工会' }]);
      const again = await broken.db.selectFrom('orgs').select('name').where('id', '=', county).executeTakeFirstOrThrow();
      expect(again.name).toBe('嘉善县总工会');
      expect(broken.stats.fallbacks).toBeGreaterThan(0);
      expect(broken.stats.replicaQueries).toBe(0);
    } finally {
      await broken.close();
    }
  });

  it('with GONGHUI_SQLITE_READERS=0 every read stays on the one connection', async () => {
    const plain = await createTestApp({ sqliteReaders: 0 });
    try {
      expect(plain.deps.reads).toBeUndefined();
      const client = await loginAdmin(plain);
      expectStatus(await client.get('/api/orgs/roots'), 200);
    } finally {
      await plain.close();
    }
  });
});
