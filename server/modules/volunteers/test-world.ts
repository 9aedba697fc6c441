import type { FastifyInstance } from 'fastify';
import { clockOf, expectStatus, type Client, type Fixture } from '../../test/harness.ts';
import { signUpMember } from '../../test/people.ts';
import { creditLovePoints } from './index.ts';

let seq = 0;

/** Love points for a member, as a donation would credit them (test clock's instant). */
export const givePoints = (app: FastifyInstance, memberId: number, points: number) =>
  app.deps.db.transaction().execute((trx) => creditLovePoints(trx, { memberId, points, reason: '测试入账', source: `test:${memberId}:${++seq}`, at: clockOf(app)().toISOString() }));

/** A fresh volunteer of union A (a member who registered); its id. */
export async function freshVolunteer(app: FastifyInstance, cadre: Client, orgId: number): Promise<number> {
  const { client } = await signUpMember(app, cadre, orgId, `矩阵志愿者${++seq}`);
  return expectStatus<{ id: number }>(await client.put('/api/volunteers/me', { skills: ['first_aid'], availability: ['weekend'] }), 200).id;
}

/**
 * Volunteers, the shop and wishes in street A for tests that need ids: a volunteer with points in
 * a team, goods with a redemption, a volunteer service, a pending wish and an approved one.
 */
export async function buildCommunityWorld(app: FastifyInstance, f: Fixture) {
  const cadre = f.clients.cadreA;
  const { client: member, memberId } = await signUpMember(app, cadre, f.orgs.unionA, '矩阵志愿者');
  const volunteerId = expectStatus<{ id: number }>(await member.put('/api/volunteers/me', { skills: ['teaching'], availability: ['anytime'] }), 200).id;
  await givePoints(app, memberId, 100);
  const teamId = expectStatus<{ id: number }>(await cadre.post('/api/volunteer-teams', { orgId: f.orgs.streetA, name: '矩阵志愿服务队', kind: 'union' }), 201).id;
  const goodsId = expectStatus<{ id: number }>(await cadre.post('/api/shop-goods', { orgId: f.orgs.streetA, name: '矩阵雨伞', points: 10, stock: 100 }), 201).id;
  const redemptionId = expectStatus<{ id: number }>(await member.post(`/api/shop-goods/${goodsId}/redemptions`), 201).id;
  const serviceActivityId = expectStatus<{ id: number }>(
    await cadre.post('/api/activities', { orgId: f.orgs.streetA, title: '矩阵志愿服务', kind: 'other', startsAt: '2025-07-01T01:00:00.000Z', endsAt: '2025-07-01T03:00:00.000Z', capacity: 10 }),
    201,
  ).id;
  expectStatus(await cadre.post('/api/volunteer-services', { activityId: serviceActivityId, hours: 2 }), 201);
  const pendingWishId = expectStatus<{ id: number }>(await member.post('/api/wishes', { title: '矩阵心愿', description: '一本书', valueFen: 3000 }), 201).id;
  const openWishId = expectStatus<{ id: number }>(await member.post('/api/wishes', { title: '矩阵心愿二', description: '一支笔', valueFen: 500 }), 201).id;
  expectStatus(await cadre.post(`/api/wishes/${openWishId}/moderation`, { approve: true }), 200);
  return { member, memberId, volunteerId, teamId, goodsId, redemptionId, serviceActivityId, pendingWishId, openWishId };
}
export type CommunityWorld = Awaited<ReturnType<typeof buildCommunityWorld>>;

/** A fresh pending wish of a member of union A, posted by the admin for them. */
export async function freshWish(admin: Client, memberId: number): Promise<number> {
  return expectStatus<{ id: number }>(await admin.post('/api/wishes', { title: `矩阵新心愿${++seq}`, description: '一本书', valueFen: 1000, memberId }), 201).id;
}

/** A fresh redemption by `member` (given the points first). */
export async function freshRedemption(app: FastifyInstance, member: Client, memberId: number, goodsId: number): Promise<number> {
  await givePoints(app, memberId, 10);
  return expectStatus<{ id: number }>(await member.post(`/api/shop-goods/${goodsId}/redemptions`), 201).id;
}
