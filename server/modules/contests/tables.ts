import type { Generated } from 'kysely';

/**
 * The contests module's tables (conventions in server/db/schema.ts). The declaration at the end adds
 * them to the one `DB` type every query is checked against; no other module writes them.
 */
export interface ContestTable {
  id: Generated<number>;
  org_id: number;
  open_to_all: number;
  title: string;
  theme: string;
  description: string | null;
  entry_kind: 'photo' | 'text' | 'video';
  submit_opens_at: string;
  submit_closes_at: string;
  vote_opens_at: string;
  vote_closes_at: string;
  entries_per_member: number;
  votes_per_member: number;
  status: 'published' | 'cancelled';
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ContestEntryTable {
  id: Generated<number>;
  contest_id: number;
  user_id: number;
  member_id: number | null;
  slot: number;
  title: string;
  body: string | null;
  link: string | null;
  file_path: string | null;
  thumb_path: string | null;
  mime: string | null;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  moderated_by: number | null;
  moderated_at: string | null;
  created_at: string;
}

export interface ContestVoteTable {
  id: Generated<number>;
  contest_id: number;
  entry_id: number;
  user_id: number;
  slot: number;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    contests: ContestTable;
    contest_entries: ContestEntryTable;
    contest_votes: ContestVoteTable;
  }
}
