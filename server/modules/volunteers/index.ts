/**
 * The volunteers module's public entry. Fundraising credits points per donation and micro-wishes
 * per fulfilled wish through `creditLovePoints` (idempotent per `source`), with the amounts of
 * `rules.ts`.
 */
export { creditLovePoints, spendLovePoints, balanceOf as lovePointsBalance, type LovePointsMove } from './ledger.ts';
export { donationPoints, POINTS_PER_FULFILLED_WISH, POINTS_PER_SERVICE_HOUR } from './rules.ts';
