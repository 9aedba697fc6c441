/**
 * `npm run bench`: prints each figure with its target, one table per engine. Every figure is
 * measured in this run; targets print as met / not met and never fail anything.
 *
 * Per engine: a synthetic county (bench/data.ts, BENCH_MEMBERS / BENCH_ORGS), the real server
 * (`tsx server/main.ts serve`) and a bare Fastify app replaying the same SQL (bench/http.ts), both
 * child processes, driven by autocannon from here; then sign-up contention, the member import
 * (bench/import-members.ts in its own process), and on SQLite the cold start. Then the web bundles.
 * PostgreSQL figures need DATABASE_URL_TEST (default postgres://postgres@127.0.0.1:5432/test);
 * each run works in a database of its own that it drops afterwards.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../server/db/database.ts';
import { loadConfig } from '../server/config.ts';
import { createSession } from '../server/platform/sessions.ts';
import { SESSION_COOKIE } from '../server/platform/sessions.ts';
import type { Deps } from '../server/platform/context.ts';
import { listMembers } from '../server/modules/members/roll.ts';
import { orgStats } from '../server/modules/members/stats.ts';
import { orgOverview } from '../server/modules/overview/service.ts';
import { skillStats } from '../server/modules/skills/service.ts';
import { availableActivities, myRegistrations } from '../server/modules/activities/service.ts';
import { myTodos } from '../server/modules/workbench/service.ts';
import { listMine } from '../server/modules/notifications/service.ts';
import { BENCH_PASSWORD, describeCounty, generateInto, type GeneratedCounty } from './data.ts';
import { captureQueries } from './http.ts';
import { childEnv, root, stop, tsx, waitFor } from '../scripts/processes.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const MEMBERS = num('BENCH_MEMBERS', 1_000_000);
const ORGS = num('BENCH_ORGS', 20_000);
const DURATION = num('BENCH_DURATION', 10);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,10,50').split(',').map(Number);
const SIGNUPS = num('BENCH_SIGNUPS', 1_000);
const CAPACITY = num('BENCH_CAPACITY', 100);
const ROWS = num('BENCH_IMPORT_ROWS', 100_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const adminUrl = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Figure {
  name: string;
  value: string;
  target?: string;
  met?: boolean;
}

// ---------- child processes ----------

let nextPort = 3400 + (process.pid % 200) * 2;

function serverEnv(dbEnv: NodeJS.ProcessEnv, port: number): NodeJS.ProcessEnv {
  // BENCH_SQLITE_READERS: the embedded read pool to measure with (off by default, as in production).
  const readers = process.env.BENCH_SQLITE_READERS ? { GONGHUI_SQLITE_READERS: process.env.BENCH_SQLITE_READERS } : {};
  return { ...dbEnv, ...readers, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development', GONGHUI_LOG_LEVEL: 'warn', GONGHUI_AUTH_RATE_LIMIT: '100000' };
}

async function startServer(dbEnv: NodeJS.ProcessEnv) {
  const port = nextPort++;
  const child = tsx('server/main.ts', ['serve'], serverEnv(dbEnv, port));
  await waitFor(`http://127.0.0.1:${port}/api/health`, child, 300_000);
  return { child, base: `http://127.0.0.1:${port}` };
}

async function startBare(dbEnv: NodeJS.ProcessEnv, queriesFile: string) {
  const port = nextPort++;
  const child = tsx('bench/http.ts', [queriesFile], { ...dbEnv, PORT: String(port) });
  await waitFor(`http://127.0.0.1:${port}/bare/health`, child);
  return { child, base: `http://127.0.0.1:${port}` };
}

async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0];
  const body = (await res.json()) as { csrfToken: string; user: { id: number } };
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
}

// ---------- measuring ----------

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;
const rate = (r: Result) => Math.round(r.requests.average);
const brief = (r: Result) => `${rate(r).toLocaleString()} req/s p50 ${ms(r.latency.p50)} p99 ${ms(r.latency.p99)}${r.non2xx ? ` (${r.non2xx} non-2xx!)` : ''}`;

async function cannon(url: string, connections: number, headers: Record<string, string> = {}): Promise<Result> {
  return autocannon({ url, connections, duration: DURATION, headers, timeout: 30 });
}

interface ReadPath {
  name: string;
  path: string;
  cookie: string;
}

/**
 * autocannon stops sending at the end of a run, but a server whose queries block its event loop
 * (better-sqlite3 is synchronous) still owes answers to everything already queued: wait for an
 * answer to a trivial request before the next run, or that run measures the last one's backlog.
 */
async function settle(url: string) {
  await fetch(url);
}

