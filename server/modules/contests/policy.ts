import type { Expression, SqlBool } from 'kysely';
import type { SessionUser } from '../../platform/context.ts';
import { holds, inAudience, inScope, writeScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees which contests, in one place (like hitobito's readables), each a SQL filter:
 * - cadres: the contests of the orgs in their scope (`activity.read`, `activity.write`);
 * - workers: the contests whose audience holds them — open to all, or published by a union of
 *   their membership's chain;
 * - a person who is both reaches a contest through either.
 */
export const readableByCadre = (scope: Scope): Expression<SqlBool> => inScope('contests.org_id', scope);

export const readableByPerson = (memberOrgId: number | null): Expression<SqlBool> => inAudience('contests.org_id', 'contests.open_to_all', memberOrgId);

/** 1 where the caller may write the contest — the filter its write routes (moderation) apply over their activity.write scope — else 0, as `writes`. */
export const writableByCadre = (user: SessionUser | null | undefined) => holds(readableByCadre(writeScope(user, 'activity.write'))).as('writes');
