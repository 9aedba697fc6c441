import type { Caller, Deps } from '../../platform/context.ts';
import { creditLovePoints } from './ledger.ts';
import { POINTS_PER_SERVICE_HOUR } from './rules.ts';
import { createGoods } from './shop.ts';
import { createTeam } from './volunteers.ts';

/**
 * 云创青年小镇's “微积分” love points (the seed: 爱心联盟 of the town's firms, shops and societies,
 * 志愿服务 among its forms): a youth volunteer team, a points shop of two goods, and points some
 * members earned by past service, credited through the ledger like any other.
 */
export async function seedVolunteersDemo(deps: Deps, caller: Caller): Promise<void> {
  const yunchuang = (await deps.db.selectFrom('orgs').select('id').where('name', '=', '云创青年小镇工会联合会').executeTakeFirstOrThrow()).id;
  await createTeam(deps, caller, { orgId: yunchuang, name: '云创青年志愿服务队', kind: 'youth' });
  await createGoods(deps, caller, { orgId: yunchuang, name: '爱心联盟商户咖啡券', description: '小镇爱心商户提供', points: 30, stock: 50 });
  await createGoods(deps, caller, { orgId: yunchuang, name: '职工书屋借阅卡', description: null, points: 50, stock: 20 });
  const members = await deps.db
    .selectFrom('members')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
    .where('org_closure.ancestor_id', '=', yunchuang)
    .where('members.status', '=', 'member')
    .select('members.id')
    .orderBy('members.id')
    .limit(5)
    .execute();
  await deps.db.transaction().execute(async (tx) => {
    for (const [i, m] of members.entries()) {
      const hours = 2 * (5 - i);
      await creditLovePoints(tx, { memberId: m.id, points: hours * POINTS_PER_SERVICE_HOUR, reason: `志愿服务 ${hours} 小时`, source: `demo:service:${m.id}`, at: caller.actor.now, by: caller.actor.userId });
    }
  });
}
