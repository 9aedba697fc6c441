import { sql, type Expression, type SqlBool } from 'kysely';
import { inScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees and books which venue: the owner union's cadres (and those above it) manage it; cadres
 * of a union it is shared with, or of one in such a union's subtree, or above one, see and book
 * it; a union may book it for itself when it sits in the owner's subtree or a share's subtree;
 * members of such unions book member-bookable venues.
 */
export const managedVenues = (scope: Scope): Expression<SqlBool> => inScope('venues.org_id', scope);

export function readableVenues(scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<boolean>`1 = 1`;
  if (scope.roots.length === 0) return sql<boolean>`1 = 0`;
  const roots = sql.join(scope.roots);
  return sql<boolean>`(${managedVenues(scope)} or exists (select 1 from venue_shares s where s.venue_id = venues.id and (
    s.org_id in (select descendant_id from org_closure where ancestor_id in (${roots}))
    or s.org_id in (select ancestor_id from org_closure where descendant_id in (${roots})))))`;
}

/** The venues a union (or a member of it) may book: the owner is the union or above it, or a share is. */
export const bookableBy = (orgId: number): Expression<SqlBool> =>
  sql<boolean>`(venues.org_id in (select ancestor_id from org_closure where descendant_id = ${orgId})
    or exists (select 1 from venue_shares s inner join org_closure c on c.ancestor_id = s.org_id where s.venue_id = venues.id and c.descendant_id = ${orgId}))`;
