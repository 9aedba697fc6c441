/**
 * Messages shown to people, in Chinese (default) and English. Every problem `code` has one entry;
 * `{name}` placeholders are filled from the error's params.
 */
export type Lang = 'zh' | 'en';

export const messages = {
  bad_request: { zh: '请求无效', en: 'The request is not valid' },
  invalid_json: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  validation_failed: { zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are not valid; see the marked fields' },
  unauthenticated: { zh: '请先登录', en: 'Please log in first' },
  invalid_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_locked: {
    zh: '密码错误次数过多，账号已锁定，请于 {minutes} 分钟后再试',
    en: 'Too many wrong passwords: the account is locked, try again in {minutes} minutes',
  },
  account_disabled: { zh: '账号已停用，请联系管理员', en: 'This account is disabled; contact your administrator' },
  rate_limited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please wait and try again' },
  csrf_failed: { zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  forbidden: { zh: '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  not_found: { zh: '找不到该{entity}，或不在您的管辖范围内', en: 'This {entity} does not exist or is outside your scope' },
  route_not_found: { zh: '接口不存在', en: 'No such endpoint' },
  conflict: { zh: '操作与现有数据冲突', en: 'This conflicts with existing data' },
  payload_too_large: { zh: '提交的内容过大', en: 'The request is too large' },
  unsupported_media_type: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  internal: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
  username_taken: { zh: '用户名已被使用', en: 'This username is already taken' },
  phone_taken: { zh: '该手机号已绑定其他账号', en: 'This phone number belongs to another account' },
  uscc_taken: { zh: '该统一社会信用代码已登记', en: 'An enterprise with this credit code already exists' },
  grant_exists: { zh: '该用户在此组织已有此角色', en: 'The user already has this role on this organisation' },
  wrong_password: { zh: '当前密码不正确', en: 'The current password is wrong' },
  org_parent_kind: {
    zh: '{kind}不能设在{parentKind}之下',
    en: 'A {kind} cannot be placed under a {parentKind}',
  },
  org_root_kind: { zh: '只有县级总工会可以作为顶级组织', en: 'Only a county federation can be a top-level organisation' },
  org_parent_closed: { zh: '上级组织已撤销，不能在其下操作', en: 'The parent organisation is closed' },
  org_move_into_self: { zh: '不能把组织移动到它自己或它的下级组织之下', en: 'An organisation cannot be moved under itself or its own subtree' },
  org_move_root: { zh: '顶级组织不能移动', en: 'A top-level organisation cannot be moved' },
  org_has_open_children: {
    zh: '该组织还有 {count} 个未撤销的下级组织，请先撤销或移走',
    en: 'This organisation still has {count} open sub-organisations; close or move them first',
  },
  org_has_enterprises: {
    zh: '该组织还覆盖 {count} 家企业，请先将企业转到其他组织',
    en: 'This organisation still covers {count} enterprises; move them to another organisation first',
  },
  org_name_taken: { zh: '同一上级下已有同名组织', en: 'An organisation with this name already exists under the same parent' },
  team_name_taken: { zh: '该企业下已有同名班组', en: 'A team with this name already exists in this enterprise' },
  org_closed: { zh: '该组织已撤销', en: 'This organisation is closed' },
  team_closed: { zh: '该班组已撤销', en: 'This team is closed' },
  enterprise_closed: { zh: '该企业已注销', en: 'This enterprise is closed' },
  grant_admin_only: { zh: '只有平台管理员可以授予管理员角色', en: 'Only a platform administrator can grant the admin role' },
  cannot_disable_self: { zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  org_id_required: { zh: '请指定账号所属组织', en: 'Choose the organisation this account belongs to' },
  already_member: { zh: '该身份证号已是会员，无需重复申请', en: 'This ID number already belongs to a member' },
  application_pending: { zh: '该身份证号已有待审批的入会申请', en: 'There is already a pending application for this ID number' },
  application_decided: { zh: '该申请已处理，不能重复操作', en: 'This application has already been decided' },
  org_cannot_hold_members: {
    zh: '会员只能加入基层工会、联合工会、分会或街道（乡镇）总工会',
    en: 'Members can only belong to a union, branch or street federation',
  },
  member_transferring: { zh: '该会员正在办理关系接转', en: 'This member is in the middle of a transfer' },
  member_left: { zh: '该会员已退会', en: 'This person has left the union' },
  member_status_unchanged: { zh: '会员已是该状态', en: 'The member already has this status' },
  transfer_pending: { zh: '该会员已有进行中的接转', en: 'This member already has a transfer in progress' },
  transfer_same_org: { zh: '转入组织与当前组织相同', en: 'The member already belongs to this organisation' },
  transfer_decided: { zh: '该接转已处理', en: 'This transfer has already been decided' },
  claim_no_match: {
    zh: '没有找到与姓名和身份证号相符的会员记录，请核对或提交入会申请',
    en: 'No member record matches this name and ID number; check them or apply to join',
  },
  claim_taken: { zh: '该会员记录已绑定其他账号', en: 'This member record is already linked to another account' },
  account_has_member: { zh: '您的账号已绑定会员身份', en: 'Your account is already linked to a membership' },
  sms_code_invalid: { zh: '验证码错误或已过期', en: 'The verification code is wrong or has expired' },
  sms_unavailable: {
    zh: '短信服务未配置：内置的日志发送器不能在生产环境使用',
    en: 'No SMS service is configured: the built-in log sender is refused in production',
  },
  sms_too_frequent: { zh: '验证码发送过于频繁，请 1 分钟后再试', en: 'Codes were sent too often; try again in a minute' },
  import_failed: {
    zh: '导入失败：共 {count} 行有误，没有导入任何数据，请修改后重新上传',
    en: 'Import failed: {count} rows have errors and nothing was imported; fix them and upload again',
  },
  import_file_invalid: { zh: '无法读取上传的文件，请使用下载的 Excel 模板（.xlsx）', en: 'The uploaded file cannot be read; use the downloaded Excel template (.xlsx)' },
  import_file_missing: { zh: '请选择要上传的 Excel 文件', en: 'Choose an Excel file to upload' },
  pii_full_forbidden: { zh: '您没有查看完整个人信息的权限', en: 'You may not see full personal data' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageCode = keyof typeof messages;

/** Labels of entities and enum values used inside messages. */
export const labels: Record<string, { zh: string; en: string }> = {
  org: { zh: '组织', en: 'organisation' },
  enterprise: { zh: '企业', en: 'enterprise' },
  team: { zh: '班组', en: 'team' },
  user: { zh: '用户', en: 'user' },
  member: { zh: '会员', en: 'member' },
  join_application: { zh: '入会申请', en: 'join application' },
  transfer: { zh: '接转', en: 'transfer' },
  import_report: { zh: '导入错误报告', en: 'import error report' },
  role_grant: { zh: '授权', en: 'role grant' },
  federation: { zh: '总工会', en: 'federation' },
  joint_union: { zh: '联合工会', en: 'joint union' },
  grassroots_union: { zh: '基层工会', en: 'grassroots union' },
  branch: { zh: '分会', en: 'branch' },
  county: { zh: '县级总工会', en: 'county federation' },
  street: { zh: '街道（乡镇）总工会', en: 'street federation' },
};

/** Chinese names of request fields, so a field error reads "手机号：格式不正确". */
export const fieldLabels: Record<string, { zh: string; en: string }> = {
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  displayName: { zh: '姓名', en: 'Display name' },
  phone: { zh: '手机号', en: 'Phone' },
  name: { zh: '名称', en: 'Name' },
  kind: { zh: '类型', en: 'Kind' },
  level: { zh: '级别', en: 'Level' },
  basis: { zh: '联合方式', en: 'Basis' },
  parentId: { zh: '上级组织', en: 'Parent organisation' },
  orgId: { zh: '所属组织', en: 'Organisation' },
  region: { zh: '所在地', en: 'Place' },
  uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  industry: { zh: '行业', en: 'Industry' },
  foundedOn: { zh: '成立日期', en: 'Founding date' },
  newEconomy: { zh: '两新组织', en: 'New-economy organisation' },
  enterpriseId: { zh: '所属企业', en: 'Enterprise' },
  userId: { zh: '用户', en: 'User' },
  role: { zh: '角色', en: 'Role' },
  disabled: { zh: '停用', en: 'Disabled' },
  page: { zh: '页码', en: 'Page' },
  pageSize: { zh: '每页条数', en: 'Page size' },
  q: { zh: '关键词', en: 'Search' },
  from: { zh: '开始时间', en: 'From' },
  to: { zh: '结束时间', en: 'To' },
  id: { zh: '编号', en: 'Id' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  consent: { zh: '个人信息授权', en: 'Consent' },
  employerName: { zh: '工作单位', en: 'Employer' },
  reason: { zh: '原因', en: 'Reason' },
  status: { zh: '状态', en: 'Status' },
  toOrgId: { zh: '转入组织', en: 'Receiving organisation' },
  code: { zh: '验证码', en: 'Code' },
  joinedOn: { zh: '入会日期', en: 'Joining date' },
  retainedReason: { zh: '保留会籍原因', en: 'Reason for retained membership' },
  file: { zh: '文件', en: 'File' },
};

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

export function translate(code: MessageCode, lang: Lang, params: Record<string, string | number> = {}): string {
  const template: string = messages[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) return '';
    return typeof value === 'string' && labels[value] ? labels[value][lang] : String(value);
  });
}

export function fieldLabel(field: string, lang: Lang): string {
  const last = field.split('.').pop() ?? field;
  return fieldLabels[last]?.[lang] ?? field;
}
