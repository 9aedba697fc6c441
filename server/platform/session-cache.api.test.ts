import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createOrg, createTestApp, createUser, expectStatus, login, loginAdmin, PASSWORD, sameSessionOn, testEngine, type Client } from '../test/harness.ts';

/**
 * The session cache with two servers on one database (app 2 opened on app 1's database, with its
 * own connections and cache): what ends or narrows a session on one server is refused by the other
 * on its next request. Notifications are asynchronous on PostgreSQL: `caughtUp` waits until app 2
 * has heard every change committed before it (on SQLite, one process, it is heard at once).
 */
describe('session cache across servers', () => {
  let one: FastifyInstance;
  let two: FastifyInstance;
  let admin: Client;
  let county: number;

  beforeAll(async () => {
    one = await createTestApp();
    two = await createTestApp({ sharing: one });
    admin = await loginAdmin(one);
    county = await createOrg(admin, { name: '嘉善县总工会', kind: 'federation', level: 'county', parentId: null });
  }, 60_000);
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  /** A cadre on the county logged in on app 1, and the same session sent to app 2 (read there once, so kept). */
  async function cadre(username: string) {
    const id = await createUser(admin, { username, orgId: county }, { role: 'cadre', orgId: county });
    const onOne = await login(one, username, PASSWORD);
    const onTwo = sameSessionOn(two, onOne);
    expectStatus(await onTwo.get(`/api/orgs/${county}`), 200);
    return { id, onOne, onTwo };
  }

  it('a session read once is kept: the next request does not read it again', async () => {
    const { onTwo } = await cadre('kept.cadre');
    const id = (await onTwo.get('/api/me')).json().id as number;
    // Removed behind the platform's back (no notification): app 2 still answers from what it kept.
    await two.deps.db.deleteFrom('sessions').where('user_id', '=', id).execute();
    expectStatus(await onTwo.get('/api/me'), 200);
  });

  it('a logout on one server is refused on the other at once', async () => {
    const { onOne, onTwo } = await cadre('logout.cadre');
    expectStatus(await onOne.post('/api/auth/logout'), 204);
    await two.deps.sessions.caughtUp();
    expectStatus(await onTwo.get('/api/me'), 401);
    expectStatus(await onOne.get('/api/me'), 401);
  });

  it('a revoked grant is refused on the other server at once', async () => {
    const { id, onTwo } = await cadre('revoked.cadre');
    const grants = expectStatus<{ items: { id: number }[] }>(await admin.get('/api/role-grants', { query: { userId: String(id) } }), 200);
    for (const g of grants.items) expectStatus(await admin.delete(`/api/role-grants/${g.id}`), 204);
    await two.deps.sessions.caughtUp();
    expectStatus(await onTwo.get(`/api/orgs/${county}`), 403);
  });

  it('a new grant is seen on the other server at once', async () => {
    const id = await createUser(admin, { username: 'granted.later', orgId: county });
    const onTwo = sameSessionOn(two, await login(one, 'granted.later', PASSWORD));
    expectStatus(await onTwo.get(`/api/orgs/${county}`), 403);
    expectStatus(await admin.post('/api/role-grants', { userId: id, role: 'viewer', orgId: county }), 201);
    await two.deps.sessions.caughtUp();
    expectStatus(await onTwo.get(`/api/orgs/${county}`), 200);
  });

  it('a disabled account and a password reset end the sessions on the other server at once', async () => {
    const disabled = await cadre('disabled.cadre');
    expectStatus(await admin.patch(`/api/users/${disabled.id}`, { disabled: true }), 200);
    const reset = await cadre('reset.cadre');
    expectStatus(await admin.post(`/api/users/${reset.id}/password`, { password: 'Another-Pass-2025' }), 204);
    await two.deps.sessions.caughtUp();
    expectStatus(await disabled.onTwo.get('/api/me'), 401);
    expectStatus(await reset.onTwo.get('/api/me'), 401);
  });

  it('a password change ends the other sessions on the other server, the new one works there', async () => {
    const { onOne, onTwo } = await cadre('changer.cadre');
    const res = await onOne.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Changed-Pass-2025' });
    expect(res.statusCode).toBeLessThan(300);
    await two.deps.sessions.caughtUp();
    expectStatus(await onTwo.get('/api/me'), 401);
  });

  it('a change on a server is refused by that same server without waiting', async () => {
    const { onOne } = await cadre('same.server');
    expectStatus(await onOne.get('/api/me'), 200);
    expectStatus(await onOne.post('/api/auth/logout'), 204);
    expectStatus(await onOne.get('/api/me'), 401);
  });

  it.runIf(testEngine() === 'postgres')('a lost notification connection: nothing kept survives it, and once back sessions are kept and changes heard again', async () => {
    const before = await cadre('before.loss');
    const listeners = sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and application_name = 'gonghui-session-listener'`;
    const lost = (await listeners.execute(one.deps.db)).rows.map((r) => r.pid);
    expect(lost).toHaveLength(2);
    // The database server drops both servers' listening connections (a restart, a network cut).
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where pid in (${sql.join(lost)})`.execute(one.deps.db);
    await vi.waitFor(
      async () => {
        const back = (await listeners.execute(one.deps.db)).rows.map((r) => r.pid);
        expect(back.filter((pid) => !lost.includes(pid))).toHaveLength(2);
        await two.deps.sessions.caughtUp();
        // Listening again: a session read now is kept (removed behind the platform's back, still answered).
        const probe = await cadre(`probe.${Date.now()}`);
        await two.deps.db.deleteFrom('sessions').where('user_id', '=', probe.id).execute();
        expectStatus(await probe.onTwo.get('/api/me'), 200);
      },
      { timeout: 15_000, interval: 100 },
    );
    // What app 2 kept before the loss was dropped: a change may have gone unheard meanwhile.
    await two.deps.db.deleteFrom('sessions').where('user_id', '=', before.id).execute();
    expectStatus(await before.onTwo.get('/api/me'), 401);
    // And a logout on app 1 reaches app 2 again.
    const after = await cadre('after.loss');
    expectStatus(await after.onOne.post('/api/auth/logout'), 204);
    await two.deps.sessions.caughtUp();
    expectStatus(await after.onTwo.get('/api/me'), 401);
  });
});
