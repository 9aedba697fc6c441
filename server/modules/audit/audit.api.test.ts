import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { readExport } from '../../test/exports.ts';
import { buildFixture, createTestApp, createUser, expectStatus, login, PASSWORD, type Fixture } from '../../test/harness.ts';

interface Entry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  actionLabel: string;
  entity: string;
  entityLabel: string;
  changes: { field: string; label: string; before: unknown; after: unknown }[];
  entityId: string | null;
  orgId: number | null;
  orgName: string | null;
  before: any;
  after: any;
  ip: string | null;
}

describe('audit log', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  async function latest(): Promise<Entry> {
    return expectStatus<{ items: Entry[] }>(await f.admin.get('/api/audit-log?pageSize=1'), 200).items[0];
  }

  it('records every successful write with who, when, what, and before/after', async () => {
    const target = await createUser(f.admin, { username: 'reset.target', orgId: f.orgs.unionA });
    const writes: [string, () => Promise<{ statusCode: number }>, Partial<Entry>][] = [
      ['org.create', () => f.clients.cadreA.post('/api/orgs', { name: '审计工会', kind: 'grassroots_union', parentId: f.orgs.streetA }), { entity: 'org' }],
      ['org.update', () => f.clients.cadreA.patch(`/api/orgs/${f.orgs.unionA}`, { name: '魏塘精工工会（新）' }), { entity: 'org', entityId: String(f.orgs.unionA) }],
      ['enterprise.update', () => f.clients.cadreA.patch(`/api/enterprises/${f.enterprises.a}`, { industry: '机械' }), { entity: 'enterprise', orgId: f.orgs.unionA }],
      ['team.update', () => f.clients.cadreA.patch(`/api/teams/${f.teams.a}`, { name: '一车间（新）' }), { entity: 'team', orgId: f.orgs.unionA }],
      ['user.update', () => f.clients.cadreA.patch(`/api/users/${f.users.member}`, { displayName: '职工甲（新）' }), { entity: 'user', entityId: String(f.users.member) }],
      ['role_grant.create', () => f.clients.cadreA.post('/api/role-grants', { userId: f.users.member, role: 'viewer', orgId: f.orgs.unionA }), { entity: 'role_grant', orgId: f.orgs.unionA }],
      ['team.close', () => f.clients.cadreA.post(`/api/teams/${f.teams.a}/close`), { entity: 'team' }],
      ['user.password_reset', () => f.clients.cadreA.post(`/api/users/${target}/password`, { password: 'New-Member-Pass-1' }), { entity: 'user', entityId: String(target) }],
    ];
    for (const [action, write, expected] of writes) {
      const before = (await latest()).id;
      const res = await write();
      expect(res.statusCode, action).toBeLessThan(300);
      const entry = await latest();
      expect(entry.id, action).toBeGreaterThan(before);
      expect(entry, action).toMatchObject({ action, actorId: f.users.cadreA, actorName: '魏塘干部', at: expect.any(String), ...expected });
    }
  });

  it('keeps before and after of a change', async () => {
    expectStatus(await f.clients.cadreB.patch(`/api/orgs/${f.orgs.unionB}`, { name: '罗星电子工会', region: '罗星街道' }), 200);
    const entry = await latest();
    expect(entry.action).toBe('org.update');
    expect(entry.before).toMatchObject({ name: '罗星电子有限公司工会', region: null });
    expect(entry.after).toMatchObject({ name: '罗星电子工会', region: '罗星街道' });
    expect(entry.orgName).toBe('罗星电子工会');
  });

  it('labels actions, entities and changed fields in the caller’s language, and lists the labelled actions for the filter', async () => {
    expectStatus(await f.clients.cadreB.patch(`/api/orgs/${f.orgs.unionB}`, { region: '罗星街道东区' }), 200);
    const entry = await latest();
    expect(entry).toMatchObject({ action: 'org.update', actionLabel: '修改组织', entityLabel: '组织' });
    expect(entry.changes).toContainEqual({ field: 'region', label: expect.not.stringMatching(/^region$/), before: '罗星街道', after: '罗星街道东区' });
    const english = (await f.admin.get('/api/audit-log?pageSize=1', { headers: { 'accept-language': 'en' } })).json().items[0];
    expect(english.actionLabel).toBe('Change organisation');

    const actions = expectStatus<{ items: { action: string; label: string }[] }>(await f.clients.cadreA.get('/api/audit-log/actions'), 200).items;
    // Every module's actions come labelled, the same way: from its messages.
    for (const [action, label] of [['auth.login', '登录'], ['join_application.approve', '批准入会'], ['pioneer_campaign.close_registration', '截止报名'], ['article.pin', '置顶文章'], ['contest_entry.approve', '作品通过审核']]) {
      expect(actions).toContainEqual({ action, label });
    }
    // What the log holds is labelled: no entry shows a bare code.
    const all = expectStatus<{ items: Entry[] }>(await f.admin.get('/api/audit-log?pageSize=200'), 200).items;
    for (const e of all) expect(e.actionLabel, e.action).not.toBe(e.action);
    expect((await f.clients.viewer.get('/api/audit-log/actions')).statusCode).toBe(403);
  });

  it('masks phones before and after, and never records a password', async () => {
    expectStatus(await f.admin.patch(`/api/users/${f.users.cadreA}`, { phone: '13900002222' }), 200);
    const entry = await latest();
    expect(entry.action).toBe('user.update');
    expect(entry.before.phone).toBe('138****1111');
    expect(entry.after.phone).toBe('139****2222');
    const id = await createUser(f.admin, { username: 'audited.user', orgId: f.orgs.unionB, phone: '13700003333', password: 'Audited-Pass-2025' });
    const created = (await f.admin.get(`/api/audit-log?entity=user&entityId=${id}&action=user.create`)).json().items[0] as Entry;
    expect(created.after).toEqual({ username: 'audited.user', displayName: 'audited.user', phone: '137****3333', homeOrgId: f.orgs.unionB });

    const raw = await app.deps.db.selectFrom('audit_log').select(['before', 'after']).execute();
    const text = JSON.stringify(raw);
    for (const secret of ['13800001111', '13900002222', '13700003333', 'Audited-Pass-2025', PASSWORD, 'argon2']) expect(text).not.toContain(secret);
  });

  it('records logins, failed logins and logouts', async () => {
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'street.b', password: 'wrong-password' } });
    expect(await latest()).toMatchObject({ action: 'auth.login_failed', entity: 'user', entityId: String(f.users.cadreB), actorId: null });
    const b = await login(app, 'street.b', PASSWORD);
    expect(await latest()).toMatchObject({ action: 'auth.login', actorId: f.users.cadreB, orgId: f.orgs.streetB });
    expectStatus(await b.post('/api/auth/logout'), 204);
    expect(await latest()).toMatchObject({ action: 'auth.logout', actorId: f.users.cadreB });
  });

  it('does not record a refused write', async () => {
    const before = (await latest()).id;
    expect((await f.clients.cadreA.post(`/api/orgs/${f.orgs.streetA}/close`)).statusCode).toBe(422);
    expect((await f.clients.cadreA.patch(`/api/orgs/${f.orgs.unionB}`, { name: 'x' })).statusCode).toBe(404);
    expect((await latest()).id).toBe(before);
  });

  it('a street cadre only sees entries of their own subtree', async () => {
    expectStatus(await f.clients.cadreB.patch(`/api/enterprises/${f.enterprises.b}`, { industry: '电子' }), 200);
    const page = expectStatus<{ items: Entry[]; total: number }>(await f.clients.cadreA.get('/api/audit-log?pageSize=200'), 200);
    expect(page.items.length).toBeGreaterThan(0);
    const streetA = new Set([f.orgs.streetA, f.orgs.unionA, ...(await app.deps.db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', f.orgs.streetA).execute()).map((r) => r.descendant_id)]);
    for (const entry of page.items) expect(streetA.has(entry.orgId!), `${entry.action} on org ${entry.orgId}`).toBe(true);
    expect(page.items.some((e) => e.entity === 'enterprise' && e.entityId === String(f.enterprises.b))).toBe(false);
    const all = expectStatus<{ items: Entry[] }>(await f.admin.get('/api/audit-log?pageSize=200'), 200);
    expect(all.items.some((e) => e.entity === 'enterprise' && e.entityId === String(f.enterprises.b))).toBe(true);
    expect((await f.clients.cadreA.get(`/api/audit-log?orgId=${f.orgs.streetB}`)).statusCode).toBe(404);
  });

  it('filters by org subtree, entity, action prefix and actor, newest first', async () => {
    const page = expectStatus<{ items: Entry[] }>(await f.admin.get(`/api/audit-log?orgId=${f.orgs.streetA}&action=org.&actorId=${f.users.cadreA}&pageSize=200`), 200);
    expect(page.items.length).toBeGreaterThan(0);
    for (const e of page.items) {
      expect(e.action.startsWith('org.')).toBe(true);
      expect(e.actorId).toBe(f.users.cadreA);
    }
    const ids = page.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('is refused to viewers and members (403) and to anonymous callers (401)', async () => {
    expect((await f.clients.viewer.get('/api/audit-log')).statusCode).toBe(403);
    expect((await f.clients.member.get('/api/audit-log')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/audit-log' })).statusCode).toBe(401);
  });

  it('exports the entries as the list filters them, only within the caller’s street, and records the export itself', async () => {
    const listed = expectStatus(await f.clients.cadreA.get('/api/audit-log?action=org.&pageSize=200'), 200);
    const sheet = await readExport(await f.clients.cadreA.get('/api/audit-log/export?action=org.'));
    expect(sheet.name).toMatch(/^审计日志-魏塘街道总工会-/);
    expect(sheet.rows).toHaveLength(listed.total);
    expect(sheet.column('组织').some((v) => v.startsWith('罗星') || v === '嘉善县总工会')).toBe(false);
    const own = expectStatus(await f.clients.cadreA.get('/api/audit-log?action=export&entity=audit_log'), 200).items[0];
    expect(own.after).toEqual({ list: 'audit_log', filters: { action: 'org.' }, rows: listed.total, full: false });
    expect((await f.clients.viewer.get('/api/audit-log/export')).statusCode).toBe(403);
  });

  it('counts a street’s years of entries only up to 10,000, and says there are more; a filter brings back the exact count', async () => {
    const at = '2020-01-01T00:00:00.000Z';
    await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 10003)
      insert into audit_log (at, action, entity, org_id) select ${at}, 'test.bulk', 'org', ${f.orgs.unionA} from n`.execute(app.deps.db);
    const capped = expectStatus<{ items: Entry[]; total: number; totalCapped?: boolean }>(await f.clients.cadreA.get('/api/audit-log?action=test.bulk&pageSize=5'), 200);
    expect(capped.total).toBe(10_000);
    expect(capped.totalCapped).toBe(true);
    expect(capped.items).toHaveLength(5);
    // Under the cap a filtered list is counted exactly, and only within the street: 7 of street A's, none of street B's 3.
    await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 7)
      insert into audit_log (at, action, entity, org_id) select ${at}, 'test.few', 'org', ${f.orgs.unionA} from n`.execute(app.deps.db);
    await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 3)
      insert into audit_log (at, action, entity, org_id) select ${at}, 'test.few', 'org', ${f.orgs.unionB} from n`.execute(app.deps.db);
    const few = expectStatus<{ items: Entry[]; total: number; totalCapped?: boolean }>(await f.clients.cadreA.get('/api/audit-log?action=test.few&pageSize=5'), 200);
    expect(few.total).toBe(7);
    expect(few.totalCapped).toBeUndefined();
    expect(few.items).toHaveLength(5);
  });
});
