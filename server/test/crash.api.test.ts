import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sqliteFile } from '../db/database.ts';
import { makeIdNumber } from '../platform/identity.ts';
import { importWorkDir } from '../platform/spreadsheet.ts';
import { testEngine } from './harness.ts';
import { adminUrl } from './postgres.ts';
import { httpLogin, scratchDatabase, sessionOn, startServer, type HttpAnswer, type HttpSession, type RunningServer, type Scratch } from './scratch.ts';

/**
 * Crash safety: the real server (`node server/main.ts serve`) in a child process, driven over
 * HTTP, is killed with SIGKILL in the middle of a 20,000-row member import and in the middle of a
 * burst of Workers' Pioneer campaign transitions, then started again on the same database. No
 * test hook in the server: the moment to kill is read from outside — the import's working files
 * in <data dir>/tmp, and whether a write transaction is open (SQLite's write lock, PostgreSQL's
 * pg_stat_activity).
 */
const engine = testEngine();
const ROWS = 20_000;
const ADMIN_PASSWORD = 'Crash-Test-Admin-2026';
/** The county cadre who imports and runs campaigns. Not the admin: GONGHUI_ADMIN_PASSWORD ends the admin's sessions at every start. */
const CADRE = 'crash.cadre';
const CADRE_PASSWORD = 'Crash-Test-Cadre-2026';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let scratch: Scratch;
let server: RunningServer | null = null;
let roll: string;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-crash-'));

async function start(): Promise<RunningServer> {
  server = await startServer({ ...scratch.env, GONGHUI_ADMIN_PASSWORD: ADMIN_PASSWORD });
  return server;
}

async function kill() {
  await server?.kill();
  server = null;
}

/** A filled member template: ROWS people, written with exceljs's streaming writer. */
async function writeRoll(file: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('会员名册');
  ws.addRow(['姓名', '身份证号', '手机号', '所属企业统一社会信用代码', '入会日期']).commit();
  for (let i = 0; i < ROWS; i++) {
    const birth = `${1965 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    ws.addRow([`职工${i}`, makeIdNumber('330421', birth, i), `137${String(10_000_000 + i).slice(-8)}`, '', '2024-03-01']).commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * POSTs the roll as multipart over a real socket. With `stopAfter`, only that many bytes of the
 * file are sent and the request stays open: the server is left holding half an upload.
 */
function uploadRoll(session: HttpSession, orgId: number, stopAfter?: number): Promise<HttpAnswer> {
  const boundary = `----gonghui-crash-${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="orgId"\r\n\r\n${orgId}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roll.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const data = fs.readFileSync(roll);
  const url = new URL('/api/members/import', session.base);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + data.length + tail.length,
      },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      res.on('error', reject);
    });
    req.write(head);
    if (stopAfter === undefined) req.end(Buffer.concat([data, tail]));
    else req.write(data.subarray(0, stopAfter));
  });
}

// ---------- looking at the server from outside ----------

const tmpDir = () => importWorkDir(scratch.dataDir);
const tmpFiles = () => (fs.existsSync(tmpDir()) ? fs.readdirSync(tmpDir()) : []);
const fileSize = (name: string) => fs.statSync(path.join(tmpDir(), name), { throwIfNoEntry: false })?.size ?? 0;

let probe: { writing(): Promise<boolean>; close(): Promise<void> };

