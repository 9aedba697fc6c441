import { sql, type Expression, type SqlBool } from 'kysely';
import type { SessionUser } from '../../platform/context.ts';
import { inScope, writeScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of rights cases, in one place:
 * - cadres and viewers list the cases of the unions in their scope (rights.read), without the
 *   narrative, amounts or notes;
 * - cadres handle them (rights.write) and read the detail, audited;
 * - a lawyer or mediator (role legal_aid, no permission) sees and handles only the cases assigned
 *   to them;
 * - the worker sees their own cases' status and steps, never internal notes.
 */
export const readableCases = (scope: Scope): Expression<SqlBool> => inScope('rights_cases.org_id', scope);

/** The cases a user handles: in their rights.write scope, or assigned to them. */
export function handledBy(user: SessionUser | null | undefined): Expression<SqlBool> {
  const scope = writeScope(user, 'rights.write');
  return sql<SqlBool>`(${inScope('rights_cases.org_id', scope)} or rights_cases.assignee_id = ${user?.id ?? -1})`;
}

/** The worker's own cases (filed from their account). */
export const ownCases = (userId: number): Expression<SqlBool> => sql<SqlBool>`rights_cases.user_id = ${userId}`;
