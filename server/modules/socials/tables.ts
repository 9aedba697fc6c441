import type { Generated } from 'kysely';

/** The socials module's tables (migration 0030-socials). No other module writes them; it writes none of activities'. */
export interface SocialSettingsTable {
  id: Generated<number>;
  /** an activity of kind youth_social */
  activity_id: number;
  /** the activity's org, for the cadres' scope */
  org_id: number;
  /** places per gender, each a seat pool (platform/seats.ts) a sign-up takes a seat of */
  male_pool_id: number;
  female_pool_id: number;
  min_age: number | null;
  max_age: number | null;
  updated_by: number | null;
  updated_at: string;
}

/** Which gender's place a sign-up holds, so that its cancellation releases that place. */
export interface SocialEntrantTable {
  id: Generated<number>;
  activity_id: number;
  user_id: number;
  gender: 'male' | 'female';
  created_at: string;
}

/** The contact an attendee shares with mutual picks only (a WeChat id or phone), encrypted. */
export interface SocialContactTable {
  id: Generated<number>;
  activity_id: number;
  user_id: number;
  contact_enc: string;
  updated_at: string;
}

/** One private pick: an attendee's registration picking another's. Never shown to the picked unless mutual. */
export interface SocialPickTable {
  id: Generated<number>;
  activity_id: number;
  picker_id: number;
  picked_id: number;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    social_settings: SocialSettingsTable;
    social_entrants: SocialEntrantTable;
    social_contacts: SocialContactTable;
    social_picks: SocialPickTable;
  }
}
