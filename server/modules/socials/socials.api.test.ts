import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeIdNumber } from '../../platform/identity.ts';
import { PASSWORD, buildFixture, clockOf, createTestApp, createUser, expectStatus, login, type Client, type Fixture } from '../../test/harness.ts';

let app: FastifyInstance;
let f: Fixture;
let seq = 0;

/** A member of union A with an account, of the given gender and birth date (the ID number decides both). */
async function member(gender: 'male' | 'female', birth = '1996-04-05'): Promise<Client> {
  const n = ++seq;
  const username = `social.m${n}.${process.pid}`;
  await createUser(f.admin, { username });
  const client = await login(app, username, PASSWORD);
  // the ID number's sequence digit decides the gender: odd male, even female
  const body = { name: `交友会员${n}`, idNumber: makeIdNumber('330421', birth, 6000 + n * 2 + (gender === 'male' ? 1 : 0)), phone: `1370003${String(1000 + n)}`, orgId: f.orgs.unionA, employerName: '测试单位', consent: true };
  const { id } = expectStatus<{ id: number }>(await client.post('/api/join-applications', body), 201);
  expectStatus(await f.admin.post(`/api/join-applications/${id}/approve`), 200);
  return client;
}

const inHours = (h: number) => new Date(clockOf(app)().getTime() + h * 3600_000).toISOString();

/** A youth social of street A starting in two hours, with places per gender and an age range. */
async function social(settings: Record<string, unknown> = {}) {
  const body = { orgId: f.orgs.streetA, title: '青年交友联谊 · 密室逃脱', kind: 'youth_social', startsAt: inHours(2), endsAt: inHours(4), capacity: 20, membersOnly: true };
  const { id } = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/activities', body), 201);
  expectStatus(await f.clients.cadreA.put(`/api/socials/${id}`, { malePlaces: 10, femalePlaces: 10, minAge: 20, maxAge: 35, ...settings }), 200);
  return id;
}

const signUp = async (c: Client, id: number) => expectStatus<{ id: number; code: string }>(await c.post(`/api/activities/${id}/registrations`), 201);

beforeAll(async () => {
  // picks close two days after an event: sessions outlive the clock moved past it
  app = await createTestApp({ sessionHours: 24 * 30 });
  f = await buildFixture(app);
});
afterAll(() => app.close());

