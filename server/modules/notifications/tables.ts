import type { Generated } from 'kysely';

/**
 * The notifications module's table (conventions in server/db/schema.ts). A row is one notice to one
 * user: its kind and params, rendered into a title and body in the reader's language when read, so
 * a template's wording can improve without rewriting stored rows. No other module writes it: they
 * call `notify` (index.ts).
 */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  /** a registered notice kind (`NoticeKind`), whose module owns the template */
  kind: string;
  /** the template's params, JSON */
  params: string;
  /** where the notice leads: a console path (`/members/applications`) or a portal one (`/m/…`) */
  link: string | null;
  /** idempotency: one notice per user and key (a reminder is never sent twice) */
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}

declare module '../../db/schema.ts' {
  interface DB {
    notifications: NotificationTable;
  }
}
