import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { BENCH_PASSWORD, generateCounty, type GeneratedCounty } from '../../bench/data.ts';
import { clockOf, createTestApp, login } from '../test/harness.ts';
import { isValidIdNumber } from '../platform/identity.ts';
import { shanghaiDate } from '../platform/dates.ts';

/** The benchmark's data generator (bench/data.ts) on a tiny county, checked through the real API. */
describe('benchmark data generator', () => {
  let app: FastifyInstance;
  let county: GeneratedCounty;
  const MEMBERS = 300;

  beforeAll(async () => {
    app = await createTestApp();
    const { db, engine, pii } = app.deps;
    county = await generateCounty({ db, engine, pii, clock: clockOf(app) }, { members: MEMBERS, orgs: 40, memberAccounts: 12 });
  }, 60_000);
  afterAll(() => app.close());

  async function streetMemberIds(streetId: number): Promise<number[]> {
    const rows = await app.deps.db
      .selectFrom('members')
      .select('id')
      .where('org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', streetId))
      .orderBy('id', 'desc')
      .execute();
    return rows.map((r) => r.id);
  }

  it('a street cadre sees exactly the members of their own street', async () => {
    const cadre = await login(app, county.streetCadre, BENCH_PASSWORD);
    const seen: number[] = [];
    for (let page = 1; ; page++) {
      const res = await cadre.get(`/api/members?pageSize=200&page=${page}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { id: number }[]; total: number };
      seen.push(...body.items.map((m) => m.id));
      if (seen.length >= body.total || body.items.length === 0) break;
    }
    const expected = await streetMemberIds(county.streetId);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(MEMBERS);
    expect(seen).toEqual(expected);
    const otherStreet = await streetMemberIds(county.streetIds[1]);
    expect((await cadre.get(`/api/members/${otherStreet[0]}`)).statusCode).toBe(404);
  });

  it('every generated ID number decrypts to a valid one, and a cadre can reveal it', async () => {
    const rows = await app.deps.db.selectFrom('members').select(['id', 'id_number_enc', 'id_number_hash', 'phone_enc']).execute();
    expect(rows).toHaveLength(MEMBERS);
    const today = shanghaiDate(clockOf(app)());
    const ids = rows.map((r) => app.deps.pii.decrypt(r.id_number_enc));
    expect(ids.filter((id) => !isValidIdNumber(id, today))).toEqual([]);
    expect(rows.every((r, i) => r.id_number_hash === app.deps.pii.hash(ids[i]))).toBe(true);
    const county_ = await login(app, county.countyCadre, BENCH_PASSWORD);
    const reveal = await county_.post(`/api/members/${rows[0].id}/reveal`);
    expect(reveal.statusCode).toBe(200);
    expect(reveal.json().idNumber).toBe(ids[0]);
  });

  it("the county's coverage statistics add up over its streets", async () => {
    const cadre = await login(app, county.countyCadre, BENCH_PASSWORD);
    const res = await cadre.get(`/api/orgs/${county.countyId}/stats`);
    expect(res.statusCode).toBe(200);
    const stats = res.json() as {
      members: number;
      membersByStatus: Record<'member' | 'transferring' | 'retained' | 'left', number>;
      pendingApplications: number;
      unions: number;
      enterprises: number;
      growth: { joined: number }[];
      children: { orgId: number; members: number; unions: number; enterprises: number }[];
    };
    const byStatus = stats.membersByStatus;
    expect(byStatus.member + byStatus.transferring + byStatus.retained + byStatus.left).toBe(MEMBERS);
    expect(byStatus.left).toBeGreaterThan(0);
    expect(stats.members).toBe(MEMBERS - byStatus.left);
    expect(stats.children.map((c) => c.orgId)).toEqual(county.streetIds);
    expect(stats.children.reduce((n, c) => n + c.members, 0)).toBe(stats.members);
    expect(stats.children.reduce((n, c) => n + c.unions, 0)).toBe(stats.unions);
    expect(stats.children.reduce((n, c) => n + c.enterprises, 0)).toBe(stats.enterprises);
    expect(stats.pendingApplications).toBe(10);
    expect(stats.growth.reduce((n, g) => n + g.joined, 0)).toBeGreaterThan(0);
  });

  it('a member who leaves moves from the members to the left count, in the county and in their street', async () => {
    const cadre = await login(app, county.countyCadre, BENCH_PASSWORD);
    type Stats = { members: number; membersByStatus: { left: number }; children: { orgId: number; members: number }[] };
    const before = (await cadre.get(`/api/orgs/${county.countyId}/stats`)).json() as Stats;
    const [memberId] = await streetMemberIds(county.streetId);
    expect((await cadre.patch(`/api/members/${memberId}`, { status: 'left' })).statusCode).toBe(200);
    const after = (await cadre.get(`/api/orgs/${county.countyId}/stats`)).json() as Stats;
    expect(after.members).toBe(before.members - 1);
    expect(after.membersByStatus.left).toBe(before.membersByStatus.left + 1);
    const street = (s: Stats) => s.children.find((c) => c.orgId === county.streetId)!.members;
    expect(street(after)).toBe(street(before) - 1);
  });

  it('a generated member logs in and finds their registrations and the activities open to them', async () => {
    const member = await login(app, county.memberLogins[0], BENCH_PASSWORD);
    const mine = await member.get('/api/registrations/mine');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().total).toBe(4);
    const available = await member.get('/api/activities/available');
    expect(available.statusCode).toBe(200);
    expect(available.json().items.filter((a: { mine: unknown }) => a.mine !== null)).toHaveLength(4);
  });
});
