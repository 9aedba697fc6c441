import type { Catalog, ModuleTexts, Texts } from '../../platform/i18n.ts';

/**
 * The members module's texts in Chinese and English: its problem codes (`messages`), the messages of
 * its field rules (`rules`), labels of its entities and values used inside messages (`labels`)
 * and the names of its request fields (`fields`). Registered with the platform's i18n through the
 * module definition; the declarations below make its codes known to `AppError` and `fieldError`.
 */
export const messages = {
  already_member: { zh: '该身份证号已是会员，无需重复申请', en: 'This ID number already belongs to a member' },
  application_pending: { zh: '该身份证号已有待审批的入会申请', en: 'There is already a pending application for this ID number' },
  application_decided: { zh: '该申请已处理，不能重复操作', en: 'This application has already been decided' },
  member_transferring: { zh: '该会员正在办理关系接转', en: 'This member is in the middle of a transfer' },
  member_left: { zh: '该会员已退会', en: 'This person has left the union' },
  member_status_unchanged: { zh: '会员已是该状态', en: 'The member already has this status' },
  transfer_pending: { zh: '该会员已有进行中的接转', en: 'This member already has a transfer in progress' },
  transfer_same_org: { zh: '转入组织与当前组织相同', en: 'The member already belongs to this organisation' },
  transfer_decided: { zh: '该接转已处理', en: 'This transfer has already been decided' },
  claim_no_match: { zh: '没有找到与姓名和身份证号相符的会员记录，请核对或提交入会申请', en: 'No member record matches this name and ID number; check them or apply to join' },
  claim_taken: { zh: '该会员记录已绑定其他账号', en: 'This member record is already linked to another account' },
  account_has_member: { zh: '您的账号已绑定会员身份', en: 'Your account is already linked to a membership' },
} as const satisfies Texts;

export const rules = {
  org_cannot_hold_members: { zh: '会员只能加入基层工会、联合工会、分会或街道（乡镇）总工会', en: 'Members can only belong to a union, branch or street federation' },
  id_number_invalid: { zh: '身份证号格式、校验位或出生日期不正确', en: 'Not a valid resident ID number (format, check digit or birth date)' },
  union_not_found: { zh: '找不到该工会组织', en: 'No such union' },
  enterprise_not_found: { zh: '找不到该企业', en: 'No such enterprise' },
  id_number_too_young: { zh: '年满 16 周岁方可入会', en: 'Members must be at least 16 years old' },
  consent_required: { zh: '须同意个人信息处理授权后才能提交', en: 'You must consent to the processing of personal data' },
  employer_required: { zh: '请选择所属企业或填写工作单位', en: 'Choose an enterprise or enter the employer' },
  retained_reason_required: { zh: '请选择保留会籍的原因（退休或失业）', en: 'Choose why membership is retained (retired or unemployed)' },
  // The roll's Excel import: the file as a whole, then each row's cells (worded for the error report).
  member_import_org_cannot_hold_members: { zh: '会员只能导入到基层工会、联合工会、分会或街道（乡镇）总工会', en: 'Members can only be imported into a union, branch or street federation' },
  member_import_no_rows: { zh: '文件中没有数据行', en: 'The file has no data rows' },
  member_row_name_required: { zh: '姓名不能为空', en: 'Name is required' },
  member_row_name_too_long: { zh: '姓名不能超过 {max} 个字符', en: 'Name can be at most {max} characters' },
  member_row_id_number_required: { zh: '身份证号不能为空', en: 'ID number is required' },
  member_row_id_number_as_number: { zh: '身份证号被 Excel 转成了数字，请把该列设为文本格式后重新填写', en: 'Excel turned the ID number into a number; format the column as text' },
  member_row_id_number_invalid: { zh: '身份证号格式、校验位或出生日期不正确', en: 'Not a valid resident ID number' },
  member_row_too_young: { zh: '未满 {age} 周岁，不能入会', en: 'Younger than {age}' },
  member_row_phone: { zh: '手机号须为 11 位中国大陆手机号', en: 'Phone must be an 11-digit mainland mobile number' },
  member_row_uscc: { zh: '统一社会信用代码格式或校验位不正确', en: 'Not a valid unified social credit code' },
  member_row_joined_on_invalid: { zh: '入会日期须为有效日期（YYYY-MM-DD）', en: 'Joining date must be a valid YYYY-MM-DD date' },
  member_row_joined_on_future: { zh: '入会日期不能晚于今天', en: 'Joining date cannot be in the future' },
  member_row_duplicate: { zh: '与第 {row} 行的身份证号重复', en: 'Same ID number as row {row}' },
  member_row_already_member: { zh: '此人已在会员名册中（可能属于其他工会），不能重复导入', en: 'This person is already on the member roll' },
  member_row_enterprise_unknown: { zh: '找不到该信用代码对应的企业，或企业不在您的管辖范围内', en: 'No enterprise with this credit code in your scope' },
} as const satisfies Texts;

export const labels = {
  member: { zh: '会员', en: 'member' },
  join_application: { zh: '入会申请', en: 'join application' },
  transfer: { zh: '接转', en: 'transfer' },
} satisfies Texts;

export const fields = {
  idNumber: { zh: '身份证号', en: 'ID number' },
  consent: { zh: '个人信息授权', en: 'Consent' },
  employerName: { zh: '工作单位', en: 'Employer' },
  toOrgId: { zh: '转入组织', en: 'Receiving organisation' },
  joinedOn: { zh: '入会日期', en: 'Joining date' },
  retainedReason: { zh: '保留会籍原因', en: 'Reason for retained membership' },
} satisfies Texts;

/** The Excel exports' list names, column headers and values (platform/exports.ts). */
export const exportTexts = {
  members: { zh: '会员名册', en: 'Member roll' },
  joinApplications: { zh: '入会申请', en: 'Join applications' },
  transfers: { zh: '会员关系接转', en: 'Transfers' },
  memberNo: { zh: '会员编号', en: 'Member number' },
  name: { zh: '姓名', en: 'Name' },
  gender: { zh: '性别', en: 'Gender' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机号', en: 'Phone' },
  org: { zh: '所属工会', en: 'Union' },
  employer: { zh: '工作单位', en: 'Employer' },
  status: { zh: '状态', en: 'Status' },
  joinedOn: { zh: '入会日期', en: 'Joining date' },
  reason: { zh: '原因', en: 'Reason' },
  overdue: { zh: '超期', en: 'Overdue' },
  createdAt: { zh: '申请时间', en: 'Applied at' },
  decidedAt: { zh: '处理时间', en: 'Decided at' },
  fromOrg: { zh: '转出工会', en: 'From union' },
  toOrg: { zh: '转入工会', en: 'To union' },
  startedAt: { zh: '发起时间', en: 'Started at' },
  yes: { zh: '是', en: 'Yes' },
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
  member: { zh: '会员', en: 'Member' },
  transferring: { zh: '接转中', en: 'Transferring' },
  retained: { zh: '保留会籍', en: 'Retained' },
  left: { zh: '已退会', en: 'Left' },
  pending: { zh: '待处理', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  accepted: { zh: '已接收', en: 'Accepted' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
} satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields };
