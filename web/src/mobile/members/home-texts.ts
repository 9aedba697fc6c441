import { addTexts } from '../../i18n/add-texts';

/**
 * The few texts the home page's member card and union directory show, in a namespace of their
 * own (`membersHome`): the home page is in the portal's first load, the `members` namespace
 * (texts.ts) is not. The card's and the directory's labels repeat the members pages' own.
 */
const zh = {
  notMember: '您还不是工会会员，入会后可享受会员服务。',
  joinHint: '选择所在单位的工会，在线提交入会申请',
  showCard: '出示电子会员卡',
  directory: '找到我的工会',
  directoryHint: '输入单位、工会名称或所在街道、镇，查找可以加入的工会。',
  cardTitle: '电子会员卡',
  memberNo: '会员编号',
  apply: '申请入会',
  search: '搜索工会名称或地区',
  empty: '没有找到该工会',
  more: '共 {{total}} 个，请输入更多字搜索',
};

const en: typeof zh = {
  notMember: 'You are not a union member yet; members get the services below.',
  joinHint: 'Choose the union of your workplace and apply online',
  showCard: 'Show my member card',
  directory: 'Find my union',
  directoryHint: 'Type the name of your workplace or union, or your street or town, to find a union to join.',
  cardTitle: 'Member card',
  memberNo: 'Member no.',
  apply: 'Apply to join',
  search: 'Search by union name or place',
  empty: 'No such union',
  more: '{{total}} found; type more to narrow',
};

addTexts({ zh: { membersHome: zh }, en: { membersHome: en } });
