import type { Catalog, ModuleTexts, Texts } from '../../platform/i18n.ts';

/**
 * The accounts module's texts in Chinese and English: its problem codes (`messages`), the messages of
 * its field rules (`rules`), labels of its entities and values used inside messages (`labels`)
 * and the names of its request fields (`fields`). Registered with the platform's i18n through the
 * module definition; the declarations below make its codes known to `AppError` and `fieldError`.
 */
export const messages = {
  invalid_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_locked: { zh: '密码错误次数过多，账号已锁定，请于 {minutes} 分钟后再试', en: 'Too many wrong passwords: the account is locked, try again in {minutes} minutes' },
  account_disabled: { zh: '账号已停用，请联系管理员', en: 'This account is disabled; contact your administrator' },
  username_taken: { zh: '用户名已被使用', en: 'This username is already taken' },
  phone_taken: { zh: '该手机号已绑定其他账号', en: 'This phone number belongs to another account' },
  grant_exists: { zh: '该用户在此组织已有此角色', en: 'The user already has this role on this organisation' },
  grant_admin_only: { zh: '只有平台管理员可以授予管理员角色', en: 'Only a platform administrator can grant the admin role' },
  cannot_disable_self: { zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  sms_unavailable: { zh: '短信服务未配置：内置的日志发送器不能在生产环境使用', en: 'No SMS service is configured: the built-in log sender is refused in production' },
  sms_too_frequent: { zh: '验证码发送过于频繁，请 1 分钟后再试', en: 'Codes were sent too often; try again in a minute' },
  /** Not a problem: the text message carrying a sign-up code (sent in Chinese). */
  sms_signup_code: { zh: '【工会】您的注册验证码是 {code}，{minutes} 分钟内有效。如非本人操作请忽略。', en: '[Trade union] Your sign-up code is {code}, valid for {minutes} minutes. If you did not ask for it, ignore this message.' },
} as const satisfies Texts;

export const rules = {
  wrong_password: { zh: '当前密码不正确', en: 'The current password is wrong' },
  org_id_required: { zh: '请指定账号所属组织', en: 'Choose the organisation this account belongs to' },
  sms_code_invalid: { zh: '验证码错误或已过期', en: 'The verification code is wrong or has expired' },
  grant_org_required: { zh: '请选择授权的组织', en: 'Choose the organisation to grant the role on' },
  username_format: { zh: '用户名须为 3–32 位字母、数字、下划线、点或短横线', en: 'Usernames are 3–32 letters, digits, underscores, dots or dashes' },
  sms_code_format: { zh: '请输入 6 位数字验证码', en: 'Enter the 6-digit code' },
} as const satisfies Texts;

export const labels = {
  user: { zh: '用户', en: 'user' },
  role_grant: { zh: '授权', en: 'role grant' },
} satisfies Texts;

/** The Excel exports' list names, column headers and values (platform/exports.ts). */
export const exportTexts = {
  users: { zh: '用户', en: 'Users' },
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  phone: { zh: '手机号', en: 'Phone' },
  homeOrg: { zh: '所属组织', en: 'Organisation' },
  roles: { zh: '角色', en: 'Roles' },
  disabled: { zh: '已停用', en: 'Disabled' },
  lastLoginAt: { zh: '最近登录', en: 'Last login' },
  createdAt: { zh: '创建时间', en: 'Created at' },
  yes: { zh: '是', en: 'Yes' },
  admin: { zh: '平台管理员', en: 'Platform admin' },
  cadre: { zh: '工会干部', en: 'Union cadre' },
  viewer: { zh: '只读查看', en: 'Read-only' },
  card_verifier: { zh: '会员卡核验员', en: 'Card verifier' },
  judge: { zh: '评委', en: 'Judge' },
  legal_aid: { zh: '律师/调解员', en: 'Lawyer or mediator' },
  member: { zh: '会员', en: 'Member' },
  partner_contact: { zh: '共建单位联系人', en: 'Partner contact' },
} satisfies Texts;

export const fields = {
  currentPassword: { zh: '当前密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  userId: { zh: '用户', en: 'User' },
  role: { zh: '角色', en: 'Role' },
  disabled: { zh: '停用', en: 'Disabled' },
} satisfies Texts;

/** Labels of the actions this module writes to the audit log: the log shows and filters by them. */
export const actions = {
  'auth.login': { zh: '登录', en: 'Log in' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed login' },
  'auth.locked': { zh: '账号锁定', en: 'Account locked' },
  'auth.logout': { zh: '退出登录', en: 'Log out' },
  'user.create': { zh: '新建用户', en: 'Create user' },
  'user.update': { zh: '修改用户', en: 'Change user' },
  'user.disable': { zh: '停用用户', en: 'Disable user' },
  'user.enable': { zh: '启用用户', en: 'Enable user' },
  'user.signup': { zh: '职工注册', en: 'Worker sign-up' },
  'user.password_changed': { zh: '修改密码', en: 'Change password' },
  'user.password_reset': { zh: '重置密码', en: 'Reset password' },
  'role_grant.create': { zh: '授予角色', en: 'Grant role' },
  'role_grant.revoke': { zh: '撤销角色', en: 'Revoke role' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, actions };
