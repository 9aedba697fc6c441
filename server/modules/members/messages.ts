import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

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
  org_cannot_hold_members: { zh: '会员只能加入基层工会、联合工会、分会或街道、乡镇总工会', en: 'Members can only belong to a union, branch, or street or town federation' },
  // What is wrong with an ID number, one message per problem (members/rules.ts checkIdentity).
  id_number_length: { zh: '身份证号须为 18 位', en: 'An ID number has 18 characters' },
  id_number_digits: { zh: '身份证号前 17 位须全为数字', en: 'The first 17 characters of an ID number must be digits' },
  id_number_last_character: { zh: '身份证号最后一位须为数字或 X', en: 'The last character of an ID number must be a digit or X' },
  id_number_check_character: { zh: '身份证号校验位不符，请核对是否输错了数字', en: 'The ID number’s check character does not match; look for a mistyped digit' },
  id_number_birth_date: { zh: '身份证号中的出生日期（第 7–14 位）不是有效日期', en: 'The birth date in the ID number (characters 7–14) is not a real date' },
  union_not_found: { zh: '找不到该工会组织', en: 'No such union' },
  enterprise_not_found: { zh: '找不到该企业', en: 'No such enterprise' },
  id_number_too_young: { zh: '年满 16 周岁方可入会', en: 'Members must be at least 16 years old' },
  consent_required: { zh: '须同意个人信息处理授权后才能提交', en: 'You must consent to the processing of personal data' },
  employer_required: { zh: '请选择所属企业或填写工作单位', en: 'Choose an enterprise or enter the employer' },
  retained_reason_required: { zh: '请选择保留会籍的原因（退休或失业）', en: 'Choose why membership is retained (retired or unemployed)' },
  // The roll's Excel import: the file as a whole, then each row's cells (worded for the error report).
  member_import_org_cannot_hold_members: { zh: '会员只能导入到基层工会、联合工会、分会或街道、乡镇总工会', en: 'Members can only be imported into a union, branch, or street or town federation' },
  member_import_no_rows: { zh: '文件中没有数据行（模板自带的示例行不导入）', en: 'The file has no data rows (the template’s sample row is not imported)' },
  member_row_name_required: { zh: '姓名不能为空', en: 'Name is required' },
  member_row_name_too_long: { zh: '姓名不能超过 {max} 个字符', en: 'Name can be at most {max} characters' },
  member_row_id_number_required: { zh: '身份证号不能为空', en: 'ID number is required' },
  member_row_id_number_as_number: { zh: '身份证号被 Excel 转成了数字，请把该列设为文本格式后重新填写', en: 'Excel turned the ID number into a number; format the column as text' },
  member_row_too_young: { zh: '未满 {age} 周岁，不能入会', en: 'Younger than {age}' },
  member_row_phone: { zh: '手机号须为 11 位中国大陆手机号', en: 'Phone must be an 11-digit mainland mobile number' },
  member_row_uscc: { zh: '统一社会信用代码格式或校验位不正确', en: 'Not a valid unified social credit code' },
  member_row_joined_on_invalid: { zh: '入会日期须为有效日期（YYYY-MM-DD）', en: 'Joining date must be a valid YYYY-MM-DD date' },
  member_row_joined_on_future: { zh: '入会日期不能晚于今天', en: 'Joining date cannot be in the future' },
  member_row_duplicate: { zh: '与第 {row} 行的身份证号重复', en: 'Same ID number as row {row}' },
  member_row_already_member: { zh: '此人已在会员名册中（可能属于其他工会），不能重复导入', en: 'This person is already on the member roll' },
  member_row_ethnicity: { zh: '民族须填写民族全称，如“汉族”“蒙古族”，不属于 56 个民族的填“其他”', en: 'Ethnicity must be a full Chinese name such as 汉族, or 其他' },
  member_row_education: { zh: '学历须为{names}之一', en: 'Education must be one of {names}' },
  member_row_political_status: { zh: '政治面貌须为{names}之一', en: 'Political status must be one of {names}' },
  member_row_migrant_worker: { zh: '是否农民工须填“是”或“否”', en: 'Migrant worker must be 是 (yes) or 否 (no)' },
  member_row_new_form_group: { zh: '新就业形态须填“否”或{names}之一', en: 'New form of employment must be 否 (no) or one of {names}' },
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
  ethnicity: { zh: '民族', en: 'Ethnicity' },
  education: { zh: '学历', en: 'Education' },
  politicalStatus: { zh: '政治面貌', en: 'Political status' },
  migrantWorker: { zh: '是否农民工', en: 'Migrant worker' },
  newFormGroup: { zh: '新就业形态', en: 'New form of employment' },
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
  birthDate: { zh: '出生日期', en: 'Date of birth' },
  ethnicity: { zh: '民族', en: 'Ethnicity' },
  education: { zh: '学历', en: 'Education' },
  politicalStatus: { zh: '政治面貌', en: 'Political status' },
  migrantWorker: { zh: '是否农民工', en: 'Migrant worker' },
  newFormGroup: { zh: '新就业形态', en: 'New form of employment' },
  reason: { zh: '原因', en: 'Reason' },
  overdue: { zh: '超期', en: 'Overdue' },
  createdAt: { zh: '申请时间', en: 'Applied at' },
  decidedAt: { zh: '处理时间', en: 'Decided at' },
  fromOrg: { zh: '转出工会', en: 'From union' },
  toOrg: { zh: '转入工会', en: 'To union' },
  startedAt: { zh: '发起时间', en: 'Started at' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
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
/** Templates of the notices this module sends (`notify` in notifications/index.ts). */
export const notices = {
  application_approved: {
    title: { zh: '入会申请已通过', en: 'Membership application approved' },
    body: { zh: '您加入{org}的申请已通过，会员编号 {memberNo}。电子会员证可在“会员证”中查看。', en: 'Your application to join {org} is approved; your member number is {memberNo}. Your e-card is under "Member card".' },
  },
  application_rejected: {
    title: { zh: '入会申请未通过', en: 'Membership application not approved' },
    body: { zh: '您加入{org}的申请未通过。原因：{reason}', en: 'Your application to join {org} was not approved. Reason: {reason}' },
  },
  join_overdue: {
    title: { zh: '入会申请超期未审批', en: 'Membership application overdue' },
    body: { zh: '{org}收到的{name}的入会申请（{submittedOn} 提交）已超过 15 个工作日未审批，请督促办理。', en: 'The application of {name} to {org} (submitted {submittedOn}) has waited more than 15 working days for a decision; please follow it up.' },
  },
  transfer_accepted: {
    title: { zh: '会员关系转接已完成', en: 'Membership transfer completed' },
    body: { zh: '{name}的会员关系已由{from}转入{to}。', en: 'The membership of {name} moved from {from} to {to}.' },
  },
} as const satisfies Notices;
/** Labels of the actions this module writes to the audit log: the log shows and filters by them. */
export const actions = {
  'member.update': { zh: '修改会员', en: 'Change member' },
  'member.restore': { zh: '恢复会籍', en: 'Restore membership' },
  'member.retain': { zh: '保留会籍', en: 'Retain membership' },
  'member.leave': { zh: '会员退会', en: 'Member leaves' },
  'member.claim': { zh: '认领会员身份', en: 'Claim membership' },
  'member.import': { zh: '导入会员', en: 'Import members' },
  'member.export_full': { zh: '导出会员（完整信息）', en: 'Export members (full)' },
  'coverage.export': { zh: '导出覆盖统计', en: 'Export coverage statistics' },
  'member.pii_view': { zh: '查看会员完整信息', en: 'View full personal data' },
  'member_card.verify': { zh: '核验电子会员卡', en: 'Verify member card' },
  'join_application.create': { zh: '提交入会申请', en: 'Apply to join' },
  'join_application.approve': { zh: '批准入会', en: 'Approve application' },
  'join_application.reject': { zh: '驳回入会申请', en: 'Reject application' },
  'transfer.start': { zh: '发起会员关系接转', en: 'Start transfer' },
  'transfer.accept': { zh: '接收会员关系', en: 'Accept transfer' },
  'transfer.reject': { zh: '拒绝接转', en: 'Decline transfer' },
  'transfer.cancel': { zh: '撤回接转', en: 'Withdraw transfer' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
