import type { Expression, SqlBool } from 'kysely';
import { inAudience, inScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees which contests, in one place (like hitobito's readables), each a SQL filter:
 * - cadres: the contests of the orgs in their scope (`activity.read`, `activity.write`);
 * - workers: the contests whose audience holds them — open to all, or published by a union of
 *   their membership's chain;
 * - a person who is both reaches a contest through either.
 */
export const readableByCadre = (scope: Scope): Expression<SqlBool> => inScope('contests.org_id', scope);

export const readableByPerson = (memberOrgId: number | null): Expression<SqlBool> => inAudience('contests.org_id', 'contests.open_to_all', memberOrgId);
