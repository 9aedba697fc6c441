import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/** The bargaining module's texts in Chinese and English (see contests/messages.ts for the kinds). */
export const messages = {
  bargaining_wrong_step: { zh: '协商当前处于“{status}”阶段，不能进行此操作', en: 'The round is at step "{status}"; this is not possible now' },
  bargaining_no_draft: { zh: '尚无合同草案，不能提交审议（《集体合同规定》第三十六条）', en: 'There is no draft to put to the vote yet (art. 36)' },
  bargaining_chief_taken: { zh: '该方已有首席代表，每方只能确定 1 名首席代表（第十九条）', en: 'This side already has its chief representative; one chief per side (art. 19)' },
  bargaining_representative_both_sides: { zh: '同一人不得同时担任双方协商代表（第二十四条）', en: 'Nobody may represent both sides (art. 24)' },
  bargaining_representative_twice: { zh: '该代表已在本方名单中', en: 'This representative is already on this side' },
  bargaining_representative_withdrawn: { zh: '该代表已更换', en: 'This representative has already been replaced' },
  bargaining_too_few_representatives: {
    zh: '双方协商代表每方至少 {min} 人（第十九条），现职工方 {worker} 人、企业方 {employer} 人',
    en: 'Each side needs at least {min} representatives (art. 19); the workers have {worker}, the employer {employer}',
  },
  bargaining_unequal_sides: { zh: '双方协商代表人数应当对等（第十九条），现职工方 {worker} 人、企业方 {employer} 人', en: 'The sides must be equal in number (art. 19): workers {worker}, employer {employer}' },
  bargaining_chief_missing: { zh: '双方须各确定 1 名首席代表（第十九条）', en: 'Each side needs a chief representative (art. 19)' },
  bargaining_not_adopted: { zh: '草案尚未经职工代表大会或全体职工通过，不能签字（第三十六、三十七条）', en: 'The draft has not been adopted by the workers’ congress or all workers (arts. 36–37)' },
  bargaining_renewal_not_effective: { zh: '只能续订已生效的集体合同', en: 'Only an agreement in force can be renewed' },
  bargaining_renewal_too_early: { zh: '集体合同期满前 3 个月内方可提出续订，即 {opensOn} 起（第三十八条）', en: 'Renewal may be proposed in the last 3 months of the term, from {opensOn} (art. 38)' },
  bargaining_not_covered: { zh: '您不在本次协商覆盖的企业', en: 'You do not work at an enterprise this round covers' },
  bargaining_closed_for_members: { zh: '草案已审议，征求意见和代表推选已结束', en: 'The draft has been put to the vote; the survey and the election are closed' },
  bargaining_review_closed: { zh: '收到文本 15 日后未提出异议，合同已生效（第四十七条）', en: 'No objection within 15 days of receipt: the agreement is in force (art. 47)' },
} as const satisfies Texts;

export const rules = {
  bargaining_attending_above_total: { zh: '出席人数不能多于应到人数', en: 'Cannot exceed the number of representatives' },
  bargaining_approving_above_attending: { zh: '同意人数不能多于出席人数', en: 'Cannot exceed the number attending' },
  bargaining_date_before: { zh: '不能早于 {date}', en: 'Cannot be before {date}' },
  bargaining_date_future: { zh: '不能晚于今天', en: 'Cannot be in the future' },
  bargaining_enterprise_outside: { zh: '企业须在本工会覆盖范围内', en: 'The enterprise must be covered by this union' },
  bargaining_not_worker_side: { zh: '只能为职工方代表投票', en: 'Only worker-side representatives are elected' },
} as const satisfies Texts;

export const labels = {
  bargaining_round: { zh: '集体协商', en: 'bargaining round' },
  bargaining_representative: { zh: '协商代表', en: 'representative' },
} satisfies Texts;

export const fields = {
  enterpriseIds: { zh: '覆盖企业', en: 'Enterprises' },
  proposedBy: { zh: '要约方', en: 'Proposed by' },
  proposedOn: { zh: '要约日期', en: 'Proposal date' },
  renewsId: { zh: '续订的合同', en: 'Agreement renewed' },
  side: { zh: '代表方', en: 'Side' },
  chief: { zh: '首席代表', en: 'Chief' },
  representatives: { zh: '应到人数', en: 'Representatives' },
  attending: { zh: '出席人数', en: 'Attending' },
  approving: { zh: '同意人数', en: 'Approving' },
  repliedOn: { zh: '回应日期', en: 'Reply date' },
  signedOn: { zh: '签订日期', en: 'Signed on' },
  filedOn: { zh: '报送日期', en: 'Filing date' },
  decidedOn: { zh: '决定日期', en: 'Decision date' },
  heldOn: { zh: '会议日期', en: 'Meeting date' },
  minutes: { zh: '会议纪要', en: 'Minutes' },
  clauses: { zh: '合同条款', en: 'Clauses' },
  termYears: { zh: '合同期限（年）', en: 'Term (years)' },
  priorities: { zh: '关注事项', en: 'Priorities' },
  expectedRaisePercent: { zh: '期望涨幅（%）', en: 'Expected raise (%)' },
  representativeId: { zh: '候选代表', en: 'Representative' },
} satisfies Texts;

