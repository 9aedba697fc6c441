import crypto from 'node:crypto';
import { compiledOnce, type Tx } from '../db/database.ts';
import type { CachedSession, Deps, SessionUser } from './context.ts';
import type { Grant } from './access.ts';

export const SESSION_COOKIE = 'gh_session';

const digest = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

/**
 * Server-side sessions. The cookie holds a random token; the table holds only its SHA-256, so a
 * copy of the database cannot be replayed as a login.
 */
export async function createSession(tx: Tx, deps: Deps, userId: number, ip: string | null) {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const now = deps.clock();
  const expires = new Date(now.getTime() + deps.config.sessionHours * 3600_000);
  await tx
    .insertInto('sessions')
    .values({
      id: digest(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
      last_seen_at: now.toISOString(),
      ip,
    })
    .execute();
  return { token, csrfToken, expiresAt: expires };
}

export async function endSession(tx: Tx, deps: Deps, sessionId: string): Promise<void> {
  await tx.deleteFrom('sessions').where('id', '=', sessionId).execute();
  await deps.sessions.changed(tx, { session: sessionId });
}

/** Ends every session of a user: logout everywhere, password change, disabling. */
export async function endAllSessions(tx: Tx, deps: Deps, userId: number): Promise<void> {
  await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await deps.sessions.changed(tx, { user: userId });
}

/** A grant on a closed org no longer gives anything. */
const grantCounts = (orgId: number | null, orgStatus: string | null) => orgId === null || orgStatus === 'active';

export async function loadGrants(tx: Tx, userId: number): Promise<Grant[]> {
  const rows = await tx
    .selectFrom('role_grants')
    .leftJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['role_grants.id', 'role_grants.role', 'role_grants.org_id', 'orgs.status as org_status'])
    .where('role_grants.user_id', '=', userId)
    .orderBy('role_grants.id')
    .execute();
  return rows.filter((r) => grantCounts(r.org_id, r.org_status)).map((r) => ({ id: r.id, role: r.role, orgId: r.org_id }));
}

/**
 * The session, its user and the user's grants in one query (one row per grant, or one row with
 * null grant columns). Kept in the session cache (platform/session-cache.ts) between requests:
 * every logout, password change, disabling or grant change calls `deps.sessions.changed`, which
 * reaches every server process at once. Compiled once: it runs whenever the cache misses.
 */
const sessionQuery = compiledOnce((db, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('role_grants', 'role_grants.user_id', 'users.id')
    .leftJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.disabled',
      'role_grants.id as grant_id',
      'role_grants.role',
      'role_grants.org_id',
      'orgs.status as org_status',
    ])
    .where('sessions.id', '=', id)
    .orderBy('role_grants.id'),
);

async function readSession(deps: Deps, id: string): Promise<CachedSession | null> {
  const epoch = deps.sessions.epoch();
  const rows = await sessionQuery(deps.db, id);
  const row = rows[0];
  if (!row) return null;
  if (row.disabled) {
    await endSession(deps.db, deps, id);
    return null;
  }
  const session: CachedSession = {
    user: {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      grants: rows.filter((r) => r.grant_id !== null && grantCounts(r.org_id, r.org_status)).map((r) => ({ id: r.grant_id!, role: r.role!, orgId: r.org_id })),
      sessionId: row.id,
      csrfToken: row.csrf_token,
    },
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
  };
  deps.sessions.put(id, row.user_id, session, epoch);
  return session;
}

/** The user behind a session cookie, or null when the session is unknown, expired or disabled. */
export async function loadSession(deps: Deps, token: string): Promise<SessionUser | null> {
  const id = digest(token);
  const now = deps.clock();
  const session = deps.sessions.get(id) ?? (await readSession(deps, id));
  if (!session) return null;
  if (session.expiresAt <= now.toISOString()) {
    await endSession(deps.db, deps, id);
    return null;
  }
  // Refresh last-seen at most once a minute: a write per request would cost more than it tells.
  if (now.getTime() - Date.parse(session.lastSeenAt) > 60_000) {
    session.lastSeenAt = now.toISOString();
    await deps.db.updateTable('sessions').set({ last_seen_at: session.lastSeenAt }).where('id', '=', id).execute();
  }
  return { ...session.user, grants: [...session.user.grants] };
}
