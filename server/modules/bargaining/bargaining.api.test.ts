import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { PASSWORD, buildFixture, clockOf, createTestApp, expectStatus, login, type Client, type Fixture } from '../../test/harness.ts';
import { coveredWorker, draftBody, filedRound, roundBody, seatSides } from './test-world.ts';

let app: FastifyInstance;
let f: Fixture;

beforeAll(async () => {
  app = await createTestApp({ sessionHours: 24 * 30 });
  f = await buildFixture(app);
});
afterAll(() => app.close());

/**
 * The clock moves to `at` and the jobs due by then run; on PostgreSQL, where pg-boss judges due by
 * the database's own clock, the bargaining jobs come forward by as much (as articles' tests do).
 */
async function passTo(at: string) {
  const clock = clockOf(app);
  const ms = Date.parse(at) - clock().getTime();
  clock.set(at);
  if (app.deps.engine === 'postgres') {
    await sql`update pgboss.job set start_after = start_after - make_interval(secs => ${ms / 1000}) where name like 'bargaining.%' and state in ('created', 'retry')`.execute(app.deps.db);
  }
  await app.deps.jobs.drain();
}

const todo = async (as: Client, kind: string) => expectStatus(await as.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === kind) ?? { count: 0, overdue: 0 };
const detail = async (as: Client, id: number) => expectStatus(await as.get(`/api/bargaining/${id}`), 200);

