import { coveredWorker, roundBody } from '../modules/bargaining/test-world.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { sql } from 'kysely';
import { listTables } from '../db/database.ts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from './identity.ts';
import { PASSWORD, anonymous, buildFixture, createTestApp, createUser, expectStatus, keptFiles, login, type Client, type Fixture } from '../test/harness.ts';
import { WORKER_PASSWORD, newIdNumber, signUpMember, signUpWorker } from '../test/people.ts';
import { buildUploadTargets } from '../test/upload-targets.ts';
import { campaignBody, multipart, PDF, uploadEvidence } from '../modules/pioneer/test-world.ts';

/**
 * Security checks that look past the API's answers: what lands in the database files and in the
 * logs, where uploaded files go and how they come back, and the security headers on every kind of
 * response. The rest lives beside the code it checks:
 *
 * - sessions ended by logout, password change, password reset and disabling; CSRF refusals;
 *   lockout after wrong passwords; the auth rate limit; the session token stored only hashed:
 *   server/modules/accounts/accounts.api.test.ts
 * - masked lists, the audited reveal, the members' tables free of plain ID numbers and phones:
 *   server/modules/members/members.api.test.ts
 * - evidence files refused by content, served as attachments in scope only: pioneer.api.test.ts;
 *   contest photos refused by content: contests.api.test.ts
 * - who may call what (every route × role × scope): permission-matrix.api.test.ts
 * - bad input on every route (no 5xx, no partial write): fuzz.api.test.ts
 */

/** The forms a number takes when someone writes it down: plain, spaced, dashed, lower-case. */
function spellings(value: string): string[] {
  const forms = new Set([value, value.toLowerCase()]);
  if (value.length === 18) {
    forms.add(`${value.slice(0, 6)} ${value.slice(6, 14)} ${value.slice(14)}`);
    forms.add(`${value.slice(0, 6)}-${value.slice(6, 14)}-${value.slice(14)}`);
  }
  if (value.length === 11) {
    forms.add(`${value.slice(0, 3)} ${value.slice(3, 7)} ${value.slice(7)}`);
    forms.add(`${value.slice(0, 3)}-${value.slice(3, 7)}-${value.slice(7)}`);
    forms.add(`+86${value}`);
  }
  return [...forms];
}

/** Which of `secrets` (in any spelling) occur in `text`. */
function leaks(text: string, secrets: string[]): string[] {
  return secrets.flatMap((s) => spellings(s).filter((form) => text.includes(form)).map((form) => `${s} as "${form}"`));
}

