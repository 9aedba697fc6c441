import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { rolePermissions, type Grant } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { maskPhone } from '../../platform/pii.ts';
import { checkPasswordPolicy, dummyVerify, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { createSession, endAllSessions, endSession, loadGrants } from '../../platform/sessions.ts';
import { accountMembershipOf } from '../members/index.ts';
import { LOCK_AFTER_FAILURES, LOCK_DURATION_MS, LOCK_WINDOW_MS } from './rules.ts';

/** Logging in and out, the logged-in user, and changing one's own password. */

/** The logged-in user with their grants, each with its org's name and the permissions its role gives. */
export async function currentUserView(tx: Tx, user: { id: number; username: string; displayName: string; grants: Grant[] }) {
  const orgIds = user.grants.map((g) => g.orgId).filter((v): v is number => v !== null);
  const names = orgIds.length
    ? new Map((await tx.selectFrom('orgs').select(['id', 'name']).where('id', 'in', orgIds).execute()).map((o) => [o.id, o.name]))
    : new Map<number, string>();
  const grants = user.grants.map((g) => ({
    id: g.id,
    role: g.role,
    orgId: g.orgId,
    orgName: g.orgId === null ? null : names.get(g.orgId) ?? null,
    permissions: rolePermissions(g.role),
  }));
  return { id: user.id, username: user.username, displayName: user.displayName, grants };
}

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
    return { session, user: await currentUserView(tx, { id: user.id, username: user.username, displayName: user.display_name, grants }) };
  });
}

export async function logout(deps: Deps, caller: Caller): Promise<void> {
  const user = caller.user!;
  await deps.db.transaction().execute(async (tx) => {
    await endSession(tx, deps, user.sessionId);
    await audit(tx, caller.actor, { action: 'auth.logout', entity: 'user', entityId: user.id, orgId: null });
  });
}

export async function me(deps: Deps, caller: Caller) {
  const user = caller.user!;
  const row = await deps.db.selectFrom('users').select('phone_enc').where('id', '=', user.id).executeTakeFirstOrThrow();
  return {
    ...(await currentUserView(deps.db, user)),
    phone: row.phone_enc ? maskPhone(deps.pii.decrypt(row.phone_enc)) : null,
    member: await accountMembershipOf(deps.db, user.id),
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
    await endAllSessions(tx, deps, user.id);
    await audit(tx, caller.actor, { action: 'user.password_changed', entity: 'user', entityId: user.id, orgId: null });
    return createSession(tx, deps, user.id, caller.actor.ip);
  });
}
