import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openDatabase, openSqliteFile, sqliteFile, type Database } from '../db/database.ts';
import { clockOf, createTestApp } from '../test/harness.ts';
import { urlFor } from '../test/postgres.ts';
import type { Deps } from './context.ts';
import { createJobs } from './jobs-engine.ts';
import { sendDueSlots, type JobData, type JobWorker } from './jobs.ts';
import { defineModule, installModules } from './module.ts';

/**
 * Durable jobs on the engine under test, through `deps.jobs` as modules use it: a module `probe`
 * declares a few job kinds whose handlers write down each run. A second queue on its own
 * connections to the same database stands for a second server process.
 */

const runs: { name: string; data: JobData; attempt: number }[] = [];
const note = (name: string) => async (data: JobData, _deps: Deps, run: { attempt: number }) => void runs.push({ name, data, attempt: run.attempt });
const FLAKY_DELAY = 60;

const probe = defineModule({
  name: 'probe',
  jobs: {
    'probe.echo': { handler: note('probe.echo') },
    'probe.flaky': {
      retryLimit: 3,
      retryDelaySeconds: FLAKY_DELAY,
      async handler(data, deps, run) {
        await note('probe.flaky')(data, deps, run);
        if (run.attempt <= 2) throw new Error(`attempt ${run.attempt} failed`);
      },
    },
    'probe.daily': { handler: note('probe.daily') },
    // Runs until the test opens its gate.
    'probe.gated': {
      async handler(data, deps, run) {
        gate.started();
        await gate.opened;
        await note('probe.gated')(data, deps, run);
      },
    },
  },
  // 09:00 in Shanghai, 01:00 UTC: the harness's START.
  schedules: { 'probe.daily': '0 9 * * *' },
});

/** The gated job's gate: `started` when its handler runs, which then waits for `open()`. */
function newGate() {
  let started!: () => void;
  let open!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { started, running, open, opened };
}
let gate = newGate();
const quiet = { warn() {}, error() {} };
const ranOf = (name: string) => runs.filter((r) => r.name === name);

