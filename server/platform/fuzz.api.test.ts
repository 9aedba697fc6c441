import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { listTables } from '../db/database.ts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createTestApp, buildFixture, expectStatus, keptFiles, loginAdmin, type Client, type Fixture } from '../test/harness.ts';
import { buildUploadTargets } from '../test/upload-targets.ts';
import { PDF } from '../modules/pioneer/test-world.ts';

/**
 * Bad input, on every route, generated from the OpenAPI document (GET /api/openapi.json): bodies,
 * queries and path ids that fit each route's schema, then mutated beyond it — wrong types, huge and
 * odd strings (lone surrogates, emoji, RTL marks, NUL), nulls, JSON nested 10,000 deep, huge arrays,
 * 1e308 / 1e999 / -0 / "NaN", prototype-pollution keys, invalid UTF-8 — and broken multipart
 * requests on the upload routes. Whatever comes in:
 *
 * - the answer is never a 5xx, and every refusal is problem+json with a code;
 * - a 422 validation_failed names the offending field in errors[] (or, for unknown keys, the key);
 * - a refused request writes nothing: no row is inserted into or deleted from any table (enumerated from the database
 *   catalogue) and the files in the data directory are the same before and after;
 * - Object.prototype is never polluted.
 *
 * The seed is fixed, so a failure reproduces; fast-check prints the counterexample.
 * The platform admin sends everything (the widest scope reaches the deepest code); the JSON routes
 * are fuzzed again as a street cadre (the scope checks and their refusals).
 */

const SEED = 20_261_127;
const RUNS_PER_ROUTE = 20;
/** Fewer for the street cadre: most of its answers are the scope's refusals. */
const CADRE_RUNS_PER_ROUTE = 8;

// ---------- JSON with raw tokens (1e999, -0, deep nesting) that JSON.stringify cannot write ----------

class Raw {
  constructor(readonly text: string) {}
}

function toJson(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

const DEEP = 10_000;
const hostileValues: unknown[] = [
  null,
  '',
  '   ',
  'x'.repeat(100_000),
  '\uD800',
  'a\uDFFF\uD800b',
  '😀👨‍👩‍👧‍👦🇨🇳',
  '\u202E工会\u202C',
  'שלום עליכם',
  '工会\u0000名称',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '../../etc/passwd',
  'NaN',
  'Infinity',
  '1e308',
  '-0',
  '２０２５-０６-０１',
  true,
  -1,
  0,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  new Raw('-0'),
  new Raw('1e308'),
  new Raw('1e999'),
  new Raw('-1e999'),
  new Raw('5e-324'),
  [],
  {},
  [null],
  new Raw(`[${'1,'.repeat(99_999)}1]`),
  new Raw(`${'['.repeat(DEEP)}${']'.repeat(DEEP)}`),
  new Raw(`${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`),
];
const hostile = fc.constantFrom(...hostileValues);
const pollution = [
  new Raw('{"__proto__":{"polluted":"yes","isAdmin":true}}'),
  new Raw('{"constructor":{"prototype":{"polluted":"yes"}}}'),
];

// ---------- schema → arbitrary ----------

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  nullable?: boolean;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

const day = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true });

/** A value that fits `s` (ids are drawn mostly from the ids that exist, so the code behind is reached). */
function fitting(s: Schema, ids: fc.Arbitrary<number>): fc.Arbitrary<unknown> {
  const alternatives = s.anyOf ?? s.oneOf;
  let arb: fc.Arbitrary<unknown>;
  if (alternatives) arb = fc.oneof(...alternatives.map((a) => fitting(a, ids)));
  else if (s.allOf) arb = fitting(Object.assign({}, ...s.allOf), ids);
  else if (s.enum) arb = fc.constantFrom(...s.enum);
  else if (s.type === 'integer' || s.type === 'number') {
    const min = Math.ceil(s.minimum ?? -1000) + (s.exclusiveMinimum === true ? 1 : 0);
    const max = Math.floor(Math.min(s.maximum ?? 1_000_000, 2_147_483_647));
    const int = fc.integer({ min: Math.max(min, -1_000_000), max });
    arb = min >= 0 && max >= 1000 ? fc.oneof(ids, int) : int;
  } else if (s.type === 'boolean') arb = fc.boolean();
  else if (s.type === 'string') {
    if (s.format === 'date-time' || s.pattern?.includes('T(?:')) arb = day.map((d) => d.toISOString());
    else if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') arb = day.map((d) => d.toISOString().slice(0, 10));
    else if (s.pattern) arb = fc.stringMatching(new RegExp(s.pattern));
    else arb = fc.string({ unit: fc.constantFrom(...'工会职工会员a1 -'), minLength: Math.max(1, s.minLength ?? 0), maxLength: Math.min(s.maxLength ?? 20, 20) });
  } else if (s.type === 'array') arb = fc.array(fitting(s.items ?? {}, ids), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
  else if (s.type === 'object' || s.properties) {
    const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fitting(v, ids)]));
    arb = fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
  } else arb = fc.constant(null);
  return s.nullable ? fc.option(arb, { nil: null }) : arb;
}

