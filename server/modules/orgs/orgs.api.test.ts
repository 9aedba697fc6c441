import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';

import { readExport } from '../../test/exports.ts';
import { buildFixture, createEnterprise, createOrg, createTeam, createTestApp, expectStatus, type Fixture } from '../../test/harness.ts';
import { townFederations } from './migrations/0013-town-federations.ts';
import { sql } from 'kysely';

/** The subtree counters (migration 0037) equal a recount from the orgs, the closure and the enterprises. */
async function expectSubtreeCountsExact(app: FastifyInstance) {
  const rows = async (query: ReturnType<typeof sql>) =>
    ((await query.execute(app.deps.db)).rows as Record<string, unknown>[]).map((r) => Object.values(r).map((v) => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v)));
  const orgs = await rows(sql`select org_id, kind, status, n from subtree_org_counts where n <> 0 order by 1, 2, 3`);
  const orgsRecount = await rows(sql`select c.ancestor_id, o.kind, o.status, count(*) from org_closure c join orgs o on o.id = c.descendant_id group by 1, 2, 3 order by 1, 2, 3`);
  expect(orgsRecount.length).toBeGreaterThan(0);
  expect(orgs).toEqual(orgsRecount);
  const enterprises = await rows(sql`select org_id, status, unionless, founded_month, n, new_economy, employees from subtree_enterprise_counts
    where n <> 0 or new_economy <> 0 or employees <> 0 order by 1, 2, 3, 4`);
  const enterprisesRecount = await rows(sql`select c.ancestor_id, e.status, case when o.kind = 'federation' then 1 else 0 end as unionless,
      coalesce(substr(e.founded_on, 1, 7), '') as month, count(*) as n, sum(coalesce(e.new_economy, 0)) as new_economy, sum(coalesce(e.employees, 0)) as employees
    from enterprises e join orgs o on o.id = e.org_id join org_closure c on c.descendant_id = e.org_id group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  expect(enterprisesRecount.length).toBeGreaterThan(0);
  expect(enterprises).toEqual(enterprisesRecount);
}

/** A problem body without `instance`, the one member that names the URL asked for. */
const sameProblem = (body: Record<string, unknown>) => {
  const { instance: _instance, ...rest } = body;
  return rest;
};
const ids = (page: { items: { id: number }[] }) => page.items.map((i) => i.id);

describe('organisations', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  it('POST /api/orgs answers 201 with the new org', async () => {
    const res = await f.clients.cadreA.post('/api/orgs', { name: '魏塘商务楼宇联合工会', kind: 'joint_union', basis: 'building', parentId: f.orgs.streetA, region: '魏塘街道' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(Number),
      name: '魏塘商务楼宇联合工会',
      kind: 'joint_union',
      level: null,
      basis: 'building',
      parentId: f.orgs.streetA,
      region: '魏塘街道',
      status: 'active',
      closedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      childCount: 0,
      enterpriseCount: 0,
    });
  });

  it('GET /api/orgs/{id} gives the org with its ancestors, cut at the top of the caller’s scope', async () => {
    const forAdmin = expectStatus(await f.admin.get(`/api/orgs/${f.orgs.unionA}`), 200);
    expect(forAdmin).toMatchObject({ id: f.orgs.unionA, kind: 'grassroots_union', parentId: f.orgs.streetA, enterpriseCount: 1 });
    expect(forAdmin.ancestors).toEqual([
      { id: f.orgs.county, name: '嘉善县总工会' },
      { id: f.orgs.streetA, name: '魏塘街道总工会' },
    ]);
    const forStreet = expectStatus(await f.clients.cadreA.get(`/api/orgs/${f.orgs.unionA}`), 200);
    expect(forStreet.ancestors).toEqual([{ id: f.orgs.streetA, name: '魏塘街道总工会' }]);
  });

  it('GET /api/orgs/{id}/children lists direct children only', async () => {
    const page = expectStatus(await f.clients.countyCadre.get(`/api/orgs/${f.orgs.county}/children`), 200);
    expect(ids(page)).toEqual([f.orgs.streetA, f.orgs.streetB]);
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ childCount: expect.any(Number), enterpriseCount: 1 });
  });

  it('GET /api/orgs/roots starts each caller’s tree at the top of their scope', async () => {
    expect(ids(expectStatus(await f.admin.get('/api/orgs/roots'), 200))).toEqual([f.orgs.county]);
    expect(ids(expectStatus(await f.clients.cadreA.get('/api/orgs/roots'), 200))).toEqual([f.orgs.streetA]);
    expect(ids(expectStatus(await f.clients.viewer.get('/api/orgs/roots'), 200))).toEqual([f.orgs.county]);
  });

  it('a street cadre cannot see another street’s unions', async () => {
    const list = expectStatus(await f.clients.cadreA.get('/api/orgs?pageSize=200'), 200);
    expect(ids(list)).toContain(f.orgs.unionA);
    expect(ids(list)).not.toContain(f.orgs.unionB);
    expect(ids(list)).not.toContain(f.orgs.streetB);
    expect(ids(list)).not.toContain(f.orgs.county);
    expect((await f.clients.cadreA.get(`/api/orgs/${f.orgs.unionB}`)).statusCode).toBe(404);
    expect((await f.clients.cadreA.get(`/api/orgs/${f.orgs.county}`)).statusCode).toBe(404);
    expect((await f.clients.cadreA.get(`/api/orgs?under=${f.orgs.streetB}`)).statusCode).toBe(404);
  });

  it('answers an out-of-scope id exactly as a nonexistent one', async () => {
    for (const [outside, missing] of [
      [`/api/orgs/${f.orgs.unionB}`, '/api/orgs/987654'],
      [`/api/orgs/${f.orgs.unionB}/children`, '/api/orgs/987654/children'],
      [`/api/enterprises/${f.enterprises.b}`, '/api/enterprises/987654'],
      [`/api/teams/${f.teams.b}`, '/api/teams/987654'],
      [`/api/users/${f.users.cadreB}`, '/api/users/987654'],
    ]) {
      const a = await f.clients.cadreA.get(outside);
      const b = await f.clients.cadreA.get(missing);
      expect(a.statusCode, outside).toBe(404);
      expect(b.statusCode, missing).toBe(404);
      expect(sameProblem(a.json())).toEqual(sameProblem(b.json()));
      expect(a.headers['content-type']).toBe(b.headers['content-type']);
    }
    const write = await f.clients.cadreA.patch(`/api/orgs/${f.orgs.unionB}`, { name: '改名' });
    const writeMissing = await f.clients.cadreA.patch('/api/orgs/987654', { name: '改名' });
    expect(write.statusCode).toBe(404);
    expect(sameProblem(write.json())).toEqual(sameProblem(writeMissing.json()));
  });

  it('renames an org; a sibling with the same name is refused with 409', async () => {
    const renamed = expectStatus(await f.clients.cadreA.patch(`/api/orgs/${f.orgs.unionA}`, { name: '魏塘精工工会' }), 200);
    expect(renamed.name).toBe('魏塘精工工会');
    expect(expectStatus(await f.admin.get(`/api/orgs/${f.orgs.unionA}`), 200).name).toBe('魏塘精工工会');
    const clash = await f.clients.countyCadre.patch(`/api/orgs/${f.orgs.streetB}`, { name: '魏塘街道总工会' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('org_name_taken');
  });

  it('five cadres creating the same union under one street at the same moment: one is created, four get 409 org_name_taken', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => f.clients.cadreA.post('/api/orgs', { name: '同名工会', kind: 'grassroots_union', parentId: f.orgs.streetA })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(Array(4).fill('org_name_taken'));
    const named = await app.deps.db.selectFrom('orgs').select('id').where('name', '=', '同名工会').execute();
    expect(named).toHaveLength(1);
  });

  it.each([
    ['a branch under a street federation', { name: '分会', kind: 'branch' }, 'streetA', 'org_parent_kind'],
    ['a street federation under a street federation', { name: '街道', kind: 'federation', level: 'street' }, 'streetA', 'org_parent_kind'],
    ['a county federation under a county', { name: '县', kind: 'federation', level: 'county' }, 'county', 'org_parent_kind'],
  ] as const)('refuses %s with 422', async (_label, body, parent, code) => {
    const res = await f.admin.post('/api/orgs', { ...body, parentId: f.orgs[parent] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe(code);
  });

  it('keeps a town a town (乡镇总工会): created with the level town, it takes unions and members like a street', async () => {
    const town = await createOrg(f.clients.countyCadre, { name: '西塘镇总工会', kind: 'federation', level: 'town', parentId: f.orgs.county });
    expect(expectStatus(await f.admin.get(`/api/orgs/${town}`), 200)).toMatchObject({ kind: 'federation', level: 'town' });
    const union = await createOrg(f.clients.countyCadre, { name: '西塘古镇旅游有限公司工会', kind: 'grassroots_union', parentId: town });
    expect(union).toEqual(expect.any(Number));
    const listed = expectStatus(await f.admin.get('/api/directory/unions?q=西塘镇'), 200);
    expect(listed.items).toContainEqual(expect.objectContaining({ id: town, level: 'town' }));
    const under = await f.admin.post('/api/orgs', { name: '镇下之镇', kind: 'federation', level: 'town', parentId: town });
    expect(under.json()).toMatchObject({ code: 'org_parent_kind', title: '乡镇总工会不能设在乡镇总工会之下' });
  });

  it('turns the federations saved as streets but named …镇总工会 into towns when migrating (0013)', async () => {
    const old = await createOrg(f.admin, { name: '姚庄镇总工会', kind: 'federation', level: 'street', parentId: f.orgs.county });
    await townFederations.up(app.deps.db);
    const levels = await app.deps.db.selectFrom('orgs').select(['id', 'level']).where('id', 'in', [old, f.orgs.streetA, f.orgs.county]).orderBy('id').execute();
    expect(Object.fromEntries(levels.map((o) => [o.id, o.level]))).toEqual({ [f.orgs.county]: 'county', [f.orgs.streetA]: 'street', [old]: 'town' });
  });

  it('lets only a platform admin start a tree, and only with a county federation', async () => {
    const street = await f.admin.post('/api/orgs', { name: '孤立街道', kind: 'federation', level: 'street', parentId: null });
    expect(street.statusCode).toBe(422);
    expect(street.json().code).toBe('org_root_kind');
    const byCadre = await f.clients.countyCadre.post('/api/orgs', { name: '另一个县', kind: 'federation', level: 'county', parentId: null });
    expect(byCadre.statusCode).toBe(404);
  });

  it('refuses an unknown kind, an unknown parent and a parent in another street', async () => {
    const kind = await f.admin.post('/api/orgs', { name: '俱乐部', kind: 'club', parentId: f.orgs.streetA });
    expect(kind.statusCode).toBe(422);
    expect(kind.json().errors[0].field).toBe('kind');
    expect((await f.admin.post('/api/orgs', { name: '某工会', kind: 'grassroots_union', parentId: 987654 })).statusCode).toBe(404);
    expect((await f.clients.cadreA.post('/api/orgs', { name: '某工会', kind: 'grassroots_union', parentId: f.orgs.streetB })).statusCode).toBe(404);
  });

  it('a viewer reads but cannot create, rename or close (403)', async () => {
    expect((await f.clients.viewer.get(`/api/orgs/${f.orgs.unionA}`)).statusCode).toBe(200);
    expect((await f.clients.viewer.post('/api/orgs', { name: '某工会', kind: 'grassroots_union', parentId: f.orgs.streetA })).statusCode).toBe(403);
    expect((await f.clients.viewer.patch(`/api/orgs/${f.orgs.unionA}`, { name: 'x' })).statusCode).toBe(403);
    expect((await f.clients.viewer.post(`/api/orgs/${f.orgs.unionA}/close`)).statusCode).toBe(403);
  });

  it('a member-only user is refused the console’s org routes (403)', async () => {
    expect((await f.clients.member.get('/api/orgs')).statusCode).toBe(403);
    expect((await f.clients.member.get(`/api/orgs/${f.orgs.unionA}`)).statusCode).toBe(403);
  });

  it('exports the organisations as the search filters them, within the caller’s scope', async () => {
    const listed = expectStatus(await f.clients.cadreA.get('/api/orgs?kind=grassroots_union&pageSize=200'), 200);
    const sheet = await readExport(await f.clients.cadreA.get('/api/orgs/export?kind=grassroots_union'));
    expect(sheet.name).toMatch(/^工会组织-魏塘街道总工会-/);
    expect(sheet.column('名称').sort()).toEqual(listed.items.map((o: { name: string }) => o.name).sort());
    expect(sheet.column('上级组织').every((v) => v.startsWith('魏塘'))).toBe(true);
    expect((await f.clients.cadreB.get(`/api/orgs/export?under=${f.orgs.streetA}`)).statusCode).toBe(404);
  });
});

describe('moving an org with its subtree', () => {
  let app: FastifyInstance;
  let f: Fixture;
  let joint: number;
  let inner: number;
  let enterprise: number;
  let team: number;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
    joint = await createOrg(f.admin, { name: '魏塘楼宇联合工会', kind: 'joint_union', basis: 'building', parentId: f.orgs.streetA });
    inner = await createOrg(f.admin, { name: '楼宇一号工会', kind: 'grassroots_union', parentId: joint });
    enterprise = await createEnterprise(f.admin, { name: '楼宇一号企业', orgId: inner });
    team = await createTeam(f.admin, { name: '前台科室', enterpriseId: enterprise, kind: 'office' });
  });
  afterAll(() => app.close());

  it('moves the whole subtree: visible through the new parent’s scope, gone from the old one', async () => {
    const a = f.clients.cadreA;
    const b = f.clients.cadreB;
    expect((await a.get(`/api/orgs/${inner}`)).statusCode).toBe(200);
    expect((await b.get(`/api/orgs/${inner}`)).statusCode).toBe(404);

    const moved = expectStatus(await f.clients.countyCadre.post(`/api/orgs/${joint}/move`, { parentId: f.orgs.streetB }), 200);
    expect(moved).toMatchObject({ id: joint, parentId: f.orgs.streetB });

    for (const url of [`/api/orgs/${joint}`, `/api/orgs/${inner}`, `/api/enterprises/${enterprise}`, `/api/teams/${team}`]) {
      expect((await b.get(url)).statusCode, `street B ${url}`).toBe(200);
      expect((await a.get(url)).statusCode, `street A ${url}`).toBe(404);
    }
    expect(ids(expectStatus(await b.get('/api/orgs?pageSize=200'), 200))).toEqual(expect.arrayContaining([joint, inner]));
    expect(ids(expectStatus(await a.get('/api/orgs?pageSize=200'), 200))).not.toContain(inner);
    expect(ids(expectStatus(await b.get('/api/enterprises'), 200))).toContain(enterprise);
    expect(ids(expectStatus(await a.get('/api/enterprises'), 200))).not.toContain(enterprise);
    expect(ids(expectStatus(await b.get(`/api/orgs?under=${f.orgs.streetB}&pageSize=200`), 200))).toContain(inner);

    const detail = expectStatus(await f.admin.get(`/api/orgs/${inner}`), 200);
    expect(detail.ancestors.map((o: { id: number }) => o.id)).toEqual([f.orgs.county, f.orgs.streetB, joint]);
    expect(ids(expectStatus(await f.admin.get(`/api/orgs/${f.orgs.streetA}/children`), 200))).not.toContain(joint);
  });

  it('keeps the closure table exact after a move: one row per ancestor pair with the right depth', async () => {
    const rows = await app.deps.db.selectFrom('org_closure').select(['ancestor_id', 'descendant_id', 'depth']).where('descendant_id', '=', inner).orderBy('depth').execute();
    expect(rows.map((r) => [r.ancestor_id, r.depth])).toEqual([
      [inner, 0],
      [joint, 1],
      [f.orgs.streetB, 2],
      [f.orgs.county, 3],
    ]);
  });

  it('refuses a move under the org’s own subtree, a move of the top, and a move the shape rules forbid', async () => {
    const own = await f.admin.post(`/api/orgs/${joint}/move`, { parentId: inner });
    expect(own.statusCode).toBe(422);
    const self = await f.admin.post(`/api/orgs/${joint}/move`, { parentId: joint });
    expect(self.statusCode).toBe(422);
    expect(self.json().code).toBe('org_move_into_self');
    const top = await f.admin.post(`/api/orgs/${f.orgs.county}/move`, { parentId: f.orgs.streetA });
    expect(top.json().code).toBe('org_move_root');
    const shape = await f.admin.post(`/api/orgs/${f.orgs.streetA}/move`, { parentId: f.orgs.streetB });
    expect(shape.json().code).toBe('org_parent_kind');
  });

  it('keeps the subtree counts of orgs and enterprises equal to a recount after the moves', async () => {
    await expectSubtreeCountsExact(app);
  });

  it('a street cadre cannot move their union into another street (404: the target is outside their scope)', async () => {
    const res = await f.clients.cadreA.post(`/api/orgs/${f.orgs.unionA}/move`, { parentId: f.orgs.streetB });
    expect(res.statusCode).toBe(404);
    expect(expectStatus(await f.admin.get(`/api/orgs/${f.orgs.unionA}`), 200).parentId).toBe(f.orgs.streetA);
  });
});

describe('closing an org', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  it('refuses to close an org with open children, naming how many', async () => {
    const res = await f.admin.post(`/api/orgs/${f.orgs.streetA}/close`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'org_has_open_children', detail: expect.stringContaining('1') });
  });

  it('refuses to close an org that still covers enterprises', async () => {
    const res = await f.admin.post(`/api/orgs/${f.orgs.unionB}/close`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('org_has_enterprises');
    expect(expectStatus(await f.admin.get(`/api/orgs/${f.orgs.unionB}`), 200).status).toBe('active');
  });

  it('closes an empty org, which then refuses changes and new children', async () => {
    const branchParent = await createOrg(f.clients.cadreA, { name: '待撤销工会', kind: 'grassroots_union', parentId: f.orgs.streetA });
    const closed = expectStatus(await f.clients.cadreA.post(`/api/orgs/${branchParent}/close`), 200);
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await f.clients.cadreA.patch(`/api/orgs/${branchParent}`, { name: '复活' })).json().code).toBe('org_closed');
    const child = await f.clients.cadreA.post('/api/orgs', { name: '分会', kind: 'branch', parentId: branchParent });
    expect(child.statusCode).toBe(422);
    expect(child.json().code).toBe('org_parent_closed');
    expect((await f.clients.cadreA.post(`/api/orgs/${branchParent}/close`)).json().code).toBe('org_closed');
  });

  it('keeps the subtree counts equal to a recount after closing', async () => {
    await expectSubtreeCountsExact(app);
  });

  it('a grant on a closed org no longer gives anything', async () => {
    const org = await createOrg(f.admin, { name: '短命工会', kind: 'grassroots_union', parentId: f.orgs.streetB });
    const { id: userId } = expectStatus(await f.admin.post('/api/users', { username: 'short.lived', displayName: '短命', password: 'Short-Lived-2025', orgId: org }), 201);
    expectStatus(await f.admin.post('/api/role-grants', { userId, role: 'cadre', orgId: org }), 201);
    const { login } = await import('../../test/harness.ts');
    const cadre = await login(app, 'short.lived', 'Short-Lived-2025');
    expect((await cadre.get(`/api/orgs/${org}`)).statusCode).toBe(200);
    expectStatus(await f.admin.post(`/api/orgs/${org}/close`), 200);
    expect((await cadre.get(`/api/orgs/${org}`)).statusCode).toBe(403);
  });
});

describe('enterprises and teams', () => {
  let app: FastifyInstance;
  let f: Fixture;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
  });
  afterAll(() => app.close());

  it('POST /api/enterprises answers 201 with the enterprise, its union and the union prompt', async () => {
    const res = await f.clients.cadreA.post('/api/enterprises', { name: '魏塘纺织有限公司', uscc: '91330100716105852f', orgId: f.orgs.unionA, industry: '纺织', foundedOn: '2010-04-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(Number),
      name: '魏塘纺织有限公司',
      uscc: '91330100716105852F',
      industry: '纺织',
      foundedOn: '2010-04-01',
      employees: null,
      newEconomy: false,
      orgId: f.orgs.unionA,
      orgName: '魏塘精工有限公司工会',
      hasUnion: true,
      needsUnion: false,
      status: 'active',
      teamCount: 0,
      createdAt: expect.any(String),
    });
  });

  it('refuses a credit code with a wrong check character: 422 with errors[0].field === "uscc"', async () => {
    const res = await f.admin.post('/api/enterprises', { name: '假企业', uscc: '91350100M000100Y44', orgId: f.orgs.unionA });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('uscc');
    expect(res.json().errors[0].message).toBe('统一社会信用代码格式或校验位不正确');
  });

  it('records the number of employees (职工人数), a whole number of 0 or more, refused by name otherwise', async () => {
    const id = await createEnterprise(f.clients.cadreA, { name: '魏塘职工人数测试有限公司', orgId: f.orgs.unionA });
    expect(expectStatus(await f.clients.cadreA.get(`/api/enterprises/${id}`), 200).employees).toBeNull();
    expect(expectStatus(await f.clients.cadreA.patch(`/api/enterprises/${id}`, { employees: 120 }), 200).employees).toBe(120);
    expect(expectStatus(await f.clients.cadreA.patch(`/api/enterprises/${id}`, { employees: 0 }), 200).employees).toBe(0);
    for (const [employees, message] of [[-1, '职工人数：不能小于 0'], [12.5, '职工人数：应为整数'], ['many', '职工人数：应为数字']] as const) {
      const res = await f.clients.cadreA.patch(`/api/enterprises/${id}`, { employees });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([{ field: 'employees', message }]);
    }
    expect(expectStatus(await f.clients.cadreA.patch(`/api/enterprises/${id}`, { employees: null }), 200).employees).toBeNull();
    const created = await f.clients.cadreA.post('/api/enterprises', { name: '负数人数', uscc: '91330100716105852F', orgId: f.orgs.unionA, employees: -3 });
    expect(created.json().errors[0]).toEqual({ field: 'employees', message: '职工人数：不能小于 0' });
  });

  it('refuses a credit code already registered with 409, whoever registered it', async () => {
    expectStatus(await f.clients.cadreB.post('/api/enterprises', { name: '罗星一号', uscc: '914403001922038216', orgId: f.orgs.unionB }), 201);
    const res = await f.clients.cadreA.post('/api/enterprises', { name: '魏塘一号', uscc: '914403001922038216', orgId: f.orgs.unionA });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('uscc_taken');
  });

  it('filters enterprises without a union (covered only by a federation)', async () => {
    const without = expectStatus(await f.admin.get('/api/enterprises?withoutUnion=true&pageSize=200'), 200);
    expect(ids(without)).toContain(f.enterprises.noUnionA);
    expect(ids(without)).not.toContain(f.enterprises.a);
    expect(without.items.every((e: { hasUnion: boolean }) => !e.hasUnion)).toBe(true);
    const withUnion = expectStatus(await f.admin.get('/api/enterprises?withoutUnion=false&pageSize=200'), 200);
    expect(ids(withUnion)).toEqual(expect.arrayContaining([f.enterprises.a, f.enterprises.b]));
    expect(ids(withUnion)).not.toContain(f.enterprises.noUnionA);
    expect(ids(expectStatus(await f.clients.cadreB.get('/api/enterprises?withoutUnion=true'), 200))).toEqual([]);
  });

  it('prompts for a union exactly one year after founding', async () => {
    const year = await createEnterprise(f.admin, { name: '满一年企业', orgId: f.orgs.streetA, foundedOn: '2024-06-02' });
    const almost = await createEnterprise(f.admin, { name: '差一天企业', orgId: f.orgs.streetA, foundedOn: '2024-06-03' });
    expect(expectStatus(await f.admin.get(`/api/enterprises/${year}`), 200).needsUnion).toBe(true);
    expect(expectStatus(await f.admin.get(`/api/enterprises/${almost}`), 200).needsUnion).toBe(false);
    expect(expectStatus(await f.admin.get(`/api/enterprises/${f.enterprises.noUnionA}`), 200)).toMatchObject({ hasUnion: false, needsUnion: true, newEconomy: true });
  });

  it('a street cadre sees only their street’s enterprises and cannot register one elsewhere', async () => {
    const list = ids(expectStatus(await f.clients.cadreA.get('/api/enterprises?pageSize=200'), 200));
    expect(list).toEqual(expect.arrayContaining([f.enterprises.a, f.enterprises.noUnionA]));
    expect(list).not.toContain(f.enterprises.b);
    expect((await f.clients.cadreA.get(`/api/enterprises?orgId=${f.orgs.streetB}`)).statusCode).toBe(404);
    const res = await f.clients.cadreA.post('/api/enterprises', { name: '越界企业', uscc: '91110000710925462X', orgId: f.orgs.unionB });
    expect(res.statusCode).toBe(404);
    expect((await f.clients.cadreA.patch(`/api/enterprises/${f.enterprises.a}`, { orgId: f.orgs.unionB })).statusCode).toBe(404);
  });

  it('moves an enterprise to another union in scope; closing it closes its teams', async () => {
    const e = await createEnterprise(f.clients.cadreA, { name: '搬迁企业', orgId: f.orgs.streetA, foundedOn: '2010-01-01' });
    const t1 = await createTeam(f.clients.cadreA, { name: '甲班', enterpriseId: e });
    const t2 = await createTeam(f.clients.cadreA, { name: '乙班', enterpriseId: e, kind: 'crew' });
    const moved = expectStatus(await f.clients.cadreA.patch(`/api/enterprises/${e}`, { orgId: f.orgs.unionA }), 200);
    expect(moved).toMatchObject({ orgId: f.orgs.unionA, hasUnion: true, needsUnion: false, teamCount: 2 });
    const closed = expectStatus(await f.clients.cadreA.post(`/api/enterprises/${e}/close`), 200);
    expect(closed).toMatchObject({ status: 'closed', teamCount: 0 });
    for (const t of [t1, t2]) expect(expectStatus(await f.clients.cadreA.get(`/api/teams/${t}`), 200).status).toBe('closed');
    expect((await f.clients.cadreA.post('/api/teams', { name: '丙班', kind: 'crew', enterpriseId: e })).json().code).toBe('enterprise_closed');
    expect((await f.clients.cadreA.patch(`/api/enterprises/${e}`, { name: '复活' })).json().code).toBe('enterprise_closed');
  });

  it('POST /api/teams answers 201; a duplicate name in the same enterprise is 409, an unknown kind 422', async () => {
    const res = await f.clients.cadreA.post('/api/teams', { name: '质检科', kind: 'office', enterpriseId: f.enterprises.a });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(Number),
      name: '质检科',
      kind: 'office',
      enterpriseId: f.enterprises.a,
      enterpriseName: '魏塘精工有限公司',
      orgId: f.orgs.unionA,
      status: 'active',
      createdAt: expect.any(String),
    });
    const dup = await f.clients.cadreA.post('/api/teams', { name: '质检科', kind: 'crew', enterpriseId: f.enterprises.a });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('team_name_taken');
    const kind = await f.clients.cadreA.post('/api/teams', { name: '新班组', kind: 'squad', enterpriseId: f.enterprises.a });
    expect(kind.statusCode).toBe(422);
    expect(kind.json().errors[0].field).toBe('kind');
  });

  it('a street cadre cannot add a team to another street’s enterprise, nor see its teams', async () => {
    expect((await f.clients.cadreA.post('/api/teams', { name: '越界班组', kind: 'crew', enterpriseId: f.enterprises.b })).statusCode).toBe(404);
    const list = ids(expectStatus(await f.clients.cadreA.get('/api/teams?pageSize=200'), 200));
    expect(list).toContain(f.teams.a);
    expect(list).not.toContain(f.teams.b);
    expect(ids(expectStatus(await f.clients.cadreA.get(`/api/teams?enterpriseId=${f.enterprises.b}`), 200))).toEqual([]);
  });

  it('renames and closes a team; a closed team refuses changes', async () => {
    const t = await createTeam(f.clients.cadreB, { name: '旧名', enterpriseId: f.enterprises.b });
    expect(expectStatus(await f.clients.cadreB.patch(`/api/teams/${t}`, { name: '新名', kind: 'project' }), 200)).toMatchObject({ name: '新名', kind: 'project' });
    expect(expectStatus(await f.clients.cadreB.post(`/api/teams/${t}/close`), 200).status).toBe('closed');
    expect((await f.clients.cadreB.patch(`/api/teams/${t}`, { name: '再改' })).json().code).toBe('team_closed');
  });

  it('exports the enterprises as the list filters them, within the caller’s scope', async () => {
    const listed = expectStatus(await f.clients.cadreA.get('/api/enterprises?withoutUnion=true&pageSize=200'), 200);
    const sheet = await readExport(await f.clients.cadreA.get('/api/enterprises/export?withoutUnion=true'));
    expect(sheet.column('名称').sort()).toEqual(listed.items.map((e: { name: string }) => e.name).sort());
    expect(sheet.column('已建会').every((v) => v === '')).toBe(true);
    const streetB = await readExport(await f.clients.cadreB.get('/api/enterprises/export'));
    expect(streetB.column('名称')).not.toContain('魏塘精工有限公司');
  });

  it('keeps the subtree counts of enterprises equal to a recount after every change above, a move to a union, a new founding date and a closing', async () => {
    const id = await createEnterprise(f.clients.cadreA, { name: '魏塘计数测试有限公司', orgId: f.orgs.streetA });
    expectStatus(await f.clients.cadreA.patch(`/api/enterprises/${id}`, { foundedOn: '2019-07-15', employees: 40, newEconomy: true }), 200);
    await expectSubtreeCountsExact(app);
    expectStatus(await f.clients.cadreA.patch(`/api/enterprises/${id}`, { orgId: f.orgs.unionA, foundedOn: '2019-08-01' }), 200);
    await expectSubtreeCountsExact(app);
    expectStatus(await f.clients.cadreA.post(`/api/enterprises/${id}/close`), 200);
    await expectSubtreeCountsExact(app);
  });
});
