import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * What a caller queues jobs with (`deps.jobs`). Apart from jobs.ts so that context.ts can name it
 * without importing the job definitions, which need `Deps` themselves; jobs.ts re-exports it.
 */

/** Plain JSON data a job carries (it is stored, so no dates or class instances). */
export type JobData = Record<string, unknown>;

export interface SendOptions {
  /**
   * Idempotency key: a job whose name and key were already sent is not sent again (the call
   * answers false), also from another server process on the same database.
   */
  key?: string;
  /** Not before this moment (default: now). */
  runAt?: Date;
  /** Queue the job inside this transaction: it exists only if the transaction commits. */
  trx?: Transaction<DB>;
}

export interface Jobs {
  /** Queues a job of a kind some module declared; false when its key was already used. */
  send(name: string, data: JobData, options?: SendOptions): Promise<boolean>;
  /**
   * Runs every job that is due now (per the platform clock on SQLite, the database's on
   * PostgreSQL) until none is left, and answers how many ran. The worker does this by itself
   * while the server runs; tests and the `jobs` command call it directly.
   */
  drain(): Promise<number>;
}
