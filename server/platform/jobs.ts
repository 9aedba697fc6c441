import cronParser from 'cron-parser';
import type { Deps } from './context.ts';
import type { JobData, Jobs } from './job-queue.ts';

export type { JobData, Jobs, SendOptions } from './job-queue.ts';

/**
 * Durable jobs: reminders, escalations, text messages — anything that must happen later, or again
 * after a failure, even when the server is killed in between. One interface on both engines
 * (pg-boss on PostgreSQL, a job table on the embedded SQLite database); modules declare their job
 * kinds in `defineModule({ jobs, schedules })` and queue them with `deps.jobs.send`.
 * docs/architecture.md ("Durable jobs") tells the whole story.
 */

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

/** A failed job, as the `jobs` command lists it. */
export interface FailedJob {
  id: string;
  name: string;
  attempts: number;
  error: string | null;
  at: string | null;
}

/**
 * The job queue of one server process: `Jobs` for everyone (`deps.jobs`), plus the worker that
 * server/main.ts starts and stops. Nothing runs in the background until `start()`: tests that
 * build the app call `drain()` themselves.
 */
export interface JobWorker extends Jobs {
  /** Polls for due jobs and sends the schedules' slots until `stop()`. */
  start(): Promise<void>;
  /** Stops polling and waits for the job in hand; safe to call when not started. */
  stop(): Promise<void>;
  /** Jobs that failed their last retry, newest first. */
  failed(limit?: number): Promise<FailedJob[]>;
}

/** Where the worker reports what fails in the background (the app's logger). */
export interface JobLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const DEFAULT_RETRY_LIMIT = 3;
export const DEFAULT_RETRY_DELAY_SECONDS = 30;
/**
 * How long a running job is held by its worker. A worker killed while holding a job gives it up
 * when this runs out (PostgreSQL: pg-boss's expiry; SQLite: at the next start, or the lock's end);
 * a handler must finish well within it.
 */
export const JOB_LOCK_SECONDS = 300;
/** How often an idle worker looks for due jobs: the latency of a job queued for "now". */
export const POLL_SECONDS = { sqlite: 1, postgres: 2 } as const;
/** Completed jobs' data is kept this long (pg-boss's own default; the same on SQLite). */
export const KEEP_COMPLETED_DAYS = 7;

export function retryLimitOf(definition: JobDefinition): number {
  return definition.retryLimit ?? DEFAULT_RETRY_LIMIT;
}

/** The wait before the retry that follows failed attempt `attempt` (1-based): doubling each time. */
export function retryDelayMs(definition: JobDefinition, attempt: number): number {
  return (definition.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS) * 1000 * 2 ** (attempt - 1);
}

// ---------- the registry ----------

const kinds = new Map<string, { definition: JobDefinition; owner: string }>();
const schedules = new Map<string, { cron: string; owner: string }>();

/** Adds a module's job kinds, each named `<module>.<kind>`; a name another module registered is a startup error. */
export function registerJobs(owner: string, definitions: Record<string, JobDefinition>): void {
  for (const [name, definition] of Object.entries(definitions)) {
    if (!name.startsWith(`${owner}.`) || name.length === owner.length + 1) throw new Error(`job "${name}" of ${owner} must be named ${owner}.<kind>`);
    const known = kinds.get(name);
    if (known && known.owner !== owner) throw new Error(`job "${name}" of ${owner} is already registered by ${known.owner}`);
    kinds.set(name, { definition, owner });
  }
}

/**
 * Adds a module's schedules: job name → cron expression (5 fields, Asia/Shanghai time). Each must
 * name one of the module's own jobs and parse, or the server does not start.
 */
export function registerSchedules(owner: string, crons: Record<string, string>): void {
  for (const [name, cron] of Object.entries(crons)) {
    if (kinds.get(name)?.owner !== owner) throw new Error(`schedule "${name}" of ${owner} names no job of ${owner}`);
    latestSlot(cron, new Date());
    schedules.set(name, { cron, owner });
  }
}

/** A registered job kind; sending or running one no module declared is a programming error. */
export function jobKind(name: string): JobDefinition {
  const kind = kinds.get(name);
  if (!kind) throw new Error(`unknown job "${name}": no module declares it`);
  return kind.definition;
}

export function jobNames(): string[] {
  return [...kinds.keys()];
}

// ---------- schedules ----------

export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';
/**
 * A slot missed while no server ran is still sent at the next start when it is at most this old;
 * older ones are skipped (a yearly reminder must not fire on the day the platform is installed).
 */
export const SCHEDULE_CATCH_UP_MS = 60 * 60_000;

/** The latest moment at or before `now` that a 5-field cron expression (Shanghai time) names. */
export function latestSlot(cron: string, now: Date): Date {
  if (cron.trim().split(/\s+/).length !== 5) throw new Error(`cron expression "${cron}" must have 5 fields (minute hour day month weekday)`);
  // cron-parser looks strictly before its date, to the second: start just after the current second.
  const after = new Date(Math.floor(now.getTime() / 1000) * 1000 + 1000);
  return cronParser.parseExpression(cron, { currentDate: after, tz: SCHEDULE_TIME_ZONE }).prev().toDate();
}

/** The key that makes one schedule slot one job, whichever process sends it first. */
export const slotKey = (name: string, slot: Date) => `${name}@${slot.toISOString()}`;

/**
 * Sends each schedule's latest slot (as a job with data `{}`, due at the slot) unless it is
 * older than SCHEDULE_CATCH_UP_MS. The slot's key makes a second send — a later tick, another
 * process — a no-op; `sent` remembers the slots this process already sent, so a tick that finds
 * nothing new writes nothing. Answers how many jobs were queued.
 */
export async function sendDueSlots(jobs: Jobs, now: Date, sent = new Map<string, string>()): Promise<number> {
  let queued = 0;
  for (const [name, { cron }] of schedules) {
    const slot = latestSlot(cron, now);
    const key = slotKey(name, slot);
    if (sent.get(name) === key || now.getTime() - slot.getTime() > SCHEDULE_CATCH_UP_MS) continue;
    if (await jobs.send(name, {}, { key, runAt: slot })) queued++;
    sent.set(name, key);
  }
  return queued;
}

// ---------- running one job ----------

/** Runs a job's handler with its data, as both engines' workers do. */
export function runHandler(deps: Deps, name: string, data: JobData, run: JobRun): Promise<void> {
  return jobKind(name).handler(data, deps, run);
}

/** What is kept of a handler's failure: its message, never a whole stack with data in it. */
export function errorText(err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.slice(0, 1000);
}
