/**
 * `npm run test:cluster`: gonghui as a small deployment on this machine, run by CI after
 * `npm test`. A PostgreSQL primary and a streaming replica (two new clusters made by
 * scripts/cluster/postgres.sh with Debian's pg_createcluster and pg_basebackup), three gonghui
 * servers each with its own data directory (nothing shared on disk: files live in the database
 * store), and Debian's HAProxy in front. Needs root, PostgreSQL's server packages and haproxy
 * (`.ci/run` installs it).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PASSWORD, generateInto, type GeneratedCounty } from '../../bench/data.ts';
import { root, stop, tsx, waitFor } from '../processes.ts';

const PRIMARY = 'postgres://postgres@127.0.0.1:5441/gonghui';
const REPLICA = 'postgres://postgres@127.0.0.1:5442/gonghui';
const PROXY_PORT = 3300;
const SERVER_PORTS = [3301, 3302, 3303];
const proxy = `http://127.0.0.1:${PROXY_PORT}`;
const KEY = 'a1'.repeat(32);
const SIGNUPS = 200;
const CAPACITY = 60;

const postgres = (command: string) => execFileSync('bash', [path.join(root, 'scripts/cluster/postgres.sh'), command], { stdio: ['ignore', 'ignore', 'inherit'] });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-cluster-'));

const servers: (ChildProcess | null)[] = SERVER_PORTS.map(() => null);
let haproxy: ChildProcess | null = null;
let county: GeneratedCounty;

function serverEnv(i: number): NodeJS.ProcessEnv {
  return {
    PORT: String(SERVER_PORTS[i]),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    DATABASE_URL: PRIMARY,
    DATABASE_REPLICA_URL: REPLICA,
    GONGHUI_FILE_STORE: 'database',
    GONGHUI_ENCRYPTION_KEY: KEY,
    GONGHUI_TRUST_PROXY: '1',
    GONGHUI_LOG_LEVEL: 'warn',
    GONGHUI_DATA_DIR: path.join(work, `server${i + 1}`),
  };
}

async function startServer(i: number) {
  const child = tsx('server/main.ts', ['serve'], serverEnv(i));
  servers[i] = child;
  await waitFor(`http://127.0.0.1:${SERVER_PORTS[i]}/api/health`, child, 120_000);
}

/** HAProxy in the foreground: round robin over the three, health-checked twice a second, each answer naming its server; its log goes to the work folder. */
async function startProxy() {
  const cfg = path.join(work, 'haproxy.cfg');
  fs.writeFileSync(
    cfg,
    `global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout check 2s
  retries 3
  option redispatch
frontend web
  bind 127.0.0.1:${PROXY_PORT}
  option forwardfor
  default_backend gonghui
backend gonghui
  balance roundrobin
  option httpchk GET /api/health
  http-response set-header X-Gonghui-Server %s
${SERVER_PORTS.map((p, i) => `  server s${i + 1} 127.0.0.1:${p} check inter 500 fall 2 rise 2`).join('\n')}
`,
  );
  haproxy = spawn('haproxy', ['-f', cfg, '-db'], { stdio: ['ignore', 'ignore', fs.openSync(path.join(work, 'haproxy.log'), 'a')] });
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${proxy}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until || haproxy.exitCode !== null) throw new Error('HAProxy did not come up');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startAll() {
  await Promise.all(SERVER_PORTS.map((_, i) => startServer(i)));
  await startProxy();
}

async function stopAll() {
  if (haproxy) await stop(haproxy);
  await Promise.all(servers.map((s) => (s ? stop(s) : undefined)));
}

/** A signed-in client: its cookies (the session, and the last write's position `gh_lsn`) kept as a browser keeps them. */
interface Session {
  cookies: Map<string, string>;
  csrf: string;
}

