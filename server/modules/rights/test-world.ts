import type { FastifyInstance } from 'fastify';
import { PASSWORD, createUser, expectStatus, login, type Client, type Fixture } from '../../test/harness.ts';
import { signUpMember } from '../../test/people.ts';

export const caseBody = (over: Record<string, unknown> = {}) => ({ category: 'wage_arrears', employerName: '某建筑劳务公司', amountFen: 1_280_000, narrative: '三个月工资共一万二千八百元至今未发', consent: true, ...over });

/**
 * Rights cases in street A for tests that need ids: a member of union A who filed one case still
 * submitted (`submittedId`) and one accepted (`acceptedId`), and a lawyer (role legal_aid on
 * street A) assigned to the accepted one.
 */
export async function buildRightsWorld(app: FastifyInstance, f: Fixture, tag = String(process.pid)) {
  const worker = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '维权职工');
  const submittedId = expectStatus<{ id: number }>(await worker.client.post('/api/rights-cases', caseBody()), 201).id;
  const acceptedId = expectStatus<{ id: number }>(await worker.client.post('/api/rights-cases', caseBody({ category: 'work_injury' })), 201).id;
  expectStatus(await f.clients.cadreA.post(`/api/rights-cases/${acceptedId}/accept`), 200);
  const username = `lawyer.${tag}`;
  const lawyerId = await createUser(f.admin, { username, displayName: '王律师', orgId: f.orgs.streetA }, { role: 'legal_aid', orgId: f.orgs.streetA });
  const lawyer: Client = await login(app, username, PASSWORD);
  expectStatus(await f.clients.cadreA.post(`/api/rights-cases/${acceptedId}/assign`, { userId: lawyerId }), 200);
  return { worker: worker.client, memberId: worker.memberId, submittedId, acceptedId, lawyer, lawyerId };
}
export type RightsWorld = Awaited<ReturnType<typeof buildRightsWorld>>;
