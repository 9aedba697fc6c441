import type { Caller, Deps } from '../../platform/context.ts';
import { addDays } from '../../platform/assessment/index.ts';
import { addDraft, addMeeting, addRepresentative, createRound, file, recordAdoption, reply, sign } from './rounds.ts';
import { clauseTemplates, surveyTopics, type SurveyTopic } from './rules.ts';

export interface BargainingDemoFacts {
  /** 杭州湾信息港基层工会联合会 */
  orgId: number;
  enterpriseIds: number[];
  /** covered members (not the portal worker), in a stable order */
  memberIds: number[];
}

/**
 * 信息港's industry-wide wage agreement, from the seed (union-newspaper-page.zh.txt): "今年7月，一场
 * 别开生面的行业（区域）O2O（线上线下结合）工资集体协商现场会在信息港小镇上演" — the survey and the
 * representatives' work online, the meeting face to face; 王夏露 of the joint union speaks for it.
 * The round runs through every step in July of the latest year whose July is over (so the 15 days
 * of review have passed): proposal, reply, representatives elected, survey, meetings, two drafts,
 * the congress's vote, signing, filing and force. A second round (女职工权益保护专项) is open, so the
 * portal worker can vote and answer. Steps run with the platform clock set to their day, so the
 * audit log and the deadlines read as they would have.
 */
export async function seedBargainingDemo(deps: Deps, admin: Caller, facts: BargainingDemoFacts): Promise<void> {
  const now = deps.clock();
  const thisYear = now.getUTCFullYear();
  const year = now.toISOString().slice(5, 10) >= '08-20' ? thisYear : thisYear - 1;
  const on = (md: string) => `${year}-${md}`;
  const at = (date: string) => ({ deps: { ...deps, clock: () => new Date(`${date}T02:00:00.000Z`) }, caller: { ...admin, actor: { ...admin.actor, now: `${date}T02:00:00.000Z` } } });

  let w = at(on('06-16'));
  const round = await createRound(w.deps, w.caller, {
    orgId: facts.orgId,
    enterpriseIds: facts.enterpriseIds,
    kind: 'wage',
    proposedBy: 'union',
    proposedOn: on('06-16'),
    coverage: 'industry',
    title: `信息港小镇${year}年度行业（区域）工资集体协商`,
  });
  w = at(on('06-26'));
  await reply(w.deps, w.caller, round.id, { repliedOn: on('06-26'), accepted: true, reason: null });

  // representatives: the workers' side elected on their phones, the joint union's 王夏露 its chief
  const workerSide = [
    { name: '王夏露', chief: true },
    { name: '', chief: false, memberId: facts.memberIds[0] },
    { name: '', chief: false, memberId: facts.memberIds[1] },
  ];
  for (const r of workerSide) await addRepresentative(w.deps, w.caller, round.id, { side: 'worker', name: r.name || '代表', chief: r.chief, memberId: r.memberId });
  for (const [name, chief] of [['沈立群', true], ['方可', false], ['陆嘉禾', false]] as const) await addRepresentative(w.deps, w.caller, round.id, { side: 'employer', name, chief });

  // the survey and the election, online (the seed: "前期的走访调研、征求意见"): written as the members' own answers
  const answers = facts.memberIds.slice(0, 36);
  const reps = await deps.db.selectFrom('bargaining_representatives').select(['id', 'member_id']).where('round_id', '=', round.id).where('side', '=', 'worker').execute();
  for (const [i, memberId] of answers.entries()) {
    const priorities: SurveyTopic[] = [surveyTopics[i % 3 === 0 ? 1 : 0], surveyTopics[2 + (i % 4)]];
    await deps.db
      .insertInto('bargaining_survey_answers')
      .values({ round_id: round.id, member_id: memberId, priorities: JSON.stringify([...new Set(priorities)]), expected_raise_percent: 5 + (i % 6), comment_enc: null, answered_at: `${on('07-0' + (1 + (i % 8)))}T04:00:00.000Z` })
      .execute();
    for (const rep of reps.filter((r, k) => r.member_id !== null && (i + k) % 4 !== 0)) {
      await deps.db.insertInto('bargaining_votes').values({ round_id: round.id, representative_id: rep.id, member_id: memberId, voted_at: `${on('06-28')}T04:00:00.000Z` }).execute();
    }
  }

  w = at(on('07-10'));
  await addMeeting(w.deps, w.caller, round.id, { heldOn: on('07-10'), mode: 'online', place: '“e港之家”线上协商平台', minutes: '双方交换企业经营数据与职工意见征集结果（36 份），职工方提出年度工资增长与最低工资条款。' });
  const clause = (topic: SurveyTopic, n: number | null = null) => ({ topic, text: clauseTemplates.find((c) => c.topic === topic)!.text.replace('{n}', String(n)) });
  await addDraft(w.deps, w.caller, round.id, { clauses: [clause('wage_growth', 6), clause('minimum_wage', 110), clause('working_hours')], termYears: 1, note: '职工方初稿' });
  w = at(on('07-18'));
  await addMeeting(w.deps, w.caller, round.id, {
    heldOn: on('07-18'),
    mode: 'o2o',
    place: '信息港小镇',
    minutes: '行业（区域）O2O 工资集体协商现场会：线上直播、线下协商，双方就工资增长幅度达成一致（7%），补充带薪年休假条款。',
  });
  await addDraft(w.deps, w.caller, round.id, { clauses: [clause('wage_growth', 7), clause('minimum_wage', 110), clause('working_hours'), clause('leave')], termYears: 1, note: '现场会协商一致稿' });
  w = at(on('07-22'));
  await recordAdoption(w.deps, w.caller, round.id, { representatives: 60, attending: 52, approving: 49, body: 'workers_congress', heldOn: on('07-22') });
  w = at(on('07-25'));
  await sign(w.deps, w.caller, round.id, on('07-25'));
  w = at(on('07-30'));
  await file(w.deps, w.caller, round.id, on('07-30'));

  // the open round: women workers' rights, at the table now; the portal worker votes and answers there
  const today = now.toISOString().slice(0, 10);
  const proposedOn = addDays(today, -12);
  w = at(proposedOn);
  const open = await createRound(w.deps, w.caller, { orgId: facts.orgId, enterpriseIds: facts.enterpriseIds, kind: 'women', proposedBy: 'union', proposedOn, coverage: 'industry', title: `信息港小镇${thisYear}年度女职工权益保护专项集体协商` });
  w = at(addDays(today, -5));
  await reply(w.deps, w.caller, open.id, { repliedOn: addDays(today, -5), accepted: true, reason: null });
  await addRepresentative(w.deps, w.caller, open.id, { side: 'worker', name: '王夏露', chief: true });
  for (const m of facts.memberIds.slice(2, 4)) await addRepresentative(w.deps, w.caller, open.id, { side: 'worker', name: '代表', chief: false, memberId: m });
  await addRepresentative(w.deps, w.caller, open.id, { side: 'employer', name: '沈立群', chief: true });
  const candidate = await deps.db.selectFrom('bargaining_representatives').select('id').where('round_id', '=', open.id).where('member_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
  // one colleague already answered and voted; the portal worker has not yet
  const colleague = facts.memberIds[4];
  await deps.db.insertInto('bargaining_survey_answers').values({ round_id: open.id, member_id: colleague, priorities: JSON.stringify(['women_protection', 'leave']), expected_raise_percent: 6, comment_enc: null, answered_at: now.toISOString() }).execute();
  await deps.db.insertInto('bargaining_votes').values({ round_id: open.id, representative_id: candidate.id, member_id: colleague, voted_at: now.toISOString() }).execute();
}
