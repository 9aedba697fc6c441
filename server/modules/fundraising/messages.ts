import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/** The fundraising module's texts in Chinese and English (see contests/messages.ts for the kinds). */
export const messages = {
  fundraiser_donation_empty: { zh: '捐赠须填写金额或物资数量', en: 'A donation needs an amount or some goods' },
  fundraiser_balance_exceeded: { zh: '支出超过余额，当前余额 {balance} 元', en: 'The disbursement exceeds the balance of {balance} yuan' },
  fundraiser_goods_exceeded: { zh: '“{name}”库存不足，仅剩 {left}', en: 'Not enough "{name}" in hand: {left} left' },
  fundraiser_goods_unknown: { zh: '本次募捐没有“{name}”这项物资目标', en: 'This fundraiser has no goods goal "{name}"' },
  fundraiser_hardship_file_unknown: { zh: '困难职工档案不存在', en: 'No such hardship file' },
  fundraiser_not_disbursement: { zh: '只有支出记录可以上传凭证', en: 'Only a disbursement takes a proof' },
  fundraiser_not_donation: { zh: '只有捐赠记录有收据', en: 'Only a donation has a receipt' },
} as const satisfies Texts;

export const rules = {
  fundraiser_goods_duplicate: { zh: '物资名称不能重复', en: 'Each goods item once' },
} as const satisfies Texts;

export const labels = {
  fundraiser: { zh: '募捐活动', en: 'fundraiser' },
  fundraiser_entry: { zh: '募捐台账记录', en: 'ledger entry' },
  fundraiser_proof: { zh: '支出凭证', en: 'proof' },
} satisfies Texts;

export const fields = {
  goalFen: { zh: '目标金额（分）', en: 'Goal (fen)' },
  goods: { zh: '物资', en: 'Goods' },
  unit: { zh: '单位', en: 'Unit' },
  goal: { zh: '目标数量', en: 'Goal' },
  quantity: { zh: '数量', en: 'Quantity' },
  donorName: { zh: '捐赠人', en: 'Donor' },
  donorKind: { zh: '捐赠人类别', en: 'Donor kind' },
  showName: { zh: '同意公开姓名', en: 'Agrees to be named' },
  recipientName: { zh: '受助人', en: 'Recipient' },
  recipientKind: { zh: '受助人类别', en: 'Recipient kind' },
  hardshipFileId: { zh: '困难职工档案', en: 'Hardship file' },
} satisfies Texts;

/** The Excel exports' list names, column headers and values (platform/exports.ts). */
export const exportTexts = {
  fundraisers: { zh: '募捐活动', en: 'Fundraisers' },
  entries: { zh: '募捐台账', en: 'Fundraiser ledger' },
  title: { zh: '活动名称', en: 'Title' },
  org: { zh: '发起工会', en: 'Union' },
  goal: { zh: '目标金额（元）', en: 'Goal (yuan)' },
  raised: { zh: '已募集（元）', en: 'Raised (yuan)' },
  spent: { zh: '已支出（元）', en: 'Spent (yuan)' },
  balance: { zh: '余额（元）', en: 'Balance (yuan)' },
  goods: { zh: '物资（已募/目标）', en: 'Goods (raised/goal)' },
  time: { zh: '时间', en: 'Time' },
  kind: { zh: '类别', en: 'Kind' },
  party: { zh: '捐赠人/受助人', en: 'Donor/recipient' },
  partyKind: { zh: '身份', en: 'Who' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  receiptNo: { zh: '收据号', en: 'Receipt no.' },
  note: { zh: '备注', en: 'Note' },
  donation: { zh: '捐赠', en: 'Donation' },
  disbursement: { zh: '支出', en: 'Disbursement' },
  member: { zh: '会员', en: 'Member' },
  partner: { zh: '共建单位', en: 'Partner' },
  public: { zh: '社会爱心人士', en: 'Public' },
} satisfies Texts;

/** Templates of the notices this module sends (`notify` in notifications/index.ts). */
export const notices = {
  donation_received: {
    title: { zh: '感谢您的爱心捐赠', en: 'Thank you for your donation' },
    body: { zh: '您向“{fundraiser}”的捐赠已登记，收据号 {receiptNo}。', en: 'Your donation to "{fundraiser}" is recorded, receipt {receiptNo}.' },
  },
} as const satisfies Notices;

/** Labels of the actions this module writes to the audit log. */
export const actions = {
  'fundraiser.create': { zh: '发起募捐', en: 'Open fundraiser' },
  'donation.create': { zh: '登记捐赠', en: 'Record donation' },
  'disbursement.create': { zh: '登记募捐支出', en: 'Record disbursement' },
  'fundraiser_proof.upload': { zh: '上传支出凭证', en: 'Upload proof' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
