import type { Caller, Deps } from '../../platform/context.ts';
import { ageOn } from '../../platform/assessment/index.ts';
import { today } from '../../platform/dates.ts';
import { createUser } from '../accounts/index.ts';
import { createContest } from './contests.ts';
import { enter } from './entries.ts';
import { assignJudge, saveMarks } from './judging.ts';
import { YOUNG_CRAFTSMAN_MAX_AGE } from './rules.ts';

/**
 * The seed's contest: 永康's second 匠人新秀 技能大比武 with 10 events, "涵盖五金工艺、传统手工艺、电子商务等项目"
 * (/work/shared/seed/union-newspaper-page.zh.txt). The page names only those three: the other seven
 * are invented, plausible for 永康's hardware industry (数控车工, 焊工, 钳工, 电工, 模具制作, 汽车维修,
 * 直播营销), and so are the marking schemes, the entries and the judges. It is organised by
 * 永康市总工会 when the demo has it, else by the demo county's federation. 五金工艺 is being marked:
 * one judge has marked every entry, the other two not yet (their to-dos).
 */
const EVENTS = ['五金工艺', '传统手工艺', '电子商务', '数控车工', '焊工', '钳工', '电工', '模具制作', '汽车维修', '直播营销'];
const JUDGES: [username: string, name: string, chief: boolean][] = [
  ['caipan1', '赵国强', false],
  ['caipan2', '钱永红', false],
  ['caipanzhang', '孙建平', true],
];

export async function seedCompetitionsDemo(deps: Deps, admin: Caller, password: string): Promise<void> {
  const org =
    (await deps.db.selectFrom('orgs').select('id').where('name', '=', '永康市总工会').executeTakeFirst()) ??
    (await deps.db.selectFrom('orgs').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow());
  // The demo loader's admin caller carries no grants; the services look at the admin grant.
  const caller: Caller = { ...admin, user: { ...admin.user!, grants: [{ id: 0, role: 'admin', orgId: null }] } };
  const now = deps.clock();
  const day = today(deps);
  const year = Number(day.slice(0, 4));
  const { id: contestId, events } = await createContest(deps, caller, {
    orgId: org.id,
    title: `${year}年第二届“匠人新秀”技能大比武`,
    year,
    registrationOpensAt: new Date(now.getTime() - 7 * 86400_000).toISOString(),
    registrationClosesAt: new Date(now.getTime() + 14 * 86400_000).toISOString(),
    referenceDate: null,
    aggregation: 'mean',
    levelUpAwards: ['first'],
    events: EVENTS.map((name, i) => ({
      name,
      maxAge: YOUNG_CRAFTSMAN_MAX_AGE,
      occupation: name,
      level: 3,
      awards: null,
      criteria:
        i % 3 === 2
          ? [
              { name: '方案设计', weight: 40, kind: 'judgement' as const },
              { name: '实操完成度', weight: 40, kind: 'measurement' as const, maxMarks: 20 },
              { name: '现场答辩', weight: 20, kind: 'judgement' as const },
            ]
          : [
              { name: '尺寸与精度', weight: 50, kind: 'measurement' as const, maxMarks: 50 },
              { name: '工艺与美观', weight: 30, kind: 'judgement' as const },
              { name: '安全文明操作', weight: 20, kind: 'judgement' as const },
            ],
    })),
  });

  const judgeIds: number[] = [];
  for (const [username, name, chief] of JUDGES) {
    const { id } = await createUser(deps, caller, { username, password, displayName: name, orgId: org.id });
    await assignJudge(deps, caller, contestId, { eventId: events[0].id, userId: id, chief });
    judgeIds.push(id);
  }

  // Young members of the organiser's unions, a few to each of the first events.
  const members = await deps.db
    .selectFrom('members')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
    .select(['members.id', 'members.birth_date'])
    .where('org_closure.ancestor_id', '=', org.id)
    .where('members.status', '=', 'member')
    .where('members.user_id', 'is', null)
    .orderBy('members.id')
    .execute();
  const young = members.filter((m) => ageOn(m.birth_date, day) <= YOUNG_CRAFTSMAN_MAX_AGE - 1).slice(0, 24);
  const entries: number[] = [];
  for (const [i, m] of young.entries()) {
    const event = i < 8 ? events[0] : events[1 + (i % 4)];
    const { id } = await enter(deps, caller, contestId, { eventId: event.id, memberId: m.id });
    if (event === events[0]) entries.push(id);
  }
  const judge: Caller = { ...caller, user: { ...caller.user!, id: judgeIds[0], grants: [] }, actor: { ...caller.actor, userId: judgeIds[0] } };
  for (const [i, entryId] of entries.entries()) {
    await saveMarks(deps, judge, entryId, [
      { criterionIndex: 0, value: 30 + ((i * 7) % 20) },
      { criterionIndex: 1, value: 1 + (i % 3) },
      { criterionIndex: 2, value: 2 + (i % 2) },
    ]);
  }
}
