import type { Generated } from 'kysely';
import type { VenueKind } from './rules.ts';

/** The venues module's tables (migration 0031-venues). No other module writes them. */
export interface VenueTable {
  id: Generated<number>;
  /** the owner union: its cadres manage the venue */
  org_id: number;
  kind: VenueKind;
  name: string;
  address: string | null;
  capacity: number;
  /** JSON OpeningHours (rules.ts): seven entries, Monday first, null when closed */
  opening_hours: string;
  /** JSON array of Shanghai dates (YYYY-MM-DD) it is closed */
  closed_days: string;
  /** 1: members of unions it serves may book it themselves (a reading-room seat, the nursing room) */
  member_bookable: number;
  created_by: number | null;
  created_at: string;
}

/** The unions a venue is shared with: their cadres (and those of their subtrees) may book it. */
export interface VenueShareTable {
  venue_id: number;
  org_id: number;
}

export interface VenueBookingTable {
  id: Generated<number>;
  venue_id: number;
  /** the platform's time slot (platform/slots.ts) that keeps bookings apart */
  slot_id: number;
  /** union: a union booked it for an activity; member: a member for themselves */
  booker_kind: 'union' | 'member';
  /** the booking union, or the member's union */
  org_id: number;
  user_id: number;
  member_id: number | null;
  purpose: string;
  activity_id: number | null;
  starts_at: string;
  ends_at: string;
  status: 'active' | 'cancelled';
  cancelled_at: string | null;
  cancelled_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    venues: VenueTable;
    venue_shares: VenueShareTable;
    venue_bookings: VenueBookingTable;
  }
}
