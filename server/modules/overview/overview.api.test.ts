import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { signUpMember } from '../../test/people.ts';
import { anonymous, buildFixture, clockOf, createTestApp, createUser, expectStatus, login, PASSWORD, type Client, type Fixture } from '../../test/harness.ts';
import { multipart, titleWorkbook } from '../pioneer/test-world.ts';

/**
 * The data screen (issue #11 §5): GET /api/orgs/{id}/overview answers every module's registered
 * figures over an org's subtree, the same as each module's own statistics, in the caller's scope only.
 */
let app: FastifyInstance;
let f: Fixture;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const overview = async (orgId: number, as: Client = f.clients.countyCadre) => expectStatus(await as.get(`/api/orgs/${orgId}/overview`), 200);
const inHours = (h: number) => new Date(clockOf(app)().getTime() + h * 3600_000).toISOString();

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);

  // Two members who joined this year (the test clock stands at 2025-06-02), in street A's union.
  const zhang = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '张会员');
  const li = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '李会员');
  // A writing contest of street A with an entry from each, one of them approved.
  const contest = expectStatus<{ id: number }>(
    await f.clients.cadreA.post('/api/contests', { orgId: f.orgs.streetA, title: '我的工会故事', theme: '我与工会', entryKind: 'text', submitOpensAt: inHours(-1), submitClosesAt: inHours(24), voteOpensAt: inHours(-1), voteClosesAt: inHours(48) }),
    201,
  ).id;
  const entries: number[] = [];
  for (const member of [zhang, li]) entries.push(expectStatus(await member.client.post(`/api/contests/${contest}/entries`, { title: '车间里的春天', body: '征文正文' }), 201).id);
  expectStatus(await f.clients.cadreA.post(`/api/contest-entries/${entries[0]}/approve`), 200);
  // 职工人数 of street A's unionised enterprise, the denominator of 入会率.
  expectStatus(await f.admin.patch(`/api/enterprises/${f.enterprises.a}`, { employees: 8 }), 200);
  // A city-level Workers' Pioneer title of street A's team.
  const uscc = expectStatus(await f.admin.get(`/api/enterprises/${f.enterprises.a}`), 200).uscc as string;
  const titles = await titleWorkbook([['一车间', uscc, '安全生产型', '市级', 2024]]);
  expectStatus(await multipart(app, f.clients.countyCadre, '/api/pioneer/titles/import', { orgId: String(f.orgs.county) }, { name: 'titles.xlsx', type: XLSX_TYPE, data: titles }), 200);
  // An activity of street A two people sign up for; one checks in, then it is over.
  const activity = expectStatus<{ id: number }>(
    await f.clients.cadreA.post('/api/activities', { orgId: f.orgs.streetA, title: '消防安全进企业', kind: 'training', startsAt: inHours(2), endsAt: inHours(3), capacity: 10, openToAll: true }),
    201,
  ).id;
  const people = ['worker.ov1', 'worker.ov2'];
  for (const username of people) await createUser(f.admin, { username, orgId: f.orgs.unionA });
  const codes: string[] = [];
  for (const username of people) codes.push(expectStatus(await (await login(app, username, PASSWORD)).post(`/api/activities/${activity}/registrations`), 201).code);
  expectStatus(await f.clients.cadreA.post(`/api/activities/${activity}/check-ins`, { code: codes[0] }), 200);
  clockOf(app).advance(4 * 3600_000);
});
afterAll(() => app.close());

