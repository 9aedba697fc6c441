import type { FastifyInstance } from 'fastify';
import { expectStatus, type Fixture } from '../../test/harness.ts';
import { signUpMember } from '../../test/people.ts';

export const fileBody = (memberId: number, over: Record<string, unknown> = {}) => ({ memberId, householdSize: 3, monthlyIncomeFen: 300_000, causes: ['illness'], consent: true, ...over });

/**
 * Hardship records in street A for tests that need ids: a member of union A with a file on the
 * register, an aid paid to it, and street A's 送温暖 campaign with a budget.
 */
export async function buildHardshipWorld(app: FastifyInstance, f: Fixture) {
  const cadre = f.clients.cadreA;
  const member = await signUpMember(app, cadre, f.orgs.unionA, '困难职工');
  const fileId = expectStatus<{ id: number }>(await cadre.post('/api/hardship-files', fileBody(member.memberId)), 201).id;
  const campaignId = expectStatus<{ id: number }>(await cadre.post('/api/hardship-campaigns', { orgId: f.orgs.streetA, name: '魏塘街道送温暖', kind: 'warmth', year: 2025, budgetFen: 10_000_000 }), 201).id;
  const aidId = expectStatus<{ id: number }>(await cadre.post(`/api/hardship-files/${fileId}/aids`, { kind: 'medical', amountFen: 200_000, paidOn: '2025-06-01' }), 201).id;
  return { memberId: member.memberId, member: member.client, fileId, campaignId, aidId };
}
export type HardshipWorld = Awaited<ReturnType<typeof buildHardshipWorld>>;
