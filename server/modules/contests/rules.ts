import type { MessageCode } from '../../platform/i18n.ts';
import type { FileKind } from '../../platform/uploads.ts';

/** Contest rules. Pure: instants are ISO strings. */

/** What an entry's file may be: phone photos (15 MB covers a 50-megapixel JPEG) and short videos. */
export const entryFiles: Record<'photo' | 'video', { kinds: readonly FileKind[]; maxBytes: number }> = {
  photo: { kinds: ['jpg', 'png', 'webp'], maxBytes: 15 * 2 ** 20 },
  video: { kinds: ['mp4'], maxBytes: 200 * 2 ** 20 },
};

export interface ContestWindow {
  status: 'published' | 'cancelled';
  submitOpensAt: string;
  submitClosesAt: string;
  voteOpensAt: string;
  voteClosesAt: string;
}

export function checkSubmit(c: ContestWindow, now: string): MessageCode | null {
  if (c.status !== 'published' || now < c.submitOpensAt || now >= c.submitClosesAt) return 'contest_submit_closed';
  return null;
}

export function checkVote(c: ContestWindow, now: string): MessageCode | null {
  if (c.status !== 'published' || now < c.voteOpensAt || now >= c.voteClosesAt) return 'contest_vote_closed';
  return null;
}

/** The windows must follow one another: submissions open before they close; voting likewise. */
export function checkWindows(c: Omit<ContestWindow, 'status'>): string | null {
  if (c.submitClosesAt <= c.submitOpensAt) return 'submitClosesAt';
  if (c.voteOpensAt < c.submitOpensAt) return 'voteOpensAt';
  if (c.voteClosesAt <= c.voteOpensAt) return 'voteClosesAt';
  return null;
}

/**
 * Standard competition ranking ("1224"): more votes rank higher, equal votes share a rank, and the
 * next rank skips as many places as were shared. Ties are listed by entry id for a stable order.
 */
export function rank<T extends { id: number; votes: number }>(entries: T[]): (T & { rank: number })[] {
  const sorted = [...entries].sort((a, b) => b.votes - a.votes || a.id - b.id);
  return sorted.map((e) => ({ ...e, rank: 1 + sorted.filter((o) => o.votes > e.votes).length }));
}

/** What a cadre does to an entry: moderation, once, while it is pending. */
export const entryActionNames = ['approve', 'reject'] as const;

/** Refusal of moderating an entry in its present state, or null: what the route checks, and what `actions` offers. */
export const checkModerate = (status: 'pending' | 'approved' | 'rejected'): MessageCode | null => (status === 'pending' ? null : 'contest_entry_decided');

/** The moderation open on an entry to a cadre who may write its contest (`writes`: the route's scope filter holds). */
export const entryActions = (status: 'pending' | 'approved' | 'rejected', writes: boolean) => (writes && !checkModerate(status) ? [...entryActionNames] : []);

/** What a cadre does to a contest in the console: moderate its entries, when they may write it. */
export const contestActions = (writes: boolean): 'moderate'[] => (writes ? ['moderate'] : []);
