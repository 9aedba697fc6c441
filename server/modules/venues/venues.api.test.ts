import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeIdNumber } from '../../platform/identity.ts';
import { PASSWORD, buildFixture, createTestApp, createUser, expectStatus, login, type Client, type Fixture } from '../../test/harness.ts';

let app: FastifyInstance;
let f: Fixture;

/** Shanghai wall time on a Monday in the future (2030-01-07), or `day` days later. */
const at = (hhmm: string, day = 0) => new Date(Date.parse(`2030-01-07T${hhmm}:00+08:00`) + day * 86_400_000).toISOString();
const slot = (from: string, to: string, day = 0, extra: Record<string, unknown> = {}) => ({ startsAt: at(from, day), endsAt: at(to, day), purpose: '企业技术人员培训', ...extra });

async function venue(body: Record<string, unknown> = {}, as: Client = f.clients.cadreA): Promise<number> {
  return expectStatus<{ id: number }>(await as.post('/api/venues', { orgId: f.orgs.unionA, name: '活动阵地', kind: 'activity_room', capacity: 60, ...body }), 201).id;
}

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

describe('venues', () => {
  it('lets exactly one of 20 simultaneous overlapping bookings of one room succeed; the others get 409 booking_overlap', async () => {
    const id = await venue();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => f.clients.cadreA.post(`/api/venues/${id}/bookings`, slot(`09:${String(i).padStart(2, '0')}`, '11:00'))));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const lost = results.filter((r) => r.statusCode !== 201);
    expect(lost.every((r) => r.statusCode === 409 && r.json().code === 'booking_overlap')).toBe(true);
    const schedule = expectStatus(await f.clients.cadreA.get(`/api/venues/${id}/bookings?from=${at('00:00')}&to=${at('00:00', 1)}`), 200);
    expect(schedule.items).toHaveLength(1);
  }, 60_000);

  it('books adjacent slots, refuses overlaps, and frees a cancelled slot for the next booking', async () => {
    const id = await venue();
    const first = expectStatus<{ id: number }>(await f.clients.cadreA.post(`/api/venues/${id}/bookings`, slot('09:00', '10:00')), 201).id;
    expectStatus(await f.clients.cadreA.post(`/api/venues/${id}/bookings`, slot('10:00', '11:00')), 201);
    expect(expectStatus(await f.clients.cadreA.post(`/api/venues/${id}/bookings`, slot('09:30', '10:30')), 409).code).toBe('booking_overlap');
    expectStatus(await f.clients.cadreA.post(`/api/venue-bookings/${first}/cancel`), 200);
    expect(expectStatus(await f.clients.cadreA.post(`/api/venue-bookings/${first}/cancel`), 422).code).toBe('venue_booking_cancelled');
    expectStatus(await f.clients.cadreA.post(`/api/venues/${id}/bookings`, slot('08:30', '10:00')), 201);
    const schedule = expectStatus(await f.clients.cadreA.get(`/api/venues/${id}/bookings?from=${at('00:00')}&to=${at('00:00', 1)}`), 200);
    expect(schedule.items.filter((b: { status: string }) => b.status === 'active').map((b: { startsAt: string }) => b.startsAt)).toEqual([at('08:30'), at('10:00')]);
    const usage = expectStatus(await f.clients.cadreA.get('/api/venues/usage'), 200);
    expect(usage.byOrg.find((o: { orgId: number }) => o.orgId === f.orgs.unionA)).toMatchObject({ bookings: expect.any(Number) });
    expect((await f.clients.cadreA.get(`/api/venue-bookings/export?venueId=${id}`)).statusCode).toBe(200);
  });

  it('refuses bookings outside the opening hours and on closed days, naming the field', async () => {
    const id = await venue({ closedDays: ['2030-01-08'] });
    const early = expectStatus(await f.clients.cadreA.post(`/api/venues/${id}/bookings`, slot('07:00', '09:00')), 422);
    expect(early.errors[0].field).toBe('startsAt');
    const late = expectStatus(await f.clients.cadreA.post(`/api/venues/${id}/bookings`, slot('19:00', '21:00')), 422);
    expect(late.errors[0].field).toBe('endsAt');
    const sunday = expectStatus(await f.clients.cadreA.post(`/api/venues/${id}/bookings`, slot('10:00', '11:00', 6)), 422);
    expect(sunday.errors[0]).toMatchObject({ field: 'startsAt', message: expect.stringContaining('2030-01-13') });
    const closed = expectStatus(await f.clients.cadreA.post(`/api/venues/${id}/bookings`, slot('10:00', '11:00', 1)), 422);
    expect(closed.errors[0].field).toBe('startsAt');
    const backwards = expectStatus(await f.clients.cadreA.post(`/api/venues/${id}/bookings`, slot('11:00', '10:00')), 422);
    expect(backwards.errors[0].field).toBe('endsAt');
  });

  it('keeps another street out (404) unless the venue is shared with it, and then its cadre may book for its unions', async () => {
    const privateVenue = await venue();
    expectStatus(await f.clients.cadreB.post(`/api/venues/${privateVenue}/bookings`, slot('09:00', '10:00')), 404);
    expectStatus(await f.clients.cadreB.get(`/api/venues/${privateVenue}/bookings`), 404);
    expectStatus(await f.clients.cadreB.post('/api/venues', { orgId: f.orgs.unionA, name: 'x', kind: 'home', capacity: 5 }), 404);
    expect(expectStatus(await f.clients.cadreB.get('/api/venues'), 200).items.some((v: { id: number }) => v.id === privateVenue)).toBe(false);

    const shared = await venue({ name: '共享活动阵地', sharedWith: [f.orgs.streetB] });
    const listed = expectStatus(await f.clients.cadreB.get('/api/venues'), 200).items.find((v: { id: number }) => v.id === shared);
    expect(listed).toMatchObject({ manage: false, sharedWith: [{ id: f.orgs.streetB }] });
    const b = expectStatus<{ id: number }>(await f.clients.cadreB.post(`/api/venues/${shared}/bookings`, slot('14:00', '16:00', 0, { orgId: f.orgs.unionB })), 201).id;
    // the owner's cadre sees it and cancels it; the booker is told
    const schedule = expectStatus(await f.clients.cadreA.get(`/api/venues/${shared}/bookings?from=${at('00:00')}&to=${at('00:00', 1)}`), 200);
    expect(schedule.items[0]).toMatchObject({ orgId: f.orgs.unionB, purpose: '企业技术人员培训' });
    expectStatus(await f.clients.cadreA.post(`/api/venue-bookings/${b}/cancel`), 200);
    const notices = expectStatus(await f.clients.cadreB.get('/api/notifications'), 200);
    expect(JSON.stringify(notices)).toContain('共享活动阵地');
    // street B books for a union of street A: not in its scope
    expectStatus(await f.clients.cadreB.post(`/api/venues/${shared}/bookings`, slot('14:00', '16:00', 0, { orgId: f.orgs.unionA })), 404);
  });

  it('lets a member of a served union book a reading-room seat time, and not a union-only room', async () => {
    const username = `venue.m.${process.pid}`;
    await createUser(f.admin, { username });
    const m = await login(app, username, PASSWORD);
    const body = { name: '书屋会员', idNumber: makeIdNumber('330421', '1991-03-03', 7001), phone: '13700071001', orgId: f.orgs.unionA, employerName: '测试单位', consent: true };
    const { id: appId } = expectStatus<{ id: number }>(await m.post('/api/join-applications', body), 201);
    expectStatus(await f.admin.post(`/api/join-applications/${appId}/approve`), 200);

    const room = await venue({ orgId: f.orgs.streetA, name: '职工书屋', kind: 'reading_room', capacity: 30 });
    const hall = await venue({ orgId: f.orgs.streetA, name: '职工之家', kind: 'home', capacity: 80 });
    expect(expectStatus(await m.get('/api/venues/mine'), 200).items.map((v: { id: number }) => v.id)).toContain(room);
    expectStatus(await m.post(`/api/venues/${room}/bookings`, slot('18:00', '19:00', 0, { purpose: '阅读' })), 201);
    expect(expectStatus(await m.post(`/api/venues/${hall}/bookings`, slot('18:00', '19:00', 0, { purpose: '阅读' })), 422).code).toBe('venue_not_member_bookable');
    const seen = expectStatus(await f.clients.member.get(`/api/venues/${room}/bookings?from=${at('00:00')}&to=${at('00:00', 1)}`), 404);
    expect(seen.code).toBe('not_found');
    expect(expectStatus(await m.get('/api/venue-bookings/mine'), 200).items[0]).toMatchObject({ venueName: '职工书屋', mine: true });
  });
});
