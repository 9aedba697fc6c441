/**
 * The members module's public entry: what other modules may use. Activities, contests and news
 * decide what a worker sees by the union of their membership; accounts tells the portal, in
 * GET /api/me, whether its user is a member.
 */
export { accountMembershipOf, membershipOf } from './claims.ts';
export { accountMembership } from './schema.ts';
