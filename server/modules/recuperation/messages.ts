import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/** The recuperation module's texts in Chinese and English (see contests/messages.ts for the kinds). */
export const messages = {
  recuperation_dates_order: { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  recuperation_trip_too_long: { zh: '本批次含 {days} 个工作日，超过 {max} 个工作日的上限', en: 'The batch spans {days} working days, above the limit of {max}' },
  recuperation_quota_exceeded: { zh: '分配 {places} 个名额超过上级剩余名额 {free} 个', en: '{places} places exceed the {free} places the giver has left' },
  recuperation_parent_no_quota: { zh: '上级组织在本批次还没有名额，须逐级分配', en: 'The parent org holds no places of this batch yet: quotas flow down level by level' },
  recuperation_not_partner: { zh: '该组织与提供方没有有效的合作协议，或本批次未向协作单位开放', en: 'The org has no valid agreement with the provider, or the batch is not open to partners' },
  recuperation_quota_exists: { zh: '该组织在本批次已有名额', en: 'The org already holds a quota of this batch' },
  recuperation_working_years: { zh: '工作年限 {years} 年，不满 {min} 年的要求', en: '{years} working years, below the {min} required' },
  recuperation_yearly_limit: { zh: '每位会员每年最多参加 {max} 次疗休养', en: 'A member takes at most {max} recuperation trip(s) a year' },
  recuperation_priority_first: { zh: '名额紧张，须优先安排劳模、一线职工和长期服务职工（尚有 {waiting} 人待审）', en: 'Places are short: model workers, frontline and long-service workers come first ({waiting} waiting)' },
  recuperation_already_applied: { zh: '您已报名本批次', en: 'You have already applied for this batch' },
  recuperation_not_member: { zh: '报名疗休养须为在册会员', en: 'Only members may apply for recuperation' },
  recuperation_started: { zh: '本批次已出发，不能再报名', en: 'This batch has already started' },
  recuperation_decided: { zh: '该报名已处理', en: 'This application has been decided' },
  recuperation_quota_full: { zh: '本单位名额已满', en: 'The union’s quota is full' },
  recuperation_agreement_self: { zh: '合作协议须在两个不同组织之间签订', en: 'An agreement is between two different orgs' },
} as const satisfies Texts;

export const rules = {
  recuperation_valid_until: { zh: '有效期不能早于签订日期', en: 'The end of validity cannot be before the signing' },
} as const satisfies Texts;

export const labels = {
  recuperation_product: { zh: '疗休养线路', en: 'recuperation product' },
  recuperation_batch: { zh: '疗休养批次', en: 'recuperation batch' },
  recuperation_application: { zh: '疗休养报名', en: 'recuperation application' },
  cooperation_agreement: { zh: '合作协议', en: 'cooperation agreement' },
  recuperation_quota: { zh: '疗休养名额', en: 'recuperation quota' },
  recuperation_settings: { zh: '疗休养规则', en: 'recuperation settings' },
} satisfies Texts;

export const fields = {
  providerOrgId: { zh: '提供方', en: 'Provider' },
  centerName: { zh: '疗休养服务中心', en: 'Service centre' },
  destination: { zh: '目的地', en: 'Destination' },
  destinationRegion: { zh: '线路范围', en: 'Destination region' },
  days: { zh: '天数', en: 'Days' },
  priceFen: { zh: '人均费用（分）', en: 'Price per person (fen)' },
  includes: { zh: '费用包含', en: 'Included' },
  productId: { zh: '线路', en: 'Product' },
  startsOn: { zh: '开始日期', en: 'Start date' },
  endsOn: { zh: '结束日期', en: 'End date' },
  places: { zh: '名额数', en: 'Places' },
  openToPartners: { zh: '向协作单位开放', en: 'Open to partners' },
  batchId: { zh: '批次', en: 'Batch' },
  partnerOrgId: { zh: '协作单位', en: 'Partner' },
  signedOn: { zh: '签订日期', en: 'Signed on' },
  validUntil: { zh: '有效期至', en: 'Valid until' },
  workingYears: { zh: '工作年限', en: 'Working years' },
  frontline: { zh: '一线职工', en: 'Frontline worker' },
  maxWorkingDaysInProvince: { zh: '省内线路最长工作日', en: 'Longest trip in the province (working days)' },
  maxWorkingDaysPartner: { zh: '协作地区线路最长工作日', en: 'Longest trip to partner regions (working days)' },
  tripsPerYear: { zh: '每年疗休养次数', en: 'Trips a year' },
  minWorkingYears: { zh: '最低工作年限', en: 'Working years required' },
  longServiceYears: { zh: '长期服务年限', en: 'Long service from (years)' },
} satisfies Texts;

export const exportTexts = {
  applications: { zh: '疗休养报名', en: 'Recuperation applications' },
  member: { zh: '会员', en: 'Member' },
  org: { zh: '所属工会', en: 'Union' },
  product: { zh: '线路', en: 'Product' },
  dates: { zh: '日期', en: 'Dates' },
  status: { zh: '状态', en: 'Status' },
  priority: { zh: '优先类别', en: 'Priority' },
  workingYears: { zh: '工作年限', en: 'Working years' },
  appliedAt: { zh: '报名时间', en: 'Applied at' },
  pending: { zh: '待审核', en: 'Pending' },
  waitlisted: { zh: '候补', en: 'Waitlisted' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
  model_worker: { zh: '劳模', en: 'Model worker' },
  frontline: { zh: '一线职工', en: 'Frontline' },
  long_service: { zh: '长期服务', en: 'Long service' },
  none: { zh: '—', en: '—' },
} satisfies Texts;

export const notices = {
  recuperation_approved: {
    title: { zh: '疗休养报名已批准', en: 'Recuperation approved' },
    body: { zh: '您报名的“{product}”（{startsOn} 出发）已批准。', en: 'Your application for "{product}" (from {startsOn}) is approved.' },
  },
  recuperation_rejected: {
    title: { zh: '疗休养报名未通过', en: 'Recuperation not approved' },
    body: { zh: '您报名的“{product}”未通过：{reason}', en: 'Your application for "{product}" was not approved: {reason}' },
  },
} as const satisfies Notices;

export const actions = {
  'recuperation_settings.update': { zh: '修改疗休养规则', en: 'Change recuperation settings' },
  'recuperation_product.create': { zh: '发布疗休养线路', en: 'Publish recuperation product' },
  'recuperation_batch.create': { zh: '新增疗休养批次', en: 'Add recuperation batch' },
  'cooperation_agreement.create': { zh: '登记合作协议', en: 'Record cooperation agreement' },
  'recuperation_quota.create': { zh: '分配疗休养名额', en: 'Allocate recuperation quota' },
  'recuperation_application.create': { zh: '报名疗休养', en: 'Apply for recuperation' },
  'recuperation_application.approve': { zh: '批准疗休养报名', en: 'Approve recuperation application' },
  'recuperation_application.reject': { zh: '驳回疗休养报名', en: 'Reject recuperation application' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
