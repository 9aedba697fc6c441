import type { Expression, SqlBool } from 'kysely';
import type { SessionUser } from '../../platform/context.ts';
import { holds, inAudience, inScope, writeScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees which activities, in one place (like hitobito's readables), each a SQL filter:
 * - cadres: the activities of the orgs in their scope (`activity.read`, `activity.write`);
 * - workers: the activities whose audience holds them — open to all, or published by a union of
 *   their membership's chain. A worker without a membership sees the open ones only.
 */
export const readableByCadre = (scope: Scope): Expression<SqlBool> => inScope('activities.org_id', scope);

export const readableByPerson = (memberOrgId: number | null): Expression<SqlBool> => inAudience('activities.org_id', 'activities.open_to_all', memberOrgId);

/** 1 where the caller may change the activity — the filter the write routes apply, over their activity.write scope — else 0, as `writes`. */
export const writableByCadre = (user: SessionUser | null | undefined) => holds(readableByCadre(writeScope(user, 'activity.write'))).as('writes');
