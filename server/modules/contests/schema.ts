import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { entryActionNames } from './rules.ts';
import { id, instant, optionalText, pageQuery, text } from '../../platform/validation.ts';

export const entryKind = z.enum(['photo', 'text', 'video']);

export const createContestBody = z.object({
  orgId: id,
  title: text(100),
  theme: text(100),
  description: optionalText(2000),
  entryKind,
  submitOpensAt: instant,
  submitClosesAt: instant,
  voteOpensAt: instant,
  voteClosesAt: instant,
  entriesPerMember: z.number().int().min(1).max(20).default(1),
  votesPerMember: z.number().int().min(1).max(100).default(1),
  openToAll: z.boolean().default(false),
});

export const contestView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  title: z.string(),
  theme: z.string(),
  description: z.string().nullable(),
  entryKind,
  submitOpensAt: z.string(),
  submitClosesAt: z.string(),
  voteOpensAt: z.string(),
  voteClosesAt: z.string(),
  entriesPerMember: z.number().int(),
  votesPerMember: z.number().int(),
  openToAll: z.boolean(),
  status: z.enum(['published', 'cancelled']),
  entries: z.number().int().describe('approved entries'),
  pending: z.number().int().describe('entries waiting for moderation'),
  actions: z.array(z.literal('moderate')).describe('moderate: the caller may approve and reject its entries'),
});

export const contestListQuery = pageQuery.extend({ orgId: id.optional() });

/** Fields of an entry: JSON for text and video links, or multipart with `file` for photos and videos. */
export const entryFields = z.object({
  title: text(100),
  body: optionalText(20_000),
  link: z
    .string()
    .trim()
    .url()
    .max(500)
    .refine((v) => /^https?:\/\//.test(v), 'link_format')
    .nullish(),
});

export const entryStatus = z.enum(['pending', 'approved', 'rejected']);
export const entryView = z.object({
  id: z.number().int(),
  contestId: z.number().int(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  author: z.string(),
  hasFile: z.boolean(),
  fileUrl: z.string().nullable(),
  thumbUrl: z.string().nullable(),
  status: entryStatus,
  reason: z.string().nullable(),
  votes: z.number().int(),
  createdAt: z.string(),
});
/** An entry as moderation lists it, with what the caller may do to it. */
export const moderatedEntry = entryView.extend({ actions: z.array(z.enum(entryActionNames)).describe('approve and reject while it is pending, to a cadre who may write the contest') });
export const galleryItem = entryView.extend({ votedByMe: z.boolean(), mine: z.boolean() });
export const resultItem = entryView.extend({ rank: z.number().int() });
export const entryListQuery = pageQuery.extend({ status: entryStatus.optional() });
export const contestExportQuery = exportQueryOf(contestListQuery);
export const entryExportQuery = exportQueryOf(entryListQuery);
export const fileQuery = z.object({ thumb: z.enum(['0', '1']).optional() });

/** The data screen's contests section (GET /api/orgs/{id}/overview): this year's contests over the subtree. */
export const contestsOverviewView = z.object({
  year: z.number().int(),
  contests: z.number().int().describe('published contests whose submissions open this year (Shanghai)'),
  entries: z.number().int().describe('entries submitted to them, whatever their moderation'),
  approvedEntries: z.number().int(),
});
