import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeIdNumber } from '../../platform/identity.ts';
import { PASSWORD, buildFixture, createTestApp, createUser, expectStatus, login, type Client, type Fixture } from '../../test/harness.ts';

let app: FastifyInstance;
let f: Fixture;
let seq = 0;

/** A member of `orgId` with an account: created by the admin, applied, approved. */
async function member(orgId: number, birth = '1992-04-05', gender: 'male' | 'female' | null = null): Promise<Client> {
  const n = ++seq;
  const username = `benefit.m${n}.${process.pid}`;
  await createUser(f.admin, { username });
  const client = await login(app, username, PASSWORD);
  // the ID number's sequence digit decides the gender: odd male, even female
  let serial = 5000 + n * 2 + (gender === 'female' ? 0 : 1);
  if (gender === null) serial = 5000 + n;
  const body = { name: `福利会员${n}`, idNumber: makeIdNumber('330421', birth, serial), phone: `1370002${String(1000 + n)}`, orgId, employerName: '测试单位', consent: true };
  const { id } = expectStatus<{ id: number }>(await client.post('/api/join-applications', body), 201);
  expectStatus(await f.admin.post(`/api/join-applications/${id}/approve`), 200);
  return client;
}

const window = { claimFrom: '2025-06-01T00:00:00.000Z', claimUntil: '2025-06-30T00:00:00.000Z' };
const publish = async (body: Record<string, unknown>) => expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/benefits', { orgId: f.orgs.streetA, title: '夏季送清凉', stock: 10, ...window, ...body }), 201).id;

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

describe('benefits', () => {
  it('gives a member one claim with a code, a second is 409, and the distributor redeems the code once', async () => {
    const id = await publish({ kind: 'summer_cool' });
    const m = await member(f.orgs.unionA);
    const { code } = expectStatus(await m.post(`/api/benefits/${id}/claims`), 201);
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    expect(expectStatus(await m.post(`/api/benefits/${id}/claims`), 409).code).toBe('benefit_claimed');
    const mine = expectStatus(await m.get('/api/benefits/mine'), 200);
    expect(mine.items.find((b: { id: number }) => b.id === id)).toMatchObject({ code, left: 9 });

    // another street's cadre cannot redeem it (404); a venue's verifier on the county can, once
    expect(expectStatus(await f.clients.cadreB.post('/api/benefit-claims/redeem', { code }), 200)).toEqual({ valid: false, reason: 'unknown' });
    await createUser(f.admin, { username: `benefit.venue.${process.pid}`, orgId: f.orgs.county }, { role: 'card_verifier', orgId: f.orgs.county });
    const venue = await login(app, `benefit.venue.${process.pid}`, PASSWORD);
    const r = expectStatus(await venue.post('/api/benefit-claims/redeem', { code: code.toLowerCase() }), 200);
    expect(r).toMatchObject({ valid: true, title: '夏季送清凉', memberName: expect.stringContaining('*') });
    expect(expectStatus(await venue.post('/api/benefit-claims/redeem', { code }), 200)).toMatchObject({ valid: false, reason: 'redeemed' });
    expectStatus(await venue.get('/api/benefits'), 403);

    const list = expectStatus(await f.clients.cadreA.get('/api/benefits'), 200);
    expect(list.items.find((b: { id: number }) => b.id === id)).toMatchObject({ stock: 10, claimed: 1, redeemed: 1 });
    expect((await f.clients.cadreA.get('/api/benefits/export')).statusCode).toBe(200);
  });

  it('checks eligibility over the member record: scope, gender, tenure, the window', async () => {
    const m = await member(f.orgs.unionA, '1990-01-01', 'male');
    const b = await member(f.orgs.unionB);
    const streetA = await publish({});
    // a member of another street does not see it: 404
    expectStatus(await b.post(`/api/benefits/${streetA}/claims`), 404);
    const goddess = await publish({ kind: 'goddess_day', gender: 'female' });
    expect(expectStatus(await m.post(`/api/benefits/${goddess}/claims`), 422).code).toBe('benefit_not_eligible');
    const senior = await publish({ minTenureMonths: 12 });
    expect(expectStatus(await m.post(`/api/benefits/${senior}/claims`), 422).code).toBe('benefit_not_eligible');
    const later = await publish({ claimFrom: '2025-07-01T00:00:00.000Z', claimUntil: '2025-07-30T00:00:00.000Z' });
    expect(expectStatus(await m.post(`/api/benefits/${later}/claims`), 422).code).toBe('benefit_window_closed');
    // a worker who is no member
    await createUser(f.admin, { username: `benefit.nomember.${process.pid}` });
    const worker = await login(app, `benefit.nomember.${process.pid}`, PASSWORD);
    expect(expectStatus(await worker.post(`/api/benefits/${streetA}/claims`), 422).code).toBe('benefit_not_member');
    // scope for cadres: street B sees none of street A's
    expect(expectStatus(await f.clients.cadreB.get('/api/benefits'), 200).items.some((x: { id: number }) => x.id === streetA)).toBe(false);
    expectStatus(await f.clients.cadreB.post('/api/benefits', { orgId: f.orgs.streetA, title: 'x', stock: 1, ...window }), 404);
  });

  it('never gives out more than the stock when 200 members claim at once', async () => {
    const id = await publish({ title: '留守职工年夜饭', kind: 'new_year_dinner', stock: 37 });
    const members: Client[] = [];
    for (let batch = 0; batch < 10; batch++) members.push(...(await Promise.all(Array.from({ length: 20 }, () => member(f.orgs.unionA)))));
    const results = await Promise.all(members.map((m) => m.post(`/api/benefits/${id}/claims`)));
    const won = results.filter((r) => r.statusCode === 201);
    expect(won).toHaveLength(37);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'benefit_out_of_stock')).toBe(true);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(163);
    expect(new Set(won.map((r) => r.json().code)).size).toBe(37);
    const list = expectStatus(await f.clients.cadreA.get('/api/benefits'), 200);
    expect(list.items.find((b: { id: number }) => b.id === id)).toMatchObject({ claimed: 37 });
  }, 240_000);
});
