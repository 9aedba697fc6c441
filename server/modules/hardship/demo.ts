import type { Caller, Deps } from '../../platform/context.ts';
import { putHardshipSettings } from './settings.ts';
import { createFile } from './files.ts';
import { createCampaign, payAid } from './aid.ts';

/**
 * The demo county's hardship register (帮扶 in the seed): the county's 低保 line (¥1,160 a head a
 * month, an example in the order of Zhejiang's standards) and 1.5× for 相对困难, eight member
 * households across the tiers, the New Year 送温暖 and the 金秋助学 campaigns with budgets, and the
 * aid paid from them. Loaded through the services, so the audit log tells how it was built.
 */
export async function seedHardshipDemo(deps: Deps, caller: Caller): Promise<void> {
  const county = (await deps.db.selectFrom('orgs').select('id').where('name', '=', '嘉善县总工会').executeTakeFirstOrThrow()).id;
  const year = Number(caller.actor.now.slice(0, 4));
  await putHardshipSettings(deps, caller, county, { lowIncomeLineFen: 116_000, relativeMultiple: 1.5, effectiveFrom: `${year - 1}-07-01` });
  const members = await deps.db.selectFrom('members').select('id').where('status', '=', 'member').orderBy('id').limit(60).execute();
  const households: [number, number, ('illness' | 'disability' | 'accident' | 'unemployment' | 'schooling')[]][] = [
    [3, 300_000, ['illness']],
    [4, 420_000, ['disability', 'schooling']],
    [2, 210_000, ['unemployment']],
    [3, 480_000, ['schooling']],
    [4, 650_000, ['illness', 'schooling']],
    [2, 900_000, ['accident']],
    [5, 800_000, ['unemployment', 'schooling']],
    [1, 150_000, ['illness']],
  ];
  const files: number[] = [];
  for (const [i, [householdSize, monthlyIncomeFen, causes]] of households.entries()) {
    files.push((await createFile(deps, caller, { memberId: members[10 + i * 5].id, householdSize, monthlyIncomeFen, causes, consent: true })).id);
  }
  const warmth = await createCampaign(deps, caller, { orgId: county, name: `${year}年春节送温暖`, kind: 'warmth', year, budgetFen: 20_000_000 });
  const schooling = await createCampaign(deps, caller, { orgId: county, name: `${year}年金秋助学`, kind: 'schooling', year, budgetFen: 5_000_000 });
  for (const id of files.slice(0, 6)) await payAid(deps, caller, id, { kind: 'warmth', amountFen: 100_000, paidOn: `${year}-01-20`, campaignId: warmth.id, purpose: '春节慰问金' });
  await payAid(deps, caller, files[1], { kind: 'schooling', amountFen: 300_000, paidOn: `${year}-09-01`, campaignId: schooling.id, purpose: '子女大学学费' });
  await payAid(deps, caller, files[3], { kind: 'schooling', amountFen: 200_000, paidOn: `${year}-09-01`, campaignId: schooling.id, purpose: '子女高中学费' });
  await payAid(deps, caller, files[0], { kind: 'medical', amountFen: 500_000, paidOn: `${year}-03-15`, campaignId: null, purpose: '住院医疗费用救助' });
}
