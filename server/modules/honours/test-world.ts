import type { FastifyInstance } from 'fastify';
import { makeIdNumber } from '../../platform/identity.ts';
import { PASSWORD, clockOf, createUser, expectStatus, login, loginAdmin, type Fixture } from '../../test/harness.ts';

let seq = 0;

/** A member of `orgId` employed at `enterpriseId`, through sign-up's account, the application and its approval by the admin. */
export async function honoursMember(app: FastifyInstance, f: Fixture, orgId = f.orgs.unionA, enterpriseId = f.enterprises.a): Promise<number> {
  const n = ++seq;
  const username = `honours.member${n}.${process.pid}`;
  await createUser(f.admin, { username });
  const client = await login(app, username, PASSWORD);
  const body = { name: `荣誉会员${n}`, idNumber: makeIdNumber('330421', '1990-02-03', 3000 + n), phone: `1360001${String(1000 + n)}`, orgId, enterpriseId, consent: true };
  const { id } = expectStatus<{ id: number }>(await client.post('/api/join-applications', body), 201);
  return expectStatus<{ memberId: number }>(await f.admin.post(`/api/join-applications/${id}/approve`), 200).memberId;
}

export const modelWorkerBody = (orgId: number) => ({ orgId, name: '矩阵劳模', level: 'province', title: '浙江省劳动模范', year: 2020 });
export const studioBody = (orgId: number, leaderModelWorkerId: number) => ({ orgId, name: '矩阵劳模创新工作室', kind: 'model_worker', leaderModelWorkerId, foundedOn: '2020-05-01' });

/**
 * One of every honours record in street A, for tests that need ids: a verified model worker of
 * union A paid for June 2025 (its ledger entry), a studio it leads, street A's 2025 selection in
 * publicity with a candidate and an open objection, and union A's 2025 selection named, whose
 * craftsman holds a title. Naming waits out the publicity: the clock goes 8 days on and back.
 */
export async function buildHonoursWorld(app: FastifyInstance, f: Fixture) {
  const cadre = f.clients.cadreA;
  const modelWorkerId = expectStatus<{ id: number }>(await cadre.post('/api/model-workers', modelWorkerBody(f.orgs.unionA)), 201).id;
  expectStatus(await cadre.post(`/api/model-workers/${modelWorkerId}/verifications`, { year: 2025, alive: true, inPost: true }), 201);
  expectStatus(await cadre.post('/api/allowance-runs', { orgId: f.orgs.streetA, month: '2025-06' }), 202);
  await app.deps.jobs.drain();
  const entryId = expectStatus(await cadre.get(`/api/model-workers/${modelWorkerId}/ledger`), 200).items[0].id as number;
  const studioId = expectStatus<{ id: number }>(await cadre.post('/api/studios', studioBody(f.orgs.unionA, modelWorkerId)), 201).id;

  const selectionId = expectStatus<{ id: number }>(await cadre.post('/api/craftsman-selections', { orgId: f.orgs.streetA, title: '魏塘工匠评选', year: 2025, quota: 1 }), 201).id;
  const candidateId = expectStatus<{ id: number }>(await cadre.post(`/api/craftsman-selections/${selectionId}/candidates`, { memberId: await honoursMember(app, f) }), 201).id;
  expectStatus(await cadre.post(`/api/craftsman-selections/${selectionId}/publicity`), 200);
  const objectionId = expectStatus<{ id: number }>(await cadre.post(`/api/craftsman-candidates/${candidateId}/objections`, { reason: '矩阵异议' }), 201).id;

  const named = expectStatus<{ id: number }>(await cadre.post('/api/craftsman-selections', { orgId: f.orgs.unionA, title: '精工工匠评选', year: 2025, quota: 1 }), 201).id;
  const judgeId = await createUser(f.admin, { username: `honours.judge.${process.pid}`, orgId: f.orgs.county }, { role: 'judge', orgId: f.orgs.county });
  const judge = await login(app, `honours.judge.${process.pid}`, PASSWORD);
  expectStatus(await cadre.post(`/api/craftsman-selections/${named}/judges`, { userId: judgeId }), 201);
  const winner = expectStatus<{ id: number }>(await cadre.post(`/api/craftsman-selections/${named}/candidates`, { memberId: await honoursMember(app, f) }), 201).id;
  expectStatus(await judge.put(`/api/craftsman-candidates/${winner}/marks`, { value: 90 }), 200);
  expectStatus(await cadre.post(`/api/craftsman-selections/${named}/publicity`), 200);
  const clock = clockOf(app);
  const before = clock();
  clock.advance(8 * 86400_000);
  expectStatus(await (await loginAdmin(app)).post(`/api/craftsman-selections/${named}/naming`), 200);
  clock.set(before);
  const craftsmanId = expectStatus(await cadre.get(`/api/craftsmen?orgId=${f.orgs.unionA}`), 200).items[0].id as number;
  return { modelWorkerId, entryId, studioId, selectionId, candidateId, objectionId, namedSelectionId: named, judge, judgeId, winnerId: winner, craftsmanId };
}

export type HonoursWorld = Awaited<ReturnType<typeof buildHonoursWorld>>;
