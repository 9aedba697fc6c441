import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, clockOf, createTestApp, createUser, expectStatus, login, PASSWORD, type Client, type Fixture } from '../../test/harness.ts';
import { newIdNumber, newPhone, signUpMember, signUpWorker } from '../../test/people.ts';

let app: FastifyInstance;
let f: Fixture;

const inHours = (h: number) => new Date(clockOf(app)().getTime() + h * 3600_000).toISOString();

/** A member born on `birth`, signed up and approved like a real one. */
async function memberBorn(cadre: Client, orgId: number, name: string, birth: string) {
  const { client, phone } = await signUpWorker(app, newPhone());
  const { id } = expectStatus(await client.post('/api/join-applications', { name, idNumber: newIdNumber(birth), phone, orgId, employerName: '测试单位', consent: true }), 201);
  const { memberId } = expectStatus(await cadre.post(`/api/join-applications/${id}/approve`), 200);
  return { client, memberId };
}

async function judge(username: string, homeOrgId: number) {
  const id = await createUser(f.admin, { username, displayName: username, orgId: homeOrgId });
  return { id, client: await login(app, username, PASSWORD) };
}

/** 五金工艺: measurement 40 (max 40 marks, so marks are points) + judgement 60 (0–3 → 20 points a step). */
const hardware = {
  name: '五金工艺',
  maxAge: 35,
  level: 3,
  awards: { by: 'count', first: 1, second: 1, third: 2 },
  criteria: [
    { name: '尺寸精度', weight: 40, kind: 'measurement', maxMarks: 40 },
    { name: '工艺美观', weight: 60, kind: 'judgement' },
  ],
};

async function createContest(overrides: Record<string, unknown> = {}) {
  const body = {
    orgId: f.orgs.streetA,
    title: '第二届匠人新秀技能大赛',
    year: 2025,
    registrationOpensAt: inHours(-1),
    registrationClosesAt: inHours(24),
    levelUpAwards: ['first'],
    events: [hardware, { name: '电子商务', criteria: [{ name: '店铺运营', weight: 100, kind: 'judgement' }] }],
    ...overrides,
  };
  return f.clients.cadreA.post('/api/skill-contests', body);
}

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(async () => {
  await app.close();
});

