import crypto from 'node:crypto';
import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, fieldError, forbidden, notFound, refused } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate, TOTAL_CAP } from '../../platform/paging.ts';
import { shanghaiMinute } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import { maskPhone } from '../../platform/pii.ts';
import { checkPasswordPolicy, hashPassword } from '../../platform/passwords.ts';
import { endAllSessions } from '../../platform/sessions.ts';
import { exportTexts as t } from './messages.ts';
import { manageableUsers, readableUsers } from './policy.ts';
import { ADMIN_DISPLAY_NAME } from './rules.ts';
import type { createUserBody, updateUserBody, userExportQuery, userListQuery } from './schema.ts';

/** Accounts: cadres list, create and change them; the built-in admin is ensured at start. */

/** Inserts an account (made by a cadre, signed up by a worker, or the built-in admin); returns its id. */
export async function insertUser(
  tx: Tx,
  deps: Deps,
  user: { username: string; displayName: string; passwordHash: string; phone: string | null; homeOrgId: number | null; now: string },
): Promise<number> {
  const { id } = await tx
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      phone_enc: user.phone ? deps.pii.encrypt(user.phone) : null,
      phone_hash: user.phone ? deps.pii.hash(user.phone) : null,
      home_org_id: user.homeOrgId,
      disabled: 0,
      failed_logins: 0,
      created_at: user.now,
      updated_at: user.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Whether another account already has this phone number (login by phone needs it unique). */
export async function phoneTaken(tx: Tx, phoneHash: string, exceptUserId?: number): Promise<boolean> {
  let q = tx.selectFrom('users').select('id').where('phone_hash', '=', phoneHash);
  if (exceptUserId !== undefined) q = q.where('id', '!=', exceptUserId);
  return !!(await q.executeTakeFirst());
}

/** An account the caller may see, or 404. */
export async function requireReadableUser(tx: Tx, scope: Scope, userId: number) {
  const user = await tx.selectFrom('users').selectAll().where('users.id', '=', userId).where(readableUsers(scope)).executeTakeFirst();
  if (!user) throw notFound('user');
  return user;
}

/** An account the caller may change: 404 when it cannot even see it, 403 when it sees but does not own it. */
async function requireManageable(tx: Tx, caller: Caller, userId: number) {
  const user = await requireReadableUser(tx, caller.scope, userId);
  const manageable = await tx.selectFrom('users').select('users.id').where('users.id', '=', userId).where(manageableUsers(caller.scope)).executeTakeFirst();
  if (!manageable) throw forbidden();
  return user;
}

type UserRow = { id: number; username: string; display_name: string; phone_enc: string | null; home_org_id: number | null; disabled: number; last_login_at: string | null; created_at: string };

/** The role grants of a page of accounts, with their orgs' names. */
function grantsOf(tx: Tx, ids: number[]) {
  return tx
    .selectFrom('role_grants')
    .leftJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['role_grants.id', 'role_grants.user_id', 'role_grants.role', 'role_grants.org_id', 'orgs.name as org_name'])
    .where('role_grants.user_id', 'in', ids)
    .orderBy('role_grants.id')
    .execute();
}

async function userViews(deps: Deps, tx: Tx, rows: UserRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const grants = await grantsOf(tx, ids);
  const homeIds = rows.map((r) => r.home_org_id).filter((v): v is number => v !== null);
  const homes = homeIds.length
    ? new Map((await tx.selectFrom('orgs').select(['id', 'name']).where('id', 'in', homeIds).execute()).map((o) => [o.id, o.name]))
    : new Map<number, string>();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    phone: r.phone_enc ? maskPhone(deps.pii.decrypt(r.phone_enc)) : null,
    homeOrgId: r.home_org_id,
    homeOrgName: r.home_org_id === null ? null : homes.get(r.home_org_id) ?? null,
    disabled: r.disabled === 1,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
    grants: grants.filter((g) => g.user_id === r.id).map((g) => ({ id: g.id, role: g.role, orgId: g.org_id, orgName: g.org_name })),
  }));
}

type UserFilters = Omit<z.infer<typeof userListQuery>, 'page' | 'pageSize'>;

