import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, clockOf, createTestApp, createUser, expectStatus, login, PASSWORD, type Fixture } from '../../test/harness.ts';
import { fullMarks, ratingBody } from './test-world.ts';

let app: FastifyInstance;
let f: Fixture;

beforeAll(async () => {
  app = await createTestApp({ sessionHours: 24 * 30 });
  f = await buildFixture(app);
});
afterAll(() => app.close());

const marks = (values: number[]) => fullMarks.map((m, i) => ({ dimension: m.dimension, value: values[i] }));

describe('star ratings on the shared assessment mechanism', () => {
  it('a union rates itself, the union above reviews, bands give the stars, publicity runs before naming', async () => {
    // a cadre of union A only: may submit, may not review its own
    await createUser(f.admin, { username: 'union.a.cadre', orgId: f.orgs.unionA }, { role: 'cadre', orgId: f.orgs.unionA });
    const own = await login(app, 'union.a.cadre', PASSWORD);
    const { id } = expectStatus(await own.post('/api/ratings', ratingBody(f.orgs.unionA, 2023)), 201);
    expectStatus(await own.post('/api/ratings', ratingBody(f.orgs.unionA, 2023)), 409);
    expect(expectStatus(await own.post(`/api/ratings/${id}/review`, { scores: fullMarks }), 422).code).toBe('rating_not_reviewer');
    const todo = expectStatus(await f.clients.cadreA.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === 'ratings_to_review');
    expect(todo.count).toBeGreaterThanOrEqual(1);

    // 24/25·25 + 18/20·20 + 16/20·20 + 16/20·20 + 12/15·15 = 24 + 18 + 16 + 16 + 12 = 86 → four stars
    const reviewed = expectStatus(await f.clients.cadreA.post(`/api/ratings/${id}/review`, { scores: marks([24, 18, 16, 16, 12]) }), 200);
    expect(reviewed).toMatchObject({ status: 'reviewed', score: 86, stars: 4, selfScore: 93 });
    // exactly 90 → five stars (the band's edge)
    expect(expectStatus(await f.clients.cadreA.post(`/api/ratings/${id}/review`, { scores: marks([25, 18, 18, 17, 12]) }), 200)).toMatchObject({ score: 90, stars: 5 });
    // 89.99 is impossible with whole marks; 89 → four
    expect(expectStatus(await f.clients.cadreA.post(`/api/ratings/${id}/review`, { scores: marks([24, 18, 18, 17, 12]) }), 200)).toMatchObject({ score: 89, stars: 4 });
    const pub = expectStatus(await f.clients.cadreA.post(`/api/ratings/${id}/publicity`), 200);
    expect(pub).toMatchObject({ status: 'publicity', publicityLastDay: '2025-06-08' });
    expect(expectStatus(await f.clients.cadreA.post(`/api/ratings/${id}/naming`), 422).code).toBe('rating_publicity_running');
    const clock = clockOf(app);
    const before = clock();
    clock.advance(7 * 86400_000); // 2025-06-09
    const named = expectStatus(await f.clients.cadreA.post(`/api/ratings/${id}/naming`), 200);
    clock.set(before);
    expect(named).toMatchObject({ status: 'named', namedOn: '2025-06-09', validUntil: '2028-06-09', recheckDueOn: '2026-06-09', inForce: true });
    expect(named.certificateNo).toMatch(/^XJ2023-/);
    const stats = expectStatus(await f.clients.countyCadre.get(`/api/orgs/${f.orgs.county}/rating-stats`), 200);
    expect(stats).toEqual({ byStars: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 }, workersHomes: { county: 0, city: 0, province: 0, national: 0 } });
    expect(expectStatus(await f.clients.countyCadre.get(`/api/orgs/${f.orgs.county}/overview`), 200).figures.ratings).toEqual(stats);

    // the re-check a year on: failed, the rating is revoked and no longer counts
    clock.set('2026-06-10T01:00:00.000Z');
    const again = await login(app, 'street.a', PASSWORD);
    expect(expectStatus(await again.get('/api/todos'), 200).items.find((i: { kind: string }) => i.kind === 'ratings_recheck_due')).toMatchObject({ count: 1, overdue: 1 });
    expect(expectStatus(await again.post(`/api/ratings/${id}/recheck`, { passed: false, reason: '会员实名制数据未更新' }), 200)).toMatchObject({ status: 'revoked', inForce: false, revokedReason: '会员实名制数据未更新' });
    expect(expectStatus(await again.get(`/api/orgs/${f.orgs.streetA}/rating-stats`), 200).byStars['4']).toBe(0);
    clock.set(before);
  });

  it('refuses marks outside a dimension’s range, and a missing dimension, naming the field', async () => {
    const res = expectStatus(await f.clients.cadreA.post('/api/ratings', { ...ratingBody(f.orgs.unionA, 2022), selfScores: [{ dimension: 'organization', value: 26 }] }), 422);
    expect(res.errors.map((e: { field: string }) => e.field)).toEqual(['selfScores.0.value', 'selfScores']);
  });

  it('counts Workers’ Homes by level, graded on the federation’s own scorecard', async () => {
    const cadre = f.clients.countyCadre;
    const current = expectStatus(await cadre.get(`/api/orgs/${f.orgs.streetB}/rating-scorecards`), 200);
    expect(current.own).toBe(false);
    expect(current.starRating.bands[0]).toEqual({ min: 90, grade: 5 });
    const bad = { ...current, workersHomeRating: { ...current.workersHomeRating, criteria: current.workersHomeRating.criteria.map((c: { weight: number }, i: number) => (i === 0 ? { ...c, weight: 30 } : c)) } };
    delete bad.orgId;
    delete bad.own;
    expect(expectStatus(await f.clients.cadreB.put(`/api/orgs/${f.orgs.streetB}/rating-scorecards`, bad), 422).code).toBe('rating_weights_sum');
    // street B names a model home from 85
    const card = { starRating: current.starRating, workersHomeRating: { ...current.workersHomeRating, bands: [{ min: 85, grade: 'model' }, { min: 75, grade: 'advanced' }] } };
    expect(expectStatus(await f.clients.cadreB.put(`/api/orgs/${f.orgs.streetB}/rating-scorecards`, card), 200).own).toBe(true);
    const { id } = expectStatus(await f.clients.cadreB.post('/api/ratings', ratingBody(f.orgs.unionB, 2025, 'workers_home_rating', 'province')), 201);
    const reviewed = expectStatus(await f.clients.cadreB.post(`/api/ratings/${id}/review`, { scores: marks([22, 17, 17, 17, 13]) }), 200);
    expect(reviewed).toMatchObject({ score: 86, homeGrade: 'model', stars: null });
    expectStatus(await f.clients.cadreB.post(`/api/ratings/${id}/publicity`), 200);
    const clock = clockOf(app);
    const before = clock();
    clock.advance(8 * 86400_000);
    expect(expectStatus(await f.clients.cadreB.post(`/api/ratings/${id}/naming`), 200)).toMatchObject({ validUntil: '2030-06-10', recheckDueOn: '2027-06-10' });
    clock.set(before);
    expect((expectStatus(await cadre.get(`/api/orgs/${f.orgs.county}/rating-stats`), 200)).workersHomes.province).toBe(1);
  });
});

describe('scope', () => {
  it('another street’s ratings are absent or 404; a viewer reads but does not write', async () => {
    const { id } = expectStatus(await f.clients.cadreA.post('/api/ratings', ratingBody(f.orgs.unionA, 2021)), 201);
    expectStatus(await f.clients.cadreB.get(`/api/ratings/${id}`), 404);
    expectStatus(await f.clients.cadreB.post(`/api/ratings/${id}/review`, { scores: fullMarks }), 404);
    expectStatus(await f.clients.cadreB.get(`/api/orgs/${f.orgs.streetA}/rating-stats`), 404);
    expect(expectStatus(await f.clients.cadreB.get('/api/ratings?pageSize=200'), 200).items.some((r: { id: number }) => r.id === id)).toBe(false);
    expect(expectStatus(await f.clients.viewer.get(`/api/ratings/${id}`), 200).actions).toEqual([]);
    expectStatus(await f.clients.viewer.post(`/api/ratings/${id}/review`, { scores: fullMarks }), 403);
  });
});
