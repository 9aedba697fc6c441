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
    return postgresJobs(deps, log);
  }
  return sqliteJobs(deps, log);
}