describe('skill contests', () => {
  let contestId: number;
  let hardwareId: number;
  let ecommerceId: number;
  const people: Record<string, { client: Client; memberId: number; entryId?: number }> = {};
  let own: Awaited<ReturnType<typeof judge>>;
  let x: Awaited<ReturnType<typeof judge>>;
  let chief: Awaited<ReturnType<typeof judge>>;

  it('a cadre creates a contest with its events; weights not summing to 100 are refused, naming the field', async () => {
    const bad = await createContest({ events: [{ name: '五金工艺', criteria: [{ name: 'a', weight: 50, kind: 'judgement' }] }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('events.0.criteria');
    const created = expectStatus<{ id: number; events: { id: number; name: string }[] }>(await createContest(), 201);
    contestId = created.id;
    expect(created.events.map((e) => e.name)).toEqual(['五金工艺', '电子商务']);
    [hardwareId, ecommerceId] = created.events.map((e) => e.id);
  });

  it('a street cadre cannot see another street’s contest (404), nor find it in their list', async () => {
    expectStatus(await f.clients.cadreB.get(`/api/skill-contests/${contestId}`), 404);
    expect(expectStatus(await f.clients.cadreB.get('/api/skill-contests'), 200).items).toEqual([]);
    expect(expectStatus(await f.clients.cadreA.get(`/api/skill-contests/${contestId}`), 200).events).toHaveLength(2);
    expectStatus(await f.clients.countyCadre.get(`/api/skill-contests/${contestId}`), 200);
  });

  it('members enter for themselves; one entry per member per event (409)', async () => {
    for (const name of ['爱丽', '鲍勃', '卡萝', '戴夫', '伊芙']) {
      const m = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, name);
      people[name] = { client: m.client, memberId: m.memberId };
      people[name].entryId = expectStatus(await m.client.post(`/api/skill-contests/${contestId}/entries`, { eventId: hardwareId }), 201).id;
    }
    expectStatus(await people['爱丽'].client.post(`/api/skill-contests/${contestId}/entries`, { eventId: hardwareId }), 409);
    const open = expectStatus(await people['爱丽'].client.get('/api/skill-contests/open'), 200);
    expect(open.items[0].events.find((e: { id: number }) => e.id === hardwareId).entered).toBe(true);
    const notices = expectStatus(await people['爱丽'].client.get('/api/notifications'), 200);
    expect(JSON.stringify(notices)).toContain('报名成功');
  });

  it('a cadre enters a member of their scope; another street’s member may not enter', async () => {
    expectStatus(await f.clients.cadreA.post(`/api/skill-contests/${contestId}/entries`, { eventId: ecommerceId, memberId: people['爱丽'].memberId }), 201);
    const outsider = await signUpMember(app, f.clients.cadreB, f.orgs.unionB, '外街');
    const res = await outsider.client.post(`/api/skill-contests/${contestId}/entries`, { eventId: ecommerceId });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('competition_not_in_scope');
  });

  it('the age limit: a member older than 35 on the reference date may not enter 匠人新秀’s 五金工艺', async () => {
    const old = await memberBorn(f.clients.cadreA, f.orgs.unionA, '老王', '1980-01-01');
    const res = await old.client.post(`/api/skill-contests/${contestId}/entries`, { eventId: hardwareId });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('competition_too_old');
    expectStatus(await old.client.post(`/api/skill-contests/${contestId}/entries`, { eventId: ecommerceId }), 201);
  });

  it('judges are assigned per event and get the judge role', async () => {
    own = await judge('judge.own', f.orgs.unionA);
    x = await judge('judge.x', f.orgs.streetA);
    chief = await judge('judge.chief', f.orgs.streetA);
    for (const [j, isChief] of [[own, false], [x, false], [chief, true]] as const) {
      expectStatus(await f.clients.cadreA.post(`/api/skill-contests/${contestId}/judges`, { eventId: hardwareId, userId: j.id, chief: isChief }), 201);
    }
    expectStatus(await f.clients.cadreA.post(`/api/skill-contests/${contestId}/judges`, { eventId: hardwareId, userId: x.id }), 409);
    const me = expectStatus(await x.client.get('/api/me'), 200);
    expect(JSON.stringify(me)).toContain('judge');
    const sheet = expectStatus(await x.client.get('/api/skill-judging'), 200);
    expect(sheet.items[0].entries).toHaveLength(5);
  });

  it('a judge is refused for competitors of their own enterprise (回避)', async () => {
    const res = await own.client.put(`/api/skill-entries/${people['爱丽'].entryId}/marks`, { marks: [{ criterionIndex: 0, value: 20 }] });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('competition_judge_conflict');
    expect(res.json().detail).toContain('回避');
    const sheet = expectStatus(await own.client.get('/api/skill-judging'), 200);
    expect(sheet.items[0].entries.every((e: { conflict: boolean }) => e.conflict)).toBe(true);
  });

  it('marks outside 0–3 (judgement) or 0..max (measurement) are refused, naming marks.N.value', async () => {
    const res = await x.client.put(`/api/skill-entries/${people['爱丽'].entryId}/marks`, { marks: [{ criterionIndex: 0, value: 41 }, { criterionIndex: 1, value: 4 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['marks.0.value', 'marks.1.value']);
    const neg = await x.client.put(`/api/skill-entries/${people['爱丽'].entryId}/marks`, { marks: [{ criterionIndex: 1, value: -1 }] });
    expect(neg.json().errors[0].field).toBe('marks.0.value');
    expectStatus(await x.client.put(`/api/skill-entries/${people['爱丽'].entryId}/marks`, { marks: [{ criterionIndex: 5, value: 1 }] }), 422);
    expectStatus(await f.clients.cadreA.put(`/api/skill-entries/${people['爱丽'].entryId}/marks`, { marks: [{ criterionIndex: 0, value: 1 }] }), 404);
  });

  it('marks cannot be locked while sheets are missing, nor by a judge who is not the chief', async () => {
    const missing = await chief.client.post(`/api/skill-contests/${contestId}/events/${hardwareId}/lock`);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('competition_marks_missing');
    // Both judges without a conflict mark everyone alike; 爱丽 and 鲍勃 tie on 80, 卡萝, 戴夫, 伊芙 on 50.
    const given: Record<string, [number, number]> = { 爱丽: [20, 3], 鲍勃: [40, 2], 卡萝: [30, 1], 戴夫: [30, 1], 伊芙: [30, 1] };
    for (const j of [x, chief]) {
      for (const [name, [m, jm]] of Object.entries(given)) {
        expectStatus(await j.client.put(`/api/skill-entries/${people[name].entryId}/marks`, { marks: [{ criterionIndex: 0, value: m }, { criterionIndex: 1, value: jm }] }), 200);
      }
    }
    expectStatus(await x.client.put(`/api/skill-entries/${people['伊芙'].entryId}/finish`, { finishedAt: '2025-06-02T03:00:00+08:00' }), 200);
    expectStatus(await x.client.post(`/api/skill-contests/${contestId}/events/${hardwareId}/lock`), 403);
    expect(expectStatus(await chief.client.post(`/api/skill-contests/${contestId}/events/${hardwareId}/lock`), 200).status).toBe('locked');
    expectStatus(await x.client.put(`/api/skill-entries/${people['爱丽'].entryId}/marks`, { marks: [{ criterionIndex: 0, value: 1 }] }), 409);
  });

  it('the chief judge publishes: ties share a rank, the tie-break (judgement total, then finish time) orders them, awards by count', async () => {
    const { results } = expectStatus(await chief.client.post(`/api/skill-contests/${contestId}/events/${hardwareId}/publish`), 200);
    const byName = (n: string) => results.find((r: { memberName: string }) => r.memberName === n);
    expect(results.map((r: { memberName: string; rank: number }) => [r.memberName, r.rank])).toEqual([
      ['爱丽', 1],
      ['鲍勃', 2],
      ['伊芙', 3],
      ['卡萝', 4],
      ['戴夫', 4],
    ]);
    expect(byName('爱丽').score).toBe(80);
    expect(byName('鲍勃').score).toBe(80);
    expect(byName('卡萝').score).toBe(50);
    expect(results.map((r: { award: string | null }) => r.award)).toEqual(['first', 'second', 'third', 'third', 'third']);
    expect(byName('爱丽').awardName).toBe('一等奖');
    // The contest recognises first prizes one level up: 五金工艺 is held at level 3, so 爱丽 gets level 2.
    expect(byName('爱丽').skillLevelId).not.toBeNull();
    expect(byName('鲍勃').skillLevelId).toBeNull();
    const levels = expectStatus(await people['爱丽'].client.get('/api/me/skill-levels'), 200);
    expect(JSON.stringify(levels)).toMatch(/"level":2/);
    expectStatus(await chief.client.post(`/api/skill-contests/${contestId}/events/${hardwareId}/publish`), 422);
    const mine = expectStatus(await people['爱丽'].client.get('/api/skill-entries/mine'), 200);
    expect(mine.items.find((e: { eventName: string }) => e.eventName === '五金工艺')).toMatchObject({ rank: 1, award: 'first', score: 80 });
    expect(JSON.stringify(expectStatus(await people['爱丽'].client.get('/api/notifications'), 200))).toContain('成绩已发布');
    const again = expectStatus(await f.clients.cadreA.get(`/api/skill-contests/${contestId}/events/${hardwareId}/results`), 200);
    expect(again.results.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 4]);
  });

  it('certificates for award winners, in scope; none for an entry without an award', async () => {
    const c = expectStatus(await f.clients.cadreA.get(`/api/skill-entries/${people['爱丽'].entryId}/certificate`), 200);
    expect(c).toMatchObject({ memberName: '爱丽', awardName: '一等奖', eventName: '五金工艺', issuer: '魏塘街道总工会' });
    expectStatus(await f.clients.cadreB.get(`/api/skill-entries/${people['爱丽'].entryId}/certificate`), 404);
    const ecommerce = expectStatus(await f.clients.cadreA.get(`/api/skill-contests/${contestId}`), 200).events[1].entries[0].id;
    expectStatus(await f.clients.cadreA.get(`/api/skill-entries/${ecommerce}/certificate`), 422);
  });

  it('exports the entries with their results', async () => {
    const res = await f.clients.cadreA.get(`/api/skill-contests/${contestId}/entries/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheet');
  });

  it('registration closes with its window', async () => {
    const closed = expectStatus(await createContest({ registrationOpensAt: inHours(-3), registrationClosesAt: inHours(-1) }), 201);
    const res = await people['鲍勃'].client.post(`/api/skill-contests/${closed.id}/entries`, { eventId: closed.events[1].id });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('competition_registration_closed');
  });
});