/** Whether some connection of the server holds an open write transaction right now. */
async function openProbe() {
  if (engine === 'sqlite') {
    let db: SQLite.Database | null = null;
    return {
      async writing() {
        db ??= new SQLite(sqliteFile(scratch.dataDir), { fileMustExist: true, timeout: 0 });
        try {
          db.exec('begin immediate');
          db.exec('rollback');
          return false;
        } catch (err) {
          if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
          throw err;
        }
      },
      async close() {
        db?.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  const name = new URL(scratch.databaseUrl!).pathname.slice(1);
  return {
    async writing() {
      const res = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1 and backend_xid is not null', [name]);
      return res.rows[0].n > 0;
    },
    close: () => client.end(),
  };
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, withinMs = 120_000) {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}\n${server?.output() ?? ''}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Rows as the database has them, read beside the server (both engines allow a second reader). */
async function count(query: string): Promise<number> {
  const database = scratch.open();
  try {
    return Number((await sql.raw<{ n: number | string }>(query).execute(database.db)).rows[0].n);
  } finally {
    await database.close();
  }
}

// ---------- the world ----------

let orgs: { county: number; union: number };

async function buildWorld(admin: HttpSession) {
  const post = async (url: string, body: unknown) => {
    const res = await admin.send('POST', url, body);
    if (res.status !== 201) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as number;
  };
  const county = await post('/api/orgs', { name: '嘉善县总工会', kind: 'federation', level: 'county', parentId: null, region: '嘉善县' });
  const street = await post('/api/orgs', { name: '魏塘街道总工会', kind: 'federation', level: 'street', parentId: county });
  const union = await post('/api/orgs', { name: '魏塘精工有限公司工会', kind: 'grassroots_union', parentId: street });
  const cadre = await post('/api/users', { username: CADRE, displayName: '县总干部', orgId: county, password: CADRE_PASSWORD });
  await post('/api/role-grants', { userId: cadre, role: 'cadre', orgId: county });
  orgs = { county, union };
}

beforeAll(async () => {
  scratch = await scratchDatabase();
  roll = path.join(work, 'roll.xlsx');
  await writeRoll(roll);
  const s = await start();
  await buildWorld(await httpLogin(s.base, 'admin', ADMIN_PASSWORD));
  probe = await openProbe();
}, 180_000);

afterAll(async () => {
  await probe?.close();
  await server?.stop();
  await scratch?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

const membersAndImports = async () => ({
  members: await count('select count(*) as n from members'),
  imports: await count("select count(*) as n from audit_log where action = 'member.import'"),
});

describe(`a server killed with SIGKILL comes back whole (${engine})`, () => {
  test('an import killed during the upload, during its checks and inside its write transaction leaves no member and no audit entry; the session survives the restarts and a retry imports every row', async () => {
    let cadre = await httpLogin(server!.base, CADRE, CADRE_PASSWORD);
    // The same login, on the server as restarted (it comes back on another port).
    const restart = async () => {
      cadre = sessionOn((await start()).base, cadre.cookie, cadre.csrfToken);
    };
    const upload = fs.statSync(roll).size;

    // 1. Half the file has reached the server's upload folder.
    const cut = uploadRoll(cadre, orgs.union, Math.floor(upload / 2)).catch((err: Error) => err);
    await waitFor('half of the upload on disk', () => tmpFiles().some((f) => f.endsWith('.xlsx') && fileSize(f) > upload / 4));
    await kill();
    expect(await cut).toBeInstanceOf(Error);
    expect(await membersAndImports()).toEqual({ members: 0, imports: 0 });
    const leftFromUpload = tmpFiles();
    expect(leftFromUpload.length).toBeGreaterThan(0);
    // Over an hour passes before the next start: the interrupted upload, personal data in plain text, is removed then.
    const anHourAgo = new Date(Date.now() - 2 * 3600_000);
    for (const f of leftFromUpload) fs.utimesSync(path.join(tmpDir(), f), anHourAgo, anHourAgo);

    // 2. The whole file arrived; the checks are spooling checked rows, nothing is written yet.
    await restart();
    expect(tmpFiles()).toEqual([]);
    expect((await cadre.send('GET', '/api/me')).status).toBe(200);
    const checking = uploadRoll(cadre, orgs.union).catch((err: Error) => err);
    await waitFor('checked rows being spooled', () => tmpFiles().some((f) => f.endsWith('.rows') && fileSize(f) > 0));
    await kill();
    expect(await checking).toBeInstanceOf(Error);
    expect(await membersAndImports()).toEqual({ members: 0, imports: 0 });

    // 3. The checks passed and the write transaction holds rows not yet committed.
    await restart();
    expect((await cadre.send('GET', '/api/me')).status).toBe(200);
    const earlier = new Set(tmpFiles());
    const writing = uploadRoll(cadre, orgs.union).catch((err: Error) => err);
    // A write while this import's spool file exists is the import's own transaction: the checks only read.
    await waitFor('the import’s write transaction', async () => tmpFiles().some((f) => f.endsWith('.rows') && !earlier.has(f)) && (await probe.writing()));
    await kill();
    const answer = await writing;
    const after = await membersAndImports();
    // All or nothing: had the commit won the race with the kill, every row and its audit entry are there.
    if (answer instanceof Error) expect([{ members: 0, imports: 0 }, { members: ROWS, imports: 1 }]).toContainEqual(after);
    else expect(after).toEqual({ members: ROWS, imports: 1 });

    // The files of the killed imports are still there (less than an hour old) and in nobody's way.
    await restart();
    expect(tmpFiles().length).toBeGreaterThan(0);
    expect((await cadre.send('GET', '/api/me')).status).toBe(200);
    if (after.members === 0) {
      const retry = await uploadRoll(cadre, orgs.union);
      expect(retry).toEqual({ status: 200, body: { imported: ROWS } });
    }
    expect(await membersAndImports()).toEqual({ members: ROWS, imports: 1 });
    const listed = await cadre.send('GET', `/api/members?orgId=${orgs.union}&pageSize=1`);
    expect(listed.body.total).toBe(ROWS);
  }, 300_000);

  test('campaign transitions killed in mid-burst: every transition the server confirmed survived, and each campaign’s status agrees with its audit trail', async () => {
    server ??= await start();
    const cadre = await httpLogin(server.base, CADRE, CADRE_PASSWORD);
    const year = new Date().getUTCFullYear() + 1;
    const campaigns: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await cadre.send('POST', '/api/pioneer/campaigns', {
        orgId: orgs.county,
        name: `${year}年度创建活动第${i + 1}批`,
        year,
        registrationDeadline: `${year}-06-30`,
        assessmentDeadline: `${year}-07-15`,
        scoringDeadline: `${year}-07-31`,
        quota: 5,
        scoringMethod: 'mean',
      });
      expect(res.status).toBe(201);
      campaigns.push(res.body.id);
    }

    const answered = new Map<number, number>();
    const burst = campaigns.map((id) =>
      cadre.send('POST', `/api/pioneer/campaigns/${id}/transitions`, { transition: 'cancel', reason: '年度计划调整' }).then(
        (res) => void answered.set(id, res.status),
        () => undefined,
      ),
    );
    // Killed once a few transitions were confirmed, while another one's transaction is open.
    await waitFor('confirmed transitions and an open transaction', async () => answered.size >= 5 && (await probe.writing()), 60_000);
    await kill();
    await Promise.all(burst);
    expect(answered.size).toBeLessThan(campaigns.length);

    const restarted = await start();
    const again = sessionOn(restarted.base, cadre.cookie, cadre.csrfToken);
    const trail = await auditCounts();
    for (const id of campaigns) {
      const { body } = await again.send('GET', `/api/pioneer/campaigns/${id}`);
      const cancelled = body.status === 'cancelled';
      expect({ id, status: body.status, audited: trail.get(id) ?? 0, reason: body.cancelReason }).toEqual({
        id,
        status: cancelled ? 'cancelled' : 'registration',
        audited: cancelled ? 1 : 0,
        reason: cancelled ? '年度计划调整' : null,
      });
      if (answered.has(id)) expect({ id, answer: answered.get(id), status: body.status }).toEqual({ id, answer: 200, status: 'cancelled' });
    }

    // What the kill interrupted can simply be done again.
    for (const id of campaigns) {
      const { body } = await again.send('GET', `/api/pioneer/campaigns/${id}`);
      if (body.status === 'registration') expect((await again.send('POST', `/api/pioneer/campaigns/${id}/transitions`, { transition: 'cancel', reason: '年度计划调整' })).status).toBe(200);
    }
    const final = await auditCounts();
    expect(campaigns.map((id) => final.get(id) ?? 0)).toEqual(campaigns.map(() => 1));
  }, 180_000);

  test('after the crashes the database is intact', async () => {
    await server?.stop();
    server = null;
    if (engine === 'sqlite') {
      const db = new SQLite(sqliteFile(scratch.dataDir), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        db.close();
      }
    }
    const restarted = await start();
    expect(await fetch(`${restarted.base}/api/health`).then((r) => r.json())).toEqual({ status: 'ok', database: engine });
  }, 180_000);
});

async function auditCounts(): Promise<Map<number, number>> {
  const database = scratch.open();
  try {
    const rows = await sql<{ id: string; n: number | string }>`select entity_id as id, count(*) as n from audit_log where action = 'pioneer_campaign.cancel' group by entity_id`.execute(database.db);
    return new Map(rows.rows.map((r) => [Number(r.id), Number(r.n)]));
  } finally {
    await database.close();
  }
}
