import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createOrg, createTestApp, expectStatus, loginAdmin, testEngine, type Client } from '../test/harness.ts';
import { LSN_COOKIE, parseLsn } from './replica.ts';

/**
 * Read routing (DATABASE_REPLICA_URL) on PostgreSQL. No streaming replica here: the replica URL
 * names the test database itself (a server not in recovery counts as fully replayed), which still
 * sends the lists' reads through the replica's own pool; and a URL where nothing listens stands for
 * a replica that is down. The LSN rule itself is unit-tested in replica.test.ts.
 */
const postgres = testEngine() === 'postgres';

describe.runIf(postgres)('read replica', () => {
  let app: FastifyInstance;
  let dead: FastifyInstance;
  let admin: Client;
  let county: number;

  beforeAll(async () => {
    app = await createTestApp({ replica: 'same' });
    // Port 1: nothing listens there, every connection is refused.
    dead = await createTestApp({ replica: 'postgres://postgres@127.0.0.1:1/none' });
    admin = await loginAdmin(app);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await dead?.close();
  });

  it('a write hands the browser the primary’s position to read after', async () => {
    const res = await admin.post('/api/orgs', { name: '嘉善县总工会', kind: 'federation', level: 'county', parentId: null });
    county = res.json().id;
    expectStatus(res, 201);
    expect(parseLsn(res.cookies.find((c) => c.name === LSN_COOKIE)?.value)).not.toBeNull();
  });

  it('lists read from the replica, and show the caller’s own write made just before', async () => {
    const id = await createOrg(admin, { name: '魏塘街道总工会', kind: 'federation', level: 'street', parentId: county });
    const before = app.deps.reads!.stats.replicaQueries;
    const children = expectStatus<{ items: { id: number }[] }>(await admin.get(`/api/orgs/${county}/children`), 200);
    expect(children.items.map((o) => o.id)).toContain(id);
    expect(app.deps.reads!.stats.replicaQueries).toBeGreaterThan(before);
    expectStatus(await admin.get(`/api/orgs/${id}/overview`), 200);
    expectStatus(await admin.get(`/api/orgs/${id}/stats`), 200);
    expectStatus(await admin.get('/api/members', { query: { orgId: String(id) } }), 200);
    expect(app.deps.reads!.stats.fallbacks).toBe(0);
  });

  it('an export streams its rows from the replica', async () => {
    const before = app.deps.reads!.stats.replicaQueries;
    const res = await admin.get('/api/orgs/export');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeGreaterThan(0);
    expect(app.deps.reads!.stats.replicaQueries).toBeGreaterThan(before);
  });

  it('a caller whose last write the replica has not replayed reads from the primary', async () => {
    const before = app.deps.reads!.stats.replicaQueries;
    expectStatus(await admin.get('/api/orgs/roots', { headers: { cookie: `gh_session=${admin.cookie}; ${LSN_COOKIE}=FFFFFFFF/0` } }), 200);
    expect(app.deps.reads!.stats.replicaQueries).toBe(before);
    expect(await app.deps.reads!.choose(parseLsn('FFFFFFFF/0'))).toBe('primary');
    expect(await app.deps.reads!.choose(parseLsn('0/1'))).toBe('replica');
  });

  it('a request that writes reads from the primary throughout', async () => {
    const before = app.deps.reads!.stats.replicaQueries;
    await createOrg(admin, { name: '罗星街道总工会', kind: 'federation', level: 'street', parentId: county });
    expect(app.deps.reads!.stats.replicaQueries).toBe(before);
  });

  it('a replica that is down is no error: reads go to the primary, and it is left alone for a while', async () => {
    const a = await loginAdmin(dead);
    const id = await createOrg(a, { name: '开化县总工会', kind: 'federation', level: 'county', parentId: null });
    // Without the read-after position: the read would go to the replica if it were up.
    const fresh = { headers: { cookie: `gh_session=${a.cookie}` } };
    const roots = expectStatus<{ items: { id: number }[] }>(await a.get('/api/orgs/roots', fresh), 200);
    expect(roots.items.map((o) => o.id)).toContain(id);
    expectStatus(await a.get(`/api/orgs/${id}/overview`, fresh), 200);
    expectStatus(await a.get('/api/members', fresh), 200);
    const exported = await a.get('/api/orgs/export', fresh);
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.length).toBeGreaterThan(0);
    expect(dead.deps.reads!.stats.replicaQueries).toBe(0);
    expect(await dead.deps.reads!.choose(null)).toBe('primary');
  });
});

describe.runIf(!postgres)('read replica on SQLite', () => {
  it('is ignored: a replica needs PostgreSQL', async () => {
    const app = await createTestApp({ replica: 'postgres://postgres@127.0.0.1:1/none', sqliteReaders: 2 });
    try {
      // The reads go to the embedded read pool, never to the URL: no position is handed out, nothing falls back.
      expect(app.deps.reads).toBeDefined();
      expect(app.deps.reads!.position).toBeUndefined();
      const admin = await loginAdmin(app);
      expectStatus(await admin.get('/api/orgs/roots'), 200);
      const res = await admin.post('/api/orgs', { name: '嘉善县总工会', kind: 'federation', level: 'county', parentId: null });
      expectStatus(res, 201);
      expect(res.cookies.find((c) => c.name === LSN_COOKIE)).toBeUndefined();
      expect(app.deps.reads!.stats.fallbacks).toBe(0);
    } finally {
      await app.close();
    }
  });
});
