import type { Catalog, ModuleTexts, Texts } from '../../platform/i18n.ts';

/** The benefits module's texts in Chinese and English. */
export const messages = {
  benefit_out_of_stock: { zh: '福利已领完', en: 'This benefit is out of stock' },
  benefit_claimed: { zh: '您已领取过该福利', en: 'You have already claimed this benefit' },
  benefit_window_closed: { zh: '不在领取时间内', en: 'Outside the claim window' },
  benefit_not_eligible: { zh: '您不符合领取条件：{why}', en: 'You are not eligible: {why}' },
  benefit_not_member: { zh: '仅限工会会员领取', en: 'For union members only' },
  benefit_window_order: { zh: '领取截止时间须晚于开始时间', en: 'The claim window must end after it starts' },
} as const satisfies Texts;

export const rules = {} as const satisfies Texts;

export const labels = {
  benefit: { zh: '福利', en: 'benefit' },
  benefit_claim: { zh: '兑换码', en: 'redemption code' },
  benefit_why_status: { zh: '会籍状态不符', en: 'membership status' },
  benefit_why_gender: { zh: '限定性别', en: 'gender' },
  benefit_why_tenure: { zh: '入会时间不足', en: 'length of membership' },
} satisfies Texts;

export const fields = {
  stock: { zh: '库存', en: 'Stock' },
  claimFrom: { zh: '领取开始', en: 'Claim from' },
  claimUntil: { zh: '领取截止', en: 'Claim until' },
  minTenureMonths: { zh: '最短入会月数', en: 'Minimum months of membership' },
} satisfies Texts;

export const exportTexts = {
  benefits: { zh: '普惠福利', en: 'Benefits' },
  title: { zh: '福利名称', en: 'Title' },
  org: { zh: '发放工会', en: 'Union' },
  kind: { zh: '类别', en: 'Kind' },
  stock: { zh: '库存', en: 'Stock' },
  claimed: { zh: '已领取', en: 'Claimed' },
  redeemed: { zh: '已核销', en: 'Redeemed' },
  window: { zh: '领取时间', en: 'Claim window' },
  summer_cool: { zh: '夏季送清凉', en: 'Summer cool' },
  new_year_dinner: { zh: '年夜饭', en: 'New Year dinner' },
  goddess_day: { zh: '女神节', en: 'Women’s Day' },
  birthday: { zh: '生日福利', en: 'Birthday' },
  other: { zh: '其他', en: 'Other' },
} satisfies Texts;

export const actions = {
  'benefit.create': { zh: '发布福利', en: 'Publish benefit' },
  'benefit.claim': { zh: '领取福利', en: 'Claim benefit' },
  'benefit.redeem': { zh: '核销福利', en: 'Redeem benefit' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, actions };
