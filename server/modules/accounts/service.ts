import crypto from 'node:crypto';
import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, conflict, fieldError, forbidden, notFound, refused } from '../../platform/errors.ts';
import { inScope, requireOrgInScope, rolePermissions, type Grant, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { maskPhone } from '../../platform/pii.ts';
import { checkPasswordPolicy, dummyVerify, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { createSession, endAllSessions, endSession, loadGrants } from '../../platform/sessions.ts';
import { LOCK_AFTER_FAILURES, LOCK_DURATION_MS, LOCK_WINDOW_MS } from './rules.ts';
import type { createUserBody, grantBody, grantListQuery, updateUserBody, userListQuery } from './schema.ts';


type CreateUser = z.infer<typeof createUserBody>;

/** The logged-in user's grants, each with its org's name and the permissions its role gives. */
async function grantViews(tx: Tx, grants: Grant[]) {
  const orgIds = grants.map((g) => g.orgId).filter((v): v is number => v !== null);
  const names = orgIds.length
    ? new Map((await tx.selectFrom('orgs').select(['id', 'name']).where('id', 'in', orgIds).execute()).map((o) => [o.id, o.name]))
    : new Map<number, string>();
  return grants.map((g) => ({
    id: g.id,
    role: g.role,
    orgId: g.orgId,
    orgName: g.orgId === null ? null : names.get(g.orgId) ?? null,
    permissions: rolePermissions(g.role),
  }));
}

export async function currentUserView(deps: Deps, user: { id: number; username: string; displayName: string; grants: Grant[] }) {
  return { id: user.id, username: user.username, displayName: user.displayName, grants: await grantViews(deps.db, user.grants) };
}

// ---------- login, logout, password ----------

async function findLoginUser(deps: Deps, login: string) {
  const byName = await deps.db.selectFrom('users').selectAll().where('username', '=', login).executeTakeFirst();
  if (byName || !/^1\d{10}$/.test(login)) return byName;
  return deps.db.selectFrom('users').selectAll().where('phone_hash', '=', deps.pii.hash(login)).executeTakeFirst();
}

/** Counts a wrong password inside the 15-minute window; the fifth locks the account. */
async function recordFailure(deps: Deps, caller: Caller, userId: number): Promise<void> {
  const now = deps.clock();
  const windowStart = new Date(now.getTime() - LOCK_WINDOW_MS).toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('users')
      .set((eb) => ({
        failed_logins: eb
          .case()
          .when(eb.or([eb('failed_since', 'is', null), eb('failed_since', '<', windowStart)]))
          .then(1)
          .else(eb('failed_logins', '+', 1))
          .end(),
        failed_since: eb
          .case()
          .when(eb.or([eb('failed_since', 'is', null), eb('failed_since', '<', windowStart)]))
          .then(now.toISOString())
          .else(eb.ref('failed_since'))
          .end(),
      }))
      .where('id', '=', userId)
      .returning(['failed_logins'])
      .executeTakeFirstOrThrow();
    const locked = row.failed_logins >= LOCK_AFTER_FAILURES;
    if (locked) {
      await tx
        .updateTable('users')
        .set({ locked_until: new Date(now.getTime() + LOCK_DURATION_MS).toISOString(), failed_logins: 0, failed_since: null })
        .where('id', '=', userId)
        .execute();
    }
    await audit(tx, caller.actor, { action: locked ? 'auth.locked' : 'auth.login_failed', entity: 'user', entityId: userId, orgId: null });
  });
}

export async function login(deps: Deps, caller: Caller, input: { username: string; password: string }) {
  const user = await findLoginUser(deps, input.username);
  if (!user) {
    await dummyVerify(input.password);
    throw new AppError(401, 'invalid_credentials');
  }
  const now = deps.clock();
  if (user.locked_until && user.locked_until > now.toISOString()) {
    const minutes = Math.max(1, Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000));
    throw new AppError(429, 'account_locked', { minutes });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordFailure(deps, caller, user.id);
    throw new AppError(401, 'invalid_credentials');
  }
  if (user.disabled) throw new AppError(403, 'account_disabled');
  return deps.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ failed_logins: 0, failed_since: null, locked_until: null, last_login_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    const session = await createSession(tx, deps, user.id, caller.actor.ip);
    await audit(tx, { ...caller.actor, userId: user.id }, { action: 'auth.login', entity: 'user', entityId: user.id, orgId: user.home_org_id });
    const grants = await loadGrants(tx, user.id);
    return {
      session,
      user: { id: user.id, username: user.username, displayName: user.display_name, grants: await grantViews(tx, grants) },
    };
  });
}

