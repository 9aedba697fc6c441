import { portalModules } from '../mobile/modules';
import { commonEn, commonZh } from './common';
import { withModuleTexts } from './modules';

/** The portal's own messages; each module brings its namespaces and tile labels (mobile/modules.ts). */
const zh = {
  ...commonZh,
  portal: '指尖上的工会',
  portalSub: '职工会员服务平台',
  tab: { home: '首页', me: '我的' },
  login: {
    title: '会员登录',
    username: '用户名',
    usernamePlaceholder: '手机号或用户名',
    password: '密码',
    passwordPlaceholder: '请输入密码',
    submit: '登录',
    required: '请输入{{field}}',
    cadreHint: '工会干部请使用电脑登录',
    cadreLink: '工作台',
  },
  home: {
    greeting: '{{name}}，您好',
    noUnion: '尚未加入工会',
    services: '会员服务',
    guestSub: '入会、维权、帮扶、活动报名，职工会员服务都在这里',
    join: '我要入会',
    login: '登录',
    more: '更多',
  },
  me: {
    title: '我的',
    phone: '手机号',
    union: '所在工会',
    noPhone: '未绑定',
    noUnion: '尚未加入工会',
    account: '账号',
    changePassword: '修改密码',
    language: '语言 / Language',
    logout: '退出登录',
    loggedOut: '已退出登录',
  },
  password: { ...commonZh.password, submit: '确认修改' },
  back: '返回',
  loadFailed: '加载失败',
  retry: '重试',
  offline: {
    cached: '离线，显示的是上次同步的内容（{{time}}）',
    // Online, but the server did not answer within 3 seconds (or the network came back since).
    slow: '网络不畅，显示的是上次同步的内容（{{time}}）',
    noNetwork: '网络已断开',
    update: '新版本可用，点击刷新',
  },
};

const en: typeof zh = {
  ...commonEn,
  portal: 'Union at your fingertips',
  portalSub: 'Member services',
  tab: { home: 'Home', me: 'Me' },
  login: {
    title: 'Member login',
    username: 'Username',
    usernamePlaceholder: 'Phone number or username',
    password: 'Password',
    passwordPlaceholder: 'Enter your password',
    submit: 'Log in',
    required: 'Enter your {{field}}',
    cadreHint: 'Union cadres, please use a computer:',
    cadreLink: 'console',
  },
  home: {
    greeting: 'Hello, {{name}}',
    noUnion: 'Not a union member yet',
    services: 'Member services',
    guestSub: 'Join the union, get help, sign up for activities: member services in one place',
    join: 'Join the union',
    login: 'Log in',
    more: 'More',
  },
  me: {
    title: 'Me',
    phone: 'Phone',
    union: 'Union',
    noPhone: 'Not linked',
    noUnion: 'Not a union member yet',
    account: 'Account',
    changePassword: 'Change password',
    language: '语言 / Language',
    logout: 'Log out',
    loggedOut: 'Logged out',
  },
  password: { ...commonEn.password, submit: 'Change' },
  back: 'Back',
  loadFailed: 'Could not load',
  retry: 'Retry',
  offline: {
    cached: 'Offline: showing what was last synced ({{time}})',
    slow: 'Poor connection: showing what was last synced ({{time}})',
    noNetwork: 'No network connection',
    update: 'A new version is available: tap to refresh',
  },
};

export const mobileResources = {
  zh: { translation: withModuleTexts(zh, portalModules.map((m) => m.messages.zh), { tiles: ['home', 'service'] }) },
  en: { translation: withModuleTexts(en, portalModules.map((m) => m.messages.en), { tiles: ['home', 'service'] }) },
};
