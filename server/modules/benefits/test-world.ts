import type { Client, Fixture } from '../../test/harness.ts';
import { expectStatus } from '../../test/harness.ts';

export const benefitBody = (orgId: number) => ({ orgId, title: '矩阵送清凉', stock: 50, claimFrom: '2025-06-01T00:00:00.000Z', claimUntil: '2025-06-30T00:00:00.000Z' });

/** A benefit of street A claimed by `member` (of union A): its id and the claim's code. */
export async function claimedBenefit(f: Fixture, member: Client): Promise<{ benefitId: number; code: string }> {
  const benefitId = expectStatus<{ id: number }>(await f.admin.post('/api/benefits', benefitBody(f.orgs.streetA)), 201).id;
  const { code } = expectStatus<{ code: string }>(await member.post(`/api/benefits/${benefitId}/claims`), 201);
  return { benefitId, code };
}
