import type { Caller, Deps } from '../../platform/context.ts';
import { createFundraiser } from './fundraisers.ts';
import { disburse, donate } from './ledger.ts';

/**
 * 云创青年小镇's fundraiser from the seed: "去年，小镇工会联合会与爱心人士共同发起“NA爱援藏”公益行动，
 * 1个月内募集近2万元爱心款，为西藏丁青县的贫困儿童筹集了400多套冬装". Donations from members of
 * 云创's unions, from partner units and the public add up to ¥19,860 and 412 套冬装; 400 套 and part
 * of the money have gone to 丁青县's children, with the receipts and the public ledger to show it.
 * Loaded through the services, so the audit log tells how it was built.
 */
export async function seedFundraisingDemo(deps: Deps, caller: Caller): Promise<void> {
  const yunchuang = (await deps.db.selectFrom('orgs').select('id').where('name', '=', '云创青年小镇工会联合会').executeTakeFirstOrThrow()).id;
  const members = await deps.db
    .selectFrom('members')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
    .select(['members.id', 'members.name'])
    .where('org_closure.ancestor_id', '=', yunchuang)
    .where('members.status', '=', 'member')
    .orderBy('members.id')
    .limit(12)
    .execute();
  const { id } = await createFundraiser(deps, caller, {
    orgId: yunchuang,
    title: '“NA爱援藏”公益行动',
    description: '小镇工会联合会与爱心人士共同发起，为西藏丁青县的贫困儿童募集爱心款和冬装。',
    goalFen: 2_000_000,
    goods: [{ name: '儿童冬装', unit: '套', goal: 400 }],
  });
  const gift = (donorName: string, amountFen: number, sets: number, more: Partial<Parameters<typeof donate>[3]> = {}) =>
    donate(deps, caller, id, { donorName, donorKind: 'public', amountFen, goods: sets ? [{ name: '儿童冬装', quantity: sets }] : [], showName: false, note: null, memberId: null, ...more });

  // partner units, named with their consent
  await gift('嘉善云创孵化器管理有限公司', 500_000, 120, { donorKind: 'partner', showName: true });
  await gift('嘉善智造软件有限公司', 300_000, 80, { donorKind: 'partner', showName: true });
  await gift('嘉善青创设计有限公司', 200_000, 60, { donorKind: 'partner', showName: true });
  // members of 云创's unions (every third agreed to be named)
  const amounts = [20_000, 50_000, 10_000, 30_000, 20_000, 10_000, 50_000, 20_000, 10_000, 30_000, 20_000, 16_000];
  for (const [i, m] of members.entries()) {
    await gift(m.name, amounts[i % amounts.length], i % 4 === 0 ? 6 : 3, { donorKind: 'member', memberId: m.id, showName: i % 3 === 0 });
  }
  // 爱心人士, not named
  const given = 1_000_000 + members.reduce((s, _m, i) => s + amounts[i % amounts.length], 0);
  const sets = 260 + members.reduce((s, _m, i) => s + (i % 4 === 0 ? 6 : 3), 0);
  await gift('徐丽娟', Math.max(0, 1_986_000 - given), Math.max(0, 412 - sets));
  // handed over: 400 套 and the first of the money to 丁青县's children
  await disburse(deps, caller, id, {
    recipientName: '西藏丁青县贫困儿童（经丁青县教育局）',
    recipientKind: 'public',
    memberId: null,
    hardshipFileId: null,
    amountFen: 1_200_000,
    goods: [{ name: '儿童冬装', quantity: 400 }],
    note: '冬装 400 套及助学款随“NA爱援藏”车队送达',
  });
}
