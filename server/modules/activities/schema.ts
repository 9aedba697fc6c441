import { z } from 'zod';
import { activityKinds } from './tables.ts';
import { exportQueryOf } from '../../platform/exports.ts';
import { activityActionNames } from './rules.ts';
import { id, instant, optionalText, pageQuery, text } from '../../platform/validation.ts';


export const activityKind = z.enum(activityKinds);

const activityFields = {
  title: text(100),
  kind: activityKind,
  description: optionalText(2000),
  place: optionalText(200),
  startsAt: instant,
  endsAt: instant,
  capacity: z.number().int().min(1).max(100_000),
  signupOpensAt: instant.nullish(),
  signupClosesAt: instant.nullish(),
  cancelDeadline: instant.nullish(),
  membersOnly: z.boolean().default(false),
  openToAll: z.boolean().default(false).describe('visible to every worker, not only members in the org’s subtree'),
  minAge: z.number().int().min(0).max(120).nullish(),
  maxAge: z.number().int().min(0).max(120).nullish(),
};

export const createActivityBody = z.object({ orgId: id, ...activityFields });
export const updateActivityBody = z
  .object({
    title: activityFields.title.optional(),
    description: activityFields.description.optional(),
    place: activityFields.place.optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    capacity: activityFields.capacity.optional(),
    signupOpensAt: instant.nullable().optional(),
    signupClosesAt: instant.nullable().optional(),
    cancelDeadline: instant.nullable().optional(),
  })
  .strict();

export const activityView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  openToAll: z.boolean(),
  title: z.string(),
  kind: activityKind,
  description: z.string().nullable(),
  place: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  checkedIn: z.number().int(),
  signupOpensAt: z.string().nullable(),
  signupClosesAt: z.string().describe('defaults to the start'),
  cancelDeadline: z.string().describe('defaults to the start'),
  membersOnly: z.boolean(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  status: z.enum(['published', 'cancelled']),
  createdAt: z.string(),
});

/** An activity as the console shows it, with what the caller may do to it. */
export const managedActivity = activityView.extend({
  actions: z.array(z.enum(activityActionNames)).describe('what the caller may do to it now: only these buttons are shown'),
});

export const registrationStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
export const myRegistration = z.object({ id: z.number().int(), status: registrationStatus, code: z.string(), checkedInAt: z.string().nullable() });

export const availableActivity = activityView.extend({
  mine: myRegistration.nullable(),
  signupOpen: z.boolean(),
  refusal: z.string().nullable().describe('why this person may not sign up now, in their language'),
});

export const activityListQuery = pageQuery.extend({
  orgId: id.optional(),
  from: instant.optional(),
  to: instant.optional(),
  kind: activityKind.optional(),
  status: z.enum(['published', 'cancelled']).optional(),
});

export const registrationItem = z.object({
  id: z.number().int(),
  memberId: z.number().int().nullable(),
  userId: z.number().int(),
  name: z.string(),
  status: registrationStatus,
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
});

export const registrationListQuery = pageQuery.extend({ status: registrationStatus.optional() });
export const activityExportQuery = exportQueryOf(activityListQuery);
export const registrationExportQuery = exportQueryOf(registrationListQuery);

export const checkInBody = z.object({ code: z.string().trim().min(4).max(60) });

export const activityStatsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const activityStats = z.object({
  year: z.number().int(),
  activities: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  confirmed: z.number().int(),
  checkedIn: z.number().int(),
  noShows: z.number().int().describe('confirmed but not checked in, for activities already over'),
  childrenReached: z.number().int().describe('direct sub-organisations with at least one activity in their subtree'),
  children: z.array(z.object({ orgId: z.number().int(), name: z.string(), activities: z.number().int(), checkedIn: z.number().int() })),
});

/** The data screen's activities section (GET /api/orgs/{id}/overview): this year's activityStats. */
export const activitiesOverviewView = activityStats.extend({
  participationRate: z.number().nullable().describe('参与率 in percent, one decimal: checkedIn ÷ (checkedIn + noShows); null before any activity was held'),
});
