import type { Config } from '../config.ts';
import type { Db, Engine } from '../db/database.ts';
import type { Pii } from './pii.ts';
import type { FileStore } from './files.ts';
import type { SmsSender } from './sms.ts';
import type { Jobs } from './job-queue.ts';
import type { Grant, Scope } from './access.ts';
import type { Actor } from './audit.ts';
import type { Lang } from './i18n.ts';
import type { SessionCache } from './session-cache.ts';

/** What every service needs from the running platform; built once in app.ts. */
export interface Deps {
  db: Db;
  engine: Engine;
  pii: Pii;
  config: Config;
  clock: () => Date;
  sms: SmsSender;
  /** Durable jobs (platform/jobs.ts): queue work to run later, retried, at most once per key. */
  jobs: Jobs;
  /** The read replica (DATABASE_REPLICA_URL), when there is one: read it only through `readDb` (platform/replica.ts). */
  reads?: ReadRouting;
  /** Sessions and grants kept in memory; every change to them goes through its `changed` (platform/session-cache.ts). */
  sessions: SessionCache<CachedSession>;
  /** Uploaded files (platform/files.ts): the data directory or the database, per GONGHUI_FILE_STORE. */
  files: FileStore;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
}

/** One request's caller, as services see it. */
export interface Caller {
  user: SessionUser | null;
  /** The caller's scope for the permission the route declared (empty for public routes). */
  scope: Scope;
  actor: Actor;
  lang: Lang;
  /** Set on a GET whose lag-tolerant reads may go to the read replica (platform/replica.ts `readDb`). */
  readsFrom?: 'replica';
}

/** A live session as the session cache keeps it (platform/sessions.ts): its user with the grants that count, and its times. */
export interface CachedSession {
  user: SessionUser;
  expiresAt: string;
  lastSeenAt: string;
}

/** The read replica as services reach it, through `readDb` (platform/replica.ts). */
export interface ReadRouting {
  /** The replica, as a Kysely whose every query falls back to the primary. */
  db: Db;
  /**
   * The position a browser's later reads must have seen, handed over after each write (the
   * primary's WAL position); absent where every reader sees each commit at once (the embedded pool).
   */
  position?(): Promise<string>;
  /** Where a read for a caller whose last write is at `required` goes. */
  choose(required: bigint | null): Promise<'replica' | 'primary'>;
  /** Counters for tests and operators: queries answered by the replica, queries re-run on the primary. */
  stats: { replicaQueries: number; fallbacks: number };
  close(): Promise<void>;
}
