import type { Caller, Deps } from '../../platform/context.ts';
import { moderate, postWish } from './service.ts';

/**
 * 云创青年小镇's 微心愿 (the seed: 微阅读、微心愿、爱心助学… in its “微积分” love-points scheme):
 * three wishes posted by the union for its members, two approved onto the wall, one waiting.
 */
export async function seedWishesDemo(deps: Deps, caller: Caller): Promise<void> {
  const members = await deps.db
    .selectFrom('members')
    .innerJoin('orgs', 'orgs.id', 'members.org_id')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
    .innerJoin('orgs as top', 'top.id', 'org_closure.ancestor_id')
    .where('top.name', '=', '云创青年小镇工会联合会')
    .where('members.status', '=', 'member')
    .select('members.id')
    .orderBy('members.id')
    .limit(3)
    .execute();
  const wishes = [
    { title: '给孩子一套课外读物', description: '孩子上小学三年级，想要一套适合的课外读物。', valueFen: 15_000 },
    { title: '一件冬季工作棉服', description: '冬天在户外送餐，希望有一件保暖的工作棉服。', valueFen: 18_000 },
    { title: '一次职业技能培训报名', description: '想学习电工技能，希望资助一次培训报名费。', valueFen: 20_000 },
  ];
  for (const [i, m] of members.entries()) {
    const { id } = await postWish(deps, caller, { ...wishes[i]!, memberId: m.id });
    if (i < 2) await moderate(deps, caller, id, { approve: true, reason: null });
  }
}
