import type { Generated } from 'kysely';
import type { BenefitKind } from './rules.ts';

/** The benefits module's tables (migration 0029-benefits). No other module writes them. */
export interface BenefitTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  kind: BenefitKind;
  description: string | null;
  stock: number;
  /** the stock's seat pool (platform/seats.ts): a claim takes a seat, atomically */
  seat_pool_id: number;
  /** instants (ISO, UTC) */
  claim_from: string;
  claim_until: string;
  /** eligibility: only this gender (女神节), and at least this many months of membership */
  gender: 'male' | 'female' | null;
  min_tenure_months: number | null;
  created_by: number | null;
  created_at: string;
}

export interface BenefitClaimTable {
  id: Generated<number>;
  benefit_id: number;
  member_id: number;
  /** the member's union, for the cadres' scope */
  org_id: number;
  /** the redemption code shown to the member and verified by the distributor */
  code: string;
  claimed_at: string;
  redeemed_at: string | null;
  redeemed_by: number | null;
}

declare module '../../db/schema.ts' {
  interface DB {
    benefits: BenefitTable;
    benefit_claims: BenefitClaimTable;
  }
}