describe('personal data at rest and in the logs', () => {
  let app: FastifyInstance;
  let f: Fixture;
  const log: string[] = [];
  /** every ID number and phone the run below hands to the platform */
  const secrets: string[] = [];
  /** narratives, notes, amounts and incomes of rights cases and hardship files, stored only encrypted */
  const sensitive: string[] = [];

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk, _enc, done) {
        log.push(String(chunk));
        done();
      },
    });
    app = await createTestApp({ logStream });
    f = await buildFixture(app);
    secrets.push('13800001111'); // cadre A's phone, given when the fixture made the account

    // A worker signs up by SMS, applies with their ID number, is approved, logs in by phone.
    const joined = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '赵安全');
    secrets.push(joined.phone, joined.idNumber);
    await login(app, joined.phone, WORKER_PASSWORD);
    expect((await anonymous(app).post('/api/auth/login', { username: joined.phone, password: 'Wrong-Pass-2025' })).statusCode).toBe(401);

    // A pending application, and one rejected.
    for (const reject of [false, true]) {
      const { client, phone } = await signUpWorker(app);
      const idNumber = newIdNumber('1985-11-30');
      secrets.push(phone, idNumber);
      const { id } = expectStatus(await client.post('/api/join-applications', { name: '钱申请', idNumber, phone, orgId: f.orgs.unionA, employerName: '测试单位', consent: true }), 201);
      if (reject) expectStatus(await f.clients.cadreA.post(`/api/join-applications/${id}/reject`, { reason: '资料不全' }), 200);
    }

    // An Excel import of two members (one with an X check digit), then a failed one with an error report.
    const imported = [makeIdNumber('330421', '1979-01-09', 4), makeIdNumber('330421', '1980-02-10', 5)];
    const importedPhones = ['13512340001', '13512340002'];
    secrets.push(...imported, ...importedPhones);
    const roll = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('会员名册');
      ws.addRow(['姓名', '身份证号', '手机号', '所属企业统一社会信用代码', '入会日期']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const ok = await multipart(app, f.clients.cadreA, '/api/members/import', { orgId: String(f.orgs.unionA) }, {
      name: 'roll.xlsx',
      type: xlsx,
      data: await roll([['孙导入', imported[0], importedPhones[0], '', '2024-01-01'], ['李导入', imported[1], importedPhones[1], '', '2024-01-01']]),
    });
    expectStatus(ok, 200);
    const badId = makeIdNumber('330421', '1981-03-11', 6);
    secrets.push(badId, '13512340003');
    const bad = await multipart(app, f.clients.cadreA, '/api/members/import', { orgId: String(f.orgs.unionA) }, { name: 'roll.xlsx', type: xlsx, data: await roll([['周有误', badId, '13512340003', '', '2099-01-01']]) });
    expect(bad.statusCode).toBe(422);

    // A worker claims an imported record; cadres search by full number, export in full, reveal.
    const claimant = await signUpWorker(app);
    secrets.push(claimant.phone);
    expectStatus(await claimant.client.post('/api/members/claim', { name: '孙导入', idNumber: imported[0] }), 200);
    for (const q of [imported[1], importedPhones[1], joined.idNumber]) expect(expectStatus(await f.clients.cadreA.get(`/api/members?q=${q}`), 200).total).toBe(1);
    expect((await f.clients.cadreA.get(`/api/members/export?orgId=${f.orgs.unionA}&full=true`)).statusCode).toBe(200);
    expectStatus(await f.clients.cadreA.post(`/api/members/${joined.memberId}/reveal`), 200);

    // The member shows their e-card's QR code and a cadre verifies it (both audited or logged).
    const { token } = expectStatus(await joined.client.get('/api/members/me/card-token'), 200);
    expect(leaks(token, secrets)).toEqual([]);
    expect(expectStatus(await f.clients.cadreA.post('/api/member-cards/verify', { token }), 200)).toMatchObject({ valid: true, name: '赵*全' });

    // A covered worker's bargaining survey comment (a narrative) holding a phone number: stored encrypted.
    const surveyPhone = '13766667777';
    secrets.push(surveyPhone);
    const covered = await coveredWorker(app, f.clients.cadreA, f.orgs.unionA, f.enterprises.a, '钱问卷');
    const round = expectStatus<{ id: number }>(await f.clients.cadreA.post('/api/bargaining', roundBody(f.orgs.unionA, [f.enterprises.a])), 201).id;
    expectStatus(await covered.client.post(`/api/bargaining/${round}/survey`, { priorities: ['wage_growth'], expectedRaisePercent: 6, comment: `夜班补贴请联系我 ${surveyPhone}` }), 201);

    // An account made with a phone, and a phone changed on a member.
    const cadrePhone = '13622223333';
    const newPhone = '13744445555';
    secrets.push(cadrePhone, newPhone);
    await createUser(f.admin, { username: 'phone.cadre', orgId: f.orgs.streetA, phone: cadrePhone }, { role: 'viewer', orgId: f.orgs.streetA });
    await login(app, cadrePhone, PASSWORD);
    expectStatus(await f.clients.cadreA.patch(`/api/members/${joined.memberId}`, { phone: newPhone }), 200);

    // A rights case from the phone with its narrative and amount, a step, its closing; a 12351 call.
    const narrative = '包工头拖欠三个月工资后失联';
    const note = '已联系住建部门冻结农民工工资专用账户';
    sensitive.push(narrative, note, '3141592', '2718281', '1618033');
    const rightsCase = expectStatus(await joined.client.post('/api/rights-cases', { category: 'wage_arrears', employerName: '某劳务公司', amountFen: 3_141_592, narrative, consent: true }), 201);
    expectStatus(await f.clients.cadreA.post(`/api/rights-cases/${rightsCase.id}/accept`), 200);
    expectStatus(await f.clients.cadreA.post(`/api/rights-cases/${rightsCase.id}/steps`, { kind: 'internal_note', note }), 201);
    expectStatus(await f.clients.cadreA.post(`/api/rights-cases/${rightsCase.id}/close`, { outcome: 'resolved', recoveredFen: 2_718_281 }), 200);
    expectStatus(await f.clients.cadreA.get(`/api/rights-cases/${rightsCase.id}`), 200);
    const hotlinePhone = '13955556666';
    secrets.push(hotlinePhone);
    expectStatus(await f.clients.cadreA.post('/api/rights-cases/intake', { channel: 'hotline', applicantName: '来电人', phone: hotlinePhone, category: 'overtime', employerName: '某厂', narrative, consent: true, orgId: f.orgs.streetA }), 201);
    // A hardship file with its household income, opened and re-checked.
    const file = expectStatus(await f.clients.cadreA.post('/api/hardship-files', { memberId: joined.memberId, householdSize: 4, monthlyIncomeFen: 1_618_033, causes: ['illness'], consent: true }), 201);
    expectStatus(await f.clients.cadreA.get(`/api/hardship-files/${file.id}`), 200);
  }, 120_000);
  afterAll(() => app.close());

  it('leaves no plain ID number or phone, in any common spelling, nor a case narrative, note, amount or household income, in the database files or any other file of the data directory', async () => {
    expect(secrets.length).toBeGreaterThan(12);
    const found: string[] = [];
    if (app.deps.engine === 'sqlite') {
      // The raw bytes of the database, its write-ahead log and everything else stored beside it.
      const dir = app.deps.config.dataDir;
      const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => fs.statSync(path.join(dir, name)).isFile());
      expect(files).toEqual(expect.arrayContaining(['gonghui.sqlite', 'gonghui.sqlite-wal']));
      let all = '';
      for (const name of files) {
        const bytes = fs.readFileSync(path.join(dir, name)).toString('latin1');
        found.push(...leaks(bytes, secrets).map((l) => `${name}: ${l}`));
        found.push(...sensitive.filter((t) => bytes.includes(Buffer.from(t).toString('latin1'))).map((t) => `${name}: ${t}`));
        all += bytes;
      }
      // The scan does see what is stored in plain text: a member's name.
      expect(all).toContain(Buffer.from('赵安全').toString('latin1'));
    } else {
      // Every row of every table, as PostgreSQL spells it in text.
      const tables = await listTables(app.deps.db, app.deps.engine);
      expect(tables.length).toBeGreaterThan(20);
      let all = '';
      for (const name of tables) {
        const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(app.deps.db);
        const text = rows.rows.map((r) => r.row).join('\n');
        found.push(...leaks(text, secrets).map((l) => `${name}: ${l}`));
        found.push(...sensitive.filter((t) => text.includes(t)).map((t) => `${name}: ${t}`));
        all += text;
      }
      // The dump does see what is stored in plain text: a member's name.
      expect(all).toContain('赵安全');
    }
    expect(found).toEqual([]);
  });

  it('writes no plain ID number or phone into the server log, even at trace level', () => {
    const text = log.join('');
    // The log did record the run: requests to the routes that handled the numbers.
    expect(text).toContain('/api/members/import');
    expect(text).toContain('/api/auth/login');
    expect(text).toContain('/api/members/claim');
    expect(leaks(text, secrets)).toEqual([]);
  });

  it('writes one access line per request, when it is answered: method, path without the query, status and time', () => {
    const lines = log.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg: string; req?: { method: string; url: string }; res?: { statusCode: number }; responseTime?: number });
    const logins = lines.filter((line) => line.req?.url === '/api/auth/login');
    expect(logins.length).toBeGreaterThan(0);
    for (const line of logins) {
      expect(line.msg).toBe('request completed');
      expect(line.req!.method).toBe('POST');
      expect([200, 401]).toContain(line.res!.statusCode);
      expect(line.responseTime).toBeGreaterThan(0);
    }
    expect(lines.some((line) => line.req?.url.includes('?'))).toBe(false);
  });
});

