import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/** The honours module's texts in Chinese and English (see contests/messages.ts for the kinds). */
export const messages = {
  allowance_reversal_of_reversal: { zh: '冲正记录不能再冲正', en: 'A reversal cannot itself be reversed' },
  allowance_already_reversed: { zh: '该笔津贴已冲正', en: 'This entry has already been reversed' },
  model_worker_verified: { zh: '{year} 年度已核查', en: 'The verification of {year} is already recorded' },
  model_worker_ended: { zh: '该劳模已不再享受津贴', en: 'This model worker no longer receives an allowance' },
  craftsman_selection_too_soon: {
    zh: '本组织 {year} 年已举行工匠评选，每 {period} 年一次，下一次最早在 {next} 年',
    en: 'This federation held a craftsman selection in {year}; selections are every {period} years, the next in {next} at the earliest',
  },
  craftsman_selection_wrong_step: { zh: '评选当前处于“{status}”阶段，不能进行此操作', en: 'The selection is at step "{status}"; this is not possible now' },
  craftsman_candidate_too_old: { zh: '候选人评选当年 {age} 岁，超过 {max} 岁的年龄上限', en: 'The candidate is {age} in the selection year, above the limit of {max}' },
  craftsman_judge_conflict: { zh: '评委与候选人同属一家企业，须回避', en: 'The judge works at the candidate’s enterprise and must abstain' },
  craftsman_not_judge: { zh: '您不是本次评选的评委', en: 'You are not a judge of this selection' },
  craftsman_publicity_running: { zh: '公示期至 {lastDay} 结束，之后方可命名', en: 'Publicity runs until {lastDay}; naming comes after it' },
  craftsman_objection_open: { zh: '尚有未处理的异议', en: 'Objections are still open' },
  craftsman_objection_decided: { zh: '该异议已处理', en: 'This objection has been decided' },
  studio_leader_required: { zh: '请指定工作室领办人（劳模或工匠）', en: 'Name the studio’s leader (a model worker or a craftsman)' },
  studio_assessed: { zh: '该工作室 {year} 年度已考核', en: 'The studio’s assessment of {year} is already recorded' },
} as const satisfies Texts;

export const rules = {
  month_format: { zh: '请输入年月，如 2025-06', en: 'Enter a month like 2025-06' },
  patent_no_required: { zh: '专利须填写专利号', en: 'A patent needs its number' },
} as const satisfies Texts;

export const labels = {
  model_worker: { zh: '劳模', en: 'model worker' },
  allowance_entry: { zh: '津贴记录', en: 'allowance entry' },
  innovation_studio: { zh: '创新工作室', en: 'innovation studio' },
  craftsman_selection: { zh: '工匠评选', en: 'craftsman selection' },
  craftsman_candidate: { zh: '候选人', en: 'candidate' },
  craftsman_objection: { zh: '异议', en: 'objection' },
} satisfies Texts;

export const fields = {
  memberId: { zh: '会员', en: 'Member' },
  employer: { zh: '工作单位', en: 'Employer' },
  level: { zh: '级别', en: 'Level' },
  year: { zh: '年度', en: 'Year' },
  month: { zh: '月份', en: 'Month' },
  alive: { zh: '健在', en: 'Alive' },
  inPost: { zh: '在岗', en: 'In post' },
  quota: { zh: '命名名额', en: 'Quota' },
  patentNo: { zh: '专利号', en: 'Patent number' },
  savingsFen: { zh: '节约金额（分）', en: 'Savings (fen)' },
  leaderModelWorkerId: { zh: '领办劳模', en: 'Leading model worker' },
  leaderCraftsmanId: { zh: '领办工匠', en: 'Leading craftsman' },
  foundedOn: { zh: '成立日期', en: 'Founding date' },
  passed: { zh: '考核通过', en: 'Passed' },
} satisfies Texts;