describe('the data screen’s figures', () => {
  it('shows the county what was created under it: members, joins this year, coverage, a Pioneer title, an activity with its sign-ups, a contest with its entries', async () => {
    const o = await overview(f.orgs.county);
    expect(o).toMatchObject({ orgId: f.orgs.county, orgName: '嘉善县总工会', generatedAt: clockOf(app)().toISOString() });
    expect(Object.keys(o.figures)).toEqual(['members', 'pioneer', 'competitions', 'honours', 'activities', 'contests', 'bargaining', 'ratings', 'rights', 'hardship', 'recuperation', 'training', 'cobuilding', 'volunteers', 'fundraising', 'benefits', 'socials', 'wishes', 'venues']);
    const { members, pioneer, activities, contests } = o.figures;
    expect(members).toMatchObject({ total: 2, joinedThisYear: 2, byStatus: { member: 2, transferring: 0, retained: 0, left: 0 } });
    expect(members.growth).toHaveLength(12);
    expect(members.growth.at(-1)).toEqual({ month: '2025-06', joined: 2 });
    // enterprises a and b have a union; noUnionA, founded in 2020, should have one: 2 ÷ 3.
    expect(members.coverage).toEqual({ unions: 2, enterprises: 3, enterprisesWithUnion: 2, enterprisesNeedingUnion: 1, unionizationRate: 66.7, employees: 8, membershipRate: 25 });
    expect(members.topChildren.map((c: { orgId: number; members: number }) => [c.orgId, c.members])).toEqual([
      [f.orgs.streetA, 2],
      [f.orgs.streetB, 0],
    ]);
    expect(pioneer).toMatchObject({ activeTitles: 1, byLevel: { county: 0, city: 1, province: 0, national: 0 }, byType: { safe_production: 1 } });
    expect(activities).toMatchObject({ year: 2025, activities: 1, byKind: { training: 1 }, confirmed: 2, checkedIn: 1, noShows: 1, participationRate: 50, childrenReached: 1 });
    expect(contests).toEqual({ year: 2025, contests: 1, entries: 2, approvedEntries: 1 });
    expect((await overview(f.orgs.streetB)).figures.contests).toEqual({ year: 2025, contests: 0, entries: 0, approvedEntries: 0 });
  });

  it('agrees with each module’s own statistics of the same org', async () => {
    for (const org of [f.orgs.county, f.orgs.streetA, f.orgs.unionB]) {
      const { members, pioneer, activities } = (await overview(org)).figures;
      const stats = expectStatus(await f.clients.countyCadre.get(`/api/orgs/${org}/stats`), 200);
      expect([members.total, members.coverage.unionizationRate, members.coverage.membershipRate, members.growth]).toEqual([stats.members, stats.unionizationRate, stats.membershipRate, stats.growth]);
      expect(pioneer).toEqual(expectStatus(await f.clients.countyCadre.get(`/api/orgs/${org}/pioneer-stats`), 200));
      const { participationRate: _, ...yearly } = activities;
      expect(yearly).toEqual(expectStatus(await f.clients.countyCadre.get(`/api/orgs/${org}/activity-stats`), 200));
    }
  });
});

describe('who sees which screen', () => {
  it('a street cadre sees their own street, and another street or the county as if it did not exist', async () => {
    expect((await overview(f.orgs.streetA, f.clients.cadreA)).figures.members.total).toBe(2);
    expect((await overview(f.orgs.streetB, f.clients.cadreB)).figures.members.total).toBe(0);
    const sibling = await f.clients.cadreB.get(`/api/orgs/${f.orgs.streetA}/overview`);
    expect(sibling.statusCode).toBe(404);
    expect(sibling.json().code).toBe('not_found');
    expect((await f.clients.cadreA.get(`/api/orgs/${f.orgs.county}/overview`)).statusCode).toBe(404);
    expect((await f.clients.cadreA.get('/api/orgs/999999/overview')).statusCode).toBe(404);
  });

  it('the county sees each street’s screen, and a viewer reads the same figures', async () => {
    expect((await overview(f.orgs.streetA)).figures.pioneer.activeTitles).toBe(1);
    expect((await overview(f.orgs.streetB)).figures.pioneer.activeTitles).toBe(0);
    const { generatedAt: _a, ...asCadre } = await overview(f.orgs.county);
    const { generatedAt: _b, ...asViewer } = await overview(f.orgs.county, f.clients.viewer);
    expect(asViewer).toEqual(asCadre);
  });

  it('refuses a member without the read permission (403) and anyone not logged in (401)', async () => {
    const refused = await f.clients.member.get(`/api/orgs/${f.orgs.unionA}/overview`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    expect((await anonymous(app).get(`/api/orgs/${f.orgs.county}/overview`)).statusCode).toBe(401);
  });
});
