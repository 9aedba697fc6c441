import { z } from 'zod';
import { permissions, roles, type Permission } from '../../platform/access.ts';
import { exportQueryOf } from '../../platform/exports.ts';
import { accountMembership } from '../members/index.ts';
import { boolFlag, id, mobilePhone, pageQuery, text } from '../../platform/validation.ts';

export const role = z.enum(roles);

export const grantView = z.object({
  id: z.number().int(),
  role,
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
});

/** A grant of the logged-in user, with what it allows over the org's subtree (the console shows menus and buttons from it). */
// Lazy: the modules register their permissions when the app is built, after this file loads.
export const sessionGrant = grantView.extend({ permissions: z.array(z.lazy(() => z.enum(permissions() as [Permission, ...Permission[]]))) });

export const currentUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(sessionGrant),
});

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export const loginResponse = z.object({ csrfToken: z.string(), user: currentUser });

export const meResponse = currentUser.extend({
  phone: z.string().nullable().describe('masked'),
  member: accountMembership.describe('the member record linked to this account, null when none (or it has ended)'),
  csrfToken: z.string(),
});

export const smsCodeBody = z.object({ phone: mobilePhone, purpose: z.literal('signup').default('signup') });

export const signupBody = z.object({
  phone: mobilePhone,
  code: z.string().trim().regex(/^\d{6}$/, 'sms_code_format'),
  password: z.string().max(128),
  displayName: text(50).optional(),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().max(128),
});
export const csrfResponse = z.object({ csrfToken: z.string() });

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'username_format');

export const createUserBody = z.object({
  username,
  password: z.string().max(128),
  displayName: text(50),
  phone: mobilePhone.optional(),
  orgId: id.optional().describe('the organisation the account belongs to; defaults to the caller’s own when there is only one'),
});

export const updateUserBody = z
  .object({
    displayName: text(50).optional(),
    phone: mobilePhone.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

export const resetPasswordBody = z.object({ password: z.string().max(128) });

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  orgId: id.optional(),
  disabled: boolFlag.optional(),
});
export const userExportQuery = exportQueryOf(userListQuery);

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable().describe('masked'),
  homeOrgId: z.number().int().nullable(),
  homeOrgName: z.string().nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(grantView),
});

export const grantBody = z.object({
  userId: id,
  role,
  orgId: id.nullable().optional().describe('required for every role except admin'),
});

export const grantListQuery = pageQuery.extend({ userId: id.optional(), orgId: id.optional(), role: role.optional() });

export const grantItem = grantView.extend({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  createdAt: z.string(),
});
