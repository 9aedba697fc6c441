import type { FastifyInstance } from 'fastify';
import { expectStatus, type Client, type Fixture } from '../../test/harness.ts';
import { newIdNumber, newPhone, signUpWorker } from '../../test/people.ts';

/** A signed-up worker who joined `orgId` as an employee of `enterpriseId`, approved by `cadre`. */
export async function coveredWorker(app: FastifyInstance, cadre: Client, orgId: number, enterpriseId: number, name = '孙职工') {
  const { client } = await signUpWorker(app);
  const { id } = expectStatus(await client.post('/api/join-applications', { name, idNumber: newIdNumber('1992-04-05'), phone: newPhone(), orgId, enterpriseId, consent: true }), 201);
  const { memberId } = expectStatus(await cadre.post(`/api/join-applications/${id}/approve`), 200);
  return { client, memberId: memberId as number };
}

export const roundBody = (orgId: number, enterpriseIds: number[], proposedOn = '2025-06-01') => ({ orgId, enterpriseIds, kind: 'wage', proposedBy: 'union', proposedOn });
export const draftBody = { clauses: [{ topic: 'wage_growth', text: '工资总额年增长不低于 6%。' }], termYears: 1 };

/** Three a side, one chief each. */
export async function seatSides(as: Client, id: number, prefix = '') {
  for (const side of ['worker', 'employer'] as const) {
    for (let i = 0; i < 3; i++) expectStatus(await as.post(`/api/bargaining/${id}/representatives`, { side, name: `${prefix}${side}${i}`, chief: i === 0 }), 201);
  }
}

/** A round of union A covering enterprise a, accepted, seated, drafted, adopted, signed and filed (today 2025-06-02 by the test clock). */
export async function filedRound(as: Client, f: Fixture, prefix = '', orgId = f.orgs.unionA, enterpriseId = f.enterprises.a) {
  const { id } = expectStatus<{ id: number }>(await as.post('/api/bargaining', roundBody(orgId, [enterpriseId])), 201);
  expectStatus(await as.post(`/api/bargaining/${id}/reply`, { repliedOn: '2025-06-02', accepted: true }), 200);
  await seatSides(as, id, prefix);
  expectStatus(await as.post(`/api/bargaining/${id}/drafts`, draftBody), 201);
  expect200(await as.post(`/api/bargaining/${id}/adoption`, { representatives: 30, attending: 30, approving: 30 }));
  expectStatus(await as.post(`/api/bargaining/${id}/sign`), 200);
  expectStatus(await as.post(`/api/bargaining/${id}/filing`, { filedOn: '2025-06-02' }), 200);
  return id;
}
const expect200 = (res: Parameters<typeof expectStatus>[0]) => expectStatus(res, 200);

/**
 * One of every bargaining record in street A for the permission matrix: a proposed round of union A
 * with three a side (one representative to withdraw), a draft, covering enterprise a, and the
 * worker of union A employed there to vote and answer.
 */
export async function buildBargainingWorld(app: FastifyInstance, f: Fixture) {
  const cadre = f.clients.cadreA;
  const worker = await coveredWorker(app, cadre, f.orgs.unionA, f.enterprises.a, '矩阵职工');
  const { id } = expectStatus<{ id: number }>(await cadre.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201);
  await seatSides(cadre, id, '矩阵');
  const rep = expectStatus(await cadre.get(`/api/bargaining/${id}`), 200).representatives.find((r: { side: string; chief: boolean }) => r.side === 'worker' && !r.chief).id as number;
  expectStatus(await cadre.post(`/api/bargaining/${id}/drafts`, draftBody), 201);
  return { roundId: id, representativeId: rep, worker };
}
export type BargainingWorld = Awaited<ReturnType<typeof buildBargainingWorld>>;

/** A fresh round of union A brought to `step` by `as` (the permission matrix writes on it). */
export async function roundAt(as: Client, f: Fixture, step: 'proposed' | 'negotiating' | 'adopted' | 'signed' | 'filed') {
  const { id } = expectStatus<{ id: number }>(await as.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201);
  if (step === 'proposed') return id;
  expectStatus(await as.post(`/api/bargaining/${id}/reply`, { repliedOn: '2025-06-02', accepted: true }), 200);
  await seatSides(as, id, `s${id}`);
  expectStatus(await as.post(`/api/bargaining/${id}/drafts`, draftBody), 201);
  if (step === 'negotiating') return id;
  expectStatus(await as.post(`/api/bargaining/${id}/adoption`, { representatives: 30, attending: 30, approving: 30 }), 200);
  if (step === 'adopted') return id;
  expectStatus(await as.post(`/api/bargaining/${id}/sign`), 200);
  if (step === 'signed') return id;
  expectStatus(await as.post(`/api/bargaining/${id}/filing`, { filedOn: '2025-06-02' }), 200);
  return id;
}
