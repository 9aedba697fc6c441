import type { Refusal } from '../../platform/errors.ts';
import type { ArticleColumn, ArticleStatus } from './tables.ts';

/**
 * The article's lifecycle, pure:
 *
 *   draft ──publish──▶ published ──withdraw──▶ withdrawn ──publish──▶ published
 *
 * Publishing sets the instant the article becomes visible (`publishAt`, now by default). An instant
 * ahead makes it *scheduled*: nothing runs at that instant, the readers' filter
 * (`published_at <= now`, policy.ts) simply starts to show it. Pinning is for what readers see, so
 * only a published (or scheduled) article may be pinned; unpinning is always allowed.
 */

/** What cadres see as the status: `scheduled` is a published article whose instant lies ahead. */
export type ArticleState = 'draft' | 'scheduled' | 'published' | 'withdrawn';
export const articleStates = ['draft', 'scheduled', 'published', 'withdrawn'] as const satisfies readonly ArticleState[];

export function stateOf(status: ArticleStatus, publishedAt: string | null, now: string): ArticleState {
  if (status === 'published' && publishedAt !== null && publishedAt > now) return 'scheduled';
  return status;
}

/** A new article is a draft unless it is given an instant to be published at. */
export function statusOnCreate(publishAt: string | undefined): ArticleStatus {
  return publishAt === undefined ? 'draft' : 'published';
}

export function checkPublish(status: ArticleStatus): Refusal | null {
  return status === 'published' ? { code: 'article_already_published' } : null;
}

export function checkWithdraw(status: ArticleStatus): Refusal | null {
  return status === 'published' ? null : { code: 'article_not_published' };
}

export function checkPin(status: ArticleStatus, pin: boolean): Refusal | null {
  return pin && status !== 'published' ? { code: 'article_not_published' } : null;
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

/**
 * The columns as a fixed set (tables.ts says why): each column is open to any union. Policies and
 * rights guides are reference texts every worker may need, so they default to public in the
 * console; news and notices default to the union's own members.
 */
export function defaultPublic(column: ArticleColumn): boolean {
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
