import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { availabilities, MAX_SERVICE_HOURS, teamKinds, volunteerSkills } from './rules.ts';

// ---- love points ----

export const lovePointsMine = z.object({
  balance: z.number().int(),
  entries: z.array(z.object({ points: z.number().int().describe('positive: earned; negative: spent'), reason: z.string(), at: z.string() })),
});

export const memberLovePoints = lovePointsMine.extend({ memberId: z.number().int(), name: z.string() });
export const rankingQuery = z.object({ orgId: id.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const rankingView = z.object({
  year: z.number().int(),
  items: z.array(z.object({ rank: z.number().int(), memberId: z.number().int(), name: z.string(), orgName: z.string(), points: z.number().int(), hours: z.number().int() })),
});

// ---- the points shop ----

export const goodsBody = z.object({
  orgId: id,
  name: text(60),
  description: optionalText(500),
  points: z.number().int().min(1).max(100_000),
  stock: z.number().int().min(0).max(100_000),
});
export const goodsView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  points: z.number().int(),
  stock: z.number().int(),
  redeemed: z.number().int(),
  stockLeft: z.number().int(),
  active: z.boolean(),
});
export const goodsListQuery = pageQuery.extend({ orgId: id.optional() });
export const goodsExportQuery = exportQueryOf(goodsListQuery);
export const redemptionListQuery = pageQuery.extend({ goodsId: id.optional() });
export const redemptionView = z.object({
  id: z.number().int(),
  goodsId: z.number().int(),
  goodsName: z.string(),
  memberName: z.string(),
  points: z.number().int(),
  status: z.enum(['pending', 'delivered']),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});

// ---- volunteers, teams, services ----

export const volunteerBody = z.object({
  skills: z.array(z.enum(volunteerSkills)).max(volunteerSkills.length),
  availability: z.array(z.enum(availabilities)).min(1).max(availabilities.length),
});
export const volunteerView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  memberId: z.number().int(),
  name: z.string(),
  skills: z.array(z.string()),
  availability: z.array(z.string()),
  status: z.enum(['active', 'inactive']),
  hoursThisYear: z.number().int(),
  balance: z.number().int(),
  team: z.string().nullable(),
  createdAt: z.string(),
});
export const volunteerListQuery = pageQuery.extend({ orgId: id.optional(), skill: z.enum(volunteerSkills).optional(), q: z.string().trim().max(50).optional() });
export const volunteerExportQuery = exportQueryOf(volunteerListQuery);
export const volunteerMine = z.object({
  member: z.boolean(),
  volunteer: z.object({ id: z.number().int(), skills: z.array(z.string()), availability: z.array(z.string()), status: z.enum(['active', 'inactive']), teams: z.array(z.string()) }).nullable(),
  hoursThisYear: z.number().int(),
  hoursTotal: z.number().int(),
  balance: z.number().int(),
  services: z.array(z.object({ title: z.string(), hours: z.number().int(), at: z.string() })),
});
export const teamBody = z.object({ orgId: id, name: text(50), kind: z.enum(teamKinds) });
export const teamView = z.object({ id: z.number().int(), orgId: z.number().int(), orgName: z.string(), name: z.string(), kind: z.enum(teamKinds), members: z.number().int() });
export const teamListQuery = pageQuery.extend({ orgId: id.optional() });
export const teamMemberBody = z.object({ volunteerId: id });
export const serviceBody = z.object({ activityId: id, hours: z.number().int().min(1).max(MAX_SERVICE_HOURS), volunteerTeamId: id.nullish() });
export const serviceView = z.object({ activityId: z.number().int(), title: z.string(), startsAt: z.string(), hours: z.number().int(), teamName: z.string().nullable(), served: z.number().int() });

export const volunteersOverviewView = z.object({ volunteers: z.number().int(), serviceHoursThisYear: z.number(), pointsEarnedThisYear: z.number().int(), pointsSpentThisYear: z.number().int() });
