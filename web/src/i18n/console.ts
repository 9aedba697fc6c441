import { consoleModules } from '../console/modules';
import { commonEn, commonZh } from './common';
import { withModuleTexts } from './modules';

/** The console's own messages; each module brings its namespaces and menu labels (console/modules.ts). */
const zh = {
  ...commonZh,
  action: {
    ok: '确定',
    cancel: '取消',
    save: '保存',
    create: '新建',
    edit: '编辑',
    search: '查询',
    reset: '重置',
    refresh: '刷新',
    close: '关闭',
  },
  error: {
    generic: '操作失败',
    loadFailed: '加载失败',
    retry: '重试',
  },
  login: {
    title: '登录',
    subtitle: '工会干部工作台',
    username: '用户名',
    usernamePlaceholder: '用户名或手机号',
    password: '密码',
    submit: '登录',
    required: '请输入{{field}}',
    slogan: '建会入会 · 维权服务 · 工人先锋号 · 技能竞赛',
    memberHint: '职工会员请使用手机访问',
    memberLink: '会员服务平台',
    failed: '登录失败',
  },
  layout: {
    switchLanguage: '切换语言',
    openMenu: '打开菜单',
    account: '账号',
    changePassword: '修改密码',
    logout: '退出登录',
    loggedOut: '已退出登录',
    memberOnlyTitle: '请使用会员服务平台',
    memberOnlyText: '您的账号是会员（或评委、会员卡核验员）账号，工作台只对工会干部开放。入会、活动、维权、会员卡核验等请在会员服务平台办理。',
    memberOnlyLink: '前往会员服务平台',
    notFound: '页面不存在',
    backHome: '返回首页',
  },
  /** A list's total line (console/shared/paged-filters.ts); past 10,000 the server stops counting. */
  paging: {
    total: '共 {{count}} 条',
    totalCapped: '超过 {{count}} 条（请用筛选缩小范围）',
  },
  /** The reason asked for when refusing something a worker sent (console/shared/reason-action.tsx). */
  reason: {
    label: '原因',
    placeholder: '请填写原因，申请人将看到此说明',
    required: '请填写原因',
  },  listExport: {
    button: '导出',
    more: '更多导出方式',
    full: '导出（含完整证件号）',
    fullTitle: '导出完整证件号和手机号',
    fullNote: '导出的文件将含完整的身份证号和手机号，本次导出会记入审计日志。请妥善保管文件，勿随意传播。',
  },
};

const en: typeof zh = {
  ...commonEn,
  action: {
    ok: 'OK',
    cancel: 'Cancel',
    save: 'Save',
    create: 'Create',
    edit: 'Edit',
    search: 'Search',
    reset: 'Reset',
    refresh: 'Refresh',
    close: 'Close',
  },
  error: { generic: 'Something went wrong', loadFailed: 'Could not load', retry: 'Retry' },
  paging: { total: '{{count}} in all', totalCapped: 'More than {{count}} (narrow them with the filters)' },
  login: {
    title: 'Log in',
    subtitle: 'Union cadre console',
    username: 'Username',
    usernamePlaceholder: 'Username or phone number',
    password: 'Password',
    submit: 'Log in',
    required: 'Enter your {{field}}',
    slogan: 'Organising · Rights and services · Workers’ Pioneer · Skills',
    memberHint: 'Members, please use your phone:',
    memberLink: 'member portal',
    failed: 'Login failed',
  },
  layout: {
    switchLanguage: 'Switch language',
    openMenu: 'Open the menu',
    account: 'Account',
    changePassword: 'Change password',
    logout: 'Log out',
    loggedOut: 'Logged out',
    memberOnlyTitle: 'Please use the member portal',
    memberOnlyText: 'Your account is a member (or judge, or card verifier) account; the console is for union cadres. Joining, activities, legal help, checking member cards and other services are in the member portal.',
    memberOnlyLink: 'Open the member portal',
    notFound: 'Page not found',
    backHome: 'Back to start',
  },
  reason: {
    label: 'Reason',
    placeholder: 'The applicant will see this explanation',
    required: 'Give a reason',
  },  listExport: {
    button: 'Export',
    more: 'More ways to export',
    full: 'Export with full ID numbers',
    fullTitle: 'Export full ID numbers and phones',
    fullNote: 'The file will hold full ID numbers and phone numbers, and this export is written to the audit log. Keep the file safe and do not pass it around.',
  },
};

export const consoleResources = {
  zh: { translation: withModuleTexts(zh, consoleModules.map((m) => m.messages.zh), { menu: ['layout', 'menu'], todos: ['workbench', 'todo'] }) },
  en: { translation: withModuleTexts(en, consoleModules.map((m) => m.messages.en), { menu: ['layout', 'menu'], todos: ['workbench', 'todo'] }) },
};
