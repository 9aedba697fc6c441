import type { Generated } from 'kysely';
import type { ApplicationStatus, PriorityGroup, ProductRegion } from './rules.ts';

/**
 * Recuperation's tables (职工疗休养): products of a service centre, their dated batches, agreements
 * between federations, quotas handed down the tree, and members' applications. Places are counted
 * by the platform's seat pools (platform/seats.ts): each quota owns one, with the quota's places as
 * its capacity; quotas given further and approved applications both take seats from it.
 */

export interface RecuperationSettingsTable {
  org_id: number;
  settings: string;
  updated_by: number | null;
  updated_at: string;
}

/** A product (疗休养线路) of the service centre run by `org_id` (the provider). */
export interface RecuperationProductTable {
  id: Generated<number>;
  org_id: number;
  /** the service centre's name (疗休养服务中心) */
  center_name: string | null;
  title: string;
  destination: string;
  region: ProductRegion;
  days: number;
  price_fen: number;
  includes: string | null;
  created_by: number | null;
  created_at: string;
}

/** A dated batch of a product; its places are the root quota (the provider's own). */
export interface RecuperationBatchTable {
  id: Generated<number>;
  product_id: number;
  /** the provider org: scope filters on it */
  org_id: number;
  starts_on: string;
  ends_on: string;
  places: number;
  open_to_partners: number;
  created_by: number | null;
  created_at: string;
}

/** 合作协议 between two federations; symmetric: either side's members may join the other's open batches. */
export interface CooperationAgreementTable {
  id: Generated<number>;
  org_id: number;
  partner_org_id: number;
  signed_on: string;
  valid_until: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

/** 名额: places of a batch held by an org; `parent_id` null for the provider's root quota. */
export interface RecuperationQuotaTable {
  id: Generated<number>;
  batch_id: number;
  org_id: number;
  parent_id: number | null;
  places: number;
  seat_pool_id: number;
  created_by: number | null;
  created_at: string;
}

export interface RecuperationApplicationTable {
  id: Generated<number>;
  batch_id: number;
  quota_id: number;
  /** the member's union when applying: scope filters on it */
  org_id: number;
  member_id: number;
  user_id: number;
  /** the year of the batch's start: one trip per member per year */
  trip_year: number;
  working_years: number;
  frontline: number;
  priority: PriorityGroup | null;
  status: ApplicationStatus;
  reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    recuperation_settings: RecuperationSettingsTable;
    recuperation_products: RecuperationProductTable;
    recuperation_batches: RecuperationBatchTable;
    cooperation_agreements: CooperationAgreementTable;
    recuperation_quotas: RecuperationQuotaTable;
    recuperation_applications: RecuperationApplicationTable;
  }
}
