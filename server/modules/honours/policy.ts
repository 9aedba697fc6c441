import type { Expression, SqlBool } from 'kysely';
import type { SessionUser } from '../../platform/context.ts';
import { holds, inScope, writeScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of honours, in one place: cadres and viewers see the model workers, ledgers,
 * studios, selections and craftsmen of the orgs in their scope (honour.read); cadres change them
 * (honour.write). Every record carries the org responsible for it, which is what scope filters on.
 */
export const readableModelWorkers = (scope: Scope): Expression<SqlBool> => inScope('model_workers.org_id', scope);
export const readableStudios = (scope: Scope): Expression<SqlBool> => inScope('innovation_studios.org_id', scope);
export const readableSelections = (scope: Scope): Expression<SqlBool> => inScope('craftsman_selections.org_id', scope);
export const readableCraftsmen = (scope: Scope): Expression<SqlBool> => inScope('craftsmen.org_id', scope);
export const readableEntries = (scope: Scope): Expression<SqlBool> => inScope('allowance_entries.org_id', scope);
export const readableRuns = (scope: Scope): Expression<SqlBool> => inScope('allowance_runs.org_id', scope);

/** 1 where the caller may verify the model worker (the filter of the write route), as `writes`. */
export const writableModelWorker = (user: SessionUser | null | undefined) => holds(readableModelWorkers(writeScope(user, 'honour.write'))).as('writes');
export const writableSelection = (user: SessionUser | null | undefined) => holds(readableSelections(writeScope(user, 'honour.write'))).as('writes');
