import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, openSqliteFile, type Database, type Engine } from '../db/database.ts';
import { migrateToLatest } from '../migrations.ts';
import { ensureAdmin } from '../modules/accounts/index.ts';
import { makeUscc } from '../platform/identity.ts';
import { SESSION_COOKIE } from '../platform/sessions.ts';
import { LSN_COOKIE } from '../platform/replica.ts';
import type { SmsSender } from '../platform/sms.ts';
import { TEMPLATE_DB, TEMPLATE_LOCK, ensureTemplate, quoteIdent, urlFor, withAdminClient } from './postgres.ts';

/**
 * The API test harness: a real app (buildApp) on a fresh database of the engine under test, driven
 * through HTTP with `app.inject` and real sessions. No mocks.
 *
 *   const app = await createTestApp();            // admin created, password ADMIN_PASSWORD
 *   afterAll(() => app.close());                  // closes and drops the database
 *   const admin = await login(app, 'admin', ADMIN_PASSWORD);
 *   const res = await admin.post('/api/orgs', { … });
 *   const f = await buildFixture(app);            // county, two streets, unions, cadres…
 *   clockOf(app).advance(15 * 60_000);            // move time on
 */

export const ADMIN_PASSWORD = 'Admin-Test-Pass-2025';
/** The password of every fixture account. */
export const PASSWORD = 'Union-Test-Pass-2025';
/** The instant every test app starts at (a Monday morning in Asia/Shanghai). */
export const START = '2025-06-02T01:00:00.000Z';
const TEST_KEY = 'a1'.repeat(32);

/** The engine the current vitest project tests: set per project in vitest.config.ts. */
export function testEngine(): Engine {
  const engine = process.env.GONGHUI_TEST_ENGINE ?? 'sqlite';
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`GONGHUI_TEST_ENGINE must be sqlite or postgres, not ${engine}`);
  return engine;
}

// ---------- clock ----------