export async function logout(deps: Deps, caller: Caller): Promise<void> {
  const user = caller.user!;
  await deps.db.transaction().execute(async (tx) => {
    await endSession(tx, user.sessionId);
    await audit(tx, caller.actor, { action: 'auth.logout', entity: 'user', entityId: user.id, orgId: null });
  });
}

export async function me(deps: Deps, caller: Caller) {
  const user = caller.user!;
  const row = await deps.db.selectFrom('users').select('phone_enc').where('id', '=', user.id).executeTakeFirstOrThrow();
  return {
    ...(await currentUserView(deps, user)),
    phone: row.phone_enc ? maskPhone(deps.pii.decrypt(row.phone_enc)) : null,
    csrfToken: user.csrfToken,
  };
}

/** Changes one's own password: every session ends, and this device gets a fresh one. */
export async function changeOwnPassword(deps: Deps, caller: Caller, input: { currentPassword: string; newPassword: string }) {
  const user = caller.user!;
  const row = await deps.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw fieldError('currentPassword', 'wrong_password');
  }
  checkPasswordPolicy(input.newPassword, user.username, 'newPassword');
  const hash = await hashPassword(input.newPassword);
  return deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: hash, updated_at: caller.actor.now }).where('id', '=', user.id).execute();
    await endAllSessions(tx, user.id);
    await audit(tx, caller.actor, { action: 'user.password_changed', entity: 'user', entityId: user.id, orgId: null });
    return createSession(tx, deps, user.id, caller.actor.ip);
  });
}

// ---------- users ----------

/** Users a caller may see: accounts belonging to an org in scope, or holding a role in scope. */
function visibleUsers(tx: Tx, scope: Scope) {
  return tx.selectFrom('users').where((eb) =>
    scope.all
      ? eb.lit(true)
      : eb.or([
          inScope('users.home_org_id', scope),
          eb.exists(
            eb
              .selectFrom('role_grants')
              .select('role_grants.id')
              .whereRef('role_grants.user_id', '=', 'users.id')
              .where((g) => inScope('role_grants.org_id', scope)),
          ),
        ]),
  );
}