/** The Excel export's list name, column headers and values (platform/exports.ts). */
export const exportTexts = {
  rounds: { zh: '集体协商', en: 'Bargaining rounds' },
  title: { zh: '协商事项', en: 'Round' },
  org: { zh: '工会', en: 'Union' },
  kind: { zh: '类型', en: 'Kind' },
  enterprises: { zh: '覆盖企业数', en: 'Enterprises' },
  status: { zh: '状态', en: 'Status' },
  proposedOn: { zh: '要约日期', en: 'Proposed on' },
  replyDueOn: { zh: '回应期限', en: 'Reply due' },
  signedOn: { zh: '签字日期', en: 'Signed on' },
  effectiveOn: { zh: '生效日期', en: 'Effective on' },
  expiresOn: { zh: '期满日期', en: 'Expires on' },
  comprehensive: { zh: '综合性集体合同', en: 'Comprehensive' },
  wage: { zh: '工资专项', en: 'Wage' },
  women: { zh: '女职工权益保护专项', en: 'Women workers' },
  safety: { zh: '劳动安全卫生专项', en: 'Safety' },
  proposed: { zh: '已要约', en: 'Proposed' },
  declined: { zh: '对方拒绝', en: 'Declined' },
  negotiating: { zh: '协商中', en: 'Negotiating' },
  adopted: { zh: '已通过', en: 'Adopted' },
  signed: { zh: '已签字', en: 'Signed' },
  filed: { zh: '审查中', en: 'Under review' },
  effective: { zh: '已生效', en: 'In force' },
  expired: { zh: '已期满', en: 'Expired' },
} satisfies Texts;

/** Templates of the notices this module sends (`notify` in notifications/index.ts). */
export const notices = {
  bargaining_reply_overdue: {
    title: { zh: '集体协商要约逾期未回应', en: 'A bargaining proposal is unanswered' },
    body: { zh: '“{title}”的要约应在 {dueOn} 前书面回应（《集体合同规定》第三十二条），至今未回应，请督促。', en: '"{title}" should have been answered by {dueOn} (art. 32) and is not; please follow it up.' },
  },
  bargaining_renewal_open: {
    title: { zh: '集体合同可以续订', en: 'The agreement can be renewed' },
    body: { zh: '“{title}”将于 {expiresOn} 期满，自 {opensOn} 起可提出续订（第三十八条）。', en: '"{title}" expires on {expiresOn}; renewal may be proposed from {opensOn} (art. 38).' },
  },
} as const satisfies Notices;

/** Labels of the actions this module writes to the audit log. */
export const actions = {
  'bargaining.create': { zh: '发出集体协商要约', en: 'Propose bargaining' },
  'bargaining.reply': { zh: '登记要约回应', en: 'Record reply' },
  'bargaining.escalate': { zh: '要约逾期上报', en: 'Escalate overdue reply' },
  'bargaining_representative.create': { zh: '确定协商代表', en: 'Add representative' },
  'bargaining_representative.withdraw': { zh: '更换协商代表', en: 'Replace representative' },
  'bargaining_vote.create': { zh: '推选职工方代表', en: 'Vote for representative' },
  'bargaining_survey.answer': { zh: '填写协商意见征集', en: 'Answer survey' },
  'bargaining_meeting.create': { zh: '记录协商会议', en: 'Record meeting' },
  'bargaining_draft.create': { zh: '提交合同草案', en: 'Save draft' },
  'bargaining.adoption': { zh: '登记职代会审议', en: 'Record adoption vote' },
  'bargaining.sign': { zh: '首席代表签字', en: 'Sign agreement' },
  'bargaining.file': { zh: '报送审查', en: 'File agreement' },
  'bargaining.review': { zh: '登记审查意见', en: 'Record review' },
  'bargaining.renewal_open': { zh: '开启续订提醒', en: 'Open renewal' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
