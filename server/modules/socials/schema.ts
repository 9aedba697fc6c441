import { z } from 'zod';
import { id, text } from '../../platform/validation.ts';

const places = z.number().int().min(0).max(10_000);
const age = z.number().int().min(16).max(150);

export const settingsBody = z.object({
  malePlaces: places.describe('places for men: a sign-up takes one, atomically'),
  femalePlaces: places.describe('places for women'),
  minAge: age.nullish().transform((v) => v ?? null),
  maxAge: age.nullish().transform((v) => v ?? null),
});

const gendered = z.object({ places: z.number().int(), taken: z.number().int() });

/** What a cadre sees of a social: its settings and counts only — never who picked whom. */
export const socialView = z.object({
  activityId: z.number().int(),
  title: z.string(),
  endsAt: z.string(),
  picksCloseAt: z.string(),
  settings: z.object({ male: gendered, female: gendered, minAge: z.number().int().nullable(), maxAge: z.number().int().nullable() }).nullable(),
  counts: z.object({
    attendees: z.number().int().describe('checked in'),
    pickers: z.number().int().describe('attendees who picked someone'),
    picks: z.number().int(),
    mutualPairs: z.number().int(),
  }),
});

export const picksBody = z.object({
  contact: text(60).describe('what a mutual pick sees: a WeChat id or a phone (encrypted)'),
  picks: z.array(id).max(20).describe('registration ids of other attendees, at most three'),
});

export const attendee = z.object({ id: z.number().int().describe('the attendee’s registration'), name: z.string().describe('masked'), gender: z.enum(['male', 'female']).nullable() });

/** A worker's own view of a social: whether they may pick, the other attendees, their own picks and contact. */
export const mySocial = z.object({
  activityId: z.number().int(),
  title: z.string(),
  endsAt: z.string(),
  picksCloseAt: z.string(),
  canPick: z.boolean(),
  refusal: z.string().nullable(),
  attendees: z.array(attendee),
  picks: z.array(z.number().int()),
  contact: z.string().nullable(),
  maxPicks: z.number().int(),
});

export const mySocialItem = z.object({
  activityId: z.number().int(),
  title: z.string(),
  place: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  picksCloseAt: z.string(),
  attended: z.boolean(),
  canPick: z.boolean(),
});

export const match = z.object({ name: z.string(), contact: z.string() });
export const matchesView = z.object({ items: z.array(match), picksCloseAt: z.string() });

export const socialsOverviewView = z.object({ socials: z.number().int(), attendees: z.number().int(), mutualPairs: z.number().int() });

export const activityIdParams = z.object({ id });
