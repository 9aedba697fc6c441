/**
 * `npm run soak -- --minutes N [--rate R] [--url URL --pid PID] [--password P]`
 *
 * Holds a steady mixed load on one server for N minutes and prints, once a minute, the requests
 * made, errors by status, p50/p99 latency and the server's resident memory (VmRSS from
 * /proc/<pid>/status); at the end, a verdict on memory growth. Prints figures, never fails.
 *
 * Without --url it starts `server/main.ts demo` on a temporary SQLite data directory (the demo
 * county) and removes it afterwards. With --url it loads a running server that has the demo county
 * (npm run demo); give --pid for its memory figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../server/demo/load.ts';
import { httpLogin, startServer, type HttpAnswer, type HttpSession, type RunningServer } from '../server/test/scratch.ts';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '40' },
    url: { type: 'string' },
    pid: { type: 'string' },
    password: { type: 'string', default: DEMO_PASSWORD },
  },
});
const minutes = Number(args.minutes);
const rate = Number(args.rate);
if (!(minutes > 0) || !(rate > 0)) {
  console.error('usage: npm run soak -- --minutes N [--rate requests-per-second] [--url http://host:port --pid PID] [--password P]');
  process.exit(2);
}
/** Requests still unanswered beyond this are counted as shed instead of piling up without end. */
const MAX_IN_FLIGHT = 200;
const MEMORY_SAMPLE_MS = 5_000;

// ---------- figures ----------

class Window {
  requests = 0;
  shed = 0;
  statuses = new Map<string, number>();
  latencies: number[] = [];

  record(status: string, ms: number) {
    this.requests++;
    this.latencies.push(ms);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  errors(): string {
    const bad = [...this.statuses].filter(([s]) => !/^2\d\d$/.test(s)).sort();
    return bad.length ? bad.map(([s, n]) => `${s}×${n}`).join(' ') : 'none';
  }

