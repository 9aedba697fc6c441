import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

export const messages = {
  wish_over_cap: { zh: '微心愿价值不能超过 {cap} 元', en: 'A micro-wish is worth at most {cap} yuan' },
  wish_wrong_step: { zh: '该心愿当前状态为“{status}”，不能进行此操作', en: 'The wish is at step "{status}"; this is not possible now' },
  wish_claimed: { zh: '该心愿已被认领', en: 'This wish has already been claimed' },
  wish_own: { zh: '不能认领自己的心愿', en: 'You cannot claim your own wish' },
  wish_not_claimer: { zh: '只有认领人可以提交完成凭证', en: 'Only the claimer fulfils the wish' },
  wish_not_wisher: { zh: '只有许愿人可以确认', en: 'Only the wisher confirms' },
  wish_not_member: { zh: '许愿须是工会会员', en: 'Only union members post wishes' },
  wish_claim_not_allowed: { zh: '会员或共建单位方可认领心愿', en: 'Members and partners claim wishes' },
  wish_proof_required: { zh: '请上传完成照片', en: 'Upload a photo as proof' },
} as const satisfies Texts;

export const rules = {} as const satisfies Texts;

export const labels = {
  wish: { zh: '心愿', en: 'wish' },
} satisfies Texts;

export const fields = {
  valueFen: { zh: '心愿价值（分）', en: 'Value (fen)' },
} satisfies Texts;

export const exportTexts = {
  wishes: { zh: '微心愿', en: 'Micro-wishes' },
  wisher: { zh: '许愿人', en: 'Wisher' },
  org: { zh: '所属工会', en: 'Union' },
  title: { zh: '心愿', en: 'Wish' },
  value: { zh: '价值（元）', en: 'Value (yuan)' },
  status: { zh: '状态', en: 'Status' },
  claimer: { zh: '认领人', en: 'Claimed by' },
  createdAt: { zh: '发布时间', en: 'Posted at' },
  pending: { zh: '待审核', en: 'Pending' },
  rejected: { zh: '未通过', en: 'Rejected' },
  open: { zh: '待认领', en: 'Open' },
  claimed: { zh: '已认领', en: 'Claimed' },
  fulfilled: { zh: '待确认', en: 'Fulfilled' },
  confirmed: { zh: '已圆梦', en: 'Confirmed' },
} satisfies Texts;

export const notices = {
  wish_approved: {
    title: { zh: '您的微心愿已上心愿墙', en: 'Your wish is on the wall' },
    body: { zh: '您的心愿“{title}”已审核通过，等待爱心人士认领。', en: 'Your wish "{title}" was approved and waits to be claimed.' },
  },
  wish_rejected: {
    title: { zh: '您的微心愿未通过审核', en: 'Your wish was not approved' },
    body: { zh: '您的心愿“{title}”未通过审核：{reason}', en: 'Your wish "{title}" was not approved: {reason}' },
  },
  wish_confirmed: {
    title: { zh: '心愿已圆梦，感谢您的爱心', en: 'The wish came true: thank you' },
    body: { zh: '许愿人已确认心愿“{title}”圆梦，您获得 {points} 爱心积分。', en: 'The wisher confirmed "{title}"; you earned {points} love points.' },
  },
  wish_claimed: {
    title: { zh: '您的微心愿已被认领', en: 'Your wish was claimed' },
    body: { zh: '您的心愿“{title}”已被认领，请留意。', en: 'Your wish "{title}" was claimed.' },
  },
  wish_fulfilled: {
    title: { zh: '微心愿已完成，请确认', en: 'Wish fulfilled: please confirm' },
    body: { zh: '您的心愿“{title}”已完成，请查看照片并确认。', en: 'Your wish "{title}" was fulfilled; see the photo and confirm.' },
  },
} as const satisfies Notices;

export const actions = {
  'wish.create': { zh: '发布微心愿', en: 'Post wish' },
  'wish.read': { zh: '查看微心愿详情', en: 'Read wish' },
  'wish.approve': { zh: '审核通过微心愿', en: 'Approve wish' },
  'wish.reject': { zh: '驳回微心愿', en: 'Reject wish' },
  'wish.claim': { zh: '认领微心愿', en: 'Claim wish' },
  'wish.fulfil': { zh: '完成微心愿', en: 'Fulfil wish' },
  'wish.confirm': { zh: '确认微心愿', en: 'Confirm wish' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
