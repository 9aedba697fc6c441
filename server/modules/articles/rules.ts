import type { Refusal } from '../../platform/errors.ts';
import { articleColumns, type ArticleColumn, type ArticleStatus } from './tables.ts';

/**
 * The article's lifecycle, pure:
 *
 *   draft ──publish──▶ published ──withdraw──▶ withdrawn ──publish──▶ published
 *     │                    ▲
 *     └──publish at──▶ scheduled ──(the job `articles.publish`, at its instant)
 *                          │  publish again: now, or rescheduled to another instant
 *                          └──withdraw──▶ withdrawn
 *
 * Publishing sets the instant the article becomes visible (`publishAt`, now by default). An instant
 * ahead stores it as `scheduled` and queues a durable job for that instant (service.ts), keyed by
 * the article and the instant: rescheduling queues another, withdrawing changes the status, and
 * the job publishes only an article still scheduled for its own instant — a stale one is a no-op.
 * Pinning is for what readers see, so only a published or scheduled article may be pinned;
 * unpinning is always allowed.
 */

/** A new article is a draft unless it is given an instant: published when that has come, scheduled when it lies ahead. */
export function statusOnCreate(publishAt: string | undefined, now: string): ArticleStatus {
  if (publishAt === undefined) return 'draft';
  return statusAt(publishAt, now);
}

/** Published from `at`, as seen at `now`. */
export function statusAt(at: string, now: string): 'published' | 'scheduled' {
  return at > now ? 'scheduled' : 'published';
}

/** A scheduled article may be published again: now, or at another instant (rescheduled). */
export function checkPublish(status: ArticleStatus): Refusal | null {
  return status === 'published' ? { code: 'article_already_published' } : null;
}

const isOut = (status: ArticleStatus) => status === 'published' || status === 'scheduled';

export function checkWithdraw(status: ArticleStatus): Refusal | null {
  return isOut(status) ? null : { code: 'article_not_published' };
}

export function checkPin(status: ArticleStatus, pin: boolean): Refusal | null {
  return pin && !isOut(status) ? { code: 'article_not_published' } : null;
}

/** The job `articles.publish` publishes an article only while it is still scheduled for the job's own instant. */
export function isDuePublication(status: ArticleStatus, publishedAt: string | null, jobAt: string): boolean {
  return status === 'scheduled' && publishedAt === jobAt;
}

/** What a cadre does to an article in the console; `actions` in its answers lists those open now. */
export const articleActionNames = ['update', 'publish', 'withdraw', 'pin', 'unpin'] as const;
export type ArticleAction = (typeof articleActionNames)[number];

/**
 * The actions open on an article to a cadre who may write it (`writes`: the write routes' scope
 * filter holds), by the same checks the routes refuse with. Pin is offered to an unpinned article,
 * unpin to a pinned one.
 */
export function articleActions(status: ArticleStatus, pinned: boolean, writes: boolean): ArticleAction[] {
  if (!writes) return [];
  const open: Record<ArticleAction, boolean> = {
    update: true,
    publish: !checkPublish(status),
    withdraw: !checkWithdraw(status),
    pin: !pinned && !checkPin(status, true),
    unpin: pinned && !checkPin(status, false),
  };
  return articleActionNames.filter((name) => open[name]);
}

// ---------- columns ----------

/**
 * A column key: one of the fixed columns every union has, or `c<id>` for a column a union added
 * (article_columns), usable by the articles of that union and of its subtree.
 */
export const COLUMN_KEY = /^(?:news|notice|policy|rights_guide|c[1-9]\d{0,9})$/;
export const isFixedColumn = (key: string): key is ArticleColumn => (articleColumns as readonly string[]).includes(key);
export const customColumnKey = (id: number) => `c${id}`;
/** The id of a custom column's key, null for a fixed column. */
export const customColumnId = (key: string): number | null => (/^c\d+$/.test(key) ? Number(key.slice(1)) : null);

/**
 * Policies and rights guides are reference texts every worker may need, so they default to public
 * in the console; news, notices and a union's own columns default to the union's own members.
 */
export function defaultPublic(column: string): boolean {
  return column === 'policy' || column === 'rights_guide';
}

/** Characters of plain text a list shows of an article. */
export const SUMMARY_LENGTH = 100;

/** The first words of an article's plain text, whitespace collapsed, cut with an ellipsis. */
export function summaryOf(plainText: string): string {
  const text = plainText.replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  return chars.length <= SUMMARY_LENGTH ? text : `${chars.slice(0, SUMMARY_LENGTH).join('')}…`;
}

// ---------- images in article bodies ----------

/** Where article images are served from: the only image source the sanitizer keeps. */
export const ARTICLE_FILE_PATH = '/api/articles/files/';
/** Photos and screenshots: a phone photo re-saved by the editor stays well under 5 MB. */
export const IMAGE_MAX_BYTES = 5 * 2 ** 20;
/** A key as the upload names a file: `<uuid>.<ext>`; anything else (a NUL, a path) is no file of ours. */
export const isImageKey = (key: string) => /^[0-9a-f-]{36}\.(?:jpg|png|webp)$/.test(key);
/** An `<img src>` the sanitizer keeps: one of our own article images. */
export const isOwnImage = (src: string) => src.startsWith(ARTICLE_FILE_PATH) && isImageKey(src.slice(ARTICLE_FILE_PATH.length));

// ---------- attachments ----------

/**
 * What may be attached to an article: PDF, Word and Excel in their current (OpenXML) formats, told
 * by their content. The legacy .doc and .xls are refused: both are OLE compound files whose first
 * bytes (D0 CF 11 E0) are the same as those of .ppt, .msi and other binaries, so their content
 * cannot be checked the way every upload is (platform/uploads.ts); the console asks the writer to
 * save them as .docx/.xlsx or PDF.
 */
export const ATTACHMENT_KINDS = ['pdf', 'docx', 'xlsx'] as const;
/**
 * A scanned policy document of a few dozen pages or a spreadsheet of a union's figures stays well
 * under 20 MB, and a file a worker downloads on a phone should too; the server's multipart limit is 50 MB.
 */
export const ATTACHMENT_MAX_BYTES = 20 * 2 ** 20;
/** Attachments are stored as `<uuid>.<ext>`, like images; anything else is no file of ours. */
export const isAttachmentKey = (key: string) => /^[0-9a-f-]{36}\.(?:pdf|docx|xlsx)$/.test(key);
/** Where an attachment is downloaded: behind the article's own read rights. */
export const attachmentUrl = (articleId: number, attachmentId: number) => `/api/articles/${articleId}/attachments/${attachmentId}`;