/** The accounts in `scope` as the list filters them: the list and its export share it. */
function filteredUsers(tx: Tx, scope: Scope, query: UserFilters) {
  let q = tx.selectFrom('users').where(readableUsers(scope));
  if (query.q) {
    const like = `%${query.q}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'like', like), eb('users.display_name', 'like', like)]));
  }
  if (query.orgId) q = q.where(inSubtree('users.home_org_id', query.orgId));
  if (query.disabled !== undefined) q = q.where('users.disabled', '=', query.disabled ? 1 : 0);
  return q;
}

export async function listUsers(deps: Deps, caller: Caller, query: z.infer<typeof userListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, ...counted } = await paginate(filteredUsers(deps.db, caller.scope, query), query, (q) => q.selectAll('users').orderBy('users.id'), { countUpTo: TOTAL_CAP });
  return { items: await userViews(deps, deps.db, rows), ...counted };
}

/** The accounts as the list filters them, in Excel, with their roles; phones masked unless full data is allowed. */
export async function exportUsers(deps: Deps, caller: Caller, query: z.infer<typeof userExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'users',
    title: t.users,
    orgId: query.orgId,
    filters,
    full,
    fullPermission: 'member.pii',
    rows: (scope) =>
      filteredUsers(deps.db, scope, filters)
        .leftJoin('orgs as home', 'home.id', 'users.home_org_id')
        .select(['users.id', 'users.username', 'users.display_name', 'users.phone_enc', 'home.name as home_name', 'users.disabled', 'users.last_login_at', 'users.created_at']),
    keyset: 'users.id',
    prepare: async (rows) => {
      const grants = await grantsOf(deps.db, rows.map((r) => r.id));
      return rows.map((r) => ({ ...r, grants: grants.filter((g) => g.user_id === r.id) }));
    },
    columns: [
      { header: t.username, value: (u) => u.username, width: 18 },
      { header: t.displayName, value: (u) => u.display_name, width: 14 },
      { header: t.phone, value: (u) => u.phone_enc && deps.pii.decrypt(u.phone_enc), pii: 'phone', width: 16 },
      { header: t.homeOrg, value: (u) => u.home_name, width: 28 },
      { header: t.roles, value: (u, lang) => u.grants.map((g) => (g.org_name ? `${t[g.role][lang]}（${g.org_name}）` : t[g.role][lang])).join('；'), width: 40 },
      { header: t.disabled, value: (u, lang) => (u.disabled === 1 ? t.yes[lang] : ''), width: 8 },
      { header: t.lastLoginAt, value: (u) => u.last_login_at && shanghaiMinute(u.last_login_at), width: 18 },
      { header: t.createdAt, value: (u) => shanghaiMinute(u.created_at), width: 18 },
    ],
  });
}

export async function getUser(deps: Deps, caller: Caller, userId: number) {
  const row = await requireReadableUser(deps.db, caller.scope, userId);
  return (await userViews(deps, deps.db, [row]))[0];
}

async function resolveHomeOrg(tx: Tx, scope: Scope, orgId: number | undefined): Promise<number | null> {
  if (orgId !== undefined) {
    await requireOrgInScope(tx, scope, orgId);
    return orgId;
  }
  if (scope.all) return null;
  if (scope.roots.length === 1) return scope.roots[0];
  throw fieldError('orgId', 'org_id_required');
}

export async function createUser(deps: Deps, caller: Caller, input: z.infer<typeof createUserBody>) {
  checkPasswordPolicy(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    const homeOrgId = await resolveHomeOrg(tx, caller.scope, input.orgId);
    if (await tx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst()) {
      throw conflict('username_taken');
    }
    if (input.phone && (await phoneTaken(tx, deps.pii.hash(input.phone)))) throw conflict('phone_taken');
    const phone = input.phone ?? null;
    const id = await insertUser(tx, deps, { username: input.username, displayName: input.displayName, passwordHash, phone, homeOrgId, now: caller.actor.now });
    await audit(tx, caller.actor, {
      action: 'user.create',
      entity: 'user',
      entityId: id,
      orgId: homeOrgId,
      after: { username: input.username, displayName: input.displayName, phone, homeOrgId },
    });
    return { id };
  });
}

export async function updateUser(deps: Deps, caller: Caller, userId: number, input: z.infer<typeof updateUserBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const before = await requireManageable(tx, caller, userId);
    if (input.disabled && userId === caller.user!.id) throw refused('cannot_disable_self');
    const set: Record<string, unknown> = { updated_at: caller.actor.now };
    if (input.displayName !== undefined) set.display_name = input.displayName;
    if (input.disabled !== undefined) set.disabled = input.disabled ? 1 : 0;
    if (input.phone !== undefined) {
      const phoneHash = input.phone ? deps.pii.hash(input.phone) : null;
      if (phoneHash && (await phoneTaken(tx, phoneHash, userId))) throw conflict('phone_taken');
      set.phone_hash = phoneHash;
      set.phone_enc = input.phone ? deps.pii.encrypt(input.phone) : null;
    }
    await tx.updateTable('users').set(set).where('id', '=', userId).execute();
    // A disabled account's sessions end at once; the others show the new name.
    if (input.disabled) await endAllSessions(tx, deps, userId);
    else await deps.sessions.changed(tx, { user: userId });
    const oldPhone = before.phone_enc ? deps.pii.decrypt(before.phone_enc) : null;
    await audit(tx, caller.actor, {
      action: input.disabled === true ? 'user.disable' : input.disabled === false ? 'user.enable' : 'user.update',
      entity: 'user',
      entityId: userId,
      orgId: before.home_org_id,
      before: { displayName: before.display_name, phone: oldPhone, disabled: before.disabled === 1 },
      after: {
        displayName: input.displayName ?? before.display_name,
        phone: input.phone === undefined ? oldPhone : input.phone,
        disabled: input.disabled ?? before.disabled === 1,
      },
    });
    const row = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    return (await userViews(deps, tx, [row]))[0];
  });
}

/** A cadre sets a new password for someone in scope: their sessions end and any lock lifts. */
export async function resetPassword(deps: Deps, caller: Caller, userId: number, password: string) {
  const target = await requireManageable(deps.db, caller, userId);
  checkPasswordPolicy(password, target.username);
  const hash = await hashPassword(password);
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: hash, failed_logins: 0, failed_since: null, locked_until: null, updated_at: caller.actor.now })
      .where('id', '=', userId)
      .execute();
    await endAllSessions(tx, deps, userId);
    await audit(tx, caller.actor, { action: 'user.password_reset', entity: 'user', entityId: userId, orgId: target.home_org_id });
  });
}

/** The built-in `admin` account: created when missing; its password set from the setting if given. */
export async function ensureAdmin(deps: Deps, password: string | undefined): Promise<{ created: boolean; password?: string }> {
  try {
    return await ensureAdminOnce(deps, password);
  } catch (err) {
    // Several servers started at once on one database: another one created it first.
    if (isUniqueViolation(err)) return ensureAdminOnce(deps, password);
    throw err;
  }
}

async function ensureAdminOnce(deps: Deps, password: string | undefined): Promise<{ created: boolean; password?: string }> {
  const existing = await deps.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (existing && !password) return { created: false };
  const chosen = password ?? crypto.randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(chosen);
  const now = deps.clock().toISOString();
  const actor = { userId: null, ip: null, now };
  return deps.db.transaction().execute(async (tx) => {
    let userId = existing?.id;
    if (userId) {
      await tx
        .updateTable('users')
        .set({ password_hash: passwordHash, locked_until: null, failed_logins: 0, failed_since: null, disabled: 0, updated_at: now })
        .where('id', '=', userId)
        .execute();
      await endAllSessions(tx, deps, userId);
      await audit(tx, actor, { action: 'user.password_reset', entity: 'user', entityId: userId, orgId: null });
    } else {
      userId = await insertUser(tx, deps, { username: 'admin', displayName: ADMIN_DISPLAY_NAME, passwordHash, phone: null, homeOrgId: null, now });
      await audit(tx, actor, { action: 'user.create', entity: 'user', entityId: userId, orgId: null, after: { username: 'admin' } });
    }
    const isAdmin = await tx.selectFrom('role_grants').select('id').where('user_id', '=', userId).where('role', '=', 'admin').executeTakeFirst();
    if (!isAdmin) {
      await tx.insertInto('role_grants').values({ user_id: userId, role: 'admin', org_id: null, created_by: null, created_at: now }).execute();
      await deps.sessions.changed(tx, { user: userId });
    }
    return { created: !existing, password: existing ? undefined : chosen };
  });
}

/**
 * An account with one role grant, made inside another module's transaction (a co-building
 * partner's contact): the username and phone must be free (409 otherwise), the password meets the
 * policy, and both rows are audited with the caller.
 */
export async function insertAccountWithGrant(
  tx: Tx,
  deps: Deps,
  caller: Caller,
  input: { username: string; displayName: string; password: string; phone: string | null; orgId: number; role: 'partner_contact' | 'card_verifier' },
): Promise<number> {
  checkPasswordPolicy(input.password, input.username);
  if (await tx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst()) throw conflict('username_taken');
  if (input.phone && (await phoneTaken(tx, deps.pii.hash(input.phone)))) throw conflict('phone_taken');
  const passwordHash = await hashPassword(input.password);
  const id = await insertUser(tx, deps, { username: input.username, displayName: input.displayName, passwordHash, phone: input.phone, homeOrgId: input.orgId, now: caller.actor.now });
  await audit(tx, caller.actor, { action: 'user.create', entity: 'user', entityId: id, orgId: input.orgId, after: { username: input.username, displayName: input.displayName, phone: input.phone, homeOrgId: input.orgId } });
  const grant = await tx
    .insertInto('role_grants')
    .values({ user_id: id, role: input.role, org_id: input.orgId, created_by: caller.user!.id, created_at: caller.actor.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(tx, caller.actor, { action: 'role_grant.create', entity: 'role_grant', entityId: grant.id, orgId: input.orgId, after: { userId: id, username: input.username, role: input.role, orgId: input.orgId } });
  return id;
}