async function requireVisibleUser(tx: Tx, scope: Scope, userId: number) {
  const user = await visibleUsers(tx, scope).selectAll('users').where('users.id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('user');
  return user;
}

async function isPlatformAdmin(tx: Tx, userId: number): Promise<boolean> {
  const row = await tx.selectFrom('role_grants').select('id').where('user_id', '=', userId).where('role', '=', 'admin').executeTakeFirst();
  return !!row;
}

async function userViews(deps: Deps, tx: Tx, rows: { id: number; username: string; display_name: string; phone_enc: string | null; home_org_id: number | null; disabled: number; last_login_at: string | null; created_at: string }[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const grants = await tx
    .selectFrom('role_grants')
    .leftJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['role_grants.id', 'role_grants.user_id', 'role_grants.role', 'role_grants.org_id', 'orgs.name as org_name'])
    .where('role_grants.user_id', 'in', ids)
    .orderBy('role_grants.id')
    .execute();
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

export async function listUsers(deps: Deps, caller: Caller, query: z.infer<typeof userListQuery>) {
  let q = visibleUsers(deps.db, caller.scope);
  if (query.q) {
    const like = `%${query.q}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'like', like), eb('users.display_name', 'like', like)]));
  }
  if (query.orgId) {
    await requireOrgInScope(deps.db, caller.scope, query.orgId);
    q = q.where((eb) => inScope('users.home_org_id', { all: false, roots: [query.orgId!] }));
  }
  if (query.disabled !== undefined) q = q.where('users.disabled', '=', query.disabled ? 1 : 0);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .selectAll('users')
    .orderBy('users.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: await userViews(deps, deps.db, rows), total: Number(total) };
}

export async function getUser(deps: Deps, caller: Caller, userId: number) {
  const row = await requireVisibleUser(deps.db, caller.scope, userId);
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

export async function createUser(deps: Deps, caller: Caller, input: CreateUser) {
  checkPasswordPolicy(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    const homeOrgId = await resolveHomeOrg(tx, caller.scope, input.orgId);
    if (await tx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst()) {
      throw conflict('username_taken');
    }
    const phoneHash = input.phone ? deps.pii.hash(input.phone) : null;
    if (phoneHash && (await tx.selectFrom('users').select('id').where('phone_hash', '=', phoneHash).executeTakeFirst())) {
      throw conflict('phone_taken');
    }
    const now = caller.actor.now;
    const { id } = await tx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        phone_enc: input.phone ? deps.pii.encrypt(input.phone) : null,
        phone_hash: phoneHash,
        home_org_id: homeOrgId,
        disabled: 0,
        failed_logins: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, {
      action: 'user.create',
      entity: 'user',
      entityId: id,
      orgId: homeOrgId,
      after: { username: input.username, displayName: input.displayName, phone: input.phone ?? null, homeOrgId },
    });
    return { id };
  });
}

/** Only a platform admin may change an admin's account; only a caller covering all of an account's authority may change it. */
async function requireManageable(tx: Tx, caller: Caller, userId: number) {
  const user = await requireVisibleUser(tx, caller.scope, userId);
  if (caller.scope.all) return user;
  if (await isPlatformAdmin(tx, userId)) throw forbidden();
  // Seeing an account is not owning it: one whose home or any role lies outside the caller's scope
  // (a sibling street's cadre who is also a member here) must not be reset, renamed or disabled,
  // or a street cadre could take over a sibling street's cadre.
  const homeOutside =
    user.home_org_id !== null &&
    !(await tx.selectFrom('orgs').select('id').where('id', '=', user.home_org_id).where(inScope('orgs.id', caller.scope)).executeTakeFirst());
  const grantOutside = await tx
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where((eb) => eb.not(inScope('role_grants.org_id', caller.scope)))
    .executeTakeFirst();
  if (homeOutside || grantOutside) throw forbidden();
  return user;
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
      if (phoneHash) {
        const other = await tx.selectFrom('users').select('id').where('phone_hash', '=', phoneHash).where('id', '!=', userId).executeTakeFirst();
        if (other) throw conflict('phone_taken');
      }
      set.phone_hash = phoneHash;
      set.phone_enc = input.phone ? deps.pii.encrypt(input.phone) : null;
    }
    await tx.updateTable('users').set(set).where('id', '=', userId).execute();
    // A disabled account's sessions end at once.
    if (input.disabled) await endAllSessions(tx, userId);
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
    await endAllSessions(tx, userId);
    await audit(tx, caller.actor, { action: 'user.password_reset', entity: 'user', entityId: userId, orgId: target.home_org_id });
  });
}

// ---------- role grants ----------

export async function listGrants(deps: Deps, caller: Caller, query: z.infer<typeof grantListQuery>) {
  let q = deps.db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .leftJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .where((eb) => inScope('role_grants.org_id', caller.scope));
  if (query.userId) q = q.where('role_grants.user_id', '=', query.userId);
  if (query.role) q = q.where('role_grants.role', '=', query.role);
  if (query.orgId) q = q.where((eb) => inScope('role_grants.org_id', { all: false, roots: [query.orgId!] }));
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .select([
      'role_grants.id',
      'role_grants.role',
      'role_grants.org_id',
      'role_grants.user_id',
      'role_grants.created_at',
      'orgs.name as org_name',
      'users.username',
      'users.display_name',
    ])
    .orderBy('role_grants.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      role: r.role,
      orgId: r.org_id,
      orgName: r.org_name,
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      createdAt: r.created_at,
    })),
    total: Number(total),
  };
}

export async function createGrant(deps: Deps, caller: Caller, input: z.infer<typeof grantBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const target = await requireVisibleUser(tx, caller.scope, input.userId);
    let orgId: number | null = null;
    if (input.role === 'admin') {
      if (!caller.scope.all) throw new AppError(403, 'grant_admin_only');
    } else {
      if (!input.orgId) throw fieldError('orgId', 'grant_org_required');
      await requireOrgInScope(tx, caller.scope, input.orgId);
      const org = await tx.selectFrom('orgs').select('status').where('id', '=', input.orgId).executeTakeFirstOrThrow();
      if (org.status === 'closed') throw refused('org_closed');
      orgId = input.orgId;
    }
    const existing = await tx
      .selectFrom('role_grants')
      .select('id')
      .where('user_id', '=', target.id)
      .where('role', '=', input.role)
      .where((eb) => (orgId === null ? eb('org_id', 'is', null) : eb('org_id', '=', orgId)))
      .executeTakeFirst();
    if (existing) throw conflict('grant_exists');
    const { id } = await tx
      .insertInto('role_grants')
      .values({ user_id: target.id, role: input.role, org_id: orgId, created_by: caller.user!.id, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, {
      action: 'role_grant.create',
      entity: 'role_grant',
      entityId: id,
      orgId,
      after: { userId: target.id, username: target.username, role: input.role, orgId },
    });
    return { id, userId: target.id, role: input.role, orgId };
  }).catch((err) => {
    // The same grant made twice at the same moment: the unique indexes let one in.
    if (isUniqueViolation(err)) throw conflict('grant_exists');
    throw err;
  });
}

export async function revokeGrant(deps: Deps, caller: Caller, grantId: number) {
  await deps.db.transaction().execute(async (tx) => {
    const grant = await tx
      .selectFrom('role_grants')
      .selectAll()
      .where('id', '=', grantId)
      .where((eb) => inScope('role_grants.org_id', caller.scope))
      .executeTakeFirst();
    if (!grant) throw notFound('role_grant');
    await tx.deleteFrom('role_grants').where('id', '=', grantId).execute();
    await audit(tx, caller.actor, {
      action: 'role_grant.revoke',
      entity: 'role_grant',
      entityId: grantId,
      orgId: grant.org_id,
      before: { userId: grant.user_id, role: grant.role, orgId: grant.org_id },
    });
  });
}

/** The built-in `admin` account: created when missing; its password set from the setting if given. */
export async function ensureAdmin(deps: Deps, password: string | undefined): Promise<{ created: boolean; password?: string }> {
  const existing = await deps.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (existing && !password) return { created: false };
  const chosen = password ?? crypto.randomBytes(12).toString('base64url');
  const hash = await hashPassword(chosen);
  const now = deps.clock().toISOString();
  const actor = { userId: null, ip: null, now };
  return deps.db.transaction().execute(async (tx) => {
    let userId = existing?.id;
    if (userId) {
      await tx.updateTable('users').set({ password_hash: hash, locked_until: null, failed_logins: 0, failed_since: null, disabled: 0, updated_at: now }).where('id', '=', userId).execute();
      await endAllSessions(tx, userId);
      await audit(tx, actor, { action: 'user.password_reset', entity: 'user', entityId: userId, orgId: null });
    } else {
      const row = await tx
        .insertInto('users')
        .values({ username: 'admin', display_name: '平台管理员', password_hash: hash, home_org_id: null, disabled: 0, failed_logins: 0, created_at: now, updated_at: now, phone_enc: null, phone_hash: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      userId = row.id;
      await audit(tx, actor, { action: 'user.create', entity: 'user', entityId: userId, orgId: null, after: { username: 'admin' } });
    }
    if (!(await isPlatformAdmin(tx, userId))) {
      await tx.insertInto('role_grants').values({ user_id: userId, role: 'admin', org_id: null, created_by: null, created_at: now }).execute();
    }
    return { created: !existing, password: existing ? undefined : chosen };
  });
}
