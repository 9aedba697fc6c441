import type { Expression, SqlBool } from 'kysely';
import { inAudience, inScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees which activities, in one place (like hitobito's readables), each a SQL filter:
 * - cadres: the activities of the orgs in their scope (`activity.read`, `activity.write`);
 * - workers: the activities whose audience holds them — open to all, or published by a union of
 *   their membership's chain. A worker without a membership sees the open ones only.
 */
export const readableByCadre = (scope: Scope): Expression<SqlBool> => inScope('activities.org_id', scope);

export const readableByPerson = (memberOrgId: number | null): Expression<SqlBool> => inAudience('activities.org_id', 'activities.open_to_all', memberOrgId);
