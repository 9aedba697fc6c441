import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Deps } from './context.ts';

/**
 * Durable jobs: reminders, escalations, text messages — anything that must happen later, or again
 * after a failure, even when the server is killed in between. One interface on both engines
 * (pg-boss on PostgreSQL, a job table on the embedded SQLite database); modules declare their job
 * kinds in `defineModule({ jobs, schedules })` and queue them with `deps.jobs.send`.
 */

/** Plain JSON data a job carries (it is stored, so no dates or class instances). */
export type JobData = Record<string, unknown>;

export interface JobRun {
  id: string;
  name: string;
  /** 1 on the first try, 2 on the first retry, … */
  attempt: number;
}

/** Runs one job. Throwing retries it later (with backoff) until its retry limit is reached. */
export type JobHandler = (data: JobData, deps: Deps, run: JobRun) => Promise<void>;

export interface JobDefinition {
  handler: JobHandler;
  /** Retries after the first failure (default 3). */
  retryLimit?: number;
  /** The first retry's delay in seconds; each later one doubles it (default 30). */
  retryDelaySeconds?: number;
}

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