  percentile(p: number): number {
    if (this.latencies.length === 0) return 0;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  }
}

/** VmRSS and VmHWM (peak) in MB, from the kernel's view of the server process. */
function memoryOf(pid: number | null): { rss: number; peak: number } | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/** Least-squares slope of RSS over time, in MB per hour. */
function growthPerHour(samples: { at: number; rss: number }[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const mx = samples.reduce((s, p) => s + p.at, 0) / n;
  const my = samples.reduce((s, p) => s + p.rss, 0) / n;
  const num = samples.reduce((s, p) => s + (p.at - mx) * (p.rss - my), 0);
  const den = samples.reduce((s, p) => s + (p.at - mx) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 3600_000;
}

// ---------- the load ----------

interface Op {
  name: string;
  weight: number;
  run(): Promise<HttpAnswer[]>;
}

async function operations(base: string, password: string): Promise<Op[]> {
  const county = await httpLogin(base, 'jiashan', password);
  const worker = await httpLogin(base, 'worker', password);
  const countyId = (await county.send('GET', '/api/orgs/roots')).body.items[0].id as number;
  const available = (await worker.send('GET', '/api/activities/available')).body.items as { id: number; signupOpen: boolean; refusal: string | null; mine: unknown }[];
  const open = available.find((a) => a.signupOpen && !a.refusal && !a.mine);
  if (!open) throw new Error('no activity open for the demo worker to sign up to: is the demo county loaded?');
  const page = () => 1 + Math.floor(Math.random() * 5);
  const one = (s: HttpSession, method: string, url: string) => async () => [await s.send(method, url)];
  // The worker's sign-up and cancellation alternate one at a time, as one person's would.
  let churn: Promise<unknown> = Promise.resolve();
  const signUpAndCancel = () => {
    const done = churn.then(async () => [await worker.send('POST', `/api/activities/${open.id}/registrations`), await worker.send('DELETE', `/api/activities/${open.id}/registrations/mine`)]);
    churn = done.catch(() => undefined);
    return done;
  };
  return [
    { name: 'member roll', weight: 25, run: () => one(county, 'GET', `/api/members?page=${page()}&pageSize=20`)() },
    { name: 'member search', weight: 10, run: one(county, 'GET', `/api/members?q=${encodeURIComponent('王')}`) },
    { name: 'coverage stats', weight: 10, run: one(county, 'GET', `/api/orgs/${countyId}/stats`) },
    { name: 'activity stats', weight: 5, run: one(county, 'GET', `/api/orgs/${countyId}/activity-stats`) },
    { name: 'activities', weight: 15, run: one(county, 'GET', '/api/activities') },
    { name: 'worker activities', weight: 10, run: one(worker, 'GET', '/api/activities/available') },
    { name: 'me', weight: 10, run: one(worker, 'GET', '/api/me') },
    { name: 'sign-up and cancel', weight: 8, run: signUpAndCancel },
    {
      name: 'login, me, logout',
      weight: 2,
      run: async () => {
        const s = await httpLogin(base, 'weitang', password);
        return [await s.send('GET', '/api/me'), await s.send('POST', '/api/auth/logout')];
      },
    },
  ];
}

function picker(ops: Op[]): () => Op {
  const total = ops.reduce((s, o) => s + o.weight, 0);
  return () => {
    let r = Math.random() * total;
    for (const op of ops) if ((r -= op.weight) < 0) return op;
    return ops[ops.length - 1];
  };
}

async function main() {
  let server: RunningServer | null = null;
  let dataDir: string | null = null;
  let base = args.url;
  let pid = args.pid ? Number(args.pid) : null;
  if (!base) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-soak-'));
    console.log(`starting the demo server on ${dataDir} …`);
    server = await startServer({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), NODE_ENV: 'development', GONGHUI_DATA_DIR: dataDir }, { command: 'demo' });
    base = server.base;
    pid = server.pid;
  }
  try {
    await soak(base, pid);
  } finally {
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function soak(base: string, pid: number | null) {
  const pick = picker(await operations(base, args.password!));
  console.log(`soak: ${minutes} min at ${rate} req/s against ${base}${pid ? ` (server pid ${pid})` : ' (no --pid: no memory figures)'}`);
  console.log('minute  requests  shed  p50 ms  p99 ms  RSS MB  peak MB  errors by status');

  const started = Date.now();
  const end = started + minutes * 60_000;
  const total = new Window();
  let current = new Window();
  let inFlight = 0;
  const samples: { at: number; rss: number }[] = [];

  const fire = () => {
    if (inFlight >= MAX_IN_FLIGHT) {
      current.shed++;
      total.shed++;
      return;
    }
    inFlight++;
    const t0 = performance.now();
    const into = current;
    pick()
      .run()
      .then(
        (answers) => {
          const ms = (performance.now() - t0) / answers.length;
          for (const a of answers) {
            into.record(String(a.status), ms);
            total.record(String(a.status), ms);
          }
        },
        (err: Error & { cause?: { code?: string } }) => {
          const status = err.cause?.code ?? /→ (\d{3})/.exec(err.message)?.[1] ?? 'network';
          into.record(status, performance.now() - t0);
          total.record(status, performance.now() - t0);
        },
      )
      .finally(() => inFlight--);
  };

  const sample = () => {
    const m = memoryOf(pid);
    if (m) samples.push({ at: Date.now() - started, rss: m.rss });
    return m;
  };
  const report = (label: string) => {
    const m = sample();
    console.log(
      `${label.padStart(6)}  ${String(current.requests).padStart(8)}  ${String(current.shed).padStart(4)}  ${current.percentile(50).toFixed(1).padStart(6)}  ${current
        .percentile(99)
        .toFixed(1)
        .padStart(6)}  ${String(m?.rss ?? '-').padStart(6)}  ${String(m?.peak ?? '-').padStart(7)}  ${current.errors()}`,
    );
    current = new Window();
  };

  sample();
  // Open loop: requests leave on schedule whether or not earlier ones have come back.
  const interval = 1000 / rate;
  let next = Date.now();
  let minute = 1;
  const memoryTimer = setInterval(sample, MEMORY_SAMPLE_MS);
  while (Date.now() < end) {
    next += interval;
    fire();
    if (Date.now() >= started + minute * 60_000) report(String(minute++));
    const wait = next - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  clearInterval(memoryTimer);
  const drainUntil = Date.now() + 30_000;
  while (inFlight > 0 && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
  if (current.requests) report(String(minute));

  console.log(`\ntotal: ${total.requests} requests (${(total.requests / ((Date.now() - started) / 1000)).toFixed(1)}/s), shed ${total.shed}, p50 ${total.percentile(50).toFixed(1)} ms, p99 ${total.percentile(99).toFixed(1)} ms, errors: ${total.errors()}`);
  memoryVerdict(samples);
}

/** The first fifth of the run (at most a minute) is warm-up: caches and JIT fill, not a leak. */
function memoryVerdict(samples: { at: number; rss: number }[]) {
  if (samples.length < 3) return console.log('memory: no figures (no server pid)');
  const warmUp = Math.min(60_000, (minutes * 60_000) / 5);
  const steady = samples.filter((s) => s.at >= warmUp);
  const slope = growthPerHour(steady);
  const first = steady[0]?.rss ?? samples[0].rss;
  const last = samples[samples.length - 1].rss;
  const span = (steady[steady.length - 1].at - steady[0].at) / 60_000;
  // Garbage collection moves RSS by tens of MB: a trend over a few minutes says little.
  const verdict =
    span < 5
      ? `too short to judge (${span.toFixed(1)} min after warm-up; run 30 minutes or more)`
      : slope < 50
        ? 'steady (no sign of a leak)'
        : `GROWING — ${slope.toFixed(0)} MB/h; run longer to confirm a leak`;
  console.log(`memory: RSS ${first} MB after warm-up → ${last} MB at the end; trend ${slope >= 0 ? '+' : ''}${slope.toFixed(1)} MB/h over ${steady.length} samples: ${verdict}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
