import type { Catalog, ModuleTexts, Texts } from '../../platform/i18n.ts';

/** The hardship module's texts in Chinese and English (see contests/messages.ts for the kinds). */
export const messages = {
  hardship_file_open: { zh: '该会员家庭已建档，请在原档案上复核', en: 'This member’s household already has a file; re-check it instead' },
  hardship_file_exited: { zh: '该档案已脱困出库，不能再发放帮扶', en: 'This file has left the register; no aid can be paid' },
  hardship_budget_exceeded: { zh: '超出“{campaign}”的预算：剩余 {left} 元', en: 'Over the budget of "{campaign}": {left} yuan left' },
  hardship_aid_duplicate: { zh: '该家庭已在“{campaign}”中获得帮扶，同一活动不能重复发放', en: 'This household already received aid in "{campaign}"; one aid per campaign' },
  hardship_campaign_not_in_chain: { zh: '该帮扶活动不覆盖此档案所在工会', en: 'This campaign does not cover the file’s union' },
} as const satisfies Texts;

export const rules = {
  hardship_consent_required: { zh: '须取得职工对困难信息采集的单独同意', en: 'The worker’s separate consent to these sensitive data is required' },
  campaign_kind_mismatch: { zh: '帮扶类别须与活动一致', en: 'The aid’s kind must be the campaign’s' },
} as const satisfies Texts;

export const labels = {
  hardship_file: { zh: '困难职工档案', en: 'hardship file' },
  hardship_campaign: { zh: '帮扶活动', en: 'aid campaign' },
  hardship_settings: { zh: '低保标准', en: 'minimum living standard' },
} satisfies Texts;

export const fields = {
  householdSize: { zh: '家庭人口', en: 'Household size' },
  monthlyIncomeFen: { zh: '家庭月收入（分）', en: 'Monthly household income (fen)' },
  causes: { zh: '致困原因', en: 'Causes' },
  lowIncomeLineFen: { zh: '低保标准（分/人·月）', en: 'Minimum living standard (fen per head per month)' },
  relativeMultiple: { zh: '相对困难倍数', en: 'Relative hardship multiple' },
  effectiveFrom: { zh: '生效日期', en: 'Effective from' },
  paidOn: { zh: '发放日期', en: 'Paid on' },
  campaignId: { zh: '帮扶活动', en: 'Campaign' },
  budgetFen: { zh: '预算（分）', en: 'Budget (fen)' },
  purpose: { zh: '用途', en: 'Purpose' },
} satisfies Texts;

/** The Excel exports' list names, headers and values (platform/exports.ts). */
export const exportTexts = {
  files: { zh: '困难职工档案', en: 'Hardship register' },
  aids: { zh: '帮扶发放台账', en: 'Aid ledger' },
  name: { zh: '姓名', en: 'Name' },
  org: { zh: '所属工会', en: 'Union' },
  payer: { zh: '发放单位', en: 'Paid by' },
  tier: { zh: '困难类别', en: 'Tier' },
  household: { zh: '家庭人口', en: 'Household' },
  status: { zh: '状态', en: 'Status' },
  nextCheck: { zh: '下次复核', en: 'Next re-check' },
  kind: { zh: '帮扶类别', en: 'Kind' },
  campaign: { zh: '帮扶活动', en: 'Campaign' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  paidOn: { zh: '发放日期', en: 'Paid on' },
  purpose: { zh: '用途', en: 'Purpose' },
  deep: { zh: '深度困难', en: 'Deep hardship' },
  relative: { zh: '相对困难', en: 'Relative hardship' },
  accident: { zh: '意外致困', en: 'Hardship by accident' },
  none: { zh: '不属困难', en: 'Not in hardship' },
  active: { zh: '在档', en: 'On the register' },
  exited: { zh: '已脱困', en: 'Left the register' },
  warmth: { zh: '送温暖', en: 'Winter warmth' },
  schooling: { zh: '金秋助学', en: 'Schooling aid' },
  medical: { zh: '医疗救助', en: 'Medical aid' },
  emergency: { zh: '临时救助', en: 'Emergency aid' },
} satisfies Texts;

/** Labels of the actions this module writes to the audit log. */
export const actions = {
  'hardship_settings.update': { zh: '设置低保标准', en: 'Set minimum living standard' },
  'hardship_file.create': { zh: '困难职工建档', en: 'Open hardship file' },
  'hardship_file.read': { zh: '查看困难职工档案', en: 'Read hardship file' },
  'hardship_file.recheck': { zh: '困难档案年度复核', en: 'Re-check hardship file' },
  'hardship_file.exit': { zh: '困难档案脱困出库', en: 'Remove from register' },
  'hardship_campaign.create': { zh: '设立帮扶活动', en: 'Create aid campaign' },
  'hardship_aid.create': { zh: '发放帮扶', en: 'Pay aid' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, actions };
