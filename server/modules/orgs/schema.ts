import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { boolFlag, id, isoDate, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { isValidUscc } from '../../platform/identity.ts';
import { federationLevels, jointBases, orgKinds, teamKinds } from './rules.ts';

export const orgKind = z.enum(orgKinds);
export const level = z.enum(federationLevels);
export const basis = z.enum(jointBases);
export const status = z.enum(['active', 'closed']);

export const createOrgBody = z
  .object({
    name: text(100),
    kind: orgKind,
    parentId: id.nullable(),
    level: level.nullish(),
    basis: basis.nullish(),
    region: optionalText(100),
  })
  .superRefine((o, ctx) => {
    if (o.kind === 'federation' && !o.level) ctx.addIssue({ code: 'custom', path: ['level'], message: 'level_required' });
    if (o.kind === 'joint_union' && !o.basis) ctx.addIssue({ code: 'custom', path: ['basis'], message: 'basis_required' });
  });

export const updateOrgBody = z
  .object({ name: text(100).optional(), region: optionalText(100).optional(), basis: basis.optional() })
  .strict();

export const moveOrgBody = z.object({ parentId: id });

export const orgView = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: orgKind,
  level: level.nullable(),
  basis: basis.nullable(),
  parentId: z.number().int().nullable(),
  region: z.string().nullable(),
  status,
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  childCount: z.number().int().describe('open sub-organisations'),
  enterpriseCount: z.number().int().describe('active enterprises covered directly'),
});

export const orgDetail = orgView.extend({
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string() })).describe('from the top of the caller’s scope down to the parent'),
});

export const orgListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  kind: orgKind.optional(),
  status: status.optional(),
  under: id.optional().describe('only this org’s subtree'),
});
export const orgExportQuery = exportQueryOf(orgListQuery);

export const uscc = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isValidUscc, 'uscc_checksum');

/** 职工人数: a whole number of people, 0 or more; null while not known. */
export const employees = z.number().int().min(0).max(10_000_000);

export const createEnterpriseBody = z.object({
  name: text(100),
  uscc,
  orgId: id,
  industry: optionalText(50),
  foundedOn: isoDate.nullish(),
  employees: employees.nullish(),
  newEconomy: z.boolean().default(false),
});

export const updateEnterpriseBody = z
  .object({
    name: text(100).optional(),
    orgId: id.optional(),
    industry: optionalText(50).optional(),
    foundedOn: isoDate.nullable().optional(),
    employees: employees.nullable().optional(),
    newEconomy: z.boolean().optional(),
  })
  .strict();

export const enterpriseView = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string(),
  industry: z.string().nullable(),
  foundedOn: z.string().nullable(),
  employees: z.number().int().nullable().describe('职工人数; null while not known'),
  newEconomy: z.boolean(),
  orgId: z.number().int(),
  orgName: z.string(),
  hasUnion: z.boolean().describe('covered by a union rather than only by a federation'),
  needsUnion: z.boolean().describe('no union and founded more than a year ago: a prompt to set one up'),
  status,
  teamCount: z.number().int(),
  createdAt: z.string(),
});

export const enterpriseListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  orgId: id.optional().describe('this org’s whole subtree'),
  withoutUnion: boolFlag.optional(),
  newEconomy: boolFlag.optional(),
  status: status.optional(),
});
export const enterpriseExportQuery = exportQueryOf(enterpriseListQuery);

export const teamKind = z.enum(teamKinds);
export const createTeamBody = z.object({ name: text(100), kind: teamKind, enterpriseId: id });
export const updateTeamBody = z.object({ name: text(100).optional(), kind: teamKind.optional() }).strict();
export const teamView = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: teamKind,
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  orgId: z.number().int(),
  status,
  createdAt: z.string(),
});
export const teamListQuery = pageQuery.extend({
  enterpriseId: id.optional(),
  orgId: id.optional(),
  q: z.string().trim().max(50).optional(),
  status: status.optional(),
});
