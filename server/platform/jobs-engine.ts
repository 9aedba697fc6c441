import type { Engine } from '../db/database.ts';
import type { Deps } from './context.ts';
import type { JobLog, JobWorker } from './jobs.ts';
import { sqliteJobs } from './jobs-sqlite.ts';

/**
 * The job queue for the engine in use: the job table on SQLite, pg-boss on PostgreSQL (loaded
 * only there). `deps` is read when jobs are sent or run, so the queue can be built before the
 * `Deps` it belongs to.
 */
export async function createJobs(engine: Engine, deps: () => Deps, log: JobLog): Promise<JobWorker> {
  if (engine === 'postgres') {
    const { postgresJobs } = await import('./jobs-postgres.ts');
    return oneDrainAtATime(postgresJobs(deps, log));
  }
  return oneDrainAtATime(sqliteJobs(deps, log));
}

/**
 * Drains called at once in one process run one after another. Otherwise a drain could find the
 * queue empty while another drain is still running the job it was waiting for (a test's sign-up
 * code), and return before that job's effect exists. A drain that returns has seen every job
 * that was due when it was called finish.
 */
function oneDrainAtATime(worker: JobWorker): JobWorker {
  let previous: Promise<unknown> = Promise.resolve();
  const drain = () => {
    const run = previous.then(worker.drain, worker.drain);
    previous = run.catch(() => undefined);
    return run;
  };
  return { ...worker, drain };
}