async function readPathFigures(base: string, bare: string, paths: ReadPath[]): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const p of paths) {
    for (const c of CONNECTIONS) {
      const real = await cannon(`${base}${p.path}`, c, { cookie: p.cookie });
      await settle(`${base}/api/health`);
      const floor = await cannon(`${bare}/bare/${p.name}`, c);
      await settle(`${bare}/bare/health`);
      const ratio = rate(real) / Math.max(1, rate(floor));
      // A run in which no request was answered has no latency: its zeros would read as met.
      const answered = real.latency.p50 > 0 || rate(real) > 0;
      const within = (value: number, limit: number) => answered && value <= limit;
      figures.push({ name: `${p.name}, ${c} conn`, value: `${brief(real)} | bare ${brief(floor)}` });
      figures.push({ name: `${p.name}, ${c} conn, ratio`, value: ratio.toFixed(2), target: '≥ 0.8', met: ratio >= 0.8 });
      if (c === Math.max(...CONNECTIONS)) figures.push({ name: `${p.name}, ${c} conn, p99`, value: answered ? ms(real.latency.p99) : 'none answered', target: '≤ 25 ms', met: within(real.latency.p99, 25) });
      if (p.name === 'county-stats' && c === 1) figures.push({ name: 'county stats, one request (p50)', value: answered ? ms(real.latency.p50) : 'none answered', target: '≤ 50 ms', met: within(real.latency.p50, 50) });
      if (p.name === 'county-overview' && c === 1) figures.push({ name: 'county data screen, one request (p50)', value: answered ? ms(real.latency.p50) : 'none answered', target: '≤ 50 ms', met: within(real.latency.p50, 50) });
      if (p.name === 'county-skill-stats' && c === 1) figures.push({ name: 'county skill stats, one request (p50)', value: answered ? ms(real.latency.p50) : 'none answered', target: '≤ 50 ms', met: within(real.latency.p50, 50) });
      console.log(`    ${p.name}, ${c} conn: ${brief(real)} | bare ${brief(floor)}`);
    }
  }
  return figures;
}

/** Member accounts sign up at once for one activity with CAPACITY places, one request each. */
async function signupFigures(base: string, dbEnv: NodeJS.ProcessEnv, county: GeneratedCounty, cadre: { cookie: string; csrfToken: string }): Promise<Figure[]> {
  const starts = new Date(Date.now() + 30 * 86400_000);
  const created = await fetch(`${base}/api/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cadre.cookie, 'x-csrf-token': cadre.csrfToken },
    body: JSON.stringify({ orgId: county.countyId, title: '基准报名争抢', kind: 'sports', place: '体育场', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 7200_000).toISOString(), capacity: CAPACITY, membersOnly: true, openToAll: false }),
  });
  if (!created.ok) throw new Error(`create activity: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: number };
  const config = loadConfig(dbEnv);
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // Sessions made by the app's own helper: logging a thousand people in would time argon2, not sign-up.
  const deps = { config, clock: () => new Date() } as Deps;
  const people = county.memberAccounts.slice(0, SIGNUPS);
  const sessions: { token: string; csrfToken: string }[] = [];
  for (const m of people) sessions.push(await createSession(database.db, deps, m.userId, null));
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: 50,
    amount: sessions.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: `/api/activities/${id}/registrations`,
        setupRequest: (req) => {
          const s = sessions[next++ % sessions.length];
          return { ...req, headers: { cookie: `${SESSION_COOKIE}=${s.token}`, 'x-csrf-token': s.csrfToken } };
        },
      },
    ],
  });
  const counts = await database.db
    .selectFrom('activity_registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('activity_id', '=', id)
    .groupBy('status')
    .execute();
  await database.close();
  const count = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  const ok = count('confirmed') === CAPACITY && count('waitlisted') === people.length - CAPACITY && result.non2xx === 0;
  return [
    { name: `sign-up, ${people.length} members, 50 conn`, value: `${brief(result)}` },
    { name: 'sign-up, places taken', value: `${count('confirmed')} confirmed of ${CAPACITY}, ${count('waitlisted')} waitlisted`, target: 'confirmed = capacity', met: ok },
  ];
}

// ---------- import, cold start, bundles ----------

function runImport(databaseUrl?: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/import-members.ts', String(ROWS), ...(databaseUrl ? [databaseUrl] : [])], { cwd: root, env: childEnv({}), encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { rowsPerSecond: number; peakRssMb: number; seconds: number };
}

function importFigures(r: { rowsPerSecond: number; peakRssMb: number; seconds: number }): Figure[] {
  return [
    { name: `member import, ${ROWS.toLocaleString()} rows`, value: `${r.rowsPerSecond.toLocaleString()} rows/s (${r.seconds.toFixed(1)} s)`, target: '≥ 5,000 rows/s', met: r.rowsPerSecond >= 5000 },
    { name: 'member import, peak RSS', value: `${r.peakRssMb} MB`, target: '< 400 MB', met: r.peakRssMb < 400 },
  ];
}