const cookieHeader = (s: Session) => [...s.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
function keepCookies(s: Session, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const at = pair.indexOf('=');
    s.cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

/**
 * One request through the proxy, retried the way a phone retries: on a dropped connection or a
 * 502/503 from the proxy (the server died with the request in flight). Only requests that are
 * safe to repeat are sent this way: a repeated sign-up is refused with `already_registered`.
 */
async function call(method: string, url: string, session?: Session, body?: unknown): Promise<{ status: number; json: any; server: string | null; tries: number }> {
  for (let tries = 1; ; tries++) {
    try {
      const res = await fetch(`${proxy}${url}`, {
        method,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(session ? { cookie: cookieHeader(session), 'x-csrf-token': session.csrf } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (session) keepCookies(session, res);
      if ((res.status === 502 || res.status === 503) && tries < 5) continue;
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null, server: res.headers.get('x-gonghui-server'), tries };
    } catch (err) {
      if (tries >= 5) throw err;
      await new Promise((r) => setTimeout(r, 100 * tries));
    }
  }
}

async function login(username: string): Promise<Session> {
  const res = await fetch(`${proxy}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const session: Session = { cookies: new Map(), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  keepCookies(session, res);
  return session;
}

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  postgres('up');
  // The county is written straight into the primary (migrated on the way); the replica follows.
  county = await generateInto({ DATABASE_URL: PRIMARY, GONGHUI_ENCRYPTION_KEY: KEY, GONGHUI_DATA_DIR: path.join(work, 'generate') }, { members: 3_000, orgs: 60, memberAccounts: SIGNUPS });
  await startAll();
}, 300_000);

afterAll(async () => {
  await stopAll();
  postgres('down');
  fs.rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('three servers, a primary and a replica behind HAProxy', () => {
  let activityId: number;

  it('signs up 200 members across the servers while one is killed: exactly the capacity confirmed, nobody twice', async () => {
    const cadre = await login(county.countyCadre);
    const starts = new Date(Date.now() + 30 * 86400_000);
    const created = await call('POST', '/api/activities', cadre, {
      orgId: county.countyId, title: '集群报名', kind: 'sports', place: '体育场', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 7200_000).toISOString(), capacity: CAPACITY, membersOnly: true, openToAll: false,
    });
    expect(created.status).toBe(201);
    activityId = created.json.id;
    // 200 workers log in from one address (an assembly behind one Wi-Fi): all get in.
    const people: Session[] = [];
    for (let i = 0; i < SIGNUPS; i += 20) people.push(...(await Promise.all(county.memberAccounts.slice(i, i + 20).map((m) => login(m.username)))));
    expect(people).toHaveLength(SIGNUPS);

    let sent = 0;
    let killed = false;
    const results: Awaited<ReturnType<typeof call>>[] = [];
    const worker = async () => {
      while (sent < people.length) {
        const me = people[sent++];
        if (sent === 80 && !killed) {
          killed = true;
          servers[1]!.kill('SIGKILL');
        }
        results.push(await call('POST', `/api/activities/${activityId}/registrations`, me));
      }
    };
    await Promise.all(Array.from({ length: 25 }, worker));
    expect(killed).toBe(true);
    // Every worker got an answer: signed up, or told they already were (a retry whose first try had committed).
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(results.filter((r) => r.status === 409).every((r) => r.json.code === 'already_registered' && r.tries > 1)).toBe(true);
    expect(new Set(results.map((r) => r.server)).size).toBeGreaterThanOrEqual(2);

    const rows = await query<{ status: string; n: string; people: string }>(PRIMARY, 'select status, count(*) n, count(distinct user_id) people from activity_registrations where activity_id = $1 group by status', [activityId]);
    const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    expect(count('confirmed')).toBe(CAPACITY);
    expect(count('waitlisted')).toBe(SIGNUPS - CAPACITY);
    expect(rows.reduce((a, r) => a + Number(r.people), 0)).toBe(SIGNUPS);
    await startServer(1);
  }, 300_000);

  it('shows a write to the next read of the same session, whichever server and database answers', async () => {
    const cadre = await login(county.countyCadre);
    for (let i = 0; i < 6; i++) {
      const starts = new Date(Date.now() + (40 + i) * 86400_000);
      const made = await call('POST', '/api/activities', cadre, { orgId: county.countyId, title: `读己之写${i}`, kind: 'sports', place: '体育场', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3600_000).toISOString(), capacity: 10, membersOnly: true, openToAll: false });
      expect(made.status).toBe(201);
      const read = await call('GET', `/api/activities/${made.json.id}`, cadre);
      expect(read.status).toBe(200);
      const list = await call('GET', `/api/activities?pageSize=5`, cadre);
      expect(list.json.items.map((a: { id: number }) => a.id)).toContain(made.json.id);
    }
    // Reads that may lag are answered by the replica (a hot standby): its own transaction count grows with them.
    const [standby] = await query<{ recovery: boolean }>(REPLICA, 'select pg_is_in_recovery() recovery');
    expect(standby.recovery).toBe(true);
    const replicaTransactions = async () => Number((await query<{ n: string }>(REPLICA, "select xact_commit n from pg_stat_database where datname = 'gonghui'"))[0].n);
    const before = await replicaTransactions();
    for (let i = 0; i < 30; i++) expect((await call('GET', `/api/members?page=${1 + (i % 5)}&pageSize=20`, cadre)).status).toBe(200);
    // (a standby publishes its statistics within a second)
    await expect.poll(replicaTransactions, { timeout: 5_000, interval: 200 }).toBeGreaterThanOrEqual(before + 20);
  }, 120_000);

  it('ends a session on every server at once when it logs out on one', async () => {
    const member = await login(county.memberAccounts[1].username);
    const direct = (i: number) => `http://127.0.0.1:${SERVER_PORTS[i]}/api/me`;
    // every server has read (and cached) the session
    for (let i = 0; i < SERVER_PORTS.length; i++) expect((await fetch(direct(i), { headers: { cookie: cookieHeader(member) } })).status).toBe(200);
    const out = await fetch(`http://127.0.0.1:${SERVER_PORTS[0]}/api/auth/logout`, { method: 'POST', headers: { cookie: cookieHeader(member), 'x-csrf-token': member.csrf } });
    expect(out.status).toBeLessThan(300);
    // the others heard it through PostgreSQL's NOTIFY within moments (no fixed wait)
    for (let i = 1; i < SERVER_PORTS.length; i++) {
      await expect.poll(async () => (await fetch(direct(i), { headers: { cookie: cookieHeader(member) } })).status, { timeout: 2_000, interval: 20 }).toBe(401);
    }
  }, 60_000);

  it('serves a file uploaded to one server from another (the database file store)', async () => {
    const cadre = await login(county.countyCadre);
    const article = await call('POST', '/api/articles', cadre, { orgId: county.countyId, column: 'notice', title: '集群附件', body: '<p>附件见下。</p>', public: true, publishAt: new Date().toISOString() });
    expect(article.status).toBe(201);
    const pdf = Buffer.from(`%PDF-1.4\n% 集群 ${'x'.repeat(3 * 2 ** 20)}\n%%EOF\n`);
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), '通知.pdf');
    const direct = (port: number) => `http://127.0.0.1:${port}`;
    const up = await fetch(`${direct(SERVER_PORTS[0])}/api/articles/${article.json.id}/attachments`, { method: 'POST', headers: { cookie: cookieHeader(cadre), 'x-csrf-token': cadre.csrf }, body: form });
    expect(up.status).toBe(201);
    const { url } = (await up.json()) as { url: string };
    for (const port of SERVER_PORTS.slice(1)) {
      const down = await fetch(`${direct(port)}${url}`, { headers: { cookie: cookieHeader(cadre) } });
      expect(down.status).toBe(200);
      expect(Buffer.from(await down.arrayBuffer()).equals(pdf)).toBe(true);
    }
    // Nothing of it on any server's disk: a data directory holds at most the spool folder.
    for (let i = 0; i < SERVER_PORTS.length; i++) {
      const dir = path.join(work, `server${i + 1}`);
      expect(fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f !== 'tmp') : []).toEqual([]);
    }
  }, 120_000);

  it('keeps answering reads and writes when the replica stops, and uses it again when it is back', async () => {
    const cadre = await login(county.countyCadre);
    postgres('stop-replica');
    try {
      for (let i = 0; i < 6; i++) {
        const list = await call('GET', `/api/members?page=1&pageSize=20`, cadre);
        expect(list.status).toBe(200);
        expect(list.json.items.length).toBeGreaterThan(0);
        expect((await call('GET', `/api/orgs/${county.countyId}/stats`, cadre)).status).toBe(200);
      }
    } finally {
      postgres('start-replica');
    }
    expect((await call('GET', `/api/members?page=1&pageSize=20`, cadre)).status).toBe(200);
  }, 120_000);

  it('comes back after everything is stopped: databases, servers and proxy', async () => {
    await stopAll();
    postgres('stop-all');
    postgres('start-all');
    await startAll();
    const member = await login(county.memberAccounts[0].username);
    const mine = await call('GET', '/api/registrations/mine', member);
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.json)).toContain('集群报名');
  }, 300_000);
});