/** A clock that stands still until a test moves it. Pass it to the app as `clock`. */
export interface TestClock {
  (): Date;
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function testClock(start: Date | string = START): TestClock {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (at) => {
    now = new Date(at).getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

const clocks = new WeakMap<FastifyInstance, TestClock>();
const outboxes = new WeakMap<FastifyInstance, { phone: string; text: string }[]>();

/**
 * Text messages an app made by createTestApp has sent, oldest first. Messages go out as jobs: run
 * them first with `await app.deps.jobs.drain()`.
 */
export function sentSms(app: FastifyInstance): { phone: string; text: string }[] {
  return outboxes.get(app) ?? [];
}

/** The clock of an app made by createTestApp. */
export function clockOf(app: FastifyInstance): TestClock {
  const clock = clocks.get(app);
  if (!clock) throw new Error('clockOf: this app was not made by createTestApp');
  return clock;
}

// ---------- app ----------

export interface TestAppOptions {
  /** Requests per minute per account on the auth routes; high unless a test is about the limit. */
  authRateLimit?: number;
  /** Requests per minute per client address on the auth routes; high unless a test is about the limit. */
  authAddressRateLimit?: number;
  clock?: TestClock;
  /** Create the built-in admin with ADMIN_PASSWORD (default true). */
  admin?: boolean;
  sessionHours?: number;
  /** The SMS gateway; by default messages are kept in memory (see sentSms). */
  smsSender?: SmsSender;
  /** Log every line, at trace level, into this stream (by default the app logs nothing). */
  logStream?: NodeJS.WritableStream;
  /** Serve the built web app from web/dist, as in production (default false). */
  serveWeb?: boolean;
  /**
   * A second server on the database of an app made by createTestApp (its own connections, its own
   * session cache): closing it leaves the database to the first. No admin is created (default).
   */
  sharing?: FastifyInstance;
  /** DATABASE_REPLICA_URL: a URL, or `same` for the test database itself (PostgreSQL; ignored on SQLite). */
  replica?: string;
  /** Where uploads are kept; by default GONGHUI_FILE_STORE of the test run's environment, else `local`. */
  fileStore?: 'local' | 'database';
  /** The embedded database's read pool (GONGHUI_SQLITE_READERS; the config's default, 0: off). */
  sqliteReaders?: number;
}

type Fresh = { database: Database; dataDir: string; drop(): Promise<void> };
const databases = new WeakMap<FastifyInstance, Fresh>();

/** The same database as another test app's, on connections of its own. */
function sharedWith(app: FastifyInstance): Fresh {
  const of = databases.get(app);
  if (!of) throw new Error('sharing: that app was not made by createTestApp');
  const database = of.database.url
    ? openDatabase({ databaseUrl: of.database.url, dataDir: of.dataDir, poolSize: Number(process.env.GH_TEST_POOL ?? 4) })
    : openSqliteFile(path.join(of.dataDir, 'gonghui.sqlite'));
  return { database, dataDir: of.dataDir, drop: async () => {} };
}

async function freshSqlite(): Promise<{ database: Database; dataDir: string; drop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-test-'));
  const database = openSqliteFile(path.join(dataDir, 'gonghui.sqlite'));
  await migrateToLatest(database.db);
  return { database, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

let sequence = 0;

async function freshPostgres(): Promise<{ database: Database; dataDir: string; drop(): Promise<void> }> {
  const name = `gh_test_${process.pid}_${++sequence}_${crypto.randomBytes(3).toString('hex')}`;
  const copy = () =>
    withAdminClient(async (client) => {
      await client.query('select pg_advisory_lock_shared($1)', [TEMPLATE_LOCK]);
      try {
        // A copy fails while another session is connected to the template (55006); wait it out.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`create database ${quoteIdent(name)} template ${quoteIdent(TEMPLATE_DB)}`);
            break;
          } catch (err) {
            if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
            await new Promise((r) => setTimeout(r, 100 * attempt));
          }
        }
      } finally {
        await client.query('select pg_advisory_unlock_shared($1)', [TEMPLATE_LOCK]);
      }
    });
  // The template may be gone (3D000: another checkout's run, with other migrations, cleared it
  // as stale): build it again, a few times at most.
  for (let attempt = 1; ; attempt++) {
    try {
      await copy();
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== '3D000' || attempt >= 3) throw err;
      await ensureTemplate();
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-test-'));
  const database = openDatabase({ databaseUrl: urlFor(name), dataDir, poolSize: Number(process.env.GH_TEST_POOL ?? 4) });
  const drop = async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await withAdminClient(async (client) => {
      // Plain DROP waits for the pool's last connections to finish closing; FORCE only as a last
      // resort, since it kills them mid-close and they report it as an unhandled error.
      for (let attempt = 1; attempt <= 20; attempt++) {
        try {
          await client.query(`drop database if exists ${quoteIdent(name)}`);
          return;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006') throw err;
          await new Promise((r) => setTimeout(r, 50 * attempt));
        }
      }
      await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    });
  };
  try {
    // Migrations already ran on the template; this only checks nothing is pending.
    await migrateToLatest(database.db);
  } catch (err) {
    await database.close();
    await drop();
    throw err;
  }
  return { database, dataDir, drop };
}

/**
 * A Fastify app (buildApp; no web, silent logs unless asked) on a fresh database of the engine under test.
 * `app.close()` also closes and removes the database.
 */
export async function createTestApp(opts: TestAppOptions = {}): Promise<FastifyInstance> {
  const engine = testEngine();
  const fresh = opts.sharing ? sharedWith(opts.sharing) : engine === 'postgres' ? await freshPostgres() : await freshSqlite();
  const replica = opts.replica === 'same' ? fresh.database.url : opts.replica;
  const clock = opts.clock ?? testClock();
  const config = loadConfig({
    NODE_ENV: 'test',
    GONGHUI_DATA_DIR: fresh.dataDir,
    GONGHUI_LOG_LEVEL: opts.logStream ? 'trace' : 'silent',
    GONGHUI_ENCRYPTION_KEY: TEST_KEY,
    GONGHUI_AUTH_RATE_LIMIT: String(opts.authRateLimit ?? 100_000),
    GONGHUI_AUTH_ADDRESS_RATE_LIMIT: String(opts.authAddressRateLimit ?? 100_000),
    GONGHUI_SESSION_HOURS: String(opts.sessionHours ?? 12),
    GONGHUI_SECURE_COOKIES: 'false',
    ...(replica ? { DATABASE_REPLICA_URL: replica } : {}),
    GONGHUI_FILE_STORE: opts.fileStore ?? process.env.GONGHUI_FILE_STORE,
    ...(opts.sqliteReaders === undefined ? {} : { GONGHUI_SQLITE_READERS: String(opts.sqliteReaders) }),
  });
  const outbox: { phone: string; text: string }[] = [];
  const smsSender: SmsSender = opts.smsSender ?? { name: 'memory', usable: () => true, send: async (phone, text) => void outbox.push({ phone, text }) };
  let app: FastifyInstance;
  try {
    app = await buildApp({ config, database: fresh.database, clock, serveWeb: opts.serveWeb ?? false, smsSender, logStream: opts.logStream });
  } catch (err) {
    await fresh.database.close();
    await fresh.drop();
    throw err;
  }
  clocks.set(app, clock);
  outboxes.set(app, outbox);
  databases.set(app, fresh);
  app.addHook('onClose', async () => {
    await fresh.database.close();
    await fresh.drop();
  });
  await app.ready();
  if (opts.admin ?? !opts.sharing) await createAdmin(app);
  return app;
}

/**
 * Every file an app keeps: the files of its data directory (but the SQLite database's own), and
 * with the database file store, its stored files as `db:<key>`. "A refused request leaves nothing
 * behind" compares this before and after, whichever store the run uses.
 */
export async function keptFiles(app: FastifyInstance): Promise<string[]> {
  const dir = app.deps.config.dataDir;
  const onDisk = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => !/^gonghui\.sqlite/.test(f) && fs.statSync(path.join(dir, f)).isFile());
  const inDb = (await app.deps.db.selectFrom('stored_files').select('key').execute()).map((r) => `db:${r.key}`);
  return [...onDisk, ...inDb].sort();
}

/** Creates (or resets) the built-in `admin` account through the accounts service. */
export async function createAdmin(app: FastifyInstance, password = ADMIN_PASSWORD): Promise<void> {
  await ensureAdmin(app.deps, password);
}

// ---------- clients ----------

export type Body = Record<string, unknown> | unknown[] | string | undefined;

export interface RequestOptions {
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

export interface Client {
  /** null for an anonymous client */
  user: { id: number; username: string; displayName: string; grants: { id: number; role: string; orgId: number | null }[] } | null;
  cookie: string | null;
  csrfToken: string | null;
  get(url: string, opts?: RequestOptions): Promise<LightMyRequestResponse>;
  post(url: string, body?: Body, opts?: RequestOptions): Promise<LightMyRequestResponse>;
  patch(url: string, body?: Body, opts?: RequestOptions): Promise<LightMyRequestResponse>;
  put(url: string, body?: Body, opts?: RequestOptions): Promise<LightMyRequestResponse>;
  delete(url: string, body?: Body, opts?: RequestOptions): Promise<LightMyRequestResponse>;
  request(method: string, url: string, body?: Body, opts?: RequestOptions): Promise<LightMyRequestResponse>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function makeClient(app: FastifyInstance, session: { cookie: string; csrfToken: string; user: Client['user'] } | null, lsn: string | null = null): Client {
  const client: Client = {
    user: session?.user ?? null,
    cookie: session?.cookie ?? null,
    csrfToken: session?.csrfToken ?? null,
    request(method, url, body, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (!('cookie' in headers)) {
        // Like a browser, the client sends back the read-after position a write handed it (platform/replica.ts).
        const cookies = [client.cookie && `${SESSION_COOKIE}=${client.cookie}`, lsn && `${LSN_COOKIE}=${lsn}`].filter(Boolean);
        if (cookies.length) headers.cookie = cookies.join('; ');
      }
      if (client.csrfToken && method !== 'GET' && !('x-csrf-token' in headers)) headers['x-csrf-token'] = client.csrfToken;
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      if (payload !== undefined && !('content-type' in headers)) headers['content-type'] = 'application/json';
      return app.inject({ method: method as Method, url, headers, payload, query: opts.query }).then((res) => {
        lsn = res.cookies.find((c) => c.name === LSN_COOKIE)?.value ?? lsn;
        return res;
      });
    },
    get: (url, opts) => client.request('GET', url, undefined, opts),
    post: (url, body, opts) => client.request('POST', url, body, opts),
    patch: (url, body, opts) => client.request('PATCH', url, body, opts),
    put: (url, body, opts) => client.request('PUT', url, body, opts),
    delete: (url, body, opts) => client.request('DELETE', url, body, opts),
  };
  return client;
}

/** A client without a session. */
export function anonymous(app: FastifyInstance): Client {
  return makeClient(app, null);
}

/** Logs in through POST /api/auth/login; throws with the answer when it is not 200. */
export async function login(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} → ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`login ${username}: no ${SESSION_COOKIE} cookie`);
  const body = res.json() as { csrfToken: string; user: NonNullable<Client['user']> };
  const lsn = res.cookies.find((c) => c.name === LSN_COOKIE)?.value ?? null;
  return makeClient(app, { cookie: cookie.value, csrfToken: body.csrfToken, user: body.user }, lsn);
}

export const loginAdmin = (app: FastifyInstance) => login(app, 'admin', ADMIN_PASSWORD);

/** Fails with the answer's body when the status is not the expected one; returns the parsed JSON. */
export function expectStatus<T = any>(res: LightMyRequestResponse, status: number): T {
  if (res.statusCode !== status) {
    throw new Error(`expected ${status}, got ${res.statusCode} for ${res.raw.req.method} ${res.raw.req.url}: ${res.body}`);
  }
  return (res.body ? res.json() : undefined) as T;
}

// ---------- data builders (all through the API) ----------

let usccSeq = 0;
/** A valid, fresh unified social credit code. */
export function newUscc(): string {
  usccSeq += 1;
  return makeUscc('330421', process.pid * 10_000 + usccSeq);
}

export async function createOrg(
  as: Client,
  body: { name: string; kind: string; parentId: number | null; level?: string; basis?: string; region?: string },
): Promise<number> {
  return expectStatus<{ id: number }>(await as.post('/api/orgs', body), 201).id;
}

export async function createEnterprise(
  as: Client,
  body: { name: string; orgId: number; uscc?: string; foundedOn?: string | null; newEconomy?: boolean; industry?: string },
): Promise<number> {
  return expectStatus<{ id: number }>(await as.post('/api/enterprises', { uscc: newUscc(), ...body }), 201).id;
}

export async function createTeam(as: Client, body: { name: string; enterpriseId: number; kind?: string }): Promise<number> {
  return expectStatus<{ id: number }>(await as.post('/api/teams', { kind: 'workshop', ...body }), 201).id;
}

/** Creates an account and grants it `role` on `orgId` (when given). */
export async function createUser(
  as: Client,
  body: { username: string; displayName?: string; orgId?: number; phone?: string; password?: string },
  grant?: { role: string; orgId: number | null },
): Promise<number> {
  const { id } = expectStatus<{ id: number }>(
    await as.post('/api/users', { password: PASSWORD, displayName: body.username, ...body }),
    201,
  );
  if (grant) expectStatus(await as.post('/api/role-grants', { userId: id, ...grant }), 201);
  return id;
}

/**
 * The standard world of a test, built through the API by the admin:
 *
 *   county (federation, county)
 *   ├─ streetA (federation, street) ─ unionA (grassroots) ─ enterprise a ─ team a
 *   │                                └ enterprise noUnionA (covered by the street only: 未建会)
 *   └─ streetB (federation, street) ─ unionB (grassroots) ─ enterprise b ─ team b
 *
 * Accounts (password PASSWORD): countyCadre (cadre on county), cadreA (cadre on streetA, phone
 * 13800001111), cadreB (cadre on streetB), viewer (viewer on county), member (member role on
 * unionA only), each with a logged-in client.
 */
export async function buildFixture(app: FastifyInstance) {
  const admin = await loginAdmin(app);
  const county = await createOrg(admin, { name: '嘉善县总工会', kind: 'federation', level: 'county', parentId: null, region: '嘉善县' });
  const streetA = await createOrg(admin, { name: '魏塘街道总工会', kind: 'federation', level: 'street', parentId: county });
  const streetB = await createOrg(admin, { name: '罗星街道总工会', kind: 'federation', level: 'street', parentId: county });
  const unionA = await createOrg(admin, { name: '魏塘精工有限公司工会', kind: 'grassroots_union', parentId: streetA });
  const unionB = await createOrg(admin, { name: '罗星电子有限公司工会', kind: 'grassroots_union', parentId: streetB });

  const enterpriseA = await createEnterprise(admin, { name: '魏塘精工有限公司', orgId: unionA, foundedOn: '2015-03-01' });
  const enterpriseB = await createEnterprise(admin, { name: '罗星电子有限公司', orgId: unionB, foundedOn: '2016-05-01' });
  const noUnionA = await createEnterprise(admin, { name: '魏塘小微科技有限公司', orgId: streetA, foundedOn: '2020-01-15', newEconomy: true });
  const teamA = await createTeam(admin, { name: '一车间', enterpriseId: enterpriseA });
  const teamB = await createTeam(admin, { name: '装配班组', enterpriseId: enterpriseB, kind: 'crew' });

  const countyCadre = await createUser(admin, { username: 'county.cadre', displayName: '县总干部', orgId: county }, { role: 'cadre', orgId: county });
  const cadreA = await createUser(
    admin,
    { username: 'street.a', displayName: '魏塘干部', orgId: streetA, phone: '13800001111' },
    { role: 'cadre', orgId: streetA },
  );
  const cadreB = await createUser(admin, { username: 'street.b', displayName: '罗星干部', orgId: streetB }, { role: 'cadre', orgId: streetB });
  const viewer = await createUser(admin, { username: 'county.viewer', displayName: '县总只读', orgId: county }, { role: 'viewer', orgId: county });
  const member = await createUser(admin, { username: 'worker.a', displayName: '职工甲', orgId: unionA }, { role: 'member', orgId: unionA });

  const [countyCadreClient, cadreAClient, cadreBClient, viewerClient, memberClient] = await Promise.all([
    login(app, 'county.cadre', PASSWORD),
    login(app, 'street.a', PASSWORD),
    login(app, 'street.b', PASSWORD),
    login(app, 'county.viewer', PASSWORD),
    login(app, 'worker.a', PASSWORD),
  ]);

  return {
    admin,
    orgs: { county, streetA, streetB, unionA, unionB },
    enterprises: { a: enterpriseA, b: enterpriseB, noUnionA },
    teams: { a: teamA, b: teamB },
    users: { countyCadre, cadreA, cadreB, viewer, member },
    clients: { countyCadre: countyCadreClient, cadreA: cadreAClient, cadreB: cadreBClient, viewer: viewerClient, member: memberClient },
  };
}

export type Fixture = Awaited<ReturnType<typeof buildFixture>>;

/** The same logged-in session, sent to another app (a second server on the same database). */
export function sameSessionOn(app: FastifyInstance, client: Client): Client {
  if (!client.cookie || !client.csrfToken) throw new Error('sameSessionOn: the client has no session');
  return makeClient(app, { cookie: client.cookie, csrfToken: client.csrfToken, user: client.user });
}
