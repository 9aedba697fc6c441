import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  ADMIN_PASSWORD,
  PASSWORD,
  anonymous,
  buildFixture,
  clockOf,
  createTestApp,
  createUser,
  expectStatus,
  login,
  loginAdmin,
  type Client,
  type Fixture,
} from '../../test/harness.ts';
import { WORKER_PASSWORD } from '../../test/people.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { loadConfig } from '../../config.ts';

const MINUTE = 60_000;

describe('login and sessions', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  it('answers 200 with {csrfToken, user} and sets an httpOnly SameSite session cookie', async () => {
    const res = await anonymous(app).post('/api/auth/login', { username: 'street.a', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['csrfToken', 'user']);
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(20);
    expect(body.user).toEqual({
      id: f.users.cadreA,
      username: 'street.a',
      displayName: '魏塘干部',
      grants: [{ id: expect.any(Number), role: 'cadre', orgId: f.orgs.streetA, orgName: '魏塘街道总工会', permissions: expect.arrayContaining(['org.write', 'member.pii']) }],
    });
    const cookie = res.cookies.find((c) => c.name === 'gh_session');
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(String(cookie!.sameSite).toLowerCase()).toBe('lax');
    expect(cookie!.path).toBe('/');
    expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
    expect(res.headers['set-cookie']).toMatch(/HttpOnly/i);
  });

  it('never stores the session token itself', async () => {
    const client = await login(app, 'street.b', PASSWORD);
    const rows = await app.deps.db.selectFrom('sessions').select('id').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).not.toContain(client.cookie);
  });

  it('logs in with the phone number as well as the username', async () => {
    const res = await anonymous(app).post('/api/auth/login', { username: '13800001111', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('street.a');
  });

  it('answers 401 invalid_credentials for a wrong password and for an unknown user alike', async () => {
    const wrong = await anonymous(app).post('/api/auth/login', { username: 'street.a', password: 'not-the-password' });
    const unknown = await anonymous(app).post('/api/auth/login', { username: 'nobody.here', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.cookies.find((c) => c.name === 'gh_session')).toBeUndefined();
  });

  it('GET /api/me gives id, username, displayName, grants with role, orgId and permissions, a masked phone and the CSRF token', async () => {
    const me = expectStatus(await f.clients.cadreA.get('/api/me'), 200);
    expect(me).toMatchObject({
      id: f.users.cadreA,
      username: 'street.a',
      displayName: '魏塘干部',
      grants: [{ role: 'cadre', orgId: f.orgs.streetA, permissions: expect.arrayContaining(['member.read', 'member.pii', 'org.write']) }],
      phone: '138****1111',
      csrfToken: f.clients.cadreA.csrfToken,
    });
    const viewer = expectStatus<{ grants: { permissions: string[] }[] }>(await f.clients.viewer.get('/api/me'), 200);
    expect(viewer.grants[0].permissions).toContain('member.read');
    expect(viewer.grants[0].permissions).not.toContain('member.pii');
    expect(viewer.grants[0].permissions).not.toContain('org.write');
  });

  it('answers 401 on an authenticated route without a session, and with a made-up cookie', async () => {
    expect((await anonymous(app).get('/api/me')).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: 'gh_session=forged-token' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('logout answers 204 and ends the session', async () => {
    const client = await login(app, 'county.viewer', PASSWORD);
    const res = await client.post('/api/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const cleared = res.cookies.find((c) => c.name === 'gh_session');
    expect(cleared?.value).toBe('');
    expect((await client.get('/api/me')).statusCode).toBe(401);
    // the viewer's other session (the fixture's) lives on
    expect((await f.clients.viewer.get('/api/me')).statusCode).toBe(200);
  });

  it('ends a session when its hours are up', async () => {
    const clock = clockOf(app);
    const client = await login(app, 'county.cadre', PASSWORD);
    clock.advance(11 * 60 * MINUTE);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    clock.advance(60 * MINUTE);
    expect((await client.get('/api/me')).statusCode).toBe(401);
    clock.advance(-12 * 60 * MINUTE);
  });
});

describe('locking after wrong passwords', () => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await loginAdmin(app);
  });
  afterAll(() => app.close());

  const attempt = (username: string, password: string) => anonymous(app).post('/api/auth/login', { username, password });

  it('locks after five wrong passwords in 15 minutes, refusing even the right one with 429, and lifts after 15 minutes', async () => {
    const clock = clockOf(app);
    await createUser(admin, { username: 'lock.me' });
    for (let i = 0; i < 4; i++) {
      expect((await attempt('lock.me', 'wrong-password')).statusCode).toBe(401);
      clock.advance(MINUTE);
    }
    const fifth = await attempt('lock.me', 'wrong-password');
    expect(fifth.statusCode).toBe(401);
    const locked = await attempt('lock.me', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'account_locked', status: 429 });
    expect(locked.json().detail).toContain('15');
    expect(locked.cookies.find((c) => c.name === 'gh_session')).toBeUndefined();

    clock.advance(14 * MINUTE);
    expect((await attempt('lock.me', PASSWORD)).statusCode).toBe(429);
    clock.advance(MINUTE);
    expect((await attempt('lock.me', PASSWORD)).statusCode).toBe(200);
  });

  it('does not lock when the wrong passwords are spread over more than 15 minutes', async () => {
    const clock = clockOf(app);
    await createUser(admin, { username: 'slow.typist' });
    for (let i = 0; i < 4; i++) expect((await attempt('slow.typist', 'wrong-password')).statusCode).toBe(401);
    clock.advance(16 * MINUTE);
    expect((await attempt('slow.typist', 'wrong-password')).statusCode).toBe(401);
    expect((await attempt('slow.typist', PASSWORD)).statusCode).toBe(200);
  });

  it('a successful login clears the count of wrong passwords', async () => {
    await createUser(admin, { username: 'sometimes.wrong' });
    for (let i = 0; i < 4; i++) expect((await attempt('sometimes.wrong', 'wrong-password')).statusCode).toBe(401);
    expect((await attempt('sometimes.wrong', PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('sometimes.wrong', 'wrong-password')).statusCode).toBe(401);
    expect((await attempt('sometimes.wrong', PASSWORD)).statusCode).toBe(200);
  });

  it('a password reset by a cadre lifts the lock', async () => {
    await createUser(admin, { username: 'reset.me' });
    for (let i = 0; i < 5; i++) await attempt('reset.me', 'wrong-password');
    expect((await attempt('reset.me', PASSWORD)).statusCode).toBe(429);
    const id = (await app.deps.db.selectFrom('users').select('id').where('username', '=', 'reset.me').executeTakeFirstOrThrow()).id;
    expect((await admin.post(`/api/users/${id}/password`, { password: 'Fresh-Start-2025' })).statusCode).toBe(204);
    expect((await attempt('reset.me', 'Fresh-Start-2025')).statusCode).toBe(200);
  });
});

describe('passwords and disabling end sessions', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  it('changing one’s password ends every other session and gives this device a fresh one', async () => {
    const here = await login(app, 'street.b', PASSWORD);
    const elsewhere = await login(app, 'street.b', PASSWORD);
    const res = await here.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Luoxing-New-Pass-2025' });
    expect(res.statusCode).toBe(200);
    const { csrfToken } = res.json();
    const cookie = res.cookies.find((c) => c.name === 'gh_session')!;
    expect(cookie.httpOnly).toBe(true);

    expect((await elsewhere.get('/api/me')).statusCode).toBe(401);
    expect((await f.clients.cadreB.get('/api/me')).statusCode).toBe(401);
    expect((await here.get('/api/me')).statusCode).toBe(401);
    const fresh = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `gh_session=${cookie.value}` } });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().csrfToken).toBe(csrfToken);

    expect((await anonymous(app).post('/api/auth/login', { username: 'street.b', password: PASSWORD })).statusCode).toBe(401);
    await login(app, 'street.b', 'Luoxing-New-Pass-2025');
  });

  it('refuses a password change with the wrong current password, as a field error', async () => {
    const res = await f.clients.viewer.post('/api/me/password', { currentPassword: 'not-it-at-all', newPassword: 'Another-Good-Pass-1' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('currentPassword');
    expect((await f.clients.viewer.get('/api/me')).statusCode).toBe(200);
  });

  it.each([
    ['short', 'Ab1!'],
    ['common', 'password123'],
    ['the username', 'county.viewer'],
  ])('refuses a %s new password with a field error on newPassword', async (_kind, newPassword) => {
    const res = await f.clients.viewer.post('/api/me/password', { currentPassword: PASSWORD, newPassword });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'newPassword' }] });
    expect((await f.clients.viewer.get('/api/me')).statusCode).toBe(200);
  });

  it.each([
    ['short', 'Ab1!x'],
    ['common', '12345678'],
    ['common (any case)', 'WoAiNi1314'],
  ])('refuses to create an account with a %s password, as a field error on password', async (_kind, password) => {
    const res = await f.admin.post('/api/users', { username: 'weak.one', displayName: '弱密码', password, orgId: f.orgs.unionA });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'password', message: expect.any(String) }]);
    const row = await app.deps.db.selectFrom('users').select('id').where('username', '=', 'weak.one').executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('disabling a user ends their sessions at once and refuses their next login; enabling lets them back', async () => {
    const member = f.clients.member;
    expect((await member.get('/api/me')).statusCode).toBe(200);
    const res = await f.clients.cadreA.patch(`/api/users/${f.users.member}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await member.get('/api/me')).statusCode).toBe(401);
    const again = await anonymous(app).post('/api/auth/login', { username: 'worker.a', password: PASSWORD });
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('account_disabled');

    expect((await f.clients.cadreA.patch(`/api/users/${f.users.member}`, { disabled: false })).statusCode).toBe(200);
    await login(app, 'worker.a', PASSWORD);
  });

  it('a cadre cannot disable their own account', async () => {
    const res = await f.clients.cadreA.patch(`/api/users/${f.users.cadreA}`, { disabled: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('cannot_disable_self');
    expect((await f.clients.cadreA.get('/api/me')).statusCode).toBe(200);
  });

  it('a password reset ends the account’s sessions', async () => {
    const victim = await login(app, 'county.cadre', PASSWORD);
    expect((await f.admin.post(`/api/users/${f.users.countyCadre}/password`, { password: 'Reset-By-Admin-2025' })).statusCode).toBe(204);
    expect((await victim.get('/api/me')).statusCode).toBe(401);
    await login(app, 'county.cadre', 'Reset-By-Admin-2025');
  });
});

describe('CSRF', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  const newOrg = (parentId: number) => ({ name: '新建联合工会', kind: 'joint_union', basis: 'building', parentId });

  async function orgCount() {
    const [{ n }] = await app.deps.db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).execute();
    return Number(n);
  }

  it('refuses a state-changing request that has the cookie but no x-csrf-token (403), changing nothing', async () => {
    const before = await orgCount();
    const res = await f.clients.cadreA.post('/api/orgs', newOrg(f.orgs.streetA), { headers: { 'x-csrf-token': '' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const bare = await app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: `gh_session=${f.clients.cadreA.cookie}`, 'content-type': 'application/json' },
      payload: JSON.stringify(newOrg(f.orgs.streetA)),
    });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().code).toBe('csrf_failed');
    expect(await orgCount()).toBe(before);
  });

  it('refuses a wrong x-csrf-token, including another session’s token', async () => {
    const before = await orgCount();
    for (const token of ['wrong-token', f.clients.cadreB.csrfToken!]) {
      const res = await f.clients.cadreA.post('/api/orgs', newOrg(f.orgs.streetA), { headers: { 'x-csrf-token': token } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('csrf_failed');
    }
    for (const [method, url] of [
      ['PATCH', `/api/orgs/${f.orgs.unionA}`],
      ['DELETE', `/api/role-grants/1`],
      ['POST', '/api/auth/logout'],
    ] as const) {
      const res = await f.clients.cadreA.request(method, url, method === 'PATCH' ? { name: 'x' } : undefined, { headers: { 'x-csrf-token': 'nope' } });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await orgCount()).toBe(before);
    expect((await f.clients.cadreA.get('/api/me')).statusCode).toBe(200);
  });

  it('accepts the same request with the session’s own token', async () => {
    expect((await f.clients.cadreA.post('/api/orgs', newOrg(f.orgs.streetA))).statusCode).toBe(201);
  });

  it('does not ask for a token on reads', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie: `gh_session=${f.clients.cadreA.cookie}` } });
    expect(res.statusCode).toBe(200);
  });
});

describe('rate limit and security headers', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp({ authRateLimit: 3, authAddressRateLimit: 5 });
  });
  afterAll(() => app.close());

  it('refuses the fourth login to one account within a minute, while another account still logs in from the same address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await anonymous(app).post('/api/auth/login', { username: 'nobody.here', password: 'whatever-it-is' })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await anonymous(app).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).statusCode).toBe(200);
  });

  it('answers 429 problem+json once the address’s budget is spent, whatever the account', async () => {
    const res = await anonymous(app).post('/api/auth/login', { username: 'someone.else', password: 'whatever-it-is' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('rate_limited');
  });

  it('sends helmet’s security headers, with a strict content security policy', async () => {
    const res = await anonymous(app).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('a crowd behind one address', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const defaults = loadConfig({});
    app = await createTestApp({ authRateLimit: defaults.authRateLimit, authAddressRateLimit: defaults.authAddressRateLimit });
  });
  afterAll(() => app.close());

  it('lets 200 workers behind one factory Wi-Fi log in within a minute at the default limits', async () => {
    const passwordHash = await hashPassword(WORKER_PASSWORD);
    const now = app.deps.clock().toISOString();
    const usernames = Array.from({ length: 200 }, (_, i) => `crowd.${i}`);
    await app.deps.db
      .insertInto('users')
      .values(usernames.map((username) => ({ username, display_name: username, password_hash: passwordHash, phone_enc: null, phone_hash: null, home_org_id: null, disabled: 0, failed_logins: 0, failed_since: null, locked_until: null, last_login_at: null, created_at: now, updated_at: now })))
      .execute();
    const statuses: number[] = [];
    for (const username of usernames) statuses.push((await anonymous(app).post('/api/auth/login', { username, password: WORKER_PASSWORD })).statusCode);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });
});
