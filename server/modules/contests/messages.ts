import type { Catalog, ModuleTexts, NoticeCatalog, Notices, Texts } from '../../platform/i18n.ts';

/**
 * The contests module's texts in Chinese and English: its problem codes (`messages`), the messages of
 * its field rules (`rules`), labels of its entities and values used inside messages (`labels`)
 * and the names of its request fields (`fields`). Registered with the platform's i18n through the
 * module definition; the declarations below make its codes known to `AppError` and `fieldError`.
 */
export const messages = {
  contest_submit_closed: { zh: '现在不在作品征集时间内', en: 'Entries are not being accepted now' },
  contest_vote_closed: { zh: '现在不在投票时间内', en: 'Voting is not open now' },
  contest_entry_limit: { zh: '每人最多提交 {count} 件作品', en: 'At most {count} entries per person' },
  contest_vote_limit: { zh: '每人最多投 {count} 票', en: 'At most {count} votes per person' },
  contest_already_voted: { zh: '您已为该作品投过票', en: 'You have already voted for this entry' },
  contest_members_only: { zh: '仅工会会员可以参赛和投票', en: 'Only union members may enter and vote' },
  contest_entry_not_approved: { zh: '该作品尚未通过审核', en: 'This entry has not been approved' },
  contest_entry_decided: { zh: '该作品已审核', en: 'This entry has already been moderated' },
  contest_own_entry: { zh: '不能给自己的作品投票', en: 'You cannot vote for your own entry' },
} as const satisfies Texts;

export const rules = {
  contest_windows_order: { zh: '时间先后顺序不正确（征集开始 < 征集截止；投票开始不早于征集开始且早于投票截止）', en: 'Windows are out of order' },
  contest_text_only: { zh: '本比赛只收文字作品', en: 'This contest takes text entries only' },
  image_unreadable: { zh: '无法读取该图片', en: 'This image cannot be read' },
  photo_required: { zh: '请上传照片', en: 'Upload a photo' },
  entry_body_required: { zh: '请填写作品正文', en: 'Write the entry’s text' },
  video_required: { zh: '请上传视频文件或填写视频链接', en: 'Upload a video or give a link to it' },
  link_format: { zh: '请输入以 http:// 或 https:// 开头的链接', en: 'Enter a link starting with http:// or https://' },
} as const satisfies Texts;

export const labels = {
  contest: { zh: '比赛', en: 'contest' },
  contest_entry: { zh: '作品', en: 'entry' },
} satisfies Texts;

/** The Excel exports' list names, column headers and values (platform/exports.ts). */
export const exportTexts = {
  contests: { zh: '比赛', en: 'Contests' },
  entries: { zh: '参赛作品', en: 'Entries' },
  title: { zh: '名称', en: 'Title' },
  theme: { zh: '主题', en: 'Theme' },
  org: { zh: '主办组织', en: 'Organiser' },
  entryKind: { zh: '作品类型', en: 'Entry kind' },
  submitOpensAt: { zh: '投稿开始', en: 'Submissions open' },
  submitClosesAt: { zh: '投稿截止', en: 'Submissions close' },
  voteOpensAt: { zh: '投票开始', en: 'Voting opens' },
  voteClosesAt: { zh: '投票截止', en: 'Voting closes' },
  approvedEntries: { zh: '已通过作品', en: 'Approved entries' },
  pendingEntries: { zh: '待审核作品', en: 'Entries to review' },
  status: { zh: '状态', en: 'Status' },
  entryTitle: { zh: '作品名称', en: 'Entry' },
  author: { zh: '作者', en: 'Author' },
  memberNo: { zh: '会员编号', en: 'Member number' },
  union: { zh: '所属工会', en: 'Union' },
  votes: { zh: '票数', en: 'Votes' },
  reason: { zh: '驳回原因', en: 'Reason for rejection' },
  createdAt: { zh: '提交时间', en: 'Submitted at' },
  photo: { zh: '摄影（随手拍）', en: 'Photo' },
  text: { zh: '征文', en: 'Writing' },
  video: { zh: '短视频', en: 'Short video' },
  published: { zh: '已发布', en: 'Published' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
} satisfies Texts;

export const fields = {
  theme: { zh: '主题', en: 'Theme' },
  entryKind: { zh: '作品类型', en: 'Entry kind' },
  link: { zh: '链接', en: 'Link' },
  submitOpensAt: { zh: '征集开始时间', en: 'Entries open' },
  submitClosesAt: { zh: '征集截止时间', en: 'Entries close' },
  voteOpensAt: { zh: '投票开始时间', en: 'Voting opens' },
  voteClosesAt: { zh: '投票截止时间', en: 'Voting closes' },
} satisfies Texts;

/** Templates of the notices this module sends (`notify` in notifications/index.ts). */
export const notices = {
  contest_entry_approved: {
    title: { zh: '作品已通过审核', en: 'Entry approved' },
    body: { zh: '您参加“{contest}”的作品“{title}”已通过审核，已在作品展示中公开。', en: 'Your entry "{title}" to "{contest}" is approved and now shown in the gallery.' },
  },
  contest_entry_rejected: {
    title: { zh: '作品未通过审核', en: 'Entry not approved' },
    body: { zh: '您参加“{contest}”的作品“{title}”未通过审核。原因：{reason}', en: 'Your entry "{title}" to "{contest}" was not approved. Reason: {reason}' },
  },
} as const satisfies Notices;
/** Labels of the actions this module writes to the audit log: the log shows and filters by them. */
export const actions = {
  'contest.create': { zh: '发起比赛', en: 'Open contest' },
  'contest_entry.create': { zh: '提交作品', en: 'Submit entry' },
  'contest_entry.approve': { zh: '作品通过审核', en: 'Approve entry' },
  'contest_entry.reject': { zh: '作品未通过审核', en: 'Reject entry' },
  'contest_vote.create': { zh: '投票', en: 'Vote' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface NoticeRegistry extends NoticeCatalog<typeof notices> {}
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, notices, actions };