/** `serve` on an already-migrated embedded database until /api/health answers; median of three. */
async function coldStart(dbEnv: NodeJS.ProcessEnv): Promise<Figure> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = nextPort++;
    const started = performance.now();
    const child = tsx('server/main.ts', ['serve'], serverEnv(dbEnv, port));
    await waitFor(`http://127.0.0.1:${port}/api/health`, child);
    times.push(performance.now() - started);
    await stop(child);
  }
  const median = times.sort((a, b) => a - b)[1];
  return { name: 'cold start to first answer (median of 3)', value: `${(median / 1000).toFixed(2)} s`, target: '≤ 1.5 s', met: median <= 1500 };
}

/** Gzip size of what a first load fetches: the page's entry scripts, preloads, styles and their static imports. */
function firstLoadGzip(dist: string, html: string): number {
  const page = fs.readFileSync(path.join(dist, html), 'utf8');
  const refs = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  const visit = (ref: string) => {
    const file = path.join(dist, ref);
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const code = fs.readFileSync(file, 'utf8');
    // Static imports only (`from"./x.js"`, `import"./x.js"`); `import("./x.js")` loads later.
    for (const m of code.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) visit(path.posix.join(path.posix.dirname(ref), m[1]));
  };
  refs.forEach(visit);
  return [...seen].reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(file)).length, 0);
}

function bundleFigures(): Figure[] {
  const dist = path.join(root, 'web/dist');
  if (!fs.existsSync(path.join(dist, 'm/index.html'))) execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'ignore' });
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB gzip`;
  const portal = firstLoadGzip(dist, 'm/index.html');
  const console_ = firstLoadGzip(dist, 'index.html');
  return [
    { name: 'member portal (/m) first load', value: kb(portal), target: '≤ 150 KB', met: portal <= 150 * 1024 },
    { name: 'console (/) first load', value: kb(console_), target: '≤ 500 KB', met: console_ <= 500 * 1024 },
  ];
}

// ---------- one engine ----------

async function generate(dbEnv: NodeJS.ProcessEnv) {
  console.log(`  generating ${MEMBERS.toLocaleString()} members, ${ORGS.toLocaleString()} orgs…`);
  return generateInto(dbEnv, { members: MEMBERS, orgs: ORGS, memberAccounts: Math.max(SIGNUPS, 3), log: (l) => console.log(`  ${l}`) });
}

/** With BENCH_DATABASE_URL: the county already generated there (by `bench:data`), measured as it is. */
async function existingCounty(dbEnv: NodeJS.ProcessEnv): Promise<GeneratedCounty | null> {
  if (!process.env.BENCH_DATABASE_URL || dbEnv.DATABASE_URL !== process.env.BENCH_DATABASE_URL) return null;
  const database = openDatabase({ databaseUrl: dbEnv.DATABASE_URL, dataDir: dbEnv.GONGHUI_DATA_DIR! });
  try {
    const [county, members] = await Promise.all([describeCounty(database.db), database.db.selectFrom('members').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()]);
    if (!county) throw new Error(`BENCH_DATABASE_URL holds no county made by bench:data`);
    console.log(`  measuring the county in BENCH_DATABASE_URL: ${Number(members.n).toLocaleString()} members`);
    return { ...county, rows: {}, seconds: 0 };
  } finally {
    await database.close();
  }
}

async function engineFigures(dbEnv: NodeJS.ProcessEnv, importUrl: string | undefined, embedded: boolean): Promise<Figure[]> {
  const figures: Figure[] = [];
  const county = (await existingCounty(dbEnv)) ?? (await generate(dbEnv));
  if (county.seconds > 0) figures.push({ name: 'data generation', value: `${MEMBERS.toLocaleString()} members in ${county.seconds.toFixed(0)} s (${Math.round(MEMBERS / county.seconds).toLocaleString()}/s)` });

  const server = await startServer(dbEnv);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-q-'));
  try {
    const street = await login(server.base, county.streetCadre);
    const countyCadre = await login(server.base, county.countyCadre);
    const member = await login(server.base, county.memberLogins[0]);
    const cadre = (orgId: number, userId: number) => ({ userId, grants: [{ id: 0, role: 'cadre' as const, orgId }], permission: 'member.read' as const });
    const captured = await captureQueries(dbEnv, {
      'member-list': { actor: cadre(county.streetId, street.userId), run: (d, c) => listMembers(d, c, { page: 1, pageSize: 20 }) },
      'county-stats': { actor: cadre(county.countyId, countyCadre.userId), run: (d, c) => orgStats(d, c, county.countyId) },
      'county-overview': { actor: { ...cadre(county.countyId, countyCadre.userId), permission: 'org.read' }, run: (d, c) => orgOverview(d, c, county.countyId) },
      'county-skill-stats': { actor: { ...cadre(county.countyId, countyCadre.userId), permission: 'skill.read' }, run: (d, c) => skillStats(d, c, county.countyId) },
      // The real route counts the kinds side by side (Promise.all); the bare one replays them in turn.
      'county-todos': { actor: { ...cadre(county.countyId, countyCadre.userId), permission: null }, run: (d, c) => myTodos(d, c) },
      'my-notifications': { actor: { userId: member.userId, grants: [], permission: null }, run: (d, c) => listMine(d, c, { page: 1, pageSize: 6 }) },
      'my-registrations': { actor: { userId: member.userId, grants: [], permission: null }, run: (d, c) => myRegistrations(d, c) },
      'available-activities': { actor: { userId: member.userId, grants: [], permission: null }, run: (d, c) => availableActivities(d, c) },
    });
    const queriesFile = path.join(dir, 'queries.json');
    fs.writeFileSync(queriesFile, JSON.stringify(captured));
    const bare = await startBare(dbEnv, queriesFile);
    try {
      figures.push(
        ...(await readPathFigures(server.base, bare.base, [
          { name: 'member-list', path: '/api/members?page=1&pageSize=20', cookie: street.cookie },
          { name: 'county-stats', path: `/api/orgs/${county.countyId}/stats`, cookie: countyCadre.cookie },
          { name: 'county-overview', path: `/api/orgs/${county.countyId}/overview`, cookie: countyCadre.cookie },
          { name: 'county-skill-stats', path: `/api/orgs/${county.countyId}/skill-stats`, cookie: countyCadre.cookie },
          { name: 'county-todos', path: '/api/todos', cookie: countyCadre.cookie },
          { name: 'my-notifications', path: '/api/notifications?pageSize=6', cookie: member.cookie },
          { name: 'my-registrations', path: '/api/registrations/mine', cookie: member.cookie },
          { name: 'available-activities', path: '/api/activities/available', cookie: member.cookie },
        ])),
      );
    } finally {
      await stop(bare.child);
    }
    figures.push(...(await signupFigures(server.base, dbEnv, county, countyCadre)));
  } finally {
    await stop(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (embedded) figures.push(await coldStart(dbEnv));
  figures.push(...importFigures(runImport(importUrl)));
  return figures;
}

async function withScratchPostgres<T>(fn: (url: string) => Promise<T>): Promise<T | null> {
  const name = `gonghui_bench_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  }
}

