import type { Caller, Deps } from '../../platform/context.ts';
import { today } from '../../platform/dates.ts';
import { createGrant, createUser } from '../accounts/index.ts';
import { createModelWorker, startRun, verify } from './model-workers.ts';
import { runAllowances } from './ledger.ts';
import { addAchievement, assess, createStudio } from './studios.ts';
import { addJudge, createSelection, mark, name, nominate, publicize } from './craftsmen.ts';

/**
 * The demo county's honours, from the seed: 浙江顺虎铝业 runs a 劳模创新工作室 led by one of its
 * model workers (the seed names the studio, not the people: the names are the demo members'); the
 * county's model workers at every level with this year's verification (one still to do, so the
 * workbench shows it) and last month's allowances paid; craftsmen selected every 3 years, as 信息港
 * does — 罗星街道's last selection named, the county's selection of this year marked and in publicity.
 * Loaded through the services, so the audit log tells how it was built.
 */
export async function seedHonoursDemo(deps: Deps, caller: Caller, password: string): Promise<void> {
  const org = async (orgName: string) => (await deps.db.selectFrom('orgs').select('id').where('name', '=', orgName).executeTakeFirstOrThrow()).id;
  const county = await org('嘉善县总工会');
  const luoxing = await org('罗星街道总工会');
  const shunhuUnion = await org('浙江顺虎铝业有限公司工会');
  const shunhu = await deps.db.selectFrom('enterprises').select('id').where('name', '=', '浙江顺虎铝业有限公司').executeTakeFirstOrThrow();
  const members = await deps.db.selectFrom('members').select(['id', 'name', 'org_id']).where('status', '=', 'member').where('birth_date', '>', '1972-01-01').orderBy('id').execute();
  const atShunhu = members.filter((m) => m.org_id === shunhuUnion);
  const elsewhere = members.filter((m) => m.org_id !== shunhuUnion);
  const year = Number(today(deps).slice(0, 4));

  // model workers: a member of 顺虎 at provincial level leads the studio; others across the county
  const leader = await createModelWorker(deps, caller, { orgId: shunhuUnion, memberId: atShunhu[0].id, kind: 'model_worker', level: 'province', title: '浙江省劳动模范', year: 2015, employer: null });
  const others = [
    await createModelWorker(deps, caller, { orgId: county, name: '沈国良', employer: '嘉善县机械厂（已退休）', kind: 'model_worker', level: 'national', title: '全国劳动模范', year: 2005 }),
    await createModelWorker(deps, caller, { orgId: luoxing, memberId: atShunhu[1].id, kind: 'model_worker', level: 'city', title: '嘉兴市劳动模范', year: 2019, employer: null }),
    await createModelWorker(deps, caller, { orgId: county, memberId: elsewhere[3].id, kind: 'advanced_worker', level: 'county', title: '嘉善县先进工作者', year: 2022, employer: null }),
  ];
  // no verification yet this year: skipped by the runs, a to-do on the workbench
  await createModelWorker(deps, caller, { orgId: county, memberId: elsewhere[8].id, kind: 'model_worker', level: 'county', title: '嘉善县劳动模范', year: 2023, employer: null });
  for (const mw of [leader, ...others]) await verify(deps, caller, mw.id, { year, alive: true, inPost: true, note: null });

  // 顺虎铝业劳模创新工作室
  const studio = await createStudio(deps, caller, {
    orgId: shunhuUnion,
    enterpriseId: shunhu.id,
    name: '顺虎铝业劳模创新工作室',
    kind: 'model_worker',
    leaderModelWorkerId: leader.id,
    foundedOn: '2018-04-28',
    members: atShunhu.slice(2, 8).map((m) => m.name),
  });
  const achievements = [
    { kind: 'patent' as const, title: '一种铝合金熔铸除气装置', year: year - 2, patentNo: 'ZL202220000001.X', savingsFen: 0 },
    { kind: 'patent' as const, title: '一种铝型材挤压模具快速换模结构', year: year - 1, patentNo: 'ZL202320000002.5', savingsFen: 0 },
    { kind: 'improvement' as const, title: '熔铸炉余热回收改造', year: year - 1, patentNo: null, savingsFen: 86_000_000 },
    { kind: 'improvement' as const, title: '挤压车间模具寿命提升', year, patentNo: null, savingsFen: 32_000_000 },
  ];
  for (const a of achievements) await addAchievement(deps, caller, studio.id, a);
  await assess(deps, caller, studio.id, { year: year - 2, level: 'county', passed: true, note: null });
  await assess(deps, caller, studio.id, { year: year - 1, level: 'city', passed: true, note: '市级劳模创新工作室' });

  // a judge of the selections
  const judgeUser = await createUser(deps, caller, { username: 'luping', password, displayName: '陆评委', orgId: county });
  await createGrant(deps, caller, { userId: judgeUser.id, role: 'judge', orgId: county });
  const judge: Caller = { ...caller, user: { ...caller.user!, id: judgeUser.id, username: 'luping', displayName: '陆评委' } };

  // 罗星街道: last selection named (its publicity over), its craftsmen valid until the next
  const last = await createSelection(deps, caller, { orgId: luoxing, title: `${year - 1}年度罗星工匠评选`, year: year - 1, quota: 2 });
  await addJudge(deps, caller, last.id, judgeUser.id);
  const inLuoxing = await deps.db
    .selectFrom('members')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
    .select(['members.id'])
    .where('org_closure.ancestor_id', '=', luoxing)
    .where('members.status', '=', 'member')
    .where('members.birth_date', '>', '1972-01-01')
    .where('members.user_id', 'is', null)
    .where('members.id', 'not in', atShunhu.slice(0, 8).map((m) => m.id))
    .orderBy('members.id')
    .limit(3)
    .execute();
  const lastCandidates = [];
  for (const m of inLuoxing) lastCandidates.push(await nominate(deps, caller, last.id, m.id));
  const lastMarks = [93, 88, 81];
  for (const [i, c] of lastCandidates.entries()) await mark(deps, judge, c.id, lastMarks[i]);
  // its publicity began a month ago and is over
  const monthAgo = { ...caller, actor: { ...caller.actor, now: new Date(deps.clock().getTime() - 30 * 86400_000).toISOString() } };
  await publicize(deps, monthAgo, last.id);
  await name(deps, caller, last.id);

  // the county's selection of this year: candidates marked, in publicity
  const current = await createSelection(deps, caller, { orgId: county, title: `${year}年度嘉善工匠评选`, year, quota: 3 });
  await addJudge(deps, caller, current.id, judgeUser.id);
  const picks = [atShunhu[2], atShunhu[3], elsewhere[12], elsewhere[20], elsewhere[30]];
  const marks = [95, 91, 91, 86, 78];
  for (const [i, m] of picks.entries()) {
    const c = await nominate(deps, caller, current.id, m.id);
    await mark(deps, judge, c.id, marks[i]);
  }
  await publicize(deps, caller, current.id);

  // 惠民街道's first selection, open: its judge has marked one candidate of three on the phone
  const huimin = await org('惠民街道总工会');
  const open = await createSelection(deps, caller, { orgId: huimin, title: `${year}年度惠民工匠评选`, year, quota: 1 });
  await addJudge(deps, caller, open.id, judgeUser.id);
  const inHuimin = await deps.db
    .selectFrom('members')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
    .select('members.id')
    .where('org_closure.ancestor_id', '=', huimin)
    .where('members.status', '=', 'member')
    .where('members.birth_date', '>', '1972-01-01')
    .orderBy('members.id')
    .limit(3)
    .execute();
  for (const [i, m] of inHuimin.entries()) {
    const c = await nominate(deps, caller, open.id, m.id);
    if (i === 0) await mark(deps, judge, c.id, 88);
  }

  // last month's allowances, paid: the model workers verified this year and the craftsmen of 罗星
  const month = today(deps).slice(0, 7);
  const previous = new Date(Date.UTC(year, Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
  if (previous.startsWith(String(year))) {
    const { run } = await startRun(deps, caller, { orgId: county, month: previous });
    await runAllowances(deps, run.id);
  }
}
