import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { readExport } from '../../test/exports.ts';
import { signUpMember } from '../../test/people.ts';
import { anonymous, buildFixture, clockOf, createTestApp, createUser, expectStatus, login, PASSWORD, type Client, type Fixture } from '../../test/harness.ts';

let app: FastifyInstance;
let f: Fixture;
let seq = 0;

/** Logged-in worker accounts (not members). */
async function workers(n: number): Promise<Client[]> {
  const names = Array.from({ length: n }, () => `worker.act${++seq}`);
  for (const username of names) await createUser(f.admin, { username, orgId: f.orgs.unionA });
  return Promise.all(names.map((u) => login(app, u, PASSWORD)));
}

const inHours = (h: number) => new Date(clockOf(app)().getTime() + h * 3600_000).toISOString();

async function publish(overrides: Record<string, unknown> = {}, as: Client = f.clients.cadreA) {
  const body = { orgId: f.orgs.streetA, title: '消防安全进校园', kind: 'training', startsAt: inHours(48), endsAt: inHours(50), capacity: 3, openToAll: true, ...overrides };
  return expectStatus<{ id: number }>(await as.post('/api/activities', body), 201).id;
}

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

describe('activity sign-up', () => {
  it('confirms exactly `capacity` people when many sign up at the same moment', async () => {
    const id = await publish({ capacity: 3 });
    const people = await workers(12);
    const answers = await Promise.all(people.map((p) => p.post(`/api/activities/${id}/registrations`)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(201));
    const statuses = answers.map((a) => a.json().status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(9);
    const detail = expectStatus(await f.clients.cadreA.get(`/api/activities/${id}`), 200);
    expect(detail).toMatchObject({ capacity: 3, confirmed: 3, waitlisted: 9 });
    const pool = await app.deps.db.selectFrom('activities').innerJoin('seat_pools', 'seat_pools.id', 'activities.seat_pool_id').select('seat_pools.taken').where('activities.id', '=', id).executeTakeFirstOrThrow();
    expect(pool.taken).toBe(3);
  });

  it('refuses a second sign-up by the same person, even at the same moment', async () => {
    const id = await publish({ capacity: 5 });
    const [p] = await workers(1);
    const both = await Promise.all([p.post(`/api/activities/${id}/registrations`), p.post(`/api/activities/${id}/registrations`)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await p.post(`/api/activities/${id}/registrations`)).statusCode).toBe(409);
    expect(expectStatus(await f.clients.cadreA.get(`/api/activities/${id}`), 200).confirmed).toBe(1);
  });

  it('promotes the waiting list in sign-up order when a confirmed person cancels', async () => {
    const id = await publish({ capacity: 1 });
    const [first, second, third] = await workers(3);
    expect(expectStatus(await first.post(`/api/activities/${id}/registrations`), 201).status).toBe('confirmed');
    expect(expectStatus(await second.post(`/api/activities/${id}/registrations`), 201).status).toBe('waitlisted');
    expect(expectStatus(await third.post(`/api/activities/${id}/registrations`), 201).status).toBe('waitlisted');
    const place = async (who: typeof first) =>
      (expectStatus(await who.get('/api/registrations/mine'), 200).items as { activityId: number; waitlistPosition: number | null }[]).find((r) => r.activityId === id)!.waitlistPosition;
    expect([await place(first), await place(second), await place(third)]).toEqual([null, 1, 2]);
    expectStatus(await first.delete(`/api/activities/${id}/registrations/mine`), 204);
    expect([await place(second), await place(third)]).toEqual([null, 1]);
    const list = expectStatus(await f.clients.cadreA.get(`/api/activities/${id}/registrations`), 200);
    expect(list.items.map((r: { userId: number; status: string }) => [r.userId, r.status])).toEqual([
      [first.user!.id, 'cancelled'],
      [second.user!.id, 'confirmed'],
      [third.user!.id, 'waitlisted'],
    ]);
    expect(list.items[0]).toEqual({ id: expect.any(Number), memberId: null, userId: first.user!.id, name: expect.any(String), status: 'cancelled', checkedInAt: null, createdAt: expect.any(String) });
    // more places confirm the rest of the list
    expect(expectStatus(await f.clients.cadreA.patch(`/api/activities/${id}`, { capacity: 2 }), 200)).toMatchObject({ confirmed: 2, waitlisted: 0 });
    expect((await f.clients.cadreA.patch(`/api/activities/${id}`, { capacity: 1 })).json().errors[0].field).toBe('capacity');
  });

  it('refuses cancelling after the deadline and signing up after sign-up closes', async () => {
    const id = await publish({ capacity: 5, cancelDeadline: inHours(1), signupClosesAt: inHours(2) });
    const [p, late] = await workers(2);
    expectStatus(await p.post(`/api/activities/${id}/registrations`), 201);
    const clock = clockOf(app);
    const saved = clock();
    clock.advance(90 * 60_000);
    try {
      const refused = await p.delete(`/api/activities/${id}/registrations/mine`);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('cancel_deadline_passed');
      clock.advance(60 * 60_000);
      const closed = await late.post(`/api/activities/${id}/registrations`);
      expect(closed.statusCode).toBe(422);
      expect(closed.json().code).toBe('signup_closed');
    } finally {
      clock.set(saved);
    }
  });

  it('shows members-only activities of another street to nobody there, and refuses non-members', async () => {
    const id = await publish({ capacity: 5, openToAll: false, membersOnly: true });
    const [p] = await workers(1);
    // not a member anywhere: the activity is not even visible
    expect((await p.post(`/api/activities/${id}/registrations`)).statusCode).toBe(404);
    const available = expectStatus(await p.get('/api/activities/available'), 200);
    expect(available.items.some((a: { id: number }) => a.id === id)).toBe(false);
  });

  it('shows a visitor without a session the activities open to every worker, and none of a union’s own', async () => {
    const forAll = await publish({ title: '职工健步走', capacity: 50 });
    const ownMembers = await publish({ title: '会员观影', openToAll: false });
    const visitor = expectStatus<{ items: { id: number; mine: unknown; signupOpen: boolean }[] }>(await anonymous(app).get('/api/activities/available'), 200);
    const ids = visitor.items.map((a) => a.id);
    expect(ids).toContain(forAll);
    expect(ids).not.toContain(ownMembers);
    expect(visitor.items.find((a) => a.id === forAll)).toMatchObject({ mine: null, signupOpen: true });
    // signing up still needs a session
    expect((await anonymous(app).post(`/api/activities/${forAll}/registrations`)).statusCode).toBe(401);
  });

  it('refuses an activity both members-only and open to all workers, naming the field', async () => {
    const res = await f.clients.cadreA.post('/api/activities', { orgId: f.orgs.streetA, title: '青年交友', kind: 'youth_social', startsAt: inHours(10), endsAt: inHours(12), capacity: 10, membersOnly: true, openToAll: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'membersOnly', message: expect.stringContaining('面向全体职工') }]);
  });
});

describe('check-in', () => {
  it('checks a confirmed person in once by code; a waitlisted code and an unknown code are refused', async () => {
    const id = await publish({ capacity: 1, startsAt: inHours(1), endsAt: inHours(3) });
    const [a, b] = await workers(2);
    const ra = expectStatus(await a.post(`/api/activities/${id}/registrations`), 201);
    const rb = expectStatus(await b.post(`/api/activities/${id}/registrations`), 201);
    const mine = expectStatus(await a.get('/api/registrations/mine'), 200);
    expect(mine.items.find((r: { activityId: number }) => r.activityId === id).qr).toBe(`GONGHUI:CHECKIN:${ra.code}`);

    const ok = expectStatus(await f.clients.cadreA.post(`/api/activities/${id}/check-ins`, { code: `GONGHUI:CHECKIN:${ra.code}` }), 200);
    expect(ok.registrationId).toBe(ra.id);
    expect((await f.clients.cadreA.post(`/api/activities/${id}/check-ins`, { code: ra.code })).statusCode).toBe(409);
    expect((await f.clients.cadreA.post(`/api/activities/${id}/check-ins`, { code: rb.code })).statusCode).toBe(422);
    expect((await f.clients.cadreA.post(`/api/activities/${id}/check-ins`, { code: 'ZZZZZZZZZZZZ' })).statusCode).toBe(404);
    const regs = expectStatus(await f.clients.cadreA.get(`/api/activities/${id}/registrations?status=confirmed`), 200);
    expect(regs.items[0].checkedInAt).toBeTruthy();
  });
});

describe('scope', () => {
  it('another street cannot see, change, list or check in an activity; a viewer cannot publish', async () => {
    const id = await publish();
    expect((await f.clients.cadreB.get(`/api/activities/${id}`)).statusCode).toBe(404);
    expect((await f.clients.cadreB.patch(`/api/activities/${id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await f.clients.cadreB.post(`/api/activities/${id}/cancel`)).statusCode).toBe(404);
    expect((await f.clients.cadreB.get(`/api/activities/${id}/registrations`)).statusCode).toBe(404);
    expect((await f.clients.cadreB.post(`/api/activities/${id}/check-ins`, { code: 'ABCDEF' })).statusCode).toBe(404);
    expect((await f.clients.cadreB.post('/api/activities', { orgId: f.orgs.streetA, title: 'x', kind: 'sports', startsAt: inHours(5), endsAt: inHours(6), capacity: 1 })).statusCode).toBe(404);
    const list = expectStatus(await f.clients.cadreB.get('/api/activities'), 200);
    expect(list.items.some((a: { id: number }) => a.id === id)).toBe(false);
    expect((await f.clients.viewer.post('/api/activities', { orgId: f.orgs.streetA, title: 'x', kind: 'sports', startsAt: inHours(5), endsAt: inHours(6), capacity: 1 })).statusCode).toBe(403);
  });

  it('offers a cadre who may write it the actions open now, a viewer none, and a cancelled activity nothing', async () => {
    const id = await publish({ startsAt: inHours(2), endsAt: inHours(3) });
    const later = await publish();
    const actions = async (as: Client, activityId: number) => ({
      detail: expectStatus(await as.get(`/api/activities/${activityId}`), 200).actions,
      listed: expectStatus(await as.get('/api/activities?pageSize=100'), 200).items.find((a: { id: number }) => a.id === activityId).actions,
    });
    expect(await actions(f.clients.cadreA, id)).toEqual({ detail: ['update', 'cancel', 'check_in'], listed: ['update', 'cancel', 'check_in'] });
    // check-in opens a day before the start
    expect((await actions(f.clients.cadreA, later)).detail).toEqual(['update', 'cancel']);
    expect(await actions(f.clients.viewer, id)).toEqual({ detail: [], listed: [] });
    expectStatus(await f.clients.cadreA.post(`/api/activities/${id}/cancel`), 200);
    expect((await actions(f.clients.countyCadre, id)).detail).toEqual([]);
  });

  it('counts a year of activities per street: how many streets were reached', async () => {
    const stats = expectStatus(await f.clients.countyCadre.get(`/api/orgs/${f.orgs.county}/activity-stats?year=2025`), 200);
    expect(stats.activities).toBeGreaterThan(0);
    expect(stats.childrenReached).toBe(1);
    expect(stats.children.find((c: { orgId: number }) => c.orgId === f.orgs.streetB).activities).toBe(0);
    expect(stats.byKind.training).toBe(stats.activities);
    expect((await f.clients.cadreB.get(`/api/orgs/${f.orgs.streetA}/activity-stats`)).statusCode).toBe(404);
  });

  it('explains a schedule out of order on the right field', async () => {
    const res = await f.clients.cadreA.post('/api/activities', { orgId: f.orgs.streetA, title: '青年交友', kind: 'youth_social', startsAt: inHours(10), endsAt: inHours(9), capacity: 10 });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('endsAt');
  });
});

describe('exports', () => {
  it('exports an activity’s registrations with members’ real names and masked phones, within scope only', async () => {
    const id = await publish({ title: '青年交友会', capacity: 5 });
    const member = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '李实名');
    expectStatus(await member.client.post(`/api/activities/${id}/registrations`), 201);
    const [worker] = await workers(1);
    expectStatus(await worker.post(`/api/activities/${id}/registrations`), 201);

    const listed = expectStatus(await f.clients.cadreA.get(`/api/activities/${id}/registrations?status=confirmed`), 200);
    const sheet = await readExport(await f.clients.cadreA.get(`/api/activities/${id}/registrations/export?status=confirmed`));
    expect(sheet.name).toMatch(/^报名名单（青年交友会）-魏塘街道总工会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(sheet.column('姓名').sort()).toEqual(listed.items.map((r: { name: string }) => r.name).sort());
    expect(sheet.column('姓名')).toContain('李实名');
    const phone = sheet.column('手机号')[sheet.column('姓名').indexOf('李实名')];
    expect(phone).toBe(`${member.phone.slice(0, 3)}****${member.phone.slice(-4)}`);
    const full = await readExport(await f.clients.cadreA.get(`/api/activities/${id}/registrations/export?full=true`));
    expect(full.column('手机号')).toContain(member.phone);
    expect((await f.clients.viewer.get(`/api/activities/${id}/registrations/export?full=true`)).statusCode).toBe(403);
    expect((await f.clients.cadreB.get(`/api/activities/${id}/registrations/export`)).statusCode).toBe(404);
  });

  it('exports the activities list as it filters them; another street’s export holds only its own', async () => {
    const listed = expectStatus(await f.clients.cadreA.get('/api/activities?kind=training&pageSize=200'), 200);
    const sheet = await readExport(await f.clients.cadreA.get('/api/activities/export?kind=training'));
    expect(sheet.rows).toHaveLength(listed.total);
    expect(sheet.column('类型').every((v) => v === '培训')).toBe(true);
    await publish({ orgId: f.orgs.streetB, title: '罗星篮球赛', kind: 'sports' }, f.clients.cadreB);
    const streetB = await readExport(await f.clients.cadreB.get('/api/activities/export'));
    expect(streetB.column('活动名称')).toEqual(['罗星篮球赛']);
    expect(streetB.column('主办组织')).toEqual(['罗星街道总工会']);
  });
});
