import type { Generated } from 'kysely';
import type { Availability, TeamKind, VolunteerSkill } from './rules.ts';

/**
 * The volunteers module's tables: volunteers and teams, volunteer services (an activity whose
 * check-in credits hours), service hours, the love-points ledger with its running balance, and the
 * points shop. No other module writes them; others credit points through `creditLovePoints`.
 */

/** One movement of love points, never updated or deleted; `source` is unique (idempotent credits). */
export interface LovePointEntryTable {
  id: Generated<number>;
  /** the member's union when the entry was made: rankings and scope filter on it */
  org_id: number;
  member_id: number;
  /** positive: earned; negative: spent */
  points: number;
  reason: string;
  /** what caused it, e.g. `donation:123`, `hours:45`, `wish:7`, `shop:3:<uuid>` */
  source: string;
  /** the year (China time) of `created_at`, for yearly rankings */
  year: number;
  created_by: number | null;
  created_at: string;
}

/** A member's balance: the sum of their entries, kept in the same transaction as every entry. */
export interface LovePointBalanceTable {
  member_id: number;
  balance: number;
  updated_at: string;
}

export interface VolunteerTable {
  id: Generated<number>;
  org_id: number;
  member_id: number;
  /** JSON array of VolunteerSkill */
  skills: string;
  /** JSON array of Availability */
  availability: string;
  status: 'active' | 'inactive';
  created_at: string;
}

export interface VolunteerTeamTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  kind: TeamKind;
  leader_volunteer_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface VolunteerTeamMemberTable {
  team_id: number;
  volunteer_id: number;
  joined_at: string;
}

/** An activity run as volunteer service: each check-in credits `hours` and their points. */
export interface VolunteerServiceTable {
  activity_id: number;
  org_id: number;
  team_id: number | null;
  hours: number;
  created_by: number | null;
  created_at: string;
}

export interface ServiceHoursTable {
  id: Generated<number>;
  org_id: number;
  member_id: number;
  activity_id: number | null;
  hours: number;
  source: string;
  year: number;
  created_at: string;
}

/** Goods of the points shop; the stock is a seat pool (capacity = stock, taken = redeemed). */
export interface ShopGoodsTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  description: string | null;
  points: number;
  seat_pool_id: number;
  active: number;
  created_by: number | null;
  created_at: string;
}

export interface ShopRedemptionTable {
  id: Generated<number>;
  goods_id: number;
  org_id: number;
  member_id: number;
  points: number;
  entry_id: number;
  status: 'pending' | 'delivered';
  created_at: string;
  delivered_at: string | null;
}

export type { Availability, VolunteerSkill };

declare module '../../db/schema.ts' {
  interface DB {
    love_point_entries: LovePointEntryTable;
    love_point_balances: LovePointBalanceTable;
    volunteers: VolunteerTable;
    volunteer_teams: VolunteerTeamTable;
    volunteer_team_members: VolunteerTeamMemberTable;
    volunteer_services: VolunteerServiceTable;
    service_hours: ServiceHoursTable;
    shop_goods: ShopGoodsTable;
    shop_redemptions: ShopRedemptionTable;
  }
}
