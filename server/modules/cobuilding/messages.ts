import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/** The cobuilding module's texts in Chinese and English (see contests/messages.ts for the kinds). */
export const messages = {
  list_item_same_side: { zh: '不能认领本方发布的清单事项，须由对方认领', en: 'An item is claimed by the other side, not by its publisher' },
  list_item_claimed: { zh: '该事项已被认领', en: 'This item has already been claimed' },
  list_item_wrong_step: { zh: '该事项当前状态为“{status}”，不能进行此操作', en: 'The item is at step "{status}"; this is not possible now' },
  list_item_not_claimer: { zh: '只有认领方可以推进该事项', en: 'Only the claiming side can move this item on' },
  list_item_not_publisher: { zh: '只有发布方可以评价', en: 'Only the publisher rates the work' },
  list_item_partner_org: { zh: '共建单位只能在其签约的工会发布清单', en: 'A partner publishes only with the union it signed with' },
  partner_agreement_dates: { zh: '协议结束日期不能早于开始日期', en: 'The agreement cannot end before it starts' },
  partner_name_taken: { zh: '该工会已有同名共建单位', en: 'This union already has a partner of that name' },
  partner_uscc_taken: { zh: '该统一社会信用代码的共建单位已登记', en: 'A partner with this credit code is already registered here' },
  partner_contact_only: { zh: '您不是共建单位联系人', en: 'You are not a partner’s contact' },
  list_item_foreign_partner: { zh: '共建单位联系人只能以本单位名义发布，不能代其他共建单位发布', en: 'A partner’s contact publishes for its own partner only, not for another one' },
  photo_required: { zh: '请上传完成照片', en: 'Upload a photo of the finished work' },
} as const satisfies Texts;

export const rules = {} as const satisfies Texts;

export const labels = {
  partner: { zh: '共建单位', en: 'partner' },
  list_item: { zh: '清单事项', en: 'list item' },
  list_item_claim: { zh: '认领', en: 'claim' },
  cobuilding_file: { zh: '照片', en: 'photo' },
} satisfies Texts;

export const fields = {
  partnerId: { zh: '共建单位', en: 'Partner' },
  list: { zh: '清单', en: 'List' },
  contactName: { zh: '联系人', en: 'Contact' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  agreementFrom: { zh: '协议开始日期', en: 'Agreement from' },
  agreementUntil: { zh: '协议结束日期', en: 'Agreement until' },
  rating: { zh: '评价', en: 'Rating' },
} satisfies Texts;

/** The Excel exports' list names, column headers and values (platform/exports.ts). */
export const exportTexts = {
  partners: { zh: '共建单位', en: 'Partners' },
  items: { zh: '共建清单', en: 'Co-building lists' },
  name: { zh: '单位名称', en: 'Name' },
  uscc: { zh: '统一社会信用代码', en: 'Credit code' },
  kind: { zh: '类型', en: 'Kind' },
  org: { zh: '共建工会', en: 'Union' },
  contact: { zh: '联系人', en: 'Contact' },
  phone: { zh: '联系电话', en: 'Phone' },
  agreement: { zh: '协议期限', en: 'Agreement' },
  published: { zh: '发布事项', en: 'Published' },
  claimed: { zh: '认领事项', en: 'Claimed' },
  done: { zh: '完成', en: 'Done' },
  rating: { zh: '平均评价', en: 'Average rating' },
  list: { zh: '清单', en: 'List' },
  title: { zh: '事项', en: 'Item' },
  publisher: { zh: '发布方', en: 'Publisher' },
  claimer: { zh: '认领方', en: 'Claimed by' },
  status: { zh: '状态', en: 'Status' },
  createdAt: { zh: '发布时间', en: 'Published at' },
  union: { zh: '工会', en: 'Union' },
  need: { zh: '需求清单', en: 'Needs' },
  resource: { zh: '资源清单', en: 'Resources' },
  project: { zh: '项目清单', en: 'Projects' },
  service: { zh: '服务清单', en: 'Services' },
  open: { zh: '待认领', en: 'Open' },
  in_progress: { zh: '进行中', en: 'In progress' },
  rated: { zh: '已评价', en: 'Rated' },
  bank: { zh: '银行', en: 'Bank' },
  hospital: { zh: '医院', en: 'Hospital' },
  mall: { zh: '商场', en: 'Mall' },
  public_body: { zh: '机关事业单位', en: 'Public body' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  school: { zh: '学校', en: 'School' },
  social_org: { zh: '社会组织', en: 'Social organisation' },
  other: { zh: '其他', en: 'Other' },
} satisfies Texts;

export const notices = {
  list_item_claimed: {
    title: { zh: '清单事项已被认领', en: 'Your item was claimed' },
    body: { zh: '“{title}”已被{claimer}认领。', en: '"{title}" was claimed by {claimer}.' },
  },
  list_item_done: {
    title: { zh: '清单事项已完成，请评价', en: 'Item done: please rate it' },
    body: { zh: '“{title}”已由{claimer}完成，请查看照片并评价。', en: '"{title}" was done by {claimer}; see the photo and rate it.' },
  },
} as const satisfies Notices;

export const actions = {
  'partner.create': { zh: '登记共建单位', en: 'Register partner' },
  'partner.update': { zh: '修改共建单位', en: 'Edit partner' },
  'partner_contact.create': { zh: '开通共建单位联系人账号', en: 'Create partner contact' },
  'list_item.create': { zh: '发布清单事项', en: 'Publish list item' },
  'list_item.claim': { zh: '认领清单事项', en: 'Claim list item' },
  'list_item.start': { zh: '开始实施清单事项', en: 'Start list item' },
  'list_item.finish': { zh: '完成清单事项', en: 'Finish list item' },
  'list_item.withdraw': { zh: '撤回认领', en: 'Withdraw claim' },
  'list_item.rate': { zh: '评价清单事项', en: 'Rate list item' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
