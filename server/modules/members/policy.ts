import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SessionUser } from '../../platform/context.ts';
import { holds, inScope, scopeFor, writeScope, type Scope } from '../../platform/access.ts';

/**
 * Who may see which members, join applications and transfers, as SQL filters (in the manner of
 * hitobito's readables). Every list and every lookup of the module adds one of these to its
 * `where`, so a page is filtered by the database, and a record outside them answers 404 exactly
 * like a missing one. Cadres reach records through the union they belong to (`scope`: the
 * caller's scope for the route's permission, member.read to look, member.write to act); a worker
 * reaches their own through the account linked to them.
 */

// ---------- the roll ----------

/** Members a cadre may see: those of a union in scope. */
export const readableMembers = (scope: Scope): Expression<SqlBool> => inScope('members.org_id', scope);

/** The member record linked to one's own account. */
export const ownMember = (userId: number): Expression<SqlBool> => expressionBuilder<DB, 'members'>()('members.user_id', '=', userId);

/** Members a caller may act for (start a transfer): their own record, or one of a union where they hold member.write. */
export function actableMembers(user: SessionUser): Expression<SqlBool> {
  return expressionBuilder<DB, 'members'>().or([ownMember(user.id), readableMembers(scopeFor(user.grants, 'member.write'))]);
}

// ---------- join applications ----------

/** Applications a cadre may see and decide: those to a union in scope. */
export const readableApplications = (scope: Scope): Expression<SqlBool> => inScope('join_applications.org_id', scope);

/** One's own applications. */
export const ownApplications = (userId: number): Expression<SqlBool> => expressionBuilder<DB, 'join_applications'>()('join_applications.user_id', '=', userId);

// ---------- transfers ----------

/**
 * Transfers a cadre may see: incoming ones, to a union in scope, or outgoing ones, from a union in
 * scope. The receiving side accepts or declines: a decision needs the transfer incoming.
 */
export function readableTransfers(scope: Scope, direction: 'incoming' | 'outgoing'): Expression<SqlBool> {
  return inScope(direction === 'incoming' ? 'transfers.to_org_id' : 'transfers.from_org_id', scope);
}

/** Transfers a caller may withdraw (members joined): outgoing from a union where they hold member.write, or their own. */
export function cancellableTransfers(user: SessionUser): Expression<SqlBool> {
  return expressionBuilder<DB, 'transfers' | 'members'>().or([readableTransfers(scopeFor(user.grants, 'member.write'), 'outgoing'), ownMember(user.id)]);
}

// ---------- what the caller may do, per row (for `actions`) ----------

/** 1 where the caller may decide the application — the approve and reject routes' filter over member.write — else 0, as `decides`. */
export const decidableApplication = (user: SessionUser | null | undefined) => holds(readableApplications(writeScope(user, 'member.write'))).as('decides');

/** 1 where the caller may accept or decline the transfer (incoming, member.write), as `decides`. */
export const decidableTransfer = (user: SessionUser | null | undefined) => holds(readableTransfers(writeScope(user, 'member.write'), 'incoming')).as('decides');

/** 1 where the caller may withdraw the transfer (the cancel route's filter), as `cancels`; needs `members` joined. */
export const cancellableTransfer = (user: SessionUser) => holds(cancellableTransfers(user)).as('cancels');