/** The Excel exports' list names, column headers and values (platform/exports.ts). */
export const exportTexts = {
  modelWorkers: { zh: '劳模津贴', en: 'Model workers' },
  studios: { zh: '创新工作室', en: 'Innovation studios' },
  name: { zh: '姓名', en: 'Name' },
  org: { zh: '所属工会', en: 'Union' },
  employer: { zh: '工作单位', en: 'Employer' },
  kind: { zh: '类别', en: 'Kind' },
  level: { zh: '级别', en: 'Level' },
  title: { zh: '荣誉称号', en: 'Title' },
  year: { zh: '授予年度', en: 'Year' },
  monthly: { zh: '月津贴（元）', en: 'Monthly allowance (yuan)' },
  paid: { zh: '累计发放（元）', en: 'Paid in total (yuan)' },
  verified: { zh: '本年度核查', en: 'Verified this year' },
  studio: { zh: '工作室', en: 'Studio' },
  leader: { zh: '领办人', en: 'Leader' },
  enterprise: { zh: '所在企业', en: 'Enterprise' },
  members: { zh: '成员数', en: 'Members' },
  patents: { zh: '专利', en: 'Patents' },
  improvements: { zh: '技术革新', en: 'Improvements' },
  savings: { zh: '创效（元）', en: 'Savings (yuan)' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  model_worker: { zh: '劳动模范', en: 'Model worker' },
  advanced_worker: { zh: '先进工作者', en: 'Advanced worker' },
  national: { zh: '全国', en: 'National' },
  province: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
  none: { zh: '未评级', en: 'Not rated' },
} satisfies Texts;

/** Templates of the notices this module sends (`notify` in notifications/index.ts). */
export const notices = {
  allowance_paid: {
    title: { zh: '津贴已发放', en: 'Allowance paid' },
    body: { zh: '您 {month} 的{what}{amount} 元已发放。', en: 'Your {what} of {amount} yuan for {month} has been paid.' },
  },
  craftsman_named: {
    title: { zh: '您已被命名为工匠', en: 'You are named a craftsman' },
    body: { zh: '您在“{selection}”中被命名为工匠，称号有效期至 {until} 年底，并享受特殊岗位津贴。', en: 'You are named a craftsman in "{selection}", valid until the end of {until}, with a special allowance.' },
  },
} as const satisfies Notices;

/** Labels of the actions this module writes to the audit log. */
export const actions = {
  'honour_settings.update': { zh: '修改劳模工匠待遇标准', en: 'Change honour settings' },
  'model_worker.create': { zh: '登记劳模', en: 'Register model worker' },
  'model_worker.verify': { zh: '劳模年度核查', en: 'Verify model worker' },
  'allowance_run.create': { zh: '发起津贴发放', en: 'Start allowance run' },
  'allowance_run.finish': { zh: '津贴发放完成', en: 'Allowance run done' },
  'allowance_entry.reverse': { zh: '津贴冲正', en: 'Reverse allowance' },
  'studio.create': { zh: '设立创新工作室', en: 'Create studio' },
  'studio_member.create': { zh: '添加工作室成员', en: 'Add studio member' },
  'studio_achievement.create': { zh: '登记工作室成果', en: 'Record studio achievement' },
  'studio_assessment.create': { zh: '工作室年度考核', en: 'Assess studio' },
  'craftsman_selection.create': { zh: '发起工匠评选', en: 'Open craftsman selection' },
  'craftsman_candidate.create': { zh: '推荐工匠候选人', en: 'Nominate candidate' },
  'craftsman_judge.create': { zh: '指定评委', en: 'Assign judge' },
  'craftsman_mark.save': { zh: '评委打分', en: 'Mark candidate' },
  'craftsman_selection.publicize': { zh: '评选结果公示', en: 'Publicize selection' },
  'craftsman_objection.create': { zh: '提出异议', en: 'File objection' },
  'craftsman_objection.decide': { zh: '处理异议', en: 'Decide objection' },
  'craftsman_selection.name': { zh: '命名工匠', en: 'Name craftsmen' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
