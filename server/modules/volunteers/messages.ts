import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/** The volunteers module's texts in Chinese and English (see contests/messages.ts for the kinds). */
export const messages = {
  love_points_insufficient: { zh: '爱心积分不足：需要 {points} 分，余额 {balance} 分', en: 'Not enough love points: {points} needed, {balance} left' },
  goods_out_of_stock: { zh: '该物品已兑完', en: 'This item is out of stock' },
  redemption_delivered: { zh: '该兑换已发放', en: 'This redemption has already been handed out' },
  volunteer_registered: { zh: '您已登记为志愿者', en: 'You are already registered as a volunteer' },
  volunteer_not_member: { zh: '登记志愿者须先成为工会会员', en: 'Only union members can register as volunteers' },
  volunteer_in_team: { zh: '该志愿者已在队伍中', en: 'This volunteer is already in the team' },
  volunteer_service_exists: { zh: '该活动已设为志愿服务', en: 'This activity is already a volunteer service' },
  volunteer_team_name_taken: { zh: '同名的志愿者队伍已存在', en: 'A team with this name already exists' },
} as const satisfies Texts;

export const rules = {} as const satisfies Texts;

export const labels = {
  volunteer: { zh: '志愿者', en: 'volunteer' },
  volunteer_team: { zh: '志愿者队伍', en: 'volunteer team' },
  shop_goods: { zh: '兑换物品', en: 'goods' },
  shop_redemption: { zh: '兑换记录', en: 'redemption' },
} satisfies Texts;

export const fields = {
  skills: { zh: '技能特长', en: 'Skills' },
  availability: { zh: '可服务时间', en: 'Availability' },
  stock: { zh: '库存', en: 'Stock' },
  hours: { zh: '服务时长', en: 'Hours' },
  volunteerId: { zh: '志愿者', en: 'Volunteer' },
  volunteerTeamId: { zh: '志愿者队伍', en: 'Volunteer team' },
  activityId: { zh: '活动', en: 'Activity' },
} satisfies Texts;

/** The Excel exports' list names, column headers and values (platform/exports.ts). */
export const exportTexts = {
  goods: { zh: '积分兑换物品', en: 'Points shop goods' },
  volunteers: { zh: '志愿者', en: 'Volunteers' },
  goodsName: { zh: '物品', en: 'Item' },
  org: { zh: '所属工会', en: 'Union' },
  points: { zh: '所需积分', en: 'Points' },
  stock: { zh: '库存', en: 'Stock' },
  redeemed: { zh: '已兑换', en: 'Redeemed' },
  name: { zh: '姓名', en: 'Name' },
  skills: { zh: '技能特长', en: 'Skills' },
  availability: { zh: '可服务时间', en: 'Availability' },
  hours: { zh: '本年服务时长', en: 'Hours this year' },
  balance: { zh: '爱心积分余额', en: 'Love points' },
  teams: { zh: '所在队伍', en: 'Teams' },
} satisfies Texts;

/** Templates of the notices this module sends. */
export const notices = {
  service_hours_credited: {
    title: { zh: '志愿服务时长已记录', en: 'Service hours recorded' },
    body: { zh: '“{activity}”志愿服务 {hours} 小时已记录，获得爱心积分 {points} 分。', en: '{hours} hours of volunteer service at "{activity}" recorded: {points} love points.' },
  },
} as const satisfies Notices;

/** Labels of the actions this module writes to the audit log. */
export const actions = {
  'volunteer.register': { zh: '登记志愿者', en: 'Register volunteer' },
  'volunteer.update': { zh: '修改志愿者信息', en: 'Update volunteer' },
  'volunteer_team.create': { zh: '组建志愿者队伍', en: 'Create volunteer team' },
  'volunteer_team_member.create': { zh: '志愿者加入队伍', en: 'Add volunteer to team' },
  'volunteer_service.create': { zh: '设为志愿服务', en: 'Make activity volunteer service' },
  'shop_goods.create': { zh: '上架兑换物品', en: 'Add goods' },
  'shop_redemption.create': { zh: '积分兑换', en: 'Redeem points' },
  'shop_redemption.deliver': { zh: '发放兑换物品', en: 'Hand out goods' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
