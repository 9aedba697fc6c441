/**
 * The orgs module's public entry: what other modules may use. The union tree itself (orgs and
 * org_closure) is read by everyone through platform/access.ts; writes go through these functions.
 */
export { addTeam } from './enterprises.ts';
export { unionDueFoundedBy } from './rules.ts';
export type { EnterpriseTable, TeamTable } from './tables.ts';
