import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DB } from '../db/schema.ts';
import { buildFixture, createEnterprise, createOrg, createTestApp, expectStatus, newUscc, type Fixture } from '../test/harness.ts';

const tables: (keyof DB)[] = ['orgs', 'org_closure', 'enterprises', 'teams', 'users', 'role_grants', 'sessions', 'audit_log'];

describe('no partial writes', () => {
  let app: FastifyInstance;
  let f: Fixture;
  let joint: number;
  let closedEnterprise: number;
  let takenUscc: string;
  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
    joint = await createOrg(f.admin, { name: '魏塘楼宇联合工会', kind: 'joint_union', basis: 'building', parentId: f.orgs.streetA });
    await createOrg(f.admin, { name: '楼宇一号工会', kind: 'grassroots_union', parentId: joint });
    await createOrg(f.admin, { name: '魏塘楼宇联合工会', kind: 'joint_union', basis: 'area', parentId: f.orgs.streetB });
    closedEnterprise = await createEnterprise(f.admin, { name: '已注销企业', orgId: f.orgs.unionA });
    expectStatus(await f.admin.post(`/api/enterprises/${closedEnterprise}/close`), 200);
    takenUscc = expectStatus(await f.admin.get(`/api/enterprises/${f.enterprises.a}`), 200).uscc;
  });
  afterAll(() => app.close());

  /** Every row of every backbone table, in a stable order. */
  async function snapshot() {
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      out[table] = await app.deps.db.selectFrom(table).selectAll().orderBy(table === 'org_closure' ? ['ancestor_id', 'descendant_id'] : ['id' as never]).execute();
    }
    return out;
  }

  it.each([
    ['moving a subtree under a parent that already has a child of that name', () => f.admin.post(`/api/orgs/${joint}/move`, { parentId: f.orgs.streetB }), 409],
    ['moving an org under its own subtree', () => f.admin.post(`/api/orgs/${f.orgs.streetA}/move`, { parentId: f.orgs.unionA }), 422],
    ['closing an org with open children', () => f.admin.post(`/api/orgs/${joint}/close`), 422],
    ['closing an org that covers enterprises', () => f.admin.post(`/api/orgs/${f.orgs.unionA}/close`), 422],
    ['a team in a closed enterprise', () => f.admin.post('/api/teams', { name: '新班组', kind: 'crew', enterpriseId: closedEnterprise }), 422],
    ['an account with a taken phone', () => f.admin.post('/api/users', { username: 'phone.clash', displayName: 'x', password: 'Phone-Clash-2025', phone: '13800001111', orgId: f.orgs.unionA }), 409],
    ['an account with a common password', () => f.admin.post('/api/users', { username: 'weak.pass', displayName: 'x', password: 'password', orgId: f.orgs.unionA }), 422],
    ['a cadre granting the admin role', () => f.clients.cadreA.post('/api/role-grants', { userId: f.users.member, role: 'admin' }), 403],
    ['disabling oneself', () => f.clients.cadreA.patch(`/api/users/${f.users.cadreA}`, { disabled: true, displayName: '改名' }), 422],
    ['an enterprise with a taken credit code', () => f.admin.post('/api/enterprises', { name: '重复企业', uscc: takenUscc, orgId: f.orgs.unionB }), 409],
  ] as const)('a refused change leaves every table as it was: %s', async (_label, request, status) => {
    const before = await snapshot();
    const res = await request();
    expect(res.statusCode, res.body).toBe(status);
    expect(await snapshot()).toEqual(before);
  });

  it('concurrent registrations of one credit code leave one enterprise: one 201, the rest 409, never a 500', async () => {
    for (let round = 0; round < 3; round++) {
      const uscc = newUscc();
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => f.admin.post('/api/enterprises', { name: `并发企业${round}-${i}`, uscc, orgId: f.orgs.unionA })),
      );
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const rows = await app.deps.db.selectFrom('enterprises').select('id').where('uscc', '=', uscc).execute();
      expect(rows).toHaveLength(1);
    }
  });

  it('concurrent creations of one username leave one account: one 201, the rest 409', async () => {
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => f.admin.post('/api/users', { username: `race.${round}`, displayName: '并发', password: 'Race-Pass-2025', orgId: f.orgs.unionA })),
      );
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    }
  });

  it('concurrent identical grants leave one grant', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => f.admin.post('/api/role-grants', { userId: f.users.member, role: 'viewer', orgId: f.orgs.unionA })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const rows = await app.deps.db.selectFrom('role_grants').select('id').where('user_id', '=', f.users.member).where('role', '=', 'viewer').execute();
    expect(rows).toHaveLength(1);
  });
});
