import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Tx } from '../db/database.ts';
import type { Deps } from './context.ts';
import type { JobData, SendOptions } from './job-queue.ts';
import {
  DEFAULT_RETRY_DELAY_SECONDS,
  JOB_LOCK_SECONDS,
  POLL_SECONDS,
  errorText,
  jobKind,
  jobNames,
  retryLimitOf,
  runHandler,
  sendDueSlots,
  type FailedJob,
  type JobLog,
  type JobWorker,
} from './jobs.ts';

/**
 * Durable jobs on PostgreSQL: pg-boss 10 (its tables in the `pgboss` schema, one queue per job
 * name, `standard` policy). pg-boss runs its SQL through the app's own Kysely connections (its
 * `db` option), so a job sent with `trx` is written by that transaction and vanishes with its
 * rollback. Keys are kept in `job_keys` (migration 0011-jobs), claimed in the same transaction as
 * the job: pg-boss's singleton keys only hold while a job sits in its live table, and completed
 * jobs are archived after 12 hours. Due is judged by the database's clock (`now()`); `runAt` is
 * turned into a delay from the platform clock when sent.
 */

const SCHEDULE_TICK_SECONDS = 15;

/** pg-boss's database interface over a Kysely instance or transaction. */
function bossDb(executor: Tx | Kysely<any>): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await executor.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as any[] };
    },
  };
}

const passiveOptions = { supervise: false, schedule: false, migrate: false } as const;

/**
 * Creates or upgrades pg-boss's schema and one queue per job name: part of `migrateToLatest` on
 * PostgreSQL, so test templates carry them and a server starts without DDL.
 */
export async function installJobQueue(db: Kysely<any>, names: readonly string[]): Promise<void> {
  const boss = new PgBoss({ db: bossDb(db), supervise: false, schedule: false, migrate: true });
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const name of names) if (!existing.has(name)) await boss.createQueue(name);
}

export function postgresJobs(deps: () => Deps, log: JobLog): JobWorker {
  let passive: PgBoss | null = null;
  const boss = () => (passive ??= new PgBoss({ db: bossDb(deps().db), ...passiveOptions }));
  const queues = new Set<string>();

  /**
   * Makes sure a job name's queue exists (created at migrate time; a kind added since, here),
   * through `executor`: a job sent inside a transaction looks its queue up on that transaction's
   * connection, never on a second one from the pool. (A second connection taken while the first is
   * held deadlocks the pool when as many transactions send at once as it has connections.)
   */
  async function queue(name: string, executor: Tx | Kysely<any> = deps().db) {
    if (queues.has(name)) return;
    const found = await sql<{ name: string }>`select name from pgboss.queue where name = ${name}`.execute(executor);
    if (found.rows.length === 0) await new PgBoss({ db: bossDb(executor), ...passiveOptions }).createQueue(name);
    // a queue created inside a transaction exists only once it commits: remember it only then
    if (found.rows.length > 0 || executor === deps().db) queues.add(name);
  }

  async function send(name: string, data: JobData, options: SendOptions = {}): Promise<boolean> {
    const kind = jobKind(name);
    await queue(name, options.trx ?? deps().db);
    const now = deps().clock();
    const delaySeconds = options.runAt ? (options.runAt.getTime() - now.getTime()) / 1000 : 0;
    const put = async (tx: Tx) => {
      const id = randomUUID();
      if (options.key !== undefined) {
        const claimed = await tx
          .insertInto('job_keys')
          .values({ name, key: options.key, job_id: id, created_at: now.toISOString() })
          .onConflict((oc) => oc.columns(['name', 'key']).doNothing())
          .returning('name')
          .executeTakeFirst();
        if (!claimed) return false;
      }
      const made = await boss().send(name, data, {
        id,
        db: bossDb(tx),
        ...(delaySeconds > 0 ? { startAfter: delaySeconds } : {}),
        retryLimit: retryLimitOf(kind),
        retryDelay: Math.max(1, Math.round(kind.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS)),
        retryBackoff: true,
        expireInSeconds: JOB_LOCK_SECONDS,
      });
      if (made === null) throw new Error(`pg-boss did not queue job "${name}"`);
      return true;
    };
    if (options.trx) return put(options.trx);
    if (options.key === undefined) return put(deps().db);
    return deps().db.transaction().execute(put);
  }

  async function drain(): Promise<number> {
    let ran = 0;
    for (;;) {
      let found = 0;
      for (const name of jobNames()) {
        await queue(name);
        for (;;) {
          const [job] = await boss().fetch<JobData>(name, { batchSize: 1, includeMetadata: true });
          if (!job) break;
          found++;
          try {
            await runHandler(deps(), name, job.data ?? {}, { id: job.id, name, attempt: job.retryCount + 1 });
            await boss().complete(name, job.id);
          } catch (err) {
            const error = errorText(err);
            await boss().fail(name, job.id, { message: error });
            log.warn({ job: name, id: job.id, attempt: job.retryCount + 1, error }, 'job failed');
          }
        }
      }
      // A handler may have queued a job of a kind already passed over: look again.
      if (found === 0) return ran;
      ran += found;
    }
  }

  let worker: PgBoss | null = null;
  let ticker: NodeJS.Timeout | undefined;
  const slots = new Map<string, string>();
  const api = { send, drain };
  const tick = () => sendDueSlots(api, deps().clock(), slots).catch((err) => log.error({ error: errorText(err) }, 'job schedules: a tick failed'));

  return {
    send,
    drain,
    async start() {
      if (worker) return;
      for (const name of jobNames()) await queue(name);
      // The working instance: polls each queue and runs pg-boss's maintenance (expiring jobs a
      // dead worker held, archiving, deleting), which supervising instances share by a lock.
      worker = new PgBoss({ db: bossDb(deps().db), supervise: true, schedule: false, migrate: false });
      worker.on('error', (err) => log.error({ error: errorText(err) }, 'job worker: pg-boss reported an error'));
      await worker.start();
      for (const name of jobNames()) {
        await worker.work<JobData>(name, { pollingIntervalSeconds: POLL_SECONDS.postgres, batchSize: 1, includeMetadata: true }, async ([job]) => {
          const attempt = job.retryCount + 1;
          try {
            await runHandler(deps(), name, job.data ?? {}, { id: job.id, name, attempt });
          } catch (err) {
            const error = errorText(err);
            log.warn({ job: name, id: job.id, attempt, error }, 'job failed');
            throw new Error(error);
          }
        });
      }
      await tick();
      ticker = setInterval(tick, SCHEDULE_TICK_SECONDS * 1000);
    },
    async stop() {
      clearInterval(ticker);
      await worker?.stop({ graceful: true, timeout: 10_000 });
      worker = null;
    },
    async failed(limit = 50): Promise<FailedJob[]> {
      const rows = await sql<{ id: string; name: string; retry_count: number; output: { message?: string } | null; completed_on: Date | null }>`
        select id, name, retry_count, output, completed_on from pgboss.job where state = 'failed'
        union all
        select id, name, retry_count, output, completed_on from pgboss.archive where state = 'failed'
        order by completed_on desc limit ${limit}`.execute(deps().db);
      return rows.rows.map((r) => ({ id: r.id, name: r.name, attempts: r.retry_count + 1, error: r.output?.message ?? null, at: r.completed_on?.toISOString() ?? null }));
    },
  };
}
