import type { FastifyInstance } from 'fastify';
import { clockOf, expectStatus, loginAdmin, type Client, type Fixture } from '../../test/harness.ts';

export const fullMarks = [
  { dimension: 'organization', value: 24 },
  { dimension: 'democratic_management', value: 19 },
  { dimension: 'rights', value: 18 },
  { dimension: 'services', value: 19 },
  { dimension: 'own_building', value: 13 },
];
export const ratingBody = (orgId: number, year = 2025, kind = 'star_rating', level = 'county') => ({ orgId, kind, level, year, selfScores: fullMarks, evidence: ['会员实名制入会率 96%'] });

/**
 * Ratings in street A for the permission matrix: union A's self-assessment (to review), and its
 * Workers' Home of an earlier year named (to re-check). Naming waits out the publicity: the clock
 * goes 8 days on and back.
 */
export async function buildRatingsWorld(app: FastifyInstance, f: Fixture, cadre: Client = f.clients.cadreA) {
  const pendingId = expectStatus<{ id: number }>(await cadre.post('/api/ratings', ratingBody(f.orgs.unionA, 2025)), 201).id;
  const namedId = expectStatus<{ id: number }>(await cadre.post('/api/ratings', ratingBody(f.orgs.unionA, 2024, 'workers_home_rating', 'city')), 201).id;
  expectStatus(await cadre.post(`/api/ratings/${namedId}/review`, { scores: fullMarks }), 200);
  expectStatus(await cadre.post(`/api/ratings/${namedId}/publicity`), 200);
  const clock = clockOf(app);
  const before = clock();
  clock.advance(8 * 86400_000);
  expectStatus(await (await loginAdmin(app)).post(`/api/ratings/${namedId}/naming`), 200);
  clock.set(before);
  return { pendingId, namedId };
}
export type RatingsWorld = Awaited<ReturnType<typeof buildRatingsWorld>>;

/** A fresh rating of `orgId` (a new union of street A) brought to `step` by the admin. */
export async function ratingAt(app: FastifyInstance, f: Fixture, orgId: number, step: 'self_assessed' | 'reviewed' | 'publicity' | 'named') {
  const id = expectStatus<{ id: number }>(await f.admin.post('/api/ratings', ratingBody(orgId, 2025)), 201).id;
  if (step === 'self_assessed') return id;
  expectStatus(await f.admin.post(`/api/ratings/${id}/review`, { scores: fullMarks }), 200);
  if (step === 'reviewed') return id;
  expectStatus(await f.admin.post(`/api/ratings/${id}/publicity`), 200);
  if (step === 'publicity') return id;
  const clock = clockOf(app);
  const before = clock();
  clock.advance(8 * 86400_000);
  expectStatus(await (await loginAdmin(app)).post(`/api/ratings/${id}/naming`), 200);
  clock.set(before);
  return id;
}