describe('uploaded files', () => {
  let app: FastifyInstance;
  let f: Fixture;
  let candidateId: number;
  let contestId: number;
  let author: Client;

  beforeAll(async () => {
    app = await createTestApp();
    f = await buildFixture(app);
    ({ candidateId, contestId, author } = await buildUploadTargets(app, f));
  }, 60_000);
  afterAll(() => app.close());

  /** Where a file named `name` would land if the name were obeyed: resolved from its folder, or its last part beside the data. */
  const obeyed = (dir: string, name: string) => {
    const base = path.posix.basename(name.replaceAll('\\', '/'));
    const dataDir = app.deps.config.dataDir;
    return [path.resolve(dir, name), path.resolve(dir, name.replaceAll('\\', '/')), ...[dataDir, path.dirname(dataDir), os.tmpdir(), '/tmp'].map((d) => path.join(d, base))];
  };

  it.each([
    ['a relative path up and out', '../../../../escaped.pdf'],
    ['an absolute path', '/tmp/gonghui-absolute.pdf'],
    ['Windows separators', '..\\..\\..\\windows-escape.pdf'],
    ['a NUL character', 'evil\u0000.pdf'],
    ['a 1,000-character name', `${'长'.repeat(1000)}.pdf`],
    ['unicode, emoji and a right-to-left override', '工会报告😀\u202Egpj.pdf'],
    ['quotes and a line break', 'a"; filename="x.html\r\nX-Injected: 1.pdf'],
  ])('stores evidence named with %s inside its own folder under a random name, and serves the name back harmlessly', async (_what, name) => {
    const dir = path.join(app.deps.config.dataDir, 'evidence', String(candidateId));
    const folder = `evidence/${candidateId}/`;
    const stored = new Set(await app.deps.files.list(folder));
    const res = await uploadEvidence(app, f.clients.cadreA, candidateId, name, PDF);
    expect(obeyed(dir, name).filter((p) => fs.existsSync(p))).toEqual([]);
    if (res.statusCode !== 201) {
      // Refusing such a name is as good as taming it, as long as it is a clear field error.
      expect(res.statusCode).toBe(422);
      return;
    }
    const added = (await app.deps.files.list(folder)).filter((n) => !stored.has(n));
    expect(added).toHaveLength(1);
    expect(added[0].slice(folder.length)).toMatch(/^[0-9a-f-]{36}$/);
    const e = res.json();
    expect(e.fileName).not.toMatch(/[/\\\u0000\r\n]/);
    const download = await f.clients.cadreA.get(`/api/pioneer/evidence/${e.id}`);
    expect(download.statusCode).toBe(200);
    const disposition = String(download.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[^"\r\n]*"; filename\*=UTF-8''[^"\s;]*$/);
    expect(download.headers['x-injected']).toBeUndefined();
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expectStatus(await f.clients.cadreA.delete(`/api/pioneer/evidence/${e.id}`), 204);
  });

  it('serves a PDF that is also an HTML page only as a sandboxed PDF attachment, never as a page', async () => {
    const polyglot = Buffer.from('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n');
    const e = expectStatus(await uploadEvidence(app, f.clients.cadreA, candidateId, 'report.pdf', polyglot, 'text/html'), 201);
    const res = await f.clients.cadreA.get(`/api/pioneer/evidence/${e.id}`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toMatch(/sandbox/);
    expectStatus(await f.clients.cadreA.delete(`/api/pioneer/evidence/${e.id}`), 204);
  });

  const photo = (name: string, data: Buffer, type = 'image/png') => multipart(app, author, `/api/contests/${contestId}/entries`, { title: '随手拍作品' }, { name, type, data });

  it.each([
    ['an SVG with a script named .png', 'photo.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['an SVG named .svg', 'photo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['an HTML page named .jpg', 'photo.jpg', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['an HTML page behind a JPEG signature', 'photo.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(1)</script></html>')])],
  ])('refuses %s as a contest photo and keeps nothing', async (_what, name, data) => {
    const before = await keptFiles(app);
    const res = await photo(name, data);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('file');
    expect(await keptFiles(app)).toEqual(before);
  });

  it('serves a contest photo re-encoded as a JPEG with nosniff and a sandboxing policy, whatever the title', async () => {
    const png = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#c00' } }).png().toBuffer();
    const { id } = expectStatus(await multipart(app, author, `/api/contests/${contestId}/entries`, { title: '"><img src=x onerror=alert(1)>\r\nX-Injected: 1' }, { name: '../../x.png', type: 'text/html', data: png }), 201);
    const res = await author.get(`/api/contest-entries/${id}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toMatch(/default-src 'none'; sandbox/);
    expect(String(res.headers['content-disposition'])).not.toMatch(/[<>\r\n]/);
    expect(res.headers['x-injected']).toBeUndefined();
    const stored = await app.deps.db.selectFrom('contest_entries').select(['file_path', 'thumb_path']).where('id', '=', id).executeTakeFirstOrThrow();
    for (const rel of [stored.file_path!, stored.thumb_path!]) {
      expect(rel).toMatch(new RegExp(`^contests/${contestId}/[0-9a-f-]{36}(\\.thumb)?\\.jpg$`));
      expect(await app.deps.files.exists(rel)).toBe(true);
      expect(rel).not.toContain('x.png');
    }
  });
});

describe('security headers on every kind of response', () => {
  let app: FastifyInstance;
  let f: Fixture;
  let evidenceId: number;
  const webDist = path.resolve(import.meta.dirname, '../../web/dist');

  beforeAll(async () => {
    // The built web app is served as in production; `npm test` builds it before the API tests.
    expect(fs.existsSync(path.join(webDist, 'index.html')), 'web/dist is missing: run `npm run build:web`').toBe(true);
    app = await createTestApp({ serveWeb: true });
    f = await buildFixture(app);
    const campaign = expectStatus(await f.clients.countyCadre.post('/api/pioneer/campaigns', campaignBody(f.orgs.county)), 201);
    const candidateId = expectStatus(await f.clients.cadreA.post(`/api/pioneer/campaigns/${campaign.id}/candidates`, { teamId: f.teams.a, type: 'safe_production', workerCount: 9 }), 201).id;
    evidenceId = expectStatus(await uploadEvidence(app, f.clients.cadreA, candidateId), 201).id;
  }, 60_000);
  afterAll(() => app.close());

  function problems(res: LightMyRequestResponse): string[] {
    const h = res.headers;
    const wrong: string[] = [];
    const csp = String(h['content-security-policy'] ?? '');
    if (h['x-content-type-options'] !== 'nosniff') wrong.push('x-content-type-options');
    if (!/default-src '(self|none)'/.test(csp)) wrong.push(`content-security-policy: ${csp}`);
    if (!/frame-ancestors 'none'|sandbox/.test(csp) || !h['x-frame-options']) wrong.push('framing allowed');
    if (h['referrer-policy'] !== 'no-referrer') wrong.push('referrer-policy');
    if (!/max-age=\d+/.test(String(h['strict-transport-security'] ?? ''))) wrong.push('strict-transport-security');
    if (h['x-powered-by'] !== undefined) wrong.push('x-powered-by');
    return wrong;
  }

  it('sends them on pages, static files, API answers, downloads and every kind of error', async () => {
    const asset = fs.readdirSync(path.join(webDist, 'assets')).find((n) => n.endsWith('.js'))!;
    const cadre = f.clients.cadreA;
    const anon = anonymous(app);
    const requests: [string, () => Promise<LightMyRequestResponse>, number][] = [
      ['console page', () => anon.get('/'), 200],
      ['console deep link', () => anon.get('/orgs/42'), 200],
      ['member portal page', () => anon.get('/m/'), 200],
      ['portal service worker', () => anon.get('/m/sw.js'), 200],
      ['portal web manifest', () => anon.get('/m/manifest.webmanifest'), 200],
      ['static script', () => anon.get(`/assets/${asset}`), 200],
      ['static icon', () => anon.get('/favicon.svg'), 200],
      ['API docs', () => anon.get('/api/docs/'), 200],
      ['OpenAPI document', () => anon.get('/api/openapi.json'), 200],
      ['JSON answer', () => cadre.get('/api/orgs'), 200],
      ['Excel download', () => cadre.get('/api/members/import-template'), 200],
      ['evidence download', () => cadre.get(`/api/pioneer/evidence/${evidenceId}`), 200],
      ['no content', () => cadre.post('/api/auth/logout'), 204],
      ['unauthenticated', () => anon.get('/api/orgs'), 401],
      ['forbidden', () => f.clients.member.get('/api/orgs'), 403],
      ['CSRF refused', () => f.clients.cadreB.post('/api/orgs', {}, { headers: { 'x-csrf-token': 'wrong' } }), 403],
      ['not found', () => f.clients.cadreB.get(`/api/orgs/${f.orgs.unionA}`), 404],
      ['unknown API route', () => anon.get('/api/no-such-thing'), 404],
      ['invalid JSON', () => f.clients.cadreB.post('/api/orgs', '{"name": ', { headers: { 'content-type': 'application/json' } }), 400],
      ['field errors', () => f.clients.cadreB.post('/api/orgs', { name: 1 }), 422],
      ['too large', () => f.clients.cadreB.post('/api/orgs', { name: 'x'.repeat(1_100_000) }), 413],
      ['wrong media type', () => f.clients.cadreB.post('/api/orgs', '<org/>', { headers: { 'content-type': 'application/xml' } }), 415],
      ['broken multipart', () => f.clients.cadreB.post('/api/members/import', 'x', { headers: { 'content-type': 'multipart/form-data' } }), 400],
      // With the web app served, its catch-all route takes what the API router refuses as too long.
      ['path segment too long', () => anon.get(`/api/orgs/${'9'.repeat(400)}`), 404],
      ['malformed URL', () => anon.get('/api/orgs/%E0%A4%A'), 400],
      ['rate limited', async () => {
        // Its own app, whose limit is one login a minute.
        const limited = await createTestApp({ authRateLimit: 1, admin: false });
        try {
          await anonymous(limited).post('/api/auth/login', { username: 'nobody.here', password: 'whatever-it-is' });
          return await anonymous(limited).post('/api/auth/login', { username: 'nobody.here', password: 'whatever-it-is' });
        } finally {
          await limited.close();
        }
      }, 429],
    ];
    const wrong: string[] = [];
    for (const [what, send, status] of requests) {
      const res = await send();
      if (res.statusCode !== status) wrong.push(`${what}: status ${res.statusCode}, expected ${status}: ${res.body.slice(0, 120)}`);
      const missing = problems(res);
      if (missing.length) wrong.push(`${what} (${res.statusCode}) lacks: ${missing.join(', ')}`);
      if (status >= 400 && !/^application\/problem\+json/.test(String(res.headers['content-type']))) wrong.push(`${what} is not problem+json: ${res.headers['content-type']}`);
    }
    expect(wrong).toEqual([]);
  });

  it('serves the portal’s service worker and manifest to be revalidated every time, never a page for a missing file, nor the build’s manifest', async () => {
    const anon = anonymous(app);
    const expected: [string, RegExp][] = [
      ['/m/sw.js', /^(application|text)\/javascript/],
      ['/m/manifest.webmanifest', /^application\/manifest\+json/],
      ['/m/index.html', /^text\/html/],
      ['/m/card', /^text\/html/],
    ];
    for (const [url, type] of expected) {
      const res = await anon.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(String(res.headers['content-type']), url).toMatch(type);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    // The worker may run scripts of its own origin only.
    expect(String((await anon.get('/m/sw.js')).headers['content-security-policy'])).toMatch(/worker-src 'self'/);
    expect((await anon.get('/m/manifest.webmanifest')).json()).toMatchObject({ scope: '/m/', start_url: '/m/' });
    for (const url of ['/m/no-such-worker.js', '/assets/no-such-chunk.js', '/.vite/manifest.json']) {
      const res = await anon.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(String(res.headers['content-type']), url).toMatch(/^application\/problem\+json/);
    }
  });
});
