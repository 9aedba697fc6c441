import { parseJson } from '../db/database.ts';
import type { JobTable } from '../db/schema.ts';
import type { Deps } from './context.ts';
import type { JobData, SendOptions } from './job-queue.ts';
import {
  JOB_LOCK_SECONDS,
  KEEP_COMPLETED_DAYS,
  POLL_SECONDS,
  errorText,
  jobKind,
  jobNames,
  retryDelayMs,
  retryLimitOf,
  sendDueSlots,
  type FailedJob,
  type JobLog,
  type JobWorker,
} from './jobs.ts';

type JobRow = Omit<JobTable, 'id'> & { id: number };

const HOUR_MS = 3_600_000;

/**
 * Durable jobs on the embedded database: the `jobs` table (migration 0011-jobs). Every instant is
 * the platform clock's (`deps.clock`), so a test that moves its clock makes jobs due. A job is
 * claimed by one UPDATE that picks the next due row — SQLite runs one write at a time, so two
 * workers never claim the same job — and holds it JOB_LOCK_SECONDS; a job still `active` when its
 * lock ran out, or when a server starts (one server serves one data directory), belonged to a
 * process that died and is claimed again.
 */
export function sqliteJobs(deps: () => Deps, log: JobLog): JobWorker {
  const now = () => deps().clock();
  const db = () => deps().db;

  async function send(name: string, data: JobData, options: SendOptions = {}): Promise<boolean> {
    jobKind(name);
    const at = now();
    const row = await (options.trx ?? db())
      .insertInto('jobs')
      .values({
        name,
        data: JSON.stringify(data),
        key: options.key ?? null,
        run_at: (options.runAt ?? at).toISOString(),
        attempt: 0,
        state: 'created',
        last_error: null,
        locked_until: null,
        created_at: at.toISOString(),
        completed_at: null,
      })
      .onConflict((oc) => oc.columns(['name', 'key']).where('key', 'is not', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Takes the next due job (or one a dead worker held) of a kind this process knows. */
  async function claim(): Promise<JobRow | undefined> {
    const names = jobNames();
    if (names.length === 0) return undefined;
    const at = now();
    const iso = at.toISOString();
    return db()
      .updateTable('jobs')
      .set((eb) => ({ state: 'active', attempt: eb('attempt', '+', 1), locked_until: new Date(at.getTime() + JOB_LOCK_SECONDS * 1000).toISOString() }))
      .where('id', '=', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('name', 'in', names)
          .where((w) => w.or([w.and([w('state', '=', 'created'), w('run_at', '<=', iso)]), w.and([w('state', '=', 'active'), w('locked_until', '<=', iso)])]))
          .orderBy('run_at')
          .orderBy('id')
          .limit(1),
      )
      .returningAll()
      .executeTakeFirst();
  }

  /** Records how a claimed attempt ended, unless another worker took the job over meanwhile. */
  async function settle(job: JobRow, change: Partial<Pick<JobTable, 'state' | 'run_at' | 'last_error' | 'completed_at'>>) {
    await db()
      .updateTable('jobs')
      .set({ locked_until: null, ...change })
      .where('id', '=', job.id)
      .where('state', '=', 'active')
      .where('attempt', '=', job.attempt)
      .execute();
  }

  async function run(job: JobRow): Promise<void> {
    const kind = jobKind(job.name);
    const limit = retryLimitOf(kind);
    if (job.attempt > limit + 1) {
      // Claimed again after every earlier attempt died with its process: give up like a failure.
      await settle(job, { state: 'failed', completed_at: now().toISOString(), last_error: job.last_error ?? 'interrupted at every attempt' });
      log.error({ job: job.name, id: job.id, attempt: job.attempt }, 'job given up: its process died at every attempt');
      return;
    }
    try {
      await kind.handler(parseJson<JobData>(job.data) ?? {}, deps(), { id: String(job.id), name: job.name, attempt: job.attempt });
      await settle(job, { state: 'completed', completed_at: now().toISOString(), last_error: null });
    } catch (err) {
      const error = errorText(err);
      const retry = job.attempt <= limit;
      const runAt = new Date(now().getTime() + retryDelayMs(kind, job.attempt)).toISOString();
      await settle(job, retry ? { state: 'created', run_at: runAt, last_error: error } : { state: 'failed', completed_at: now().toISOString(), last_error: error });
      log.warn({ job: job.name, id: job.id, attempt: job.attempt, error, ...(retry ? { retryAt: runAt } : {}) }, retry ? 'job failed, will retry' : 'job failed for good');
    }
  }

  /** Runs due jobs one by one until none is left, or `goOn` says stop (the worker stopping). */
  async function drain(goOn: () => boolean = () => true): Promise<number> {
    let ran = 0;
    for (let job = goOn() ? await claim() : undefined; job; job = goOn() ? await claim() : undefined) {
      await run(job);
      ran++;
    }
    return ran;
  }

  /**
   * Completed jobs' data goes after KEEP_COMPLETED_DAYS: jobs without a key entirely, keyed ones
   * down to their name and key, which keep the key used.
   */
  async function sweep() {
    const before = new Date(now().getTime() - KEEP_COMPLETED_DAYS * 24 * HOUR_MS).toISOString();
    await db().deleteFrom('jobs').where('state', '=', 'completed').where('key', 'is', null).where('completed_at', '<', before).execute();
    await db().updateTable('jobs').set({ data: '{}' }).where('state', '=', 'completed').where('completed_at', '<', before).where('data', '<>', '{}').execute();
  }

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let inHand: Promise<void> | null = null;
  let sweptAt = 0;
  const slots = new Map<string, string>();
  const api = { send, drain: () => drain() };

  async function poll() {
    try {
      await sendDueSlots(api, now(), slots);
      await drain(() => running);
      if (Date.now() - sweptAt > HOUR_MS) {
        sweptAt = Date.now();
        await sweep();
      }
    } catch (err) {
      log.error({ error: errorText(err) }, 'job worker: a poll failed');
    }
  }

  function loop() {
    inHand = poll().finally(() => {
      inHand = null;
      if (running) timer = setTimeout(loop, POLL_SECONDS.sqlite * 1000);
    });
  }

  return {
    send,
    drain: () => drain(),
    async start() {
      if (running) return;
      // Jobs left active by the previous server (killed while running them) are due again now.
      await db().updateTable('jobs').set({ locked_until: now().toISOString() }).where('state', '=', 'active').execute();
      running = true;
      loop();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await inHand;
    },
    async failed(limit = 50): Promise<FailedJob[]> {
      const rows = await db().selectFrom('jobs').select(['id', 'name', 'attempt', 'last_error', 'completed_at']).where('state', '=', 'failed').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ id: String(r.id), name: r.name, attempts: r.attempt, error: r.last_error, at: r.completed_at }));
    },
  };
}