describe('durable jobs', () => {
  let app: FastifyInstance;
  let jobs: Deps['jobs'];
  let other: { database: Database; jobs: JobWorker };

  beforeAll(async () => {
    installModules([probe]);
    app = await createTestApp({ admin: false });
    jobs = app.deps.jobs;
    const { engine, config } = app.deps;
    let database: Database;
    if (engine === 'sqlite') database = openSqliteFile(sqliteFile(config.dataDir));
    else {
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(app.deps.db);
      database = openDatabase({ databaseUrl: urlFor(rows[0].name), dataDir: config.dataDir, poolSize: 2 });
    }
    const deps: Deps = { ...app.deps, db: database.db };
    deps.jobs = await createJobs(engine, () => deps, quiet);
    other = { database, jobs: deps.jobs as JobWorker };
  });
  afterAll(async () => {
    await other?.database.close();
    await app?.close();
  });

  /** `seconds` pass for the queue: the platform clock on SQLite, the jobs' due times on PostgreSQL. */
  async function pass(seconds: number) {
    if (app.deps.engine === 'sqlite') clockOf(app).advance(seconds * 1000);
    else await sql`update pgboss.job set start_after = start_after - make_interval(secs => ${seconds}) where name like 'probe.%' and state in ('created', 'retry')`.execute(app.deps.db);
  }

  it('runs a job sent for now at the next drain, with its data, once', async () => {
    expect(await jobs.send('probe.echo', { n: 1 })).toBe(true);
    expect(await jobs.drain()).toBe(1);
    expect(ranOf('probe.echo')).toEqual([{ name: 'probe.echo', data: { n: 1 }, attempt: 1 }]);
    expect(await jobs.drain()).toBe(0);
  });

  it('lets a drain called while another runs a job return only after that job is done', async () => {
    runs.length = 0;
    gate = newGate();
    await jobs.send('probe.gated', { n: 1 });
    const first = jobs.drain();
    await gate.running;
    const second = jobs.drain();
    let secondDone = false;
    void second.then(() => (secondDone = true));
    // The first drain holds the job, so the queue looks empty (another process's drain finds
    // nothing), yet the second drain of this process waits for the job to finish.
    expect(await other.jobs.drain()).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondDone).toBe(false);
    gate.open();
    await second;
    expect(ranOf('probe.gated')).toHaveLength(1);
    expect(await first).toBe(1);
  });

  it('refuses to send a job no module declares', async () => {
    await expect(jobs.send('probe.unknown', {})).rejects.toThrow(/unknown job "probe.unknown"/);
  });

  it('sends a key once: the second send answers false, also from another process at the same moment, and the job runs once', async () => {
    runs.length = 0;
    const sent = await Promise.all([jobs.send('probe.echo', { from: 'a' }, { key: 'once' }), other.jobs.send('probe.echo', { from: 'b' }, { key: 'once' })]);
    expect([...sent].sort()).toEqual([false, true]);
    expect(await jobs.send('probe.echo', { from: 'c' }, { key: 'once' })).toBe(false);
    // The same key under another job name is another job.
    expect(await jobs.send('probe.daily', {}, { key: 'once' })).toBe(true);
    const drained = await Promise.all([jobs.drain(), other.jobs.drain()]);
    expect(drained[0] + drained[1]).toBe(2);
    expect(ranOf('probe.echo')).toHaveLength(1);
    expect(ranOf('probe.echo')[0].data.from).toBe(sent[0] ? 'a' : 'b');
    // Long after it ran, the key is still used.
    await pass(30 * 24 * 3600);
    expect(await other.jobs.send('probe.echo', {}, { key: 'once' })).toBe(false);
    expect(await jobs.drain()).toBe(0);
  });

  it('retries a failing job with doubling delays, never before its delay, numbering its attempts', async () => {
    runs.length = 0;
    await jobs.send('probe.flaky', { id: 7 });
    expect(await jobs.drain()).toBe(1);
    // First retry after the delay (on PostgreSQL up to twice it: pg-boss adds jitter).
    await pass(FLAKY_DELAY - 5);
    expect(await jobs.drain()).toBe(0);
    await pass(FLAKY_DELAY + 5);
    expect(await jobs.drain()).toBe(1);
    // The second after twice the delay.
    await pass(2 * FLAKY_DELAY - 5);
    expect(await jobs.drain()).toBe(0);
    await pass(2 * FLAKY_DELAY + 5);
    expect(await jobs.drain()).toBe(1);
    expect(ranOf('probe.flaky').map((r) => [r.attempt, r.data.id])).toEqual([
      [1, 7],
      [2, 7],
      [3, 7],
    ]);
    await pass(24 * 3600);
    expect(await jobs.drain()).toBe(0);
  });

  it('runs a job sent for later only once it is due', async () => {
    runs.length = 0;
    const inAnHour = new Date(app.deps.clock().getTime() + 3600_000);
    expect(await jobs.send('probe.echo', { later: true }, { runAt: inAnHour })).toBe(true);
    expect(await jobs.drain()).toBe(0);
    await pass(3600 - 5);
    expect(await jobs.drain()).toBe(0);
    await pass(10);
    expect(await jobs.drain()).toBe(1);
    expect(ranOf('probe.echo')).toEqual([{ name: 'probe.echo', data: { later: true }, attempt: 1 }]);
  });

  it('leaves no job, and its key unused, when the transaction that sent it rolls back', async () => {
    runs.length = 0;
    const rolledBack = app.deps.db.transaction().execute(async (trx) => {
      expect(await jobs.send('probe.echo', { kept: false }, { key: 'in-trx', trx })).toBe(true);
      throw new Error('the change is refused');
    });
    await expect(rolledBack).rejects.toThrow('the change is refused');
    expect(await jobs.drain()).toBe(0);
    await app.deps.db.transaction().execute(async (trx) => {
      expect(await jobs.send('probe.echo', { kept: true }, { key: 'in-trx', trx })).toBe(true);
    });
    expect(await jobs.drain()).toBe(1);
    expect(ranOf('probe.echo').map((r) => r.data)).toEqual([{ kept: true }]);
  });

  it('sends a schedule’s slot once, whichever process ticks, and the next slot a day later', async () => {
    runs.length = 0;
    const clock = clockOf(app);
    clock.set('2026-01-05T01:00:00.000Z');
    await sendDueSlots(jobs, clock());
    await sendDueSlots(jobs, clock());
    await sendDueSlots(other.jobs, clock());
    await Promise.all([jobs.drain(), other.jobs.drain()]);
    expect(ranOf('probe.daily')).toEqual([{ name: 'probe.daily', data: {}, attempt: 1 }]);
    // Later the same day: still the same slot.
    clock.advance(8 * 3600_000);
    await sendDueSlots(other.jobs, clock());
    await jobs.drain();
    expect(ranOf('probe.daily')).toHaveLength(1);
    // The next morning at 09:00 Shanghai time.
    clock.advance(16 * 3600_000);
    await sendDueSlots(jobs, clock());
    await jobs.drain();
    expect(ranOf('probe.daily')).toHaveLength(2);
  });
});
