import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/** The rights module's texts in Chinese and English (see contests/messages.ts for the kinds). */
export const messages = {
  rights_case_wrong_status: { zh: '案件当前状态为“{status}”，不能进行此操作', en: 'The case is "{status}"; this is not possible now' },
  rights_case_not_closed: { zh: '案件办结后才能评价', en: 'A case can be rated once it is closed' },
  rights_case_rated: { zh: '该案件已评价', en: 'This case has already been rated' },
  rights_case_no_union: { zh: '无法确定受理工会：请选择所在单位或所在街道', en: 'No union to handle the case: choose the employer or the street' },
  rights_assignee_not_legal_aid: { zh: '该用户不是本案所在工会的律师或调解员', en: 'This user is not a lawyer or mediator of the case’s union' },
} as const satisfies Texts;

export const rules = {
  recovered_required: { zh: '已解决的案件须填写追回金额', en: 'A resolved case needs the amount recovered' },
  rights_employer_required: { zh: '请选择或填写用人单位', en: 'Choose or enter the employer' },
  rights_unknown_choice: { zh: '所选项不存在或已撤销', en: 'No such choice, or it is closed' },
} as const satisfies Texts;

export const labels = {
  rights_case: { zh: '维权案件', en: 'rights case' },
  rights_case_attachment: { zh: '案件附件', en: 'case attachment' },
  rights_settings: { zh: '维权时限设置', en: 'rights deadlines' },
} satisfies Texts;

export const fields = {
  category: { zh: '案件类别', en: 'Category' },
  narrative: { zh: '情况说明', en: 'Narrative' },
  channel: { zh: '来源渠道', en: 'Channel' },
  applicantName: { zh: '求助人姓名', en: 'Applicant' },
  recoveredFen: { zh: '追回金额（分）', en: 'Recovered (fen)' },
  score: { zh: '评分', en: 'Score' },
  comment: { zh: '评价', en: 'Comment' },
  note: { zh: '记录', en: 'Note' },
  acceptWorkingDays: { zh: '受理时限（工作日）', en: 'Days to accept (working days)' },
  progressDays: { zh: '办理进展时限（天）', en: 'Days to progress' },
} satisfies Texts;

/** The Excel export's list name, headers and values (platform/exports.ts). */
export const exportTexts = {
  cases: { zh: '维权案件', en: 'Rights cases' },
  caseNo: { zh: '案件编号', en: 'Case no.' },
  org: { zh: '受理工会', en: 'Union' },
  applicant: { zh: '求助人', en: 'Applicant' },
  channel: { zh: '渠道', en: 'Channel' },
  category: { zh: '类别', en: 'Category' },
  employer: { zh: '用人单位', en: 'Employer' },
  status: { zh: '状态', en: 'Status' },
  sla: { zh: '时限', en: 'Deadline' },
  due: { zh: '到期时间', en: 'Due' },
  outcome: { zh: '结果', en: 'Outcome' },
  rating: { zh: '评分', en: 'Rating' },
  createdAt: { zh: '提交时间', en: 'Submitted' },
  portal: { zh: '线上', en: 'Online' },
  walk_in: { zh: '来访', en: 'Walk-in' },
  hotline: { zh: '12351热线', en: '12351 hotline' },
  wage_arrears: { zh: '欠薪', en: 'Wage arrears' },
  labour_contract: { zh: '劳动合同', en: 'Labour contract' },
  social_insurance: { zh: '社会保险', en: 'Social insurance' },
  work_injury: { zh: '工伤', en: 'Work injury' },
  dismissal: { zh: '解除劳动关系', en: 'Dismissal' },
  overtime: { zh: '加班', en: 'Overtime' },
  other: { zh: '其他', en: 'Other' },
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  declined: { zh: '不予受理', en: 'Declined' },
  in_progress: { zh: '办理中', en: 'In progress' },
  closed: { zh: '已办结', en: 'Closed' },
  resolved: { zh: '已解决', en: 'Resolved' },
  referred: { zh: '已转介', en: 'Referred' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  overdue: { zh: '已超时', en: 'Overdue' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  on_time: { zh: '正常', en: 'On time' },
  none: { zh: '—', en: '—' },
} satisfies Texts;

/** Templates of the notices this module sends (`notify` in notifications/index.ts). */
export const notices = {
  rights_case_update: {
    title: { zh: '维权案件有新进展', en: 'Your rights case has news' },
    body: { zh: '您的案件 {caseNo} 当前状态：{status}。', en: 'Your case {caseNo} is now: {status}.' },
  },
  rights_case_overdue: {
    title: { zh: '维权案件超时未办', en: 'A rights case is overdue' },
    body: { zh: '{org} 的案件 {caseNo} 已超过办理时限（{due}），请督办。', en: 'Case {caseNo} of {org} is past its deadline ({due}); please follow it up.' },
  },
  rights_case_assigned: {
    title: { zh: '您有新的维权案件', en: 'A rights case is assigned to you' },
    body: { zh: '案件 {caseNo} 已指派给您办理。', en: 'Case {caseNo} is assigned to you.' },
  },
} as const satisfies Notices;

/** Labels of the actions this module writes to the audit log. */
export const actions = {
  'rights_settings.update': { zh: '修改维权时限', en: 'Change rights deadlines' },
  'rights_case.create': { zh: '维权案件登记', en: 'File rights case' },
  'rights_case.read': { zh: '查看维权案件详情', en: 'Read rights case' },
  'rights_case.accept': { zh: '受理维权案件', en: 'Accept rights case' },
  'rights_case.decline': { zh: '不予受理维权案件', en: 'Decline rights case' },
  'rights_case.assign': { zh: '指派律师/调解员', en: 'Assign lawyer or mediator' },
  'rights_case.step': { zh: '记录办理过程', en: 'Record case step' },
  'rights_case.close': { zh: '办结维权案件', en: 'Close rights case' },
  'rights_case.rate': { zh: '评价维权案件', en: 'Rate rights case' },
  'rights_case.escalate': { zh: '维权案件超时督办', en: 'Escalate overdue case' },
  'rights_case_attachment.upload': { zh: '上传案件附件', en: 'Upload case attachment' },
  'rights_case_attachment.read': { zh: '查看案件附件', en: 'Read case attachment' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
