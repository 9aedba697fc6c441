import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, clockOf, createTestApp, expectStatus, type Fixture } from '../../test/harness.ts';
import { signUpMember } from '../../test/people.ts';
import { creditLovePoints } from './index.ts';

let app: FastifyInstance;
let f: Fixture;

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

const credit = (memberId: number, points: number, source: string) =>
  app.deps.db.transaction().execute((trx) => creditLovePoints(trx, { memberId, points, reason: '测试入账', source, at: clockOf(app)().toISOString() }));

describe('the love-points ledger', () => {
  it('credits once per source, and the balance is the sum of the entries', async () => {
    const { client, memberId } = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '积分甲');
    expect(expectStatus(await client.get('/api/love-points/mine'), 200)).toEqual({ balance: 0, entries: [] });
    expect((await credit(memberId, 30, 'donation:1')).credited).toBe(true);
    expect((await credit(memberId, 30, 'donation:1')).credited).toBe(false);
    // the same source credited by racing transactions lands once
    const raced = await Promise.all(Array.from({ length: 8 }, () => credit(memberId, 5, 'donation:2')));
    expect(raced.filter((r) => r.credited)).toHaveLength(1);
    const mine = expectStatus(await client.get('/api/love-points/mine'), 200);
    expect(mine.balance).toBe(35);
    expect(mine.entries.map((e: { points: number }) => e.points)).toEqual([5, 30]);
    expect(Object.keys(mine.entries[0]).sort()).toEqual(['at', 'points', 'reason']);
  });

  it('refuses a spend beyond the balance with 409, also when spends race; stock never goes below zero', async () => {
    const { client, memberId } = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '积分乙');
    await credit(memberId, 100, 'hours:race');
    const goods = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/shop-goods', { orgId: f.orgs.streetA, name: '爱心雨伞', points: 30, stock: 10 }), 201);
    // ten spends of 30 race for 100 points: exactly three go through
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.post(`/api/shop-goods/${goods.id}/redemptions`)));
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(3);
    const refused = answers.filter((r) => r.statusCode !== 201);
    expect(refused.every((r) => r.statusCode === 409 && r.json().code === 'love_points_insufficient')).toBe(true);
    const mine = expectStatus(await client.get('/api/love-points/mine'), 200);
    expect(mine.balance).toBe(10);
    expect(mine.entries.reduce((s: number, e: { points: number }) => s + e.points, 0)).toBe(10);
    const listed = expectStatus(await f.clients.cadreA.get('/api/shop-goods'), 200).items.find((g: { id: number }) => g.id === goods.id);
    expect(listed).toMatchObject({ stock: 10, redeemed: 3, stockLeft: 7 });

    // stock: twelve rich members race for five items
    const scarce = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/shop-goods', { orgId: f.orgs.unionA, name: '电影票', points: 1, stock: 5 }), 201);
    const buyers = await Promise.all(Array.from({ length: 12 }, (_, i) => signUpMember(app, f.clients.cadreA, f.orgs.unionA, `抢购${i}`)));
    for (const b of buyers) await credit(b.memberId, 10, `seed:${b.memberId}`);
    const rush = await Promise.all(buyers.map((b) => b.client.post(`/api/shop-goods/${scarce.id}/redemptions`)));
    expect(rush.filter((r) => r.statusCode === 201)).toHaveLength(5);
    expect(rush.filter((r) => r.statusCode === 409 && r.json().code === 'goods_out_of_stock')).toHaveLength(7);
    // a refused redemption spent nothing
    const balances = await Promise.all(buyers.map(async (b) => expectStatus(await b.client.get('/api/love-points/mine'), 200).balance as number));
    expect(balances.filter((x) => x === 9)).toHaveLength(5);
    expect(balances.filter((x) => x === 10)).toHaveLength(7);
  });

  it('hides the shop of another street, and a cadre of another street gets 404', async () => {
    const { client } = await signUpMember(app, f.clients.cadreB, f.orgs.unionB, '积分丙');
    const goods = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/shop-goods', { orgId: f.orgs.streetA, name: '保温杯', points: 1, stock: 1 }), 201);
    expect(expectStatus(await client.get('/api/love-points/shop'), 200).items.some((g: { id: number }) => g.id === goods.id)).toBe(false);
    expectStatus(await client.post(`/api/shop-goods/${goods.id}/redemptions`), 404);
    expectStatus(await f.clients.cadreB.post('/api/shop-goods', { orgId: f.orgs.streetA, name: '越权', points: 1, stock: 1 }), 404);
    expectStatus(await f.clients.viewer.post('/api/shop-goods', { orgId: f.orgs.streetA, name: '只读', points: 1, stock: 1 }), 403);
  });

  it('ranks a scope by the points earned in the year', async () => {
    const r = expectStatus(await f.clients.cadreA.get('/api/love-points/rankings'), 200);
    expect(r.items[0]).toMatchObject({ rank: 1, name: '积分乙', points: 100 });
    expect(expectStatus(await f.clients.cadreB.get('/api/love-points/rankings'), 200).items.some((i: { name: string }) => i.name === '积分乙')).toBe(false);
  });
});
