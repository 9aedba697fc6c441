import type { Caller, Deps } from '../../platform/context.ts';
import { claim, createBenefit, redeem } from './benefits.ts';

/**
 * Benefits from the seed's brand activities of 信息港 (“夏季送清凉”, 留守职工年夜饭, 小镇“女神节”), given
 * here by the demo county's federation so that the demo worker (李小芳) can claim them; a few members
 * with accounts have claimed, and the venue's verifier has redeemed one code.
 */
export async function seedBenefitsDemo(deps: Deps, caller: Caller): Promise<void> {
  const county = (await deps.db.selectFrom('orgs').select('id').where('name', '=', '嘉善县总工会').executeTakeFirstOrThrow()).id;
  const now = deps.clock().getTime();
  const day = 86_400_000;
  const at = (days: number) => new Date(now + days * day).toISOString();
  const summer = await createBenefit(deps, caller, {
    orgId: county,
    title: '夏季送清凉',
    kind: 'summer_cool',
    description: '高温季节为一线职工送上清凉礼包（绿豆、凉茶、毛巾、防暑药品）。凭兑换码到所在工会领取。',
    stock: 300,
    claimFrom: at(-3),
    claimUntil: at(20),
    gender: null,
    minTenureMonths: null,
  });
  await createBenefit(deps, caller, {
    orgId: county,
    title: '留守职工年夜饭',
    kind: 'new_year_dinner',
    description: '春节期间不回家过年的职工，一起吃一顿团圆年夜饭。名额有限，入会满 3 个月的会员可报名。',
    stock: 120,
    claimFrom: at(-1),
    claimUntil: at(30),
    gender: null,
    minTenureMonths: 3,
  });
  await createBenefit(deps, caller, {
    orgId: county,
    title: '“女神节”健康讲座与鲜花礼',
    kind: 'goddess_day',
    description: '三八妇女节，女职工可领取鲜花一束并参加健康讲座。',
    stock: 200,
    claimFrom: at(-2),
    claimUntil: at(14),
    gender: 'female',
    minTenureMonths: null,
  });
  // members of the county with accounts (other than the demo worker) have claimed the summer benefit; one code is redeemed
  const users = await deps.db.selectFrom('members').innerJoin('users', 'users.id', 'members.user_id').innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id').where('org_closure.ancestor_id', '=', county).select(['users.id', 'users.username', 'users.display_name']).where('members.status', '=', 'member').where('users.username', '!=', 'worker').limit(3).execute();
  const venue = await deps.db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', 'venue').executeTakeFirst();
  for (const [i, u] of users.entries()) {
    const as: Caller = { ...caller, user: { id: u.id, username: u.username, displayName: u.display_name, grants: [], sessionId: '', csrfToken: '' }, actor: { ...caller.actor, userId: u.id } };
    const { code } = await claim(deps, as, summer.id);
    if (i === 0 && venue) await redeem(deps, { ...caller, actor: { ...caller.actor, userId: venue.id } }, code);
  }
}
