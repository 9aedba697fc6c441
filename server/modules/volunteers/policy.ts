import type { Expression, SqlBool } from 'kysely';
import { inScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of volunteers and love points: cadres and viewers see the volunteers, teams,
 * services, ledgers and shop goods of the orgs in their scope (volunteer.read); cadres change them
 * (volunteer.write). Members see only their own records and the shop of their union's chain.
 */
export const readableVolunteers = (scope: Scope): Expression<SqlBool> => inScope('volunteers.org_id', scope);
export const readableTeams = (scope: Scope): Expression<SqlBool> => inScope('volunteer_teams.org_id', scope);
export const readableGoods = (scope: Scope): Expression<SqlBool> => inScope('shop_goods.org_id', scope);
export const readableEntries = (scope: Scope): Expression<SqlBool> => inScope('love_point_entries.org_id', scope);
export const readableServices = (scope: Scope): Expression<SqlBool> => inScope('volunteer_services.org_id', scope);