function print(title: string, figures: Figure[]) {
  console.log(`\n${title}`);
  const w = Math.max(...figures.map((f) => f.name.length));
  const v = Math.max(...figures.map((f) => f.value.length));
  for (const f of figures) {
    const verdict = f.target ? `target ${f.target.padEnd(20)} ${f.met ? 'met' : 'NOT MET'}` : '';
    console.log(`  ${f.name.padEnd(w)}  ${f.value.padEnd(v)}  ${verdict}`.trimEnd());
  }
}

async function main() {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`gonghui benchmarks — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load}`);
  console.log(`${MEMBERS.toLocaleString()} members, ${ORGS.toLocaleString()} orgs, ${DURATION} s per autocannon run at ${CONNECTIONS.join('/')} connections`);
  const tables: [string, Figure[]][] = [];
  if (ENGINES.includes('sqlite')) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-sqlite-'));
    try {
      console.log('\nSQLite (embedded)…');
      tables.push(['SQLite (embedded)', await engineFigures({ GONGHUI_DATA_DIR: dataDir }, undefined, true)]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (ENGINES.includes('postgres')) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-pg-'));
    try {
      console.log('\nPostgreSQL…');
      const existing = process.env.BENCH_DATABASE_URL;
      const keyEnv = process.env.GONGHUI_ENCRYPTION_KEY ? { GONGHUI_ENCRYPTION_KEY: process.env.GONGHUI_ENCRYPTION_KEY } : {};
      const pgFigures = existing
        ? await engineFigures({ GONGHUI_DATA_DIR: dataDir, DATABASE_URL: existing, ...keyEnv }, existing, false)
        : await withScratchPostgres((url) => engineFigures({ GONGHUI_DATA_DIR: dataDir, DATABASE_URL: url }, url, false));
      if (pgFigures) tables.push(['PostgreSQL', pgFigures]);
      else console.log(`\nPostgreSQL: not reachable at ${adminUrl}; skipped`);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  tables.push(['Web bundles', bundleFigures()]);
  for (const [title, figures] of tables) print(title, figures);
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
