/**
 * The members module's public entry: what other modules may use. Activities, contests and news
 * decide what a worker sees by the union of their membership.
 */
export { membershipOf } from './claims.ts';
