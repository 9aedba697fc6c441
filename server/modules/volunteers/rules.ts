/**
 * Volunteers and love points (爱心积分, 云创's "微积分"): how points are earned and what a volunteer
 * record may hold. Pure, no I/O.
 *
 * Source of the earning rules: the seed (shared/seed/union-newspaper-page.zh.txt, 云创青年小镇) names
 * the "微积分" scheme — points for 微心愿, 志愿服务 and 爱心捐赠 — without publishing its rates. The
 * rates below are this platform's documented defaults, one place to change them.
 */

/** Points per hour of volunteer service credited at check-in. */
export const POINTS_PER_SERVICE_HOUR = 10;
/** Points to the member who fulfilled a micro-wish, once the wisher confirms. */
export const POINTS_PER_FULFILLED_WISH = 20;
/** Points per whole ¥10 (1,000 fen) donated in money. */
export const DONATION_FEN_PER_POINT = 1_000;
/** Points per unit of goods donated (a set of winter clothes, a box of books). */
export const POINTS_PER_DONATED_UNIT = 1;
/** The most one donation earns, so a large gift does not buy the whole shop. */
export const MAX_POINTS_PER_DONATION = 200;
/** Hours one volunteer service may credit (a day's service at most). */
export const MAX_SERVICE_HOURS = 12;
/** How many members a yearly ranking lists. */
export const RANKING_SIZE = 20;

export const volunteerSkills = ['first_aid', 'teaching', 'medical', 'legal', 'repair', 'photography', 'performance', 'driving', 'translation', 'companionship', 'other'] as const;
export type VolunteerSkill = (typeof volunteerSkills)[number];
export const availabilities = ['weekday', 'weekday_evening', 'weekend', 'anytime'] as const;
export type Availability = (typeof availabilities)[number];
export const teamKinds = ['party_member', 'union', 'youth', 'women', 'community'] as const;
export type TeamKind = (typeof teamKinds)[number];

export const servicePoints = (hours: number) => Math.max(0, Math.floor(hours)) * POINTS_PER_SERVICE_HOUR;

/** Points a donation earns: ¥10 a point plus a point per unit of goods, capped. */
export function donationPoints(d: { amountFen?: number | null; goodsUnits?: number | null }): number {
  const money = Math.floor(Math.max(0, d.amountFen ?? 0) / DONATION_FEN_PER_POINT);
  const goods = Math.max(0, Math.floor(d.goodsUnits ?? 0)) * POINTS_PER_DONATED_UNIT;
  return Math.min(MAX_POINTS_PER_DONATION, money + goods);
}

/** Whether a balance covers a spend: the rule the ledger's conditional UPDATE (`balance >= points`) enforces atomically. */
export const covers = (balance: number, points: number) => Number.isInteger(points) && points > 0 && balance >= points;

/** A ledger's balance: the plain sum of its entries. */
export const balanceOf = (entries: { points: number }[]) => entries.reduce((s, e) => s + e.points, 0);

/** Year of an ISO instant in China Standard Time (UTC+8), what rankings count by. */
export const shanghaiYear = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).getUTCFullYear();
