import type { Generated } from 'kysely';

/**
 * The platform's tables: the union tree and its closure, users, role grants and sessions (the
 * access layer reads them on every request), the audit log, sequences and seat pools. Each module
 * declares its own tables in its `tables.ts` and adds them to `DB` by declaration merging, so
 * `Kysely<DB>` knows every table while this file knows no module. One interface per table. Conventions on both engines:
 * timestamps are ISO-8601 UTC strings, dates are YYYY-MM-DD strings, booleans are 0/1 integers,
 * JSON is stored as text, money is integer fen. See docs/architecture.md.
 */
export interface OrgTable {
  id: Generated<number>;
  name: string;
  kind: 'federation' | 'joint_union' | 'grassroots_union' | 'branch';
  level: 'county' | 'street' | 'town' | null;
  basis: 'building' | 'area' | 'industry' | 'town' | null;
  parent_id: number | null;
  region: string | null;
  status: 'active' | 'closed';
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrgClosureTable {
  ancestor_id: number;
  descendant_id: number;
  depth: number;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  phone_enc: string | null;
  phone_hash: string | null;
  home_org_id: number | null;
  disabled: number;
  failed_logins: number;
  failed_since: string | null;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: 'admin' | 'cadre' | 'viewer' | 'card_verifier' | 'judge' | 'legal_aid' | 'member' | 'partner_contact';
  /** null only for the platform-wide admin role */
  org_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  org_id: number | null;
  before: string | null;
  after: string | null;
  ip: string | null;
}

export interface SequenceTable {
  name: string;
  value: number;
}

export interface SeatPoolTable {
  id: Generated<number>;
  capacity: number;
  taken: number;
}

/** A durable job on SQLite (platform/jobs-sqlite.ts); pg-boss keeps PostgreSQL's in its own schema. */
export interface JobTable {
  id: Generated<number>;
  name: string;
  /** JSON */
  data: string;
  /** Idempotency key, unique per name. */
  key: string | null;
  run_at: string;
  /** Attempts started so far. */
  attempt: number;
  state: 'created' | 'active' | 'completed' | 'failed';
  last_error: string | null;
  /** While active: when a worker that died holding the job gives it up. */
  locked_until: string | null;
  created_at: string;
  /** When it completed, or failed for good. */
  completed_at: string | null;
}

/** PostgreSQL only: every idempotency key ever used, with the pg-boss job it made (platform/jobs-postgres.ts). */
export interface JobKeyTable {
  name: string;
  key: string;
  job_id: string;
  created_at: string;
}

/**
 * A booked time slot on a resource (platform/slots.ts): `[starts_at, ends_at)`, any module's
 * resource named `<module>:<id>`. Two active slots of one resource never overlap: on PostgreSQL an
 * exclusion constraint holds it, on SQLite the serialized write transaction's check-then-insert.
 */
export interface TimeSlotTable {
  id: Generated<number>;
  resource: string;
  /** instants (ISO, UTC) */
  starts_at: string;
  ends_at: string;
  /** the same instants in epoch seconds: the range the exclusion constraint compares */
  start_s: number;
  end_s: number;
  status: 'active' | 'cancelled';
  created_at: string;
}

/**
 * A file of the database file store (platform/files.ts, GONGHUI_FILE_STORE=database): its key
 * (`<module folder>/<name>`, the same path the local store uses under the data directory), and
 * its bytes in `stored_file_chunks`, 1 MB a row, removed with it.
 */
export interface StoredFileTable {
  key: string;
  size: number;
  chunks: number;
  created_at: string;
}

export interface StoredFileChunkTable {
  key: string;
  seq: number;
  data: Buffer;
}

/** Every table; modules add theirs (see a module's tables.ts). */
export interface DB {
  orgs: OrgTable;
  org_closure: OrgClosureTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  sequences: SequenceTable;
  seat_pools: SeatPoolTable;
  time_slots: TimeSlotTable;
  jobs: JobTable;
  job_keys: JobKeyTable;
  stored_files: StoredFileTable;
  stored_file_chunks: StoredFileChunkTable;
}
