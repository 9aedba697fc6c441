import type { Catalog, ModuleTexts, Texts } from '../../platform/i18n.ts';

/**
 * The skills module's texts in Chinese and English: problem codes, field rules (also the reasons of
 * an import's error report), entity labels, field names, export headers and audit actions.
 */
export const messages = {
  skill_certificate_taken: { zh: '该证书编号已登记在另一条有效的技能等级记录中', en: 'This certificate number is already on another valid skill-level record' },
  skill_record_closed: { zh: '该记录已作废或已更正，只能查看历史', en: 'This record is voided or corrected: it is history now' },
} as const satisfies Texts;

export const rules = {
  skill_certificate_no_format: { zh: '证书编号须为 4–40 位字母、数字或连字符', en: 'A certificate number has 4–40 letters, digits or hyphens' },
  skill_issued_in_future: { zh: '发证日期不能晚于今天', en: 'The issue date cannot be in the future' },
  skill_import_no_rows: { zh: '文件中没有数据行（模板自带的示例行不导入）', en: 'The file has no data rows (the template’s sample row is not imported)' },
  skill_row_member_no_required: { zh: '会员编号不能为空', en: 'Member number is required' },
  skill_row_member_unknown: { zh: '所选组织及其下级工会中没有这个会员编号', en: 'No member with this number in the chosen union or below it' },
  skill_row_name_mismatch: { zh: '姓名与会员编号对应的会员（{name}）不一致', en: 'The name differs from the member with this number ({name})' },
  skill_row_occupation_required: { zh: '职业（工种）不能为空，最多 60 字', en: 'Occupation is required, at most 60 characters' },
  skill_row_level: { zh: '等级须为 1–5 或等级名称，如“三级”“高级工”', en: 'Level must be 1–5 or a level name such as 三级 or 高级工' },
  skill_row_certificate_taken: { zh: '该证书编号已登记', en: 'This certificate number is already recorded' },
  skill_row_certificate_duplicate: { zh: '与第 {row} 行的证书编号重复', en: 'Same certificate number as row {row}' },
  skill_row_issued_on_invalid: { zh: '发证日期格式为 YYYY-MM-DD', en: 'The issue date is YYYY-MM-DD' },
  skill_row_issuer_required: { zh: '评价机构不能为空，最多 100 字', en: 'The evaluating body is required, at most 100 characters' },
  skill_row_issuer_kind: { zh: '评价类型须为“企业自主评价”或“评价机构”，可留空（按评价机构）', en: 'Evaluation kind must be 企业自主评价 or 评价机构, or empty (an agency)' },
} as const satisfies Texts;

export const labels = {
  skill_level: { zh: '技能等级记录', en: 'skill-level record' },
} satisfies Texts;

export const fields = {
  occupation: { zh: '职业（工种）', en: 'Occupation' },
  certificateNo: { zh: '证书编号', en: 'Certificate number' },
  issuedOn: { zh: '发证日期', en: 'Issued on' },
  issuer: { zh: '评价机构', en: 'Evaluating body' },
  issuerKind: { zh: '评价类型', en: 'Evaluation kind' },
  memberNo: { zh: '会员编号', en: 'Member number' },
} satisfies Texts;

/** The Excel export's list name, column headers and values (platform/exports.ts). */
export const exportTexts = {
  skillLevels: { zh: '技能等级', en: 'Skill levels' },
  memberNo: { zh: '会员编号', en: 'Member number' },
  name: { zh: '姓名', en: 'Name' },
  org: { zh: '所属工会', en: 'Union' },
  occupation: { zh: '职业（工种）', en: 'Occupation' },
  level: { zh: '等级', en: 'Level' },
  certificateNo: { zh: '证书编号', en: 'Certificate number' },
  issuedOn: { zh: '发证日期', en: 'Issued on' },
  issuer: { zh: '评价机构', en: 'Evaluating body' },
  issuerKind: { zh: '评价类型', en: 'Evaluation kind' },
  status: { zh: '状态', en: 'Status' },
  enterprise: { zh: '企业自主评价', en: 'Employer’s own evaluation' },
  agency: { zh: '评价机构', en: 'Evaluation organisation' },
  valid: { zh: '有效', en: 'Valid' },
  voided: { zh: '已作废', en: 'Voided' },
  corrected: { zh: '已更正', en: 'Corrected' },
} satisfies Texts;

/** Labels of the actions this module writes to the audit log. */
export const actions = {
  'skill_level.create': { zh: '登记技能等级', en: 'Record skill level' },
  'skill_level.import': { zh: '导入技能等级', en: 'Import skill levels' },
  'skill_level.correct': { zh: '更正技能等级', en: 'Correct skill level' },
  'skill_level.void': { zh: '作废技能等级', en: 'Void skill level' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, actions };