describe('the proposal and its 20-day reply (art. 32)', () => {
  it('answers the contract, counts the reply as a to-do, and escalates an unanswered proposal through the job queue', async () => {
    const cadre = f.clients.cadreA;
    const created = expectStatus(await cadre.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a], '2025-05-10')), 201);
    expect(created).toEqual({ id: expect.any(Number), status: 'proposed', replyDueOn: '2025-05-30' });
    // today is 2025-06-02: the reply is overdue
    expect(await todo(cadre, 'bargaining_replies')).toMatchObject({ count: 1, overdue: 1 });
    const d = await detail(cadre, created.id);
    expect(d.timeline.find((s: { step: string }) => s.step === 'reply')).toEqual({ step: 'reply', article: 'art. 32', on: null, dueOn: '2025-05-30', late: true });
    // the job was due on 2025-05-31: it runs now, once, and tells the cadres of the union above
    await app.deps.jobs.drain();
    expect((await detail(cadre, created.id)).escalated).toBe(true);
    const notices = expectStatus(await f.clients.countyCadre.get('/api/notifications'), 200);
    expect(notices.items.filter((n: { body: string }) => n.body.includes('2025-05-30'))).toHaveLength(0); // the county is two levels up: not it
    const streetNotices = expectStatus(await cadre.get('/api/notifications'), 200);
    expect(streetNotices.items.filter((n: { title: string }) => n.title === '集体协商要约逾期未回应')).toHaveLength(1);
    expectStatus(await cadre.post(`/api/bargaining/${created.id}/reply`, { repliedOn: '2025-06-01', accepted: true }), 200);
    expect(await todo(cadre, 'bargaining_replies')).toMatchObject({ count: 0 });
    const late = (await detail(cadre, created.id)).timeline.find((s: { step: string }) => s.step === 'reply');
    expect(late).toMatchObject({ on: '2025-06-01', late: true });
  });

  it('does not escalate a proposal answered in time', async () => {
    const cadre = f.clients.cadreA;
    const { id, replyDueOn } = expectStatus(await cadre.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a], '2025-06-02')), 201);
    expect(replyDueOn).toBe('2025-06-22');
    expectStatus(await cadre.post(`/api/bargaining/${id}/reply`, { repliedOn: '2025-06-02', accepted: true }), 200);
    const before = clockOf(app)().toISOString();
    await passTo('2025-06-27T01:00:00.000Z');
    await passTo(before);
    expect((await detail(cadre, id)).escalated).toBe(false);
  });

  it('refuses an enterprise outside the union, and a date before the proposal', async () => {
    const cadre = f.clients.cadreA;
    const bad = expectStatus(await cadre.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.b])), 422);
    expect(bad.errors[0].field).toBe('enterpriseIds');
    const { id } = expectStatus(await cadre.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201);
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/reply`, { repliedOn: '2025-05-01', accepted: true }), 422).errors[0].field).toBe('repliedOn');
  });
});

describe('representatives (arts. 19–20, 24) and signing', () => {
  it('refuses a second chief, a person on both sides, and signing with too few, unequal sides or no adoption', async () => {
    const cadre = f.clients.cadreA;
    const { id } = expectStatus(await cadre.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201);
    expectStatus(await cadre.post(`/api/bargaining/${id}/reply`, { repliedOn: '2025-06-02', accepted: true }), 200);
    const add = (side: string, name: string, chief = false) => cadre.post(`/api/bargaining/${id}/representatives`, { side, name, chief });
    expectStatus(await add('worker', '张主席', true), 201);
    expect(expectStatus(await add('worker', '李副主席', true), 422).code).toBe('bargaining_chief_taken');
    expect(expectStatus(await add('employer', '张主席'), 422).code).toBe('bargaining_representative_both_sides');
    expectStatus(await add('worker', '王代表'), 201);
    expectStatus(await add('employer', '赵总', true), 201);
    expectStatus(await add('employer', '钱经理'), 201);
    expectStatus(await cadre.post(`/api/bargaining/${id}/drafts`, draftBody), 201);
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/adoption`, { representatives: 30, attending: 30, approving: 30 }), 200).adopted).toBe(true);
    const few = expectStatus(await cadre.post(`/api/bargaining/${id}/sign`), 422);
    expect(few.code).toBe('bargaining_too_few_representatives');
    expectStatus(await add('worker', '孙代表'), 201);
    expectStatus(await add('worker', '周代表'), 201);
    expectStatus(await add('employer', '吴主管'), 201);
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/sign`), 422).code).toBe('bargaining_unequal_sides');
    // a change of representative is recorded, not deleted
    const d = await detail(cadre, id);
    const zhou = d.representatives.find((r: { name: string }) => r.name === '周代表');
    expectStatus(await cadre.post(`/api/bargaining-representatives/${zhou.id}/withdrawal`, { reason: '调离本单位' }), 200);
    expect(expectStatus(await cadre.post(`/api/bargaining-representatives/${zhou.id}/withdrawal`, { reason: '再次' }), 409).code).toBe('bargaining_representative_withdrawn');
    expect((await detail(cadre, id)).representatives.find((r: { name: string }) => r.name === '周代表')).toMatchObject({ status: 'withdrawn', withdrawnReason: '调离本单位' });
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/sign`), 200)).toEqual({ filingDueOn: '2025-06-12' });
  });

  it('refuses signing a draft never adopted', async () => {
    const cadre = f.clients.cadreA;
    const { id } = expectStatus(await cadre.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201);
    expectStatus(await cadre.post(`/api/bargaining/${id}/reply`, { repliedOn: '2025-06-02', accepted: true }), 200);
    await seatSides(cadre, id, 'n');
    expectStatus(await cadre.post(`/api/bargaining/${id}/drafts`, draftBody), 201);
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/sign`), 422).code).toBe('bargaining_not_adopted');
  });
});

describe('adoption (art. 36) at its edges', () => {
  it('adopts with exactly two thirds attending, not with one fewer; not with exactly half approving', async () => {
    const cadre = f.clients.cadreA;
    const { id } = expectStatus(await cadre.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201);
    const adopt = async (representatives: number, attending: number, approving: number) =>
      expectStatus(await cadre.post(`/api/bargaining/${id}/adoption`, { representatives, attending, approving }), 200);
    // no draft yet (and still proposed): refused
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/adoption`, { representatives: 30, attending: 20, approving: 16 }), 422).code).toBe('bargaining_wrong_step');
    expectStatus(await cadre.post(`/api/bargaining/${id}/reply`, { repliedOn: '2025-06-02', accepted: true }), 200);
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/adoption`, { representatives: 30, attending: 20, approving: 16 }), 422).code).toBe('bargaining_no_draft');
    expectStatus(await cadre.post(`/api/bargaining/${id}/drafts`, draftBody), 201);
    // 30 representatives: 19 attending is below two thirds
    expect(await adopt(30, 19, 19)).toEqual({ adopted: false, rule: { article: 'art. 36', minAttending: 20, minApproving: 16, attendanceMet: false, approvalMet: true } });
    // exactly half of ALL approve: not more than half
    expect(await adopt(30, 20, 15)).toMatchObject({ adopted: false, rule: { attendanceMet: true, approvalMet: false } });
    // 31: two thirds is 20.67 → 21 must attend; half is 15.5 → 16 must approve
    expect((await adopt(31, 20, 20)).rule).toMatchObject({ minAttending: 21, attendanceMet: false });
    expect(await adopt(31, 21, 16)).toMatchObject({ adopted: true, rule: { minApproving: 16 } });
    // adopted: a second vote is refused
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/adoption`, { representatives: 30, attending: 20, approving: 16 }), 422).code).toBe('bargaining_wrong_step');
    const d = await detail(cadre, id);
    expect(d.adoptions.map((a: { adopted: boolean }) => a.adopted)).toEqual([false, false, false, true]);
  });

  it('adopts with exactly two thirds attending and more than half approving', async () => {
    const cadre = f.clients.cadreA;
    const { id } = expectStatus(await cadre.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201);
    expectStatus(await cadre.post(`/api/bargaining/${id}/reply`, { repliedOn: '2025-06-02', accepted: true }), 200);
    expectStatus(await cadre.post(`/api/bargaining/${id}/drafts`, draftBody), 201);
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/adoption`, { representatives: 30, attending: 20, approving: 16 }), 200).adopted).toBe(true);
  });

  it('names the field when the count does not add up', async () => {
    const { id } = expectStatus(await f.clients.cadreA.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201);
    const res = expectStatus(await f.clients.cadreA.post(`/api/bargaining/${id}/adoption`, { representatives: 30, attending: 31, approving: 32 }), 422);
    expect(res.errors.map((e: { field: string }) => e.field).sort()).toEqual(['approving', 'attending']);
  });
});

describe('filing, review and the term (arts. 42, 47, 38)', () => {
  it('is in force 15 days after filing without objection, and the term runs from then', async () => {
    const cadre = f.clients.cadreA;
    const id = await filedRound(cadre, f, 'a');
    let d = await detail(cadre, id);
    expect(d).toMatchObject({ status: 'filed', signedOn: '2025-06-02', filingDueOn: '2025-06-12', filedOn: '2025-06-02', effectiveOn: '2025-06-17', expiresOn: '2026-06-16', termYears: 1 });
    expect(d.timeline.find((s: { step: string }) => s.step === 'filing')).toEqual({ step: 'filing', article: 'art. 42', on: '2025-06-02', dueOn: '2025-06-12', late: false });
    const clock = clockOf(app);
    const before = clock();
    clock.advance(15 * 86400_000); // 2025-06-17
    d = await detail(cadre, id);
    expect(d.status).toBe('effective');
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/review`, { outcome: 'objection', decidedOn: '2025-06-17' }), 422).code).toBe('bargaining_review_closed');
    clock.set(before);
    expect((await detail(cadre, id)).status).toBe('filed');
  });

  it('is in force on the authority’s confirmation; an objection sends it back to the table', async () => {
    const cadre = f.clients.cadreA;
    const confirmed = await filedRound(cadre, f, 'c');
    const d = expectStatus(await cadre.post(`/api/bargaining/${confirmed}/review`, { outcome: 'confirmed', decidedOn: '2025-06-02' }), 200);
    expect(d).toMatchObject({ status: 'effective', effectiveOn: '2025-06-02', expiresOn: '2026-06-01' });
    const objected = await filedRound(cadre, f, 'o');
    const back = expectStatus(await cadre.post(`/api/bargaining/${objected}/review`, { outcome: 'objection', decidedOn: '2025-06-02' }), 200);
    expect(back).toMatchObject({ status: 'negotiating', signedOn: null, filedOn: null, effectiveOn: null });
    expect(expectStatus(await cadre.post(`/api/bargaining/${objected}/sign`), 422).code).toBe('bargaining_not_adopted');
  });

  it('refuses a term outside 1–3 years and a filing before the signing', async () => {
    const cadre = f.clients.cadreA;
    const { id } = expectStatus(await cadre.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201);
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/drafts`, { ...draftBody, termYears: 4 }), 422).errors[0].field).toBe('termYears');
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/drafts`, { ...draftBody, termYears: 0 }), 422).errors[0].field).toBe('termYears');
    expect(expectStatus(await cadre.post(`/api/bargaining/${id}/filing`, { filedOn: '2025-06-02' }), 422).code).toBe('bargaining_wrong_step');
  });
});

