import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, instant, isoDate, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { venueKinds } from './rules.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'datetime_format');
const dayHours = z.object({ open: hhmm, close: hhmm }).nullable();

export const createVenueBody = z.object({
  orgId: id,
  name: text(100),
  kind: z.enum(venueKinds),
  capacity: z.number().int().min(1).max(10_000),
  address: optionalText(200),
  sharedWith: z.array(id).max(50).optional().describe('unions whose cadres (and their subtrees’) may book it'),
  memberBookable: z.boolean().optional().describe('members of the unions it serves may book it themselves'),
  openingHours: z.array(dayHours).length(7).optional().describe('Monday first; null: closed that weekday'),
  closedDays: z.array(isoDate).max(366).optional(),
});

export const venueView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: z.enum(venueKinds),
  name: z.string(),
  address: z.string().nullable(),
  capacity: z.number().int(),
  openingHours: z.array(dayHours),
  closedDays: z.array(z.string()),
  memberBookable: z.boolean(),
  sharedWith: z.array(z.object({ id: z.number().int(), name: z.string() })),
  manage: z.boolean().describe('the caller manages it (its owner union is in scope)'),
});

export const bookBody = z.object({
  startsAt: instant,
  endsAt: instant,
  purpose: text(200),
  orgId: id.optional().describe('the booking union (a cadre booking for it); without it a member books for themselves'),
  activityId: id.nullish(),
});

export const bookingRange = z.object({ from: instant.optional(), to: instant.optional() });

export const bookingView = z.object({
  id: z.number().int(),
  venueId: z.number().int(),
  venueName: z.string(),
  bookerKind: z.enum(['union', 'member']),
  orgId: z.number().int(),
  orgName: z.string(),
  purpose: z.string().nullable().describe('hidden (null) from members for others’ bookings'),
  activityId: z.number().int().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(['active', 'cancelled']),
  mine: z.boolean(),
});

export const bookingListQuery = pageQuery.extend({ venueId: id.optional(), from: instant.optional(), to: instant.optional() });
export const bookingExportQuery = exportQueryOf(bookingListQuery);

export const usageQuery = z.object({ orgId: id.optional(), from: instant.optional(), to: instant.optional() });
export const usageView = z.object({
  venues: z.number().int(),
  bookings: z.number().int(),
  hours: z.number(),
  byOrg: z.array(z.object({ orgId: z.number().int(), orgName: z.string(), bookings: z.number().int(), hours: z.number() })),
});
export const venuesOverviewView = z.object({ venues: z.number().int(), bookings: z.number().int(), hours: z.number() });
