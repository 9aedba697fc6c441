import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope, type Scope } from '../../platform/access.ts';

/**
 * Who may see and change which accounts and role grants, as SQL filters (in the manner of
 * hitobito's readables): every list and lookup of users and grants adds one of these to its
 * `where`, so the database does the filtering and an account outside them answers 404 exactly
 * like a missing one. The caller's own account is not special here: /api/me serves it.
 */

/** Accounts a caller may see: those belonging to an org in scope, or holding a role on one. */
export function readableUsers(scope: Scope): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'users'>();
  if (scope.all) return eb.lit(true);
  return eb.or([
    inScope('users.home_org_id', scope),
    eb.exists(eb.selectFrom('role_grants').select('role_grants.id').whereRef('role_grants.user_id', '=', 'users.id').where(inScope('role_grants.org_id', scope))),
  ]);
}

/**
 * Accounts a caller may rename, disable or reset, among those it sees: seeing an account is not
 * owning it. One whose home or any role lies outside the scope (a sibling street's cadre who is
 * also a member here) stays out of reach, or a street cadre could take over a sibling street's
 * cadre; only a platform admin may change an admin's account.
 */
export function manageableUsers(scope: Scope): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'users'>();
  if (scope.all) return eb.lit(true);
  return eb.and([
    eb.or([eb('users.home_org_id', 'is', null), inScope('users.home_org_id', scope)]),
    eb.not(
      eb.exists(
        eb
          .selectFrom('role_grants')
          .select('role_grants.id')
          .whereRef('role_grants.user_id', '=', 'users.id')
          .where((g) => g.or([g('role_grants.role', '=', 'admin'), g.not(inScope('role_grants.org_id', scope))])),
      ),
    ),
  ]);
}

/** Role grants a caller may see and revoke: those on an org in scope (the admin role, on no org, only to a platform admin). */
export const readableGrants = (scope: Scope): Expression<SqlBool> => inScope('role_grants.org_id', scope);