describe('renewal in the last 3 months (art. 38)', () => {
  it('a job opens the to-do on the window’s first day; a renewal proposed earlier is refused (one street’s to-dos)', async () => {
    const cadre = f.clients.cadreB;
    const id = await filedRound(cadre, f, 'r', f.orgs.unionB, f.enterprises.b);
    expect((await detail(cadre, id)).timeline.find((s: { step: string }) => s.step === 'renewal')).toMatchObject({ article: 'art. 38', on: '2026-03-17' });
    expect(expectStatus(await cadre.post('/api/bargaining', { ...roundBody(f.orgs.unionB, [f.enterprises.b], '2025-06-02'), renewsId: id }), 422).code).toBe('bargaining_renewal_not_effective');
    const clock = clockOf(app);
    const before = clock();
    try {
      await passTo('2026-03-16T12:00:00.000Z'); // Shanghai 2026-03-16 20:00: not yet
      const again = await login(app, 'street.b', PASSWORD);
      expect((await todo(again, 'bargaining_renewals')).count).toBe(0);
      const early = expectStatus(await again.post('/api/bargaining', { ...roundBody(f.orgs.unionB, [f.enterprises.b], '2026-03-16'), renewsId: id }), 422);
      expect(early).toMatchObject({ code: 'bargaining_renewal_too_early' });
      await passTo('2026-03-17T01:00:00.000Z');
      expect((await todo(again, 'bargaining_renewals')).count).toBe(1);
      const renewal = expectStatus(await again.post('/api/bargaining', { ...roundBody(f.orgs.unionB, [f.enterprises.b], '2026-03-17'), renewsId: id }), 201);
      expect(renewal.replyDueOn).toBe('2026-04-06');
      expect((await todo(again, 'bargaining_renewals')).count).toBe(0);
      const notices = expectStatus(await again.get('/api/notifications'), 200);
      expect(notices.items.some((n: { title: string }) => n.title === '集体合同可以续订')).toBe(true);
    } finally {
      await passTo(before.toISOString());
    }
  });
});

