import type { Generated } from 'kysely';

/**
 * The activities module's tables (conventions in server/db/schema.ts). The declaration at the end adds
 * them to the one `DB` type every query is checked against; no other module writes them.
 */
export const activityKinds = ['training', 'performance', 'youth_social', 'sports', 'volunteering', 'lecture', 'culture', 'other'] as const;

export interface ActivityTable {
  id: Generated<number>;
  org_id: number;
  open_to_all: number;
  title: string;
  kind: (typeof activityKinds)[number];
  description: string | null;
  place: string | null;
  starts_at: string;
  ends_at: string;
  seat_pool_id: number;
  signup_opens_at: string | null;
  signup_closes_at: string | null;
  cancel_deadline: string | null;
  members_only: number;
  min_age: number | null;
  max_age: number | null;
  status: 'published' | 'cancelled';
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ActivityRegistrationTable {
  id: Generated<number>;
  activity_id: number;
  user_id: number;
  member_id: number | null;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  code: string;
  checked_in_at: string | null;
  checked_in_by: number | null;
  open_key: string | null;
  created_at: string;
  cancelled_at: string | null;
}

declare module '../../db/schema.ts' {
  interface DB {
    activities: ActivityTable;
    activity_registrations: ActivityRegistrationTable;
  }
}
