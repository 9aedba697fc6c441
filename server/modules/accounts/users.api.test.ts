import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { readExport } from '../../test/exports.ts';
import { PASSWORD, anonymous, buildFixture, createOrg, createTestApp, createUser, expectStatus, login, type Fixture } from '../../test/harness.ts';

const ids = (page: { items: { id: number }[] }) => page.items.map((i) => i.id);

describe('users', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  it('POST /api/users answers 201 with {id} only', async () => {
    const res = await f.clients.cadreA.post('/api/users', { username: 'new.cadre', displayName: '新干部', password: 'New-Cadre-Pass-1', orgId: f.orgs.unionA, phone: '13912345678' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(Number) });
    const view = expectStatus(await f.clients.cadreA.get(`/api/users/${res.json().id}`), 200);
    expect(view).toMatchObject({ username: 'new.cadre', displayName: '新干部', homeOrgId: f.orgs.unionA, phone: '139****5678', disabled: false, grants: [] });
  });

  it('puts an account made by a cadre with one scope in that scope when no org is given', async () => {
    const { id } = expectStatus(await f.clients.cadreB.post('/api/users', { username: 'b.helper', displayName: '罗星助理', password: 'Helper-Pass-2025' }), 201);
    expect(expectStatus(await f.clients.cadreB.get(`/api/users/${id}`), 200).homeOrgId).toBe(f.orgs.streetB);
  });

  it('refuses a taken username and a taken phone with 409', async () => {
    const name = await f.admin.post('/api/users', { username: 'street.a', displayName: 'x', password: 'Whatever-Pass-9', orgId: f.orgs.county });
    expect(name.statusCode).toBe(409);
    expect(name.json().code).toBe('username_taken');
    const phone = await f.admin.post('/api/users', { username: 'other.one', displayName: 'x', password: 'Whatever-Pass-9', orgId: f.orgs.county, phone: '13800001111' });
    expect(phone.statusCode).toBe(409);
    expect(phone.json().code).toBe('phone_taken');
  });

  it('refuses a malformed username and phone as field errors', async () => {
    const res = await f.admin.post('/api/users', { username: '张 三', displayName: 'x', password: 'Whatever-Pass-9', orgId: f.orgs.county, phone: '12345' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['phone', 'username']);
  });

  it('a street cadre sees their street’s accounts only, and never the platform admin', async () => {
    const list = ids(expectStatus(await f.clients.cadreA.get('/api/users?pageSize=200'), 200));
    expect(list).toEqual(expect.arrayContaining([f.users.cadreA, f.users.member]));
    expect(list).not.toContain(f.users.cadreB);
    expect(list).not.toContain(f.users.countyCadre);
    const adminId = f.admin.user!.id;
    expect(list).not.toContain(adminId);
    expect((await f.clients.cadreA.get(`/api/users/${adminId}`)).statusCode).toBe(404);
    expect((await f.clients.cadreA.patch(`/api/users/${f.users.cadreB}`, { displayName: 'x' })).statusCode).toBe(404);
    expect((await f.clients.cadreA.post(`/api/users/${f.users.cadreB}/password`, { password: 'Taken-Over-2025' })).statusCode).toBe(404);
  });

  it('masks phones in lists and shows the full number nowhere', async () => {
    const res = await f.clients.countyCadre.get('/api/users?q=street.a');
    expect(res.json().items[0].phone).toBe('138****1111');
    expect(res.body).not.toContain('13800001111');
  });

  it('a viewer may read accounts but not create or change them (403)', async () => {
    expect((await f.clients.viewer.get('/api/users')).statusCode).toBe(200);
    expect((await f.clients.viewer.post('/api/users', { username: 'v.made', displayName: 'x', password: 'Viewer-Made-2025' })).statusCode).toBe(403);
    expect((await f.clients.viewer.patch(`/api/users/${f.users.member}`, { disabled: true })).statusCode).toBe(403);
  });

  it('exports the accounts as the list filters them with their roles, phones masked unless full data is allowed', async () => {
    const listed = expectStatus(await f.clients.cadreA.get('/api/users?pageSize=200'), 200);
    const sheet = await readExport(await f.clients.cadreA.get('/api/users/export'));
    expect(sheet.name).toMatch(/^用户-魏塘街道总工会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(sheet.column('用户名').sort()).toEqual(listed.items.map((u: { username: string }) => u.username).sort());
    expect(sheet.column('用户名')).not.toContain('street.b');
    const row = sheet.column('用户名').indexOf('street.a');
    expect(sheet.column('手机号')[row]).toBe('138****1111');
    expect(sheet.column('角色')[row]).toBe('工会干部（魏塘街道总工会）');
    const full = await readExport(await f.clients.cadreA.get('/api/users/export?q=street.a&full=true'));
    expect(full.column('手机号')).toEqual(['13800001111']);
    expect((await f.clients.viewer.get('/api/users/export?full=true')).json().code).toBe('pii_full_forbidden');
  });
});

describe('role grants', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  it('POST /api/role-grants answers 201 with the grant, and the grant reaches the whole subtree', async () => {
    const userId = await createUser(f.clients.cadreA, { username: 'deputy.a', orgId: f.orgs.streetA });
    const res = await f.clients.cadreA.post('/api/role-grants', { userId, role: 'viewer', orgId: f.orgs.streetA });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(Number), userId, role: 'viewer', orgId: f.orgs.streetA });

    const deputy = await login(app, 'deputy.a', PASSWORD);
    expect((await deputy.get(`/api/orgs/${f.orgs.unionA}`)).statusCode).toBe(200);
    expect((await deputy.get(`/api/enterprises/${f.enterprises.a}`)).statusCode).toBe(200);
    expect((await deputy.get(`/api/teams/${f.teams.a}`)).statusCode).toBe(200);
    expect((await deputy.get(`/api/orgs/${f.orgs.unionB}`)).statusCode).toBe(404);
    expect((await deputy.get(`/api/orgs/${f.orgs.county}`)).statusCode).toBe(404);
    // viewer: reads only
    expect((await deputy.patch(`/api/orgs/${f.orgs.unionA}`, { name: 'x' })).statusCode).toBe(403);
  });

  it('a grant made while the user is logged in takes effect on their next request', async () => {
    const userId = await createUser(f.clients.cadreB, { username: 'late.b', orgId: f.orgs.unionB });
    const late = await login(app, 'late.b', PASSWORD);
    expect((await late.get('/api/orgs')).statusCode).toBe(403);
    expectStatus(await f.clients.cadreB.post('/api/role-grants', { userId, role: 'cadre', orgId: f.orgs.unionB }), 201);
    expect((await late.get(`/api/orgs/${f.orgs.unionB}`)).statusCode).toBe(200);
  });

  it('a cadre cannot grant the admin role (403 grant_admin_only)', async () => {
    const res = await f.clients.cadreA.post('/api/role-grants', { userId: f.users.member, role: 'admin' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('grant_admin_only');
    const grants = await app.deps.db.selectFrom('role_grants').select('id').where('user_id', '=', f.users.member).where('role', '=', 'admin').execute();
    expect(grants).toEqual([]);
  });

  it('a cadre cannot grant on a sibling street (404), nor to a user of a sibling street (404)', async () => {
    const sibling = await f.clients.cadreA.post('/api/role-grants', { userId: f.users.member, role: 'cadre', orgId: f.orgs.streetB });
    expect(sibling.statusCode).toBe(404);
    const up = await f.clients.cadreA.post('/api/role-grants', { userId: f.users.member, role: 'cadre', orgId: f.orgs.county });
    expect(up.statusCode).toBe(404);
    const foreignUser = await f.clients.cadreA.post('/api/role-grants', { userId: f.users.cadreB, role: 'viewer', orgId: f.orgs.streetA });
    expect(foreignUser.statusCode).toBe(404);
  });

  it('a non-admin grant needs an org; a second identical grant is 409', async () => {
    const none = await f.clients.cadreA.post('/api/role-grants', { userId: f.users.member, role: 'viewer' });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0].field).toBe('orgId');
    const dup = await f.clients.cadreA.post('/api/role-grants', { userId: f.users.member, role: 'member', orgId: f.orgs.unionA });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('grant_exists');
  });

  it('the admin role granted three times at the same moment lands once; the others get 409 grant_exists', async () => {
    const userId = await createUser(f.admin, { username: 'raced.admin' });
    const results = await Promise.all(Array.from({ length: 3 }, () => f.admin.post('/api/role-grants', { userId, role: 'admin' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'grant_exists')).toBe(true);
    const grants = await app.deps.db.selectFrom('role_grants').select('id').where('user_id', '=', userId).where('role', '=', 'admin').execute();
    expect(grants).toHaveLength(1);
  });

  it('lists grants in scope only', async () => {
    const page = expectStatus(await f.clients.cadreA.get('/api/role-grants?pageSize=200'), 200);
    const orgIds = page.items.map((g: { orgId: number }) => g.orgId);
    expect(orgIds).toContain(f.orgs.streetA);
    expect(orgIds).not.toContain(f.orgs.streetB);
    expect(orgIds).not.toContain(f.orgs.county);
    expect(orgIds).not.toContain(null);
    expect(page.items[0]).toMatchObject({ id: expect.any(Number), role: expect.any(String), userId: expect.any(Number), username: expect.any(String), displayName: expect.any(String), orgName: expect.any(String), createdAt: expect.any(String) });
  });

  it('revoking a grant ends what it gave; a grant in another street cannot be revoked (404)', async () => {
    const userId = await createUser(f.clients.cadreA, { username: 'temp.a', orgId: f.orgs.streetA }, { role: 'cadre', orgId: f.orgs.unionA });
    const temp = await login(app, 'temp.a', PASSWORD);
    expect((await temp.get(`/api/orgs/${f.orgs.unionA}`)).statusCode).toBe(200);
    const grant = expectStatus(await f.clients.cadreA.get(`/api/role-grants?userId=${userId}`), 200).items[0];
    expect((await f.clients.cadreB.delete(`/api/role-grants/${grant.id}`)).statusCode).toBe(404);
    expect((await f.clients.cadreA.delete(`/api/role-grants/${grant.id}`)).statusCode).toBe(204);
    expect((await temp.get(`/api/orgs/${f.orgs.unionA}`)).statusCode).toBe(403);
  });

  it('a street cadre cannot take over a sibling street’s cadre who also holds a role in their street', async () => {
    // cadre B is also a member of union A: visible to cadre A, but their authority reaches street B.
    expectStatus(await f.admin.post('/api/role-grants', { userId: f.users.cadreB, role: 'member', orgId: f.orgs.unionA }), 201);
    expect((await f.clients.cadreA.get(`/api/users/${f.users.cadreB}`)).statusCode).toBe(200);
    const reset = await f.clients.cadreA.post(`/api/users/${f.users.cadreB}/password`, { password: 'Taken-Over-2025' });
    expect(reset.statusCode).toBe(403);
    const disable = await f.clients.cadreA.patch(`/api/users/${f.users.cadreB}`, { disabled: true });
    expect(disable.statusCode).toBe(403);
    expect((await anonymous(app).post('/api/auth/login', { username: 'street.b', password: 'Taken-Over-2025' })).statusCode).toBe(401);
    expect((await f.clients.cadreB.get('/api/me')).statusCode).toBe(200);
    // the county cadre, whose scope covers both streets, may
    expect((await f.clients.countyCadre.patch(`/api/users/${f.users.cadreB}`, { displayName: '罗星干部（改）' })).statusCode).toBe(200);
  });

  it('only a platform admin may change an admin’s account', async () => {
    const adminB = await createUser(f.admin, { username: 'second.admin', orgId: f.orgs.streetA }, { role: 'admin', orgId: null });
    expect((await f.clients.cadreA.get(`/api/users/${adminB}`)).statusCode).toBe(200);
    expect((await f.clients.cadreA.patch(`/api/users/${adminB}`, { disabled: true })).statusCode).toBe(403);
    expect((await f.clients.cadreA.post(`/api/users/${adminB}/password`, { password: 'Taken-Over-2025' })).statusCode).toBe(403);
    expect((await f.admin.patch(`/api/users/${adminB}`, { displayName: '第二管理员' })).statusCode).toBe(200);
  });

  it('a member-only user cannot list or grant anything (403)', async () => {
    expect((await f.clients.member.get('/api/users')).statusCode).toBe(403);
    expect((await f.clients.member.post('/api/role-grants', { userId: f.users.member, role: 'cadre', orgId: f.orgs.unionA })).statusCode).toBe(403);
  });
});

describe('a new street', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  it('a county cadre builds a street with its own cadre, who then sees exactly that street', async () => {
    const street = await createOrg(f.clients.countyCadre, { name: '西塘镇总工会', kind: 'federation', level: 'street', parentId: f.orgs.county });
    const union = await createOrg(f.clients.countyCadre, { name: '西塘古镇工会', kind: 'grassroots_union', parentId: street });
    await createUser(f.clients.countyCadre, { username: 'xitang', orgId: street }, { role: 'cadre', orgId: street });
    const xitang = await login(app, 'xitang', PASSWORD);
    const roots = expectStatus(await xitang.get('/api/orgs/roots'), 200);
    expect(ids(roots)).toEqual([street]);
    expect(ids(expectStatus(await xitang.get('/api/orgs?pageSize=200'), 200)).sort()).toEqual([street, union].sort());
  });
});
