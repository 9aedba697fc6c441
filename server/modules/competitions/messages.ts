import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/**
 * The competitions module's texts in Chinese and English: problem codes (`messages`), field rules
 * (`rules`), labels used inside messages (`labels`), request field names (`fields`), notices and
 * audit actions. The declarations below make its codes known to `AppError` and `fieldError`.
 */
export const messages = {
  competition_registration_closed: { zh: '现在不在报名时间内', en: 'Registration is not open now' },
  competition_too_old: { zh: '该项目限 {maxAge} 周岁以下参赛（按 {date} 计，该职工 {age} 周岁）', en: 'This event is for competitors aged {maxAge} or under ({age} on {date})' },
  competition_not_in_scope: { zh: '该职工不是本竞赛主办工会范围内的会员', en: 'This member belongs to no union within the contest’s organiser' },
  competition_not_a_member: { zh: '只有工会会员可以报名参赛', en: 'Only union members may enter' },
  competition_already_entered: { zh: '该职工已报名此项目', en: 'This member has already entered this event' },
  competition_judge_assigned: { zh: '该评委已在本项目中', en: 'This judge is already on this event' },
  competition_judge_conflict: { zh: '回避：评委不能为本企业的选手（或本人）评分', en: 'Conflict of interest: a judge may not mark a competitor of their own enterprise, nor themself' },
  competition_not_a_judge: { zh: '您不是该项目的评委', en: 'You are not a judge of this event' },
  competition_not_chief: { zh: '只有裁判长或主办工会可以锁定评分、发布成绩', en: 'Only the chief judge or the organiser may lock marks and publish results' },
  competition_marks_locked: { zh: '该项目评分已锁定，不能再修改', en: 'Marks of this event are locked' },
  competition_marks_missing: { zh: '还有 {count} 项评分未完成', en: '{count} marks are still missing' },
  competition_no_entries: { zh: '该项目还没有参赛选手', en: 'This event has no entries' },
  competition_transition_illegal: { zh: '当前状态（{status}）不能{transition}', en: 'Cannot {transition} while {status}' },
  competition_no_award: { zh: '该选手未获奖，没有证书', en: 'This competitor won no award, so there is no certificate' },
} as const satisfies Texts;

export const rules = {
  competition_weights_sum: { zh: '各评分项权重之和须为 100（当前为 {sum}）', en: 'The weights must sum to 100 (now {sum})' },
  competition_window_order: { zh: '报名截止时间须晚于报名开始时间', en: 'Registration must close after it opens' },
  competition_mark_range: { zh: '分值须为 {min}–{max} 的整数', en: 'Marks are whole numbers from {min} to {max}' },
  competition_not_a_criterion: { zh: '没有这个评分项', en: 'No such criterion' },
  competition_event_required: { zh: '请选择本竞赛的比赛项目', en: 'Choose an event of this contest' },
  competition_member_required: { zh: '请选择参赛职工', en: 'Choose the competitor' },
} as const satisfies Texts;

export const labels = {
  skill_contest: { zh: '技能竞赛', en: 'skill contest' },
  skill_contest_event: { zh: '比赛项目', en: 'event' },
  skill_entry: { zh: '参赛报名', en: 'entry' },
  competition_transition_lock: { zh: '锁定评分', en: 'lock the marks' },
  competition_transition_publish: { zh: '发布成绩', en: 'publish the results' },
  competition_status_open: { zh: '评分中', en: 'marking' },
  competition_status_locked: { zh: '评分已锁定', en: 'marks locked' },
  competition_status_published: { zh: '成绩已发布', en: 'results published' },
} satisfies Texts;

export const fields = {
  registrationOpensAt: { zh: '报名开始时间', en: 'Registration opens' },
  registrationClosesAt: { zh: '报名截止时间', en: 'Registration closes' },
  referenceDate: { zh: '年龄计算日', en: 'Reference date' },
  events: { zh: '比赛项目', en: 'Events' },
  eventId: { zh: '比赛项目', en: 'Event' },
  marks: { zh: '评分', en: 'Marks' },
  criterionIndex: { zh: '评分项', en: 'Criterion' },
  finishedAt: { zh: '完成时间', en: 'Finish time' },
} satisfies Texts;

/** The Excel export's list name, headers and values (platform/exports.ts). */
export const exportTexts = {
  entries: { zh: '技能竞赛参赛选手', en: 'Skill contest entries' },
  event: { zh: '比赛项目', en: 'Event' },
  name: { zh: '姓名', en: 'Name' },
  memberNo: { zh: '会员编号', en: 'Member number' },
  union: { zh: '所属工会', en: 'Union' },
  enterprise: { zh: '工作单位', en: 'Employer' },
  score: { zh: '成绩', en: 'Score' },
  rank: { zh: '名次', en: 'Rank' },
  award: { zh: '奖项', en: 'Award' },
  createdAt: { zh: '报名时间', en: 'Entered at' },
  first: { zh: '一等奖', en: 'First prize' },
  second: { zh: '二等奖', en: 'Second prize' },
  third: { zh: '三等奖', en: 'Third prize' },
} satisfies Texts;

/** Templates of the notices this module sends (`notify` in notifications/index.ts). */
export const notices = {
  competition_entry_accepted: {
    title: { zh: '技能竞赛报名成功', en: 'Entry accepted' },
    body: { zh: '您已报名“{contest}”的“{event}”项目，请按时参赛。', en: 'You are entered in "{event}" of "{contest}".' },
  },
  competition_results_published: {
    title: { zh: '技能竞赛成绩已发布', en: 'Results published' },
    body: { zh: '“{contest}”“{event}”成绩已发布：{score} 分，第 {rank} 名{award}。', en: '"{event}" of "{contest}": {score} points, rank {rank}{award}.' },
  },
} as const satisfies Notices;

/** Labels of the actions this module writes to the audit log. */
export const actions = {
  'skill_contest.create': { zh: '创建技能竞赛', en: 'Create skill contest' },
  'skill_entry.create': { zh: '技能竞赛报名', en: 'Enter skill contest' },
  'skill_entry.mark': { zh: '评委评分', en: 'Mark entry' },
  'skill_entry.finish': { zh: '记录完成时间', en: 'Record finish time' },
  'skill_judge.create': { zh: '指派评委', en: 'Assign judge' },
  'skill_contest_event.lock': { zh: '锁定评分', en: 'Lock marks' },
  'skill_contest_event.publish': { zh: '发布竞赛成绩', en: 'Publish results' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
