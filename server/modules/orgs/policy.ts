import type { Expression, SqlBool } from 'kysely';
import { inScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees which part of the union tree, in one place (like hitobito's readables), each a SQL
 * filter: an org, an enterprise (by the org covering it) and so a team (by its enterprise) are
 * readable when the org lies in the caller's scope for the route's permission. Out of scope looks
 * exactly like missing: 404. The public union directory (members) lists open unions to anyone.
 */
export const readableOrgs = (scope: Scope): Expression<SqlBool> => inScope('orgs.id', scope);

export const readableEnterprises = (scope: Scope): Expression<SqlBool> => inScope('enterprises.org_id', scope);
