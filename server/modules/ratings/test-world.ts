import type { FastifyInstance } from 'fastify';
import { clockOf, expectStatus, type Client, type Fixture } from '../../test/harness.ts';

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
  expectStatus(await f.admin.post(`/api/ratings/${namedId}/naming`), 200);
  clock.set(before);
  return { pendingId, namedId };
}
export type RatingsWorld = Awaited<ReturnType<typeof buildRatingsWorld>>;