/** A body that fits, then (mostly) broken one way or another. */
function mutated(s: Schema | undefined, ids: fc.Arbitrary<number>): fc.Arbitrary<unknown> {
  const valid = s ? fitting(s, ids) : fc.constant({});
  const keys = Object.keys(s?.properties ?? {});
  const anyKey = keys.length ? fc.oneof(fc.constantFrom(...keys), fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', '')) : fc.constantFrom('__proto__', 'constructor', 'x');
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 4, arbitrary: fc.tuple(valid, anyKey, hostile).map(([b, k, v]) => (b && typeof b === 'object' ? { ...b, [k]: v } : { [k]: v })) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.constantFrom(...(s?.required?.length ? s.required : ['x']))).map(([b, k]) => Object.fromEntries(Object.entries(b as object).filter(([key]) => key !== k))) },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constantFrom(...pollution) },
  );
}

// ---------- the app and what it holds ----------

interface Op {
  method: string;
  /** Fastify's form: /api/orgs/:id */
  url: string;
  body?: Schema;
  query: { name: string; schema: Schema; required: boolean }[];
  multipart: boolean;
}

function operations(doc: { paths: Record<string, Record<string, any>> }): Op[] {
  const ops: Op[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []) as { in: string; name: string; schema: Schema; required?: boolean }[];
      ops.push({
        method: method.toUpperCase(),
        url: p.replace(/\{(\w+)\}/g, ':$1'),
        body: op.requestBody?.content?.['application/json']?.schema,
        query: params.filter((x) => x.in === 'query').map((x) => ({ name: x.name, schema: x.schema, required: !!x.required })),
        multipart: /multipart/.test(op.summary ?? '') || !!op.requestBody?.content?.['multipart/form-data'],
      });
    }
  }
  return ops;
}

/**
 * A write log: an after-insert and an after-delete row trigger on every table (enumerated from the
 * database catalogue) appends the table's name to `fuzz_writes` inside the writing transaction, so a
 * rolled-back write leaves nothing and a committed one (even an insert undone by a later delete)
 * leaves its table's name. The log is emptied before each request and read after a refusal: two cheap
 * statements instead of counting ~110 tables' rows twice per request.
 */
async function installWriteLog(app: FastifyInstance): Promise<void> {
  const { db, engine } = app.deps;
  const tables = await listTables(db, engine);
  await sql`create table fuzz_writes (table_name text not null)`.execute(db);
  if (engine === 'postgres') {
    await sql`create function fuzz_log() returns trigger language plpgsql as $$ begin insert into fuzz_writes values (TG_TABLE_NAME); return null; end $$`.execute(db);
  }
  for (const t of tables) {
    if (engine === 'postgres') {
      await sql`create trigger fuzz_log after insert or delete on ${sql.table(t)} for each row execute function fuzz_log()`.execute(db);
    } else {
      for (const op of ['insert', 'delete']) {
        await sql`create trigger ${sql.raw(`fuzz_${op}_${t}`)} after ${sql.raw(op)} on ${sql.table(t)} begin insert into fuzz_writes values (${sql.lit(t)}); end`.execute(db);
      }
    }
  }
}

async function clearWriteLog(app: FastifyInstance): Promise<void> {
  await sql`delete from fuzz_writes`.execute(app.deps.db);
}

/** The tables written since the log was last emptied. */
async function writtenTables(app: FastifyInstance): Promise<string[]> {
  const rows = await sql<{ table_name: string }>`select distinct table_name from fuzz_writes order by table_name`.execute(app.deps.db);
  return rows.rows.map((r) => r.table_name);
}


/** Refusals that rightly leave a trace: a failed login is counted and audited. */
const refusalWrites: Record<string, string[]> = { 'POST /api/auth/login': ['audit_log'] };

describe('bad input on every route', () => {
  let app: FastifyInstance;
  let f: Fixture;
  let admin: Client;
  let ops: Op[];
  /** a candidate still taking evidence, and a photo contest taking entries (as `author`) */
  let candidateId: number;
  let contestId: number;
  let articleId: number;
  let rightsCaseId: number;
  let disbursementId: number;
  let lessonId: number;
  let author: Client;

  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
    admin = f.admin;
    ({ candidateId, contestId, author, articleId, rightsCaseId, disbursementId, lessonId } = await buildUploadTargets(app, f));
    ops = operations(expectStatus(await admin.get('/api/openapi.json'), 200));
    await installWriteLog(app);
  }, 120_000);
  afterAll(() => app.close());

  /** Sends one request and checks the answer, the tables and the data directory. */
  async function check(op: Op, url: string, send: () => Promise<LightMyRequestResponse>, what: string): Promise<LightMyRequestResponse> {
    await clearWriteLog(app);
    const filesBefore = await keptFiles(app);
    const res = await send();
    const where = `${op.method} ${url} ${what.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, where).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted, `Object.prototype polluted by ${where}`).toBeUndefined();
    if (res.statusCode < 400) return res;
    expect(res.headers['content-type'], where).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem.code, where).toEqual(expect.any(String));
    if (problem.code === 'validation_failed' && res.statusCode === 422) {
      expect(problem.errors?.length, where).toBeGreaterThan(0);
      for (const e of problem.errors) {
        expect(e.field, where).toEqual(expect.any(String));
        expect(e.message, where).toEqual(expect.any(String));
        // A body-level error ('(body)') or unknown keys ('', keys named in the message) has no field of its own.
        if (e.field === '') expect(e.message, where).toMatch(/[:：]\s*\S/);
      }
    }
    const allowed = new Set(refusalWrites[`${op.method} ${op.url}`] ?? []);
    const changed = (await writtenTables(app)).filter((t) => !allowed.has(t));
    expect(changed, `a refused request wrote to ${changed.join(', ')}: ${where}`).toEqual([]);
    expect(await keptFiles(app), `a refused request left files behind: ${where}`).toEqual(filesBefore);
    return res;
  }

  /** The admin's session survives the fuzz unless a fuzzed request ended it; then log in afresh. */
  async function freshAdmin() {
    if ((await admin.get('/api/me')).statusCode === 200) return;
    await createAdmin(app);
    admin = await loginAdmin(app);
  }

  const pathIds = (existing: fc.Arbitrary<number>) =>
    fc.oneof(
      { weight: 3, arbitrary: existing.map(String) },
      { weight: 2, arbitrary: fc.constantFrom('0', '-1', 'abc', '2147483648', '1e3', '0x10', '1.5', '%00', '%F0%9F%98%80', '..%2F..%2Fetc', '9'.repeat(400), '%E2%80%AE1') },
    );

  /**
   * Fuzzes every JSON route (logout aside) as the client `as()` returns. Path ids come from
   * `existing` (ids that exist, never the caller's own account: a fuzzed PATCH could disable it) or
   * are malformed; ids in bodies and queries also from 1 (the platform admin) and ids that do not exist.
   */
  async function fuzzJsonRoutes(as: () => Promise<Client>, existing: fc.Arbitrary<number>, runs: number): Promise<Set<number>> {
    const statuses = new Set<number>();
    const someIds = fc.oneof({ weight: 4, arbitrary: existing }, { weight: 1, arbitrary: fc.constantFrom(1, 999_999, 2_147_483_647) });
    for (const op of ops.filter((o) => o.url !== '/api/auth/logout')) {
      const client = await as();
      const query = fc.record(Object.fromEntries(op.query.map((q) => [q.name, fc.oneof(fitting(q.schema, someIds), hostile.filter((v) => !(v instanceof Raw)))])), {
        requiredKeys: op.query.filter((q) => q.required).map((q) => q.name),
      });
      await fc.assert(
        fc.asyncProperty(pathIds(existing), mutated(op.body, someIds), query, async (id, body, q) => {
          const url = op.url.replace(/:\w+/g, id);
          const qs = Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 4000) : JSON.stringify(v)]));
          const payload = op.method === 'GET' || op.method === 'DELETE' ? undefined : toJson(body);
          const res = await check(op, url, () => client.request(op.method, url, payload, { query: qs, headers: payload === undefined ? {} : { 'content-type': 'application/json' } }), `body ${payload?.slice(0, 200)} query ${JSON.stringify(qs).slice(0, 200)}`);
          statuses.add(res.statusCode);
        }),
        { numRuns: runs, seed: SEED, endOnFailure: true },
      );
    }
    return statuses;
  }

  it('holds the same as a street cadre, whose scope stops at their street: its refusals are problems too and write nothing', async () => {
    // First in the file: the admin's fuzz below may disable any account, this cadre's too.
    expect((await f.clients.cadreA.get('/api/me')).statusCode).toBe(200);
    const cadreId = f.users.cadreA;
    const existing = fc.integer({ min: 2, max: 12 }).filter((id) => id !== cadreId);
    const statuses = await fuzzJsonRoutes(async () => f.clients.cadreA, existing, CADRE_RUNS_PER_ROUTE);
    // It reached past the gates (answers, field errors) and met the scope (404 outside the street).
    expect([200, 404, 422].filter((status) => !statuses.has(status))).toEqual([]);
    expect((await f.clients.cadreA.get('/api/me')).statusCode).toBe(200);
  }, 600_000);

  it('answers every JSON route with a problem, never a 5xx, and a refused request writes nothing', async () => {
    expect(ops.length).toBeGreaterThan(100);
    await fuzzJsonRoutes(
      async () => {
        await freshAdmin();
        return admin;
      },
      fc.integer({ min: 2, max: 12 }),
      RUNS_PER_ROUTE,
    );
  }, 600_000);

  it('refuses JSON nested 10,000 deep, a 100,000-item array, invalid UTF-8 and prototype keys on every route that takes a body', async () => {
    const bodies: [string, string | Buffer][] = [
      ['deep array', `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`],
      ['deep object', `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`],
      ['huge array', `[${'1,'.repeat(99_999)}1]`],
      ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])],
      ['__proto__', '{"__proto__":{"polluted":"yes"},"name":"x"}'],
      ['constructor.prototype', '{"constructor":{"prototype":{"polluted":"yes"}}}'],
    ];
    for (const op of ops.filter((o) => o.method !== 'GET' && o.url !== '/api/auth/logout')) {
      await freshAdmin();
      const url = op.url.replace(/:\w+/g, '2');
      for (const [what, payload] of bodies) {
        await check(op, url, () => admin.request(op.method, url, payload as string, { headers: { 'content-type': 'application/json' } }), what);
      }
    }
  }, 300_000);

  it('refuses broken multipart requests to every upload route, keeping no file and no row', async () => {
    const uploads = ops.filter((o) => o.multipart);
    expect(uploads.map((o) => `${o.method} ${o.url}`).sort()).toEqual([
      'POST /api/articles/:id/attachments',
      'POST /api/articles/files',
      'POST /api/contests/:id/entries',
      'POST /api/fundraiser-entries/:id/proofs',
      'POST /api/lessons/:id/file',
      'POST /api/list-items/:id/finish',
      'POST /api/members/import',
      'POST /api/pioneer/candidates/:id/evidence',
      'POST /api/pioneer/titles/import',
      'POST /api/rights-cases/:id/attachments',
      'POST /api/skill-levels/import',
      'POST /api/wishes/:id/fulfilment',
    ]);
    const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
    const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
    const part = (b: string, name: string, value: string) => `--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const filePart = (b: string, filename: string, type: string, data: Buffer) =>
      Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`), data, Buffer.from('\r\n')]);
    const b = 'fuzzboundary';
    const cases: { what: string; type: string; body: Buffer }[] = [
      { what: 'no boundary', type: 'multipart/form-data', body: Buffer.concat([filePart(b, 'a.pdf', 'application/pdf', PDF), Buffer.from(`--${b}--\r\n`)]) },
      { what: 'a 300-character boundary', type: `multipart/form-data; boundary=${'b'.repeat(300)}`, body: Buffer.from(`--${'b'.repeat(300)}--\r\n`) },
      { what: 'truncated', type: `multipart/form-data; boundary=${b}`, body: Buffer.concat([filePart(b, 'a.pdf', 'application/pdf', PDF)]).subarray(0, 90) },
      { what: 'only a closing boundary', type: `multipart/form-data; boundary=${b}`, body: Buffer.from(`--${b}--\r\n`) },
      { what: 'garbage', type: `multipart/form-data; boundary=${b}`, body: Buffer.from('\u0000\u0001garbage\r\n\r\n--') },
      { what: 'a 2 MB field', type: `multipart/form-data; boundary=${b}`, body: Buffer.from(part(b, 'orgId', '1'.repeat(2 * 1024 * 1024)) + `--${b}--\r\n`) },
      { what: 'no file', type: `multipart/form-data; boundary=${b}`, body: Buffer.from(part(b, 'orgId', String(f.orgs.unionA)) + part(b, 'title', '作品') + `--${b}--\r\n`) },
      { what: 'an SVG named .png', type: `multipart/form-data; boundary=${b}`, body: Buffer.concat([Buffer.from(part(b, 'orgId', String(f.orgs.unionA)) + part(b, 'title', '作品')), filePart(b, 'photo.png', 'image/png', SVG), Buffer.from(`--${b}--\r\n`)]) },
      { what: 'an HTML page named .pdf', type: `multipart/form-data; boundary=${b}`, body: Buffer.concat([Buffer.from(part(b, 'orgId', String(f.orgs.unionA))), filePart(b, 'x.pdf', 'application/pdf', HTML), Buffer.from(`--${b}--\r\n`)]) },
      { what: 'an HTML page named .html', type: `multipart/form-data; boundary=${b}`, body: Buffer.concat([filePart(b, 'x.html', 'text/html', HTML), Buffer.from(`--${b}--\r\n`)]) },
      { what: 'an empty file', type: `multipart/form-data; boundary=${b}`, body: Buffer.concat([Buffer.from(part(b, 'orgId', String(f.orgs.unionA))), filePart(b, 'x.xlsx', 'application/octet-stream', Buffer.alloc(0)), Buffer.from(`--${b}--\r\n`)]) },
      {
        what: 'five files',
        type: `multipart/form-data; boundary=${b}`,
        body: Buffer.concat([Buffer.from(part(b, 'orgId', String(f.orgs.unionA))), ...[1, 2, 3, 4, 5].map((i) => filePart(b, `n${i}.txt`, 'text/plain', Buffer.from('x'))), Buffer.from(`--${b}--\r\n`)]),
      },
      {
        what: 'a file name with NUL, CR and LF',
        type: `multipart/form-data; boundary=${b}`,
        body: Buffer.concat([Buffer.from(part(b, 'orgId', String(f.orgs.unionA))), filePart(b, 'a\u0000b\r\nX-Injected: 1.xlsx', 'application/octet-stream', Buffer.from('PK\u0003\u0004')), Buffer.from(`--${b}--\r\n`)]),
      },
      {
        what: 'a hostile file name and a file of the wrong kind',
        type: `multipart/form-data; boundary=${b}`,
        body: Buffer.concat([Buffer.from(part(b, 'orgId', '\uD800')), filePart(b, '../../../../tmp/evil\u202Egpj.exe', 'image/jpeg', Buffer.from('MZ\u0090\u0000')), Buffer.from(`--${b}--\r\n`)]),
      },
    ];
    const urlFor: Record<string, string> = {
      '/api/contests/:id/entries': `/api/contests/${contestId}/entries`,
      '/api/articles/:id/attachments': `/api/articles/${articleId}/attachments`,
      '/api/pioneer/candidates/:id/evidence': `/api/pioneer/candidates/${candidateId}/evidence`,
      '/api/rights-cases/:id/attachments': `/api/rights-cases/${rightsCaseId}/attachments`,
      '/api/fundraiser-entries/:id/proofs': `/api/fundraiser-entries/${disbursementId}/proofs`,
      '/api/lessons/:id/file': `/api/lessons/${lessonId}/file`,
    };
    const wrong: string[] = [];
    for (const op of uploads) {
      const as = op.url === '/api/contests/:id/entries' ? author : admin;
      const url = urlFor[op.url] ?? op.url;
      for (const c of cases) {
        const headers: Record<string, string> = { 'content-type': c.type };
        if (as.cookie) headers.cookie = `gh_session=${as.cookie}`;
        if (as.csrfToken) headers['x-csrf-token'] = as.csrfToken;
        const filesBefore = new Set(await keptFiles(app));
        try {
          const res = await check(op, url, () => app.inject({ method: 'POST', url, headers, payload: c.body }), c.what);
          if (res.statusCode < 400) wrong.push(`${url} ${c.what} was accepted: ${res.statusCode} ${res.body.slice(0, 120)}`);
        } catch (err) {
          wrong.push((err as Error).message.split('\n')[0]);
          // Clear what the refused request left, so the next case is judged on its own.
          for (const file of (await keptFiles(app)).filter((x) => !filesBefore.has(x))) {
            if (file.startsWith('db:')) await app.deps.files.remove(file.slice(3));
            else fs.rmSync(path.join(app.deps.config.dataDir, file));
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
