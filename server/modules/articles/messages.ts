import type { Catalog, ModuleTexts, Texts } from '../../platform/i18n.ts';

/**
 * The articles module's texts in Chinese and English: its problem codes (`messages`), the messages of
 * its field rules (`rules`), labels of its entities and values used inside messages (`labels`)
 * and the names of its request fields (`fields`). Registered with the platform's i18n through the
 * module definition; the declarations below make its codes known to `AppError` and `fieldError`.
 */
export const messages = {
  article_already_published: { zh: '该文章已发布', en: 'This article is already published' },
  article_not_published: { zh: '该文章未发布（草稿或已撤回）', en: 'This article is not published (a draft or withdrawn)' },
  article_column_taken: { zh: '该单位已有同名栏目', en: 'This organisation already has a column of that name' },
} as const satisfies Texts;

export const rules = {
  article_body_empty: { zh: '正文清理后为空（脚本、外部图片等不会保存）', en: 'The text is empty once cleaned (scripts, outside images and the like are not kept)' },
  article_column_unknown: { zh: '栏目不存在、已停用，或不属于本单位及上级工会', en: 'No such column, or it is inactive, or it belongs to no union at or above this one' },
  article_cover_unknown: { zh: '封面须是已上传的文章图片', en: 'The cover must be an uploaded article image' },
} as const satisfies Texts;

export const labels = {
  article: { zh: '文章', en: 'article' },
  article_file: { zh: '文章图片', en: 'article image' },
  article_column: { zh: '栏目', en: 'column' },
  article_attachment: { zh: '附件', en: 'attachment' },
} satisfies Texts;

/** The Excel export's list name, column headers and values (platform/exports.ts). */
export const exportTexts = {
  articles: { zh: '资讯', en: 'Articles' },
  title: { zh: '标题', en: 'Title' },
  column: { zh: '栏目', en: 'Column' },
  org: { zh: '发布组织', en: 'Organisation' },
  status: { zh: '状态', en: 'Status' },
  public: { zh: '公开', en: 'Public' },
  pinned: { zh: '置顶', en: 'Pinned' },
  publishedAt: { zh: '发布时间', en: 'Published at' },
  reads: { zh: '阅读数', en: 'Reads' },
  updatedAt: { zh: '更新时间', en: 'Updated at' },
  yes: { zh: '是', en: 'Yes' },
  news: { zh: '工会动态', en: 'Union news' },
  notice: { zh: '通知公告', en: 'Notices' },
  policy: { zh: '政策法规', en: 'Policies and laws' },
  rights_guide: { zh: '维权指南', en: 'Rights guide' },
  draft: { zh: '草稿', en: 'Draft' },
  scheduled: { zh: '定时发布', en: 'Scheduled' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} satisfies Texts;

export const fields = {
  column: { zh: '栏目', en: 'Column' },
  public: { zh: '公开', en: 'Public' },
  publishAt: { zh: '发布时间', en: 'Publish at' },
  pinned: { zh: '置顶', en: 'Pinned' },
  coverUrl: { zh: '封面', en: 'Cover' },
} satisfies Texts;

/** Labels of the actions this module writes to the audit log: the log shows and filters by them. */
export const actions = {
  'article.create': { zh: '撰写文章', en: 'Write article' },
  'article.update': { zh: '修改文章', en: 'Change article' },
  'article.publish': { zh: '发布文章', en: 'Publish article' },
  'article.withdraw': { zh: '撤回文章', en: 'Withdraw article' },
  'article.pin': { zh: '置顶文章', en: 'Pin article' },
  'article.unpin': { zh: '取消置顶', en: 'Unpin article' },
  'article_file.create': { zh: '上传文章图片', en: 'Upload article image' },
  'article_column.create': { zh: '新增栏目', en: 'Add column' },
  'article_column.update': { zh: '修改栏目', en: 'Change column' },
  'article_attachment.create': { zh: '上传文章附件', en: 'Attach file to article' },
  'article_attachment.delete': { zh: '删除文章附件', en: 'Remove article attachment' },
} as const satisfies Texts;

declare module '../../platform/i18n.ts' {
  interface MessageRegistry extends Catalog<typeof messages> {}
  interface RuleRegistry extends Catalog<typeof rules> {}
  interface ActionRegistry extends Catalog<typeof actions> {}
}

export const texts: ModuleTexts = { messages, rules, labels, fields, actions };