describe('covered workers on the phone', () => {
  it('vote for worker representatives, answer the survey once, and read the adopted agreement', async () => {
    const cadre = f.clients.cadreA;
    const { client: worker } = await coveredWorker(app, cadre, f.orgs.unionA, f.enterprises.a);
    const { client: outsider } = await coveredWorker(app, f.clients.cadreB, f.orgs.unionB, f.enterprises.b, '罗星职工');
    const { id } = expectStatus(await cadre.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201);
    expectStatus(await cadre.post(`/api/bargaining/${id}/reply`, { repliedOn: '2025-06-02', accepted: true }), 200);
    await seatSides(cadre, id, 'p');
    const mine = expectStatus(await worker.get('/api/bargaining/mine'), 200).items.find((r: { id: number }) => r.id === id);
    expect(mine).toMatchObject({ open: true, surveyAnswered: false, agreement: null });
    expect(mine.candidates).toHaveLength(3);
    const employerRep = (await detail(cadre, id)).representatives.find((r: { side: string }) => r.side === 'employer').id;
    expectStatus(await worker.post(`/api/bargaining/${id}/votes`, { representativeId: mine.candidates[0].id }), 201);
    expectStatus(await worker.post(`/api/bargaining/${id}/votes`, { representativeId: mine.candidates[0].id }), 409);
    expect(expectStatus(await worker.post(`/api/bargaining/${id}/votes`, { representativeId: employerRep }), 422).errors[0].field).toBe('representativeId');
    expectStatus(await worker.post(`/api/bargaining/${id}/survey`, { priorities: ['wage_growth', 'leave'], expectedRaisePercent: 8, comment: '希望提高夜班补贴' }), 201);
    expectStatus(await worker.post(`/api/bargaining/${id}/survey`, { priorities: ['wage_growth'], expectedRaisePercent: 5 }), 409);
    // a worker of another enterprise: the round does not exist for them
    expect(expectStatus(await outsider.get('/api/bargaining/mine'), 200).items.some((r: { id: number }) => r.id === id)).toBe(false);
    expectStatus(await outsider.post(`/api/bargaining/${id}/survey`, { priorities: ['wage_growth'], expectedRaisePercent: 5 }), 404);
    const d = await detail(cadre, id);
    expect(d.survey).toMatchObject({ answers: 1, meanRaisePercent: 8, medianRaisePercent: 8 });
    expect(d.survey.byTopic).toMatchObject({ wage_growth: 1, leave: 1, safety: 0 });
    expect(d.representatives.find((r: { id: number }) => r.id === mine.candidates[0].id).votes).toBe(1);
    // the comment is stored encrypted
    const stored = await app.deps.db.selectFrom('bargaining_survey_answers').select('comment_enc').where('round_id', '=', id).executeTakeFirstOrThrow();
    expect(stored.comment_enc).not.toContain('夜班');

    expectStatus(await cadre.post(`/api/bargaining/${id}/drafts`, draftBody), 201);
    expectStatus(await cadre.post(`/api/bargaining/${id}/drafts`, { ...draftBody, clauses: [{ topic: 'wage_growth', text: '工资总额年增长不低于 7%。' }, { topic: 'leave', text: '带薪年休假照发工资。' }] }), 201);
    expect((await detail(cadre, id)).drafts[1].changes).toEqual([{ topic: 'wage_growth', change: 'changed' }, { topic: 'leave', change: 'added' }]);
    expectStatus(await cadre.post(`/api/bargaining/${id}/adoption`, { representatives: 30, attending: 25, approving: 24 }), 200);
    const after = expectStatus(await worker.get('/api/bargaining/mine'), 200).items.find((r: { id: number }) => r.id === id);
    expect(after).toMatchObject({ status: 'adopted', open: false, agreement: { version: 2, termYears: 1 } });
    expect(after.agreement.clauses).toHaveLength(2);
    expect(expectStatus(await worker.post(`/api/bargaining/${id}/votes`, { representativeId: mine.candidates[1].id }), 422).code).toBe('bargaining_closed_for_members');
  });
});

describe('scope', () => {
  it('another street’s rounds are absent or 404; a viewer reads but does not write', async () => {
    const a = f.clients.cadreA;
    const b = f.clients.cadreB;
    const { id } = expectStatus(await a.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201);
    expectStatus(await b.get(`/api/bargaining/${id}`), 404);
    expectStatus(await b.post(`/api/bargaining/${id}/representatives`, { side: 'worker', name: '越权', chief: false }), 404);
    expectStatus(await b.post(`/api/bargaining/${id}/adoption`, { representatives: 3, attending: 3, approving: 3 }), 404);
    expectStatus(await b.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 404);
    expect(expectStatus(await b.get('/api/bargaining?pageSize=200'), 200).items.some((r: { id: number }) => r.id === id)).toBe(false);
    expect((await detail(f.clients.viewer, id)).actions).toEqual([]);
    expect((await detail(a, id)).actions).toEqual(['manage']);
    expectStatus(await f.clients.viewer.post(`/api/bargaining/${id}/sign`), 403);
    // the data screen counts the same subtree
    const screen = expectStatus(await a.get(`/api/orgs/${f.orgs.streetA}/overview`), 200).figures.bargaining;
    expect(screen.rounds).toBeGreaterThan(0);
  });
});
