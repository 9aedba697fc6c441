import type { Client, Fixture } from '../../test/harness.ts';
import { expectStatus } from '../../test/harness.ts';

export const fundraiserBody = (orgId: number) => ({ orgId, title: '矩阵春风行动', goalFen: 2_000_000, goods: [{ name: '冬装', unit: '套', goal: 400 }] });

/**
 * A fundraiser of union A with a donation of ¥1,000 and 10 套冬装, and a disbursement of ¥100 and
 * 1 套, with a proof attached by `attachProof` (a multipart upload the caller makes) when given.
 */
export async function buildFundraisingWorld(f: Fixture, attachProof?: (disbursementId: number) => Promise<number>, cadre: Client = f.clients.cadreA) {
  const fundraiserId = expectStatus<{ id: number }>(await cadre.post('/api/fundraisers', fundraiserBody(f.orgs.unionA)), 201).id;
  const donationId = expectStatus<{ id: number }>(await cadre.post(`/api/fundraisers/${fundraiserId}/donations`, { donorName: '爱心人士甲', amountFen: 100_000, goods: [{ name: '冬装', quantity: 10 }] }), 201).id;
  const disbursementId = expectStatus<{ id: number }>(
    await cadre.post(`/api/fundraisers/${fundraiserId}/disbursements`, { recipientName: '受助人乙', amountFen: 10_000, goods: [{ name: '冬装', quantity: 1 }] }),
    201,
  ).id;
  const proofId = attachProof ? await attachProof(disbursementId) : 0;
  return { fundraiserId, donationId, disbursementId, proofId };
}
export type FundraisingWorld = Awaited<ReturnType<typeof buildFundraisingWorld>>;