describe('youth socials', () => {
  it('holds places per gender and the age range at sign-up, and gives a place back on cancellation', async () => {
    const id = await social({ malePlaces: 1, femalePlaces: 2 });
    const [m1, m2, w1] = [await member('male'), await member('male'), await member('female')];
    await signUp(m1, id);
    const full = expectStatus(await m2.post(`/api/activities/${id}/registrations`), 422);
    expect(full).toMatchObject({ code: 'social_gender_full' });
    expect(full.detail ?? full.title).toContain('男生');
    // the other gender still has places
    await signUp(w1, id);
    const old = await member('female', '1980-01-01');
    expect(expectStatus(await old.post(`/api/activities/${id}/registrations`), 422).code).toBe('social_age_out_of_range');
    // the refused sign-ups left nothing behind: the activity counts two
    expect(expectStatus(await f.clients.cadreA.get(`/api/activities/${id}`), 200).confirmed).toBe(2);
    expect(expectStatus(await f.clients.cadreA.get(`/api/socials/${id}`), 200).settings).toMatchObject({ male: { places: 1, taken: 1 }, female: { places: 2, taken: 1 }, minAge: 20, maxAge: 35 });
    expectStatus(await m1.delete(`/api/activities/${id}/registrations/mine`), 204);
    await signUp(m2, id);
    // places cannot shrink below those taken; new places after sign-ups are refused
    expect(expectStatus(await f.clients.cadreA.put(`/api/socials/${id}`, { malePlaces: 0, femalePlaces: 2 }), 422).errors?.[0]?.field ?? 'malePlaces').toBe('malePlaces');
    const later = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/activities', { orgId: f.orgs.streetA, title: '桌游交友', kind: 'youth_social', startsAt: inHours(30), endsAt: inHours(32), capacity: 10 }), 201).id;
    await signUp(w1, later);
    expect(expectStatus(await f.clients.cadreA.put(`/api/socials/${later}`, { malePlaces: 5, femalePlaces: 5 }), 422).code).toBe('social_settings_after_signup');
  });

  it('lets attendees pick up to three after the event; only mutual picks see each other’s contact; cadres see counts only', async () => {
    const id = await social();
    const people = [await member('male'), await member('female'), await member('female'), await member('male'), await member('male'), await member('female')];
    const regs = [];
    for (const p of people) regs.push(await signUp(p, id));
    const [a, b, c, d, e, absent] = people;
    const [ra, rb, rc, rd, re] = regs;
    for (const r of regs.slice(0, 5)) expectStatus(await f.clients.cadreA.post(`/api/activities/${id}/check-ins`, { code: r.code }), 200);

    // not before the end
    expect(expectStatus(await a.put(`/api/socials/${id}/mine`, { contact: 'wx_a', picks: [rb.id] }), 422).code).toBe('social_picks_not_open');
    clockOf(app).advance(5 * 3600_000);
    // an attendee who did not check in cannot pick, and sees nobody
    expect(expectStatus(await absent.put(`/api/socials/${id}/mine`, { contact: 'wx_x', picks: [ra.id] }), 422).code).toBe('social_not_attended');
    expect(expectStatus(await absent.get(`/api/socials/${id}/mine`), 200)).toMatchObject({ canPick: false, attendees: [] });
    // a fourth pick, oneself, and the absent one are refused
    expect(expectStatus(await a.put(`/api/socials/${id}/mine`, { contact: 'wx_a', picks: [rb.id, rc.id, rd.id, re.id] }), 422).code).toBe('social_too_many_picks');
    expect(expectStatus(await a.put(`/api/socials/${id}/mine`, { contact: 'wx_a', picks: [ra.id] }), 422).code).toBe('social_pick_not_attendee');
    expect(expectStatus(await a.put(`/api/socials/${id}/mine`, { contact: 'wx_a', picks: [regs[5].id] }), 422).code).toBe('social_pick_not_attendee');

    expect(expectStatus(await a.get('/api/socials/mine'), 200).items.find((x: { activityId: number }) => x.activityId === id)).toMatchObject({ attended: true, canPick: true });
    const mine = expectStatus(await a.get(`/api/socials/${id}/mine`), 200);
    expect(mine).toMatchObject({ canPick: true, maxPicks: 3 });
    expect(mine.attendees.map((x: { id: number }) => x.id)).toEqual([rb.id, rc.id, rd.id, re.id]);
    expect(mine.attendees[0].name).toContain('*');

    expectStatus(await a.put(`/api/socials/${id}/mine`, { contact: 'wx_alpha', picks: [rb.id, rc.id] }), 200);
    expectStatus(await b.put(`/api/socials/${id}/mine`, { contact: '13900001111', picks: [ra.id] }), 200);
    expectStatus(await d.put(`/api/socials/${id}/mine`, { contact: 'wx_delta', picks: [rc.id] }), 200);

    // the mutual pair sees each other's contact
    expect(expectStatus(await a.get(`/api/socials/${id}/matches`), 200).items).toEqual([{ name: expect.stringContaining('*'), contact: '13900001111' }]);
    expect(expectStatus(await b.get(`/api/socials/${id}/matches`), 200).items).toEqual([{ name: expect.stringContaining('*'), contact: 'wx_alpha' }]);
    // c was picked twice, one-sidedly: nothing of it reaches c
    expect(expectStatus(await c.get(`/api/socials/${id}/matches`), 200).items).toEqual([]);
    const cView = expectStatus(await c.get(`/api/socials/${id}/mine`), 200);
    expect(cView.picks).toEqual([]);
    expect(JSON.stringify(cView)).not.toMatch(/wx_alpha|wx_delta|picked/);
    expect(expectStatus(await e.get(`/api/socials/${id}/matches`), 200).items).toEqual([]);

    // the cadre sees counts, never who picked whom nor contacts
    const seen = expectStatus(await f.clients.cadreA.get(`/api/socials/${id}`), 200);
    expect(seen.counts).toEqual({ attendees: 5, pickers: 3, picks: 4, mutualPairs: 1 });
    expect(JSON.stringify(seen)).not.toMatch(/wx_|13900001111/);
    const log = JSON.stringify(expectStatus(await f.clients.cadreA.get('/api/audit-log?entity=social'), 200));
    expect(log).not.toMatch(/wx_|13900001111/);
    expect(log).not.toContain(`"${rc.id}"`);

    // picks stay editable until 48 h after the end, then close
    expectStatus(await b.put(`/api/socials/${id}/mine`, { contact: '13900001111', picks: [ra.id, re.id] }), 200);
    clockOf(app).advance(48 * 3600_000);
    expect(expectStatus(await c.put(`/api/socials/${id}/mine`, { contact: 'wx_c', picks: [ra.id] }), 422).code).toBe('social_picks_closed');
    expect(expectStatus(await a.get(`/api/socials/${id}/matches`), 200).items).toHaveLength(1);
  });

  it('keeps another street’s cadre and strangers out (scope)', async () => {
    const id = await social();
    expectStatus(await f.clients.cadreB.get(`/api/socials/${id}`), 404);
    expectStatus(await f.clients.cadreB.put(`/api/socials/${id}`, { malePlaces: 1, femalePlaces: 1 }), 404);
    expectStatus(await f.clients.member.get(`/api/socials/${id}/mine`), 404);
    expectStatus(await f.clients.member.get(`/api/socials/${id}/matches`), 404);
    expectStatus(await f.clients.viewer.get(`/api/socials/${id}`), 200);
    expectStatus(await f.clients.viewer.put(`/api/socials/${id}`, { malePlaces: 1, femalePlaces: 1 }), 403);
    // only youth socials have settings
    const training = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/activities', { orgId: f.orgs.streetA, title: '安全培训', kind: 'training', startsAt: inHours(30), endsAt: inHours(32), capacity: 10 }), 201).id;
    expectStatus(await f.clients.cadreA.get(`/api/socials/${training}`), 404);
  });
});
