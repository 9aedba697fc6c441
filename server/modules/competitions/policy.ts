import type { Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import { holds, inChainOf, inScope, writeScope, type Scope } from '../../platform/access.ts';
import type { SessionUser } from '../../platform/context.ts';

/**
 * Who sees which skill contests, each a SQL filter:
 * - cadres (`competition.read`/`.write`): the contests of the orgs in their scope;
 * - members: the contests whose organiser is in their union's chain (they may enter those);
 * - judges: the events they judge (`skill_judges.user_id`), nothing else.
 */
export const readableByCadre = (scope: Scope): Expression<SqlBool> => inScope('skill_contests.org_id', scope);

export const openToMember = (memberOrgId: number): Expression<SqlBool> => inChainOf('skill_contests.org_id', memberOrgId);

/** 1 where the caller may write the contest, else 0, as `writes`. */
export const writableByCadre = (user: SessionUser | null | undefined) => holds(readableByCadre(writeScope(user, 'competition.write'))).as('writes');

/** The events the user judges. */
export const judgedBy = (userId: number): Expression<SqlBool> => sql<SqlBool>`exists (select 1 from skill_judges j where j.event_id = skill_contest_events.id and j.user_id = ${userId})`;
