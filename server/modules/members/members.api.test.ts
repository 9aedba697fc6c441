import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import {
  anonymous,
  buildFixture,
  clockOf,
  createTestApp,
  createUser,
  expectStatus,
  login,
  PASSWORD,
  sentSms,
  type Client,
  type Fixture,
} from '../../test/harness.ts';
import { makeIdNumber } from '../../platform/identity.ts';
import { readExport } from '../../test/exports.ts';
import { newIdNumber, newPhone as nextPhone, signUpMember, signUpWorker as signUp } from '../../test/people.ts';

let app: FastifyInstance;
let f: Fixture;
const newPhone = () => nextPhone();
const newId = (birth?: string) => newIdNumber(birth);
const signUpWorker = (phone?: string) => signUp(app, phone);

function application(overrides: Record<string, unknown> = {}) {
  return { name: '张三', idNumber: newId(), phone: newPhone(), orgId: f.orgs.unionA, employerName: '魏塘精工有限公司', consent: true, ...overrides };
}

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会员名册');
  ws.addRow(['姓名', '身份证号', '手机号', '所属企业统一社会信用代码', '入会日期']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(fields: Record<string, string>, file?: Buffer) {
  const boundary = `----gonghui${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roll.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`));
    parts.push(file, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(as: Client, orgId: number, file: Buffer) {
  const { payload, contentType } = multipart({ orgId: String(orgId) }, file);
  return app.inject({
    method: 'POST',
    url: '/api/members/import',
    headers: { cookie: `gh_session=${as.cookie}`, 'x-csrf-token': as.csrfToken!, 'content-type': contentType },
    payload,
  });
}

const memberCount = async () => Number((await app.deps.db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

describe('online join', () => {
  it('a worker signs up with an SMS code, applies, a cadre approves, and the worker sees the e-card', async () => {
    const { client: worker, phone } = await signUpWorker();
    const app1 = application({ phone });
    const created = expectStatus(await worker.post('/api/join-applications', app1), 201);
    expect(created).toEqual({ id: expect.any(Number), status: 'pending' });

    const listed = expectStatus(await f.clients.cadreA.get('/api/join-applications?status=pending'), 200);
    const item = listed.items.find((a: { id: number }) => a.id === created.id);
    expect(item.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(item.phone).toMatch(/^\d{3}\*{4}\d{4}$/);

    expect(expectStatus(await worker.get('/api/me'), 200).member).toBeNull();
    const approved = expectStatus(await f.clients.cadreA.post(`/api/join-applications/${created.id}/approve`), 200);
    expect(approved).toEqual({ memberId: expect.any(Number), memberNo: expect.stringMatching(/^2025\d{8}$/) });
    // The portal reads membership from the account: approval linked the new record to it.
    expect(expectStatus(await worker.get('/api/me'), 200).member).toEqual({ id: approved.memberId, memberNo: approved.memberNo, orgId: f.orgs.unionA, orgName: expect.any(String), status: 'member' });

    const card = expectStatus(await worker.get('/api/me/member'), 200);
    expect(card).toMatchObject({ memberNo: approved.memberNo, orgId: f.orgs.unionA, status: 'member', name: '张三' });
    expect(card).not.toHaveProperty('cardCode');

    // Already a member anywhere → a second application is refused.
    const again = await (await signUpWorker()).client.post('/api/join-applications', application({ idNumber: app1.idNumber, orgId: f.orgs.unionB }));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_member');
  });

  it('a member who left and applies again from a new account gets their old number on that account', async () => {
    const first = await signUpWorker();
    const body = application({ phone: first.phone });
    const { id } = expectStatus(await first.client.post('/api/join-applications', body), 201);
    const { memberId, memberNo } = expectStatus(await f.clients.cadreA.post(`/api/join-applications/${id}/approve`), 200);
    expectStatus(await f.clients.cadreA.patch(`/api/members/${memberId}`, { status: 'left' }), 200);
    expect(expectStatus(await first.client.get('/api/me'), 200).member).toBeNull();

    const second = await signUpWorker();
    const again = expectStatus(await second.client.post('/api/join-applications', { ...body, phone: second.phone }), 201);
    expectStatus(await f.clients.cadreA.post(`/api/join-applications/${again.id}/approve`), 200);
    expect(expectStatus(await second.client.get('/api/me'), 200).member).toMatchObject({ id: memberId, memberNo, status: 'member' });
    expect(expectStatus(await first.client.get('/api/me'), 200).member).toBeNull();
  });

  it('a wrong SMS code is refused on the code field', async () => {
    const phone = newPhone();
    const anon = anonymous(app);
    expectStatus(await anon.post('/api/auth/sms-codes', { phone }), 204);
    await app.deps.jobs.drain();
    const res = await anon.post('/api/auth/signup', { phone, code: '000000' === sentSms(app).at(-1)!.text.match(/\d{6}/)![0] ? '111111' : '000000', password: 'Worker-Pass-2025' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('code');
  });

  it('texts the sign-up code by a job after answering, and not at all once the code has expired', async () => {
    const anon = anonymous(app);
    const textsTo = (phone: string) => sentSms(app).filter((m) => m.phone === phone);
    const [late, prompt] = [newPhone(), newPhone()];
    expectStatus(await anon.post('/api/auth/sms-codes', { phone: late }), 204);
    expect(textsTo(late)).toEqual([]);
    // The job waits past the code's 10 minutes (a worker down, a gateway failing): a dead code is not sent.
    clockOf(app).advance(11 * 60_000);
    expectStatus(await anon.post('/api/auth/sms-codes', { phone: prompt }), 204);
    await app.deps.jobs.drain();
    expect(textsTo(late)).toEqual([]);
    expect(textsTo(prompt)).toEqual([{ phone: prompt, text: expect.stringMatching(/^【工会】您的注册验证码是 \d{6}，10 分钟内有效/) }]);
    await app.deps.jobs.drain();
    expect(textsTo(prompt)).toHaveLength(1);
  });

  it.each([
    ['idNumber', { idNumber: '330421199003071230' }],
    ['idNumber', { idNumber: '330421199002300012' }],
    ['idNumber', { idNumber: makeIdNumber('330421', '2012-01-01', 1) }],
    ['phone', { phone: '1234567' }],
    ['consent', { consent: false }],
    ['employerName', { employerName: null }],
    ['orgId', { orgId: 999999 }],
  ])('an application with a bad %s gets 422 naming the field', async (field, overrides) => {
    const { client } = await signUpWorker();
    const res = await client.post('/api/join-applications', application(overrides));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('the same ID number applying twice at once yields exactly one application', async () => {
    const [a, b] = await Promise.all([signUpWorker(), signUpWorker()]);
    const idNumber = newId();
    const results = await Promise.all([a.client.post('/api/join-applications', application({ idNumber })), b.client.post('/api/join-applications', application({ idNumber }))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await app.deps.db.selectFrom('join_applications').select('id').where('id_number_hash', '=', app.deps.pii.hash(idNumber)).execute();
    expect(rows).toHaveLength(1);
  });

  it('a cadre rejects with a reason, and another street cannot decide or see the application', async () => {
    const { client } = await signUpWorker();
    const { id } = expectStatus(await client.post('/api/join-applications', application()), 201);
    // Only a cadre who may decide is offered the decisions, in the list and the detail; a viewer reads without them.
    expect(expectStatus(await f.clients.cadreA.get(`/api/join-applications/${id}`), 200).actions).toEqual(['approve', 'reject']);
    expect(expectStatus(await f.clients.viewer.get('/api/join-applications?status=pending&pageSize=100'), 200).items.find((a: { id: number }) => a.id === id).actions).toEqual([]);
    expect((await f.clients.cadreB.post(`/api/join-applications/${id}/approve`)).statusCode).toBe(404);
    expect((await f.clients.cadreB.post(`/api/join-applications/${id}/reject`, { reason: '不在本街道' })).statusCode).toBe(404);
    expect((await f.clients.cadreB.get(`/api/join-applications/${id}`)).statusCode).toBe(404);
    const bList = expectStatus(await f.clients.cadreB.get('/api/join-applications'), 200);
    expect(bList.items.some((a: { id: number }) => a.id === id)).toBe(false);

    expect(expectStatus(await f.clients.cadreA.post(`/api/join-applications/${id}/reject`, { reason: '信息不全' }), 200)).toMatchObject({ status: 'rejected' });
    const mine = expectStatus(await client.get('/api/join-applications/mine'), 200);
    expect(mine.items[0]).toMatchObject({ id, status: 'rejected', reason: '信息不全' });
    expect(expectStatus(await f.clients.cadreA.get(`/api/join-applications/${id}`), 200).actions).toEqual([]);
    expect((await f.clients.cadreA.post(`/api/join-applications/${id}/approve`)).statusCode).toBe(409);
  });

  it('an application undecided for 15 working days is flagged to the parent federation', async () => {
    const clock = clockOf(app);
    const { client } = await signUpWorker();
    const { id } = expectStatus(await client.post('/api/join-applications', application()), 201);
    // Sessions expire over three weeks: each look logs the county cadre in afresh.
    const county = () => login(app, 'county.cadre', PASSWORD);
    const flagged = async () => expectStatus(await (await county()).get('/api/join-applications?overdue=true'), 200).items.some((a: { id: number }) => a.id === id);
    const saved = clock();
    try {
      clock.advance(20 * 86400_000); // 20 calendar days = 14 working days from a Monday
      expect(await flagged()).toBe(false);
      clock.advance(2 * 86400_000); // the 15th working day has fully passed
      expect(await flagged()).toBe(true);
      const stats = expectStatus(await (await county()).get(`/api/orgs/${f.orgs.streetA}/stats`), 200);
      expect(stats.overdueApplications).toBeGreaterThanOrEqual(1);
    } finally {
      clock.set(saved);
      expectStatus(await f.clients.cadreA.post(`/api/join-applications/${id}/reject`, { reason: '测试结束' }), 200);
    }
  });
});

describe('roll, personal data and transfers', () => {
  let memberId: number;
  let worker: Client;
  let idNumber: string;
  let phone: string;

  beforeAll(async () => {
    const signed = await signUpWorker();
    worker = signed.client;
    phone = signed.phone;
    idNumber = newId('1985-12-31');
    const { id } = expectStatus(await worker.post('/api/join-applications', application({ idNumber, phone, name: '李四' })), 201);
    memberId = expectStatus(await f.clients.cadreA.post(`/api/join-applications/${id}/approve`), 200).memberId;
  });

  it('lists members masked, finds one by full ID number, and hides them from another street', async () => {
    const page = expectStatus(await f.clients.cadreA.get(`/api/members?q=${idNumber}`), 200);
    expect(page.total).toBe(1);
    expect(page.items[0]).toEqual({
      id: memberId,
      name: '李四',
      idNumber: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      orgId: f.orgs.unionA,
      orgName: expect.any(String),
      status: 'member',
      memberNo: expect.any(String),
      joinedOn: '2025-06-02',
      employerName: '魏塘精工有限公司',
    });
    expect(expectStatus(await f.clients.cadreB.get(`/api/members?q=${idNumber}`), 200).total).toBe(0);
    expect((await f.clients.cadreB.get(`/api/members/${memberId}`)).statusCode).toBe(404);
    expect((await f.clients.cadreB.get(`/api/members?orgId=${f.orgs.unionA}`)).statusCode).toBe(404);
  });

  it('finds a member by the phone’s last four digits (尾号) only within the street, also one written before the column, once the job has filled it', async () => {
    const tail = phone.slice(-4);
    const found = expectStatus<{ items: { id: number; phone: string }[] }>(await f.clients.cadreA.get(`/api/members?q=${tail}&pageSize=100`), 200);
    expect(found.items.map((m) => m.id)).toContain(memberId);
    expect(found.items.every((m) => m.phone.endsWith(tail))).toBe(true);
    const other = expectStatus<{ items: { id: number }[] }>(await f.clients.cadreB.get(`/api/members?q=${tail}&pageSize=100`), 200);
    expect(other.items.map((m) => m.id)).not.toContain(memberId);
    // As a member written before migration 0035 is: no tail yet, not found, until members.phone_tails runs.
    await sql`update members set phone_tail_hash = null where id = ${memberId}`.execute(app.deps.db);
    const before = expectStatus<{ items: { id: number }[] }>(await f.clients.cadreA.get(`/api/members?q=${tail}&pageSize=100`), 200);
    expect(before.items.map((m) => m.id)).not.toContain(memberId);
    await app.deps.jobs.send('members.phone_tails', {}, { key: 'test-phone-tails' });
    await app.deps.jobs.drain();
    const after = expectStatus<{ items: { id: number }[] }>(await f.clients.cadreA.get(`/api/members?q=${tail}&pageSize=100`), 200);
    expect(after.items.map((m) => m.id)).toContain(memberId);
    const left = await app.deps.db.selectFrom('members').select('id').where('phone_tail_hash', 'is', null).where('phone_enc', 'is not', null).execute();
    expect(left).toEqual([]);
  });

  it('finds members by two or more characters of the name from its index, by one character too, and follows a changed name', async () => {
    const ids = async (q: string, as = f.clients.cadreA) =>
      expectStatus<{ items: { id: number }[] }>(await as.get(`/api/members?q=${encodeURIComponent(q)}&pageSize=100`), 200).items.map((m) => m.id);
    expect(await ids('李四')).toContain(memberId);
    expect(await ids('四')).toContain(memberId);
    expect(await ids('李四', f.clients.cadreB)).not.toContain(memberId);
    // A name changed by any writer (here SQL itself) moves its pairs: the triggers keep the index.
    await sql`update members set name = ${'欧阳李四'} where id = ${memberId}`.execute(app.deps.db);
    expect(await ids('欧阳')).toContain(memberId);
    expect(await ids('阳李四')).toContain(memberId);
    expect(await ids('欧李')).not.toContain(memberId);
    await sql`update members set name = ${'李四'} where id = ${memberId}`.execute(app.deps.db);
    expect(await ids('欧阳')).not.toContain(memberId);
    const pairs = await app.deps.db.selectFrom('member_name_grams').select('gram').where('member_id', '=', memberId).execute();
    expect(pairs.map((r) => r.gram)).toEqual(['李四']);
  });

  it('shows the full ID number only on purpose to a cadre, and audits it', async () => {
    expect((await f.clients.viewer.post(`/api/members/${memberId}/reveal`)).statusCode).toBe(403);
    expect((await f.clients.cadreB.post(`/api/members/${memberId}/reveal`)).statusCode).toBe(404);
    expect(expectStatus(await f.clients.cadreA.post(`/api/members/${memberId}/reveal`), 200)).toEqual({ idNumber, phone });
    const audit = expectStatus(await f.clients.cadreA.get(`/api/audit-log?entity=member&entityId=${memberId}&action=member.pii_view`), 200);
    expect(audit.total).toBe(1);
    expect(audit.items[0].actorId).toBe(f.users.cadreA);
  });

  it('stores no ID number or phone in plain text anywhere in the database', async () => {
    const tables = ['users', 'members', 'join_applications', 'audit_log', 'sms_codes', 'transfers'];
    for (const table of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(app.deps.db);
      const dump = JSON.stringify(rows.rows);
      expect(dump, table).not.toContain(idNumber);
      expect(dump, table).not.toContain(phone);
      expect(dump, table).not.toContain('13800001111');
    }
  });

  it('moves a member between streets only when the receiving union accepts, never in two unions', async () => {
    const directory = expectStatus(await anonymous(app).get('/api/directory/unions?q=罗星'), 200);
    expect(directory.items.map((o: { id: number }) => o.id)).toContain(f.orgs.unionB);
    expect(Object.keys(directory.items[0]).sort()).toEqual(['basis', 'id', 'kind', 'level', 'name', 'parentName', 'region']);

    const { id } = expectStatus(await worker.post(`/api/members/${memberId}/transfers`, { toOrgId: f.orgs.unionB }), 201);
    expect((await worker.post(`/api/members/${memberId}/transfers`, { toOrgId: f.orgs.unionB })).statusCode).toBe(409);
    expect(expectStatus(await worker.get('/api/me/member'), 200).status).toBe('transferring');
    // the old side cannot accept for the new one
    expect((await f.clients.cadreA.post(`/api/transfers/${id}/accept`)).statusCode).toBe(404);
    const incoming = expectStatus(await f.clients.cadreB.get('/api/transfers?direction=incoming&status=pending'), 200);
    expect(incoming.items.map((t: { id: number }) => t.id)).toContain(id);
    // Each side is offered only its own moves; a viewer of the county none.
    const offered = async (as: Client, direction: string) =>
      expectStatus(await as.get(`/api/transfers?direction=${direction}&status=pending`), 200).items.find((t: { id: number }) => t.id === id).actions;
    expect(await offered(f.clients.cadreB, 'incoming')).toEqual(['accept', 'reject']);
    expect(await offered(f.clients.cadreA, 'outgoing')).toEqual(['cancel']);
    expect(await offered(f.clients.viewer, 'incoming')).toEqual([]);

    expect(expectStatus(await f.clients.cadreB.post(`/api/transfers/${id}/accept`), 200)).toMatchObject({ status: 'accepted', memberId });
    const rows = await app.deps.db.selectFrom('members').select(['org_id', 'status']).where('id_number_hash', '=', app.deps.pii.hash(idNumber)).execute();
    expect(rows).toEqual([{ org_id: f.orgs.unionB, status: 'member' }]);
    expect((await f.clients.cadreA.get(`/api/members/${memberId}`)).statusCode).toBe(404);
    const detail = expectStatus(await f.clients.cadreB.get(`/api/members/${memberId}`), 200);
    expect(detail.transfers[0]).toMatchObject({ fromOrgId: f.orgs.unionA, toOrgId: f.orgs.unionB, status: 'accepted' });
  });

  it('keeps membership with a street federation when the new employer has no union, and retains it on retirement', async () => {
    const { id } = expectStatus(await f.clients.cadreB.post(`/api/members/${memberId}/transfers`, { toOrgId: f.orgs.streetA }), 201);
    expectStatus(await f.clients.cadreA.post(`/api/transfers/${id}/accept`), 200);
    const retained = expectStatus(await f.clients.cadreA.patch(`/api/members/${memberId}`, { status: 'retained', retainedReason: 'retired' }), 200);
    expect(retained).toMatchObject({ status: 'retained', retainedReason: 'retired', orgId: f.orgs.streetA });
    const missingReason = await f.clients.cadreA.patch(`/api/members/${memberId}`, { status: 'retained' });
    expect(missingReason.statusCode).toBe(422);
    // a county federation cannot hold memberships
    const toCounty = await f.clients.cadreA.post(`/api/members/${memberId}/transfers`, { toOrgId: f.orgs.county });
    expect(toCounty.statusCode).toBe(422);
    expect(toCounty.json().errors[0].field).toBe('toOrgId');
  });
});

describe('Excel import and export', () => {
  it('refuses a file with a bad row in the middle, lists row, column and reason, and imports nothing', async () => {
    const before = await memberCount();
    const rows = [
      ['王一', newId(), newPhone(), '', '2024-03-01'],
      ['王二', '330421199003071230', '12345', 'NOT-A-CODE', '2024-13-01'],
      ['王三', newId(), newPhone(), '', '2024-03-02'],
    ];
    const res = await upload(f.clients.cadreA, f.orgs.unionA, await xlsx(rows));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('import_failed');
    expect(body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort()).toEqual(['3:idNumber', '3:joinedOn', '3:phone', '3:uscc']);
    expect(body.errors[0].column).toBeTruthy();
    expect(await memberCount()).toBe(before);

    const report = await f.clients.cadreA.get(body.reportUrl);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const reasonColumn = (sheet.getRow(1).values as unknown[]).indexOf('错误原因');
    expect(String(sheet.getRow(2).getCell(reasonColumn).value)).toContain('身份证号');
    expect((await f.clients.cadreB.get(body.reportUrl)).statusCode).toBe(404);
  });

  it('imports a clean file, refuses the same people twice, and lets a worker claim an imported record', async () => {
    const idNumber = newId('1992-08-08');
    const rows = [
      ['赵六', idNumber, newPhone(), '', '2024-05-01'],
      ['钱七', newId(), newPhone(), '', 45292], // an Excel date serial (2024-01-01)
    ];
    const file = await xlsx(rows);
    expect(expectStatus(await upload(f.clients.cadreA, f.orgs.unionA, file), 200)).toEqual({ imported: 2 });
    const again = await upload(f.clients.cadreA, f.orgs.unionA, file);
    expect(again.statusCode).toBe(422);
    expect(again.json().errors).toHaveLength(2);
    const qian = expectStatus(await f.clients.cadreA.get('/api/members?q=钱七'), 200).items[0];
    expect(qian.joinedOn).toBe('2024-01-01');

    const { client } = await signUpWorker();
    expect((await client.post('/api/members/claim', { name: '赵七', idNumber })).statusCode).toBe(422);
    const claimed = expectStatus(await client.post('/api/members/claim', { name: '赵六', idNumber }), 200);
    expect(claimed.memberNo).toMatch(/^2024\d{8}$/);
    expect(expectStatus(await client.get('/api/me/member'), 200).name).toBe('赵六');
  });

  it('refuses an import into another street with 404, and a file without rows with a field error', async () => {
    const file = await xlsx([['孙八', newId(), newPhone(), '', '2024-05-01']]);
    expect((await upload(f.clients.cadreB, f.orgs.unionA, file)).statusCode).toBe(404);
    const empty = await upload(f.clients.cadreA, f.orgs.unionA, await xlsx([]));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].field).toBe('file');
  });

  it('exports the roll as the list filters it, masked by default, in full only for cadres (audited), and 404 outside scope', async () => {
    const listed = expectStatus(await f.clients.cadreA.get(`/api/members?orgId=${f.orgs.unionA}&status=member&pageSize=200`), 200);
    const masked = await readExport(await f.clients.cadreA.get(`/api/members/export?orgId=${f.orgs.unionA}&status=member`));
    expect(masked.name).toMatch(/^会员名册-魏塘精工有限公司工会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(masked.column('会员编号').sort()).toEqual(listed.items.map((m: { memberNo: string }) => m.memberNo).sort());
    expect(masked.column('身份证号').every((v) => /^\d{4}\*{10}[\dX]{4}$/.test(v))).toBe(true);
    expect(masked.column('手机号').every((v) => v === '' || /^\d{3}\*{4}\d{4}$/.test(v))).toBe(true);

    const full = await readExport(await f.clients.cadreA.get(`/api/members/export?orgId=${f.orgs.unionA}&full=true`));
    expect(full.column('身份证号').every((v) => /^\d{17}[\dX]$/.test(v))).toBe(true);
    const audited = expectStatus(await f.clients.cadreA.get('/api/audit-log?action=export&entity=members'), 200);
    expect(audited.items[0].after).toMatchObject({ list: 'members', full: true, rows: full.rows.length });

    expect((await f.clients.viewer.get('/api/members/export?full=true')).json().code).toBe('pii_full_forbidden');
    expect((await f.clients.cadreB.get(`/api/members/export?orgId=${f.orgs.unionA}`)).statusCode).toBe(404);
    const streetB = await readExport(await f.clients.cadreB.get('/api/members/export'));
    expect(streetB.name).toContain('罗星街道总工会');
    expect(streetB.column('所属工会').every((v) => v === '罗星电子有限公司工会' || v === '罗星街道总工会')).toBe(true);
  });

  it('exports join applications and transfers as their lists filter them, within the caller’s street', async () => {
    const listed = expectStatus(await f.clients.cadreA.get('/api/join-applications?status=pending&pageSize=200'), 200);
    const sheet = await readExport(await f.clients.cadreA.get('/api/join-applications/export?status=pending'));
    expect(sheet.name).toMatch(/^入会申请-魏塘街道总工会-/);
    expect(sheet.column('姓名').sort()).toEqual(listed.items.map((a: { name: string }) => a.name).sort());
    expect(sheet.column('身份证号').every((v) => v.includes('**********'))).toBe(true);
    expect(sheet.column('所属工会').every((v) => v.startsWith('魏塘'))).toBe(true);

    const outgoing = expectStatus(await f.clients.cadreA.get('/api/transfers?direction=outgoing&pageSize=200'), 200);
    const transfers = await readExport(await f.clients.cadreA.get('/api/transfers/export?direction=outgoing'));
    expect(outgoing.total).toBeGreaterThan(0);
    expect(transfers.column('会员编号').sort()).toEqual(outgoing.items.map((t: { memberNo: string }) => t.memberNo).sort());
    expect((await readExport(await f.clients.cadreB.get('/api/transfers/export?direction=outgoing'))).column('转出工会').every((v) => v.startsWith('罗星'))).toBe(true);
  });
});

describe('coverage statistics', () => {
  it('counts unions, enterprises with and without a union, and members over the subtree', async () => {
    const stats = expectStatus(await f.clients.countyCadre.get(`/api/orgs/${f.orgs.county}/stats`), 200);
    expect(stats).toMatchObject({ unions: 2, jointUnions: 0, enterprises: 3, enterprisesWithoutUnion: 1 });
    const total = Object.values(stats.membersByStatus as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(await memberCount());
    expect(stats.members).toBe(stats.membersByStatus.member + stats.membersByStatus.transferring + stats.membersByStatus.retained);
    expect(stats.growth).toHaveLength(12);
    expect(stats.children.map((c: { orgId: number }) => c.orgId).sort()).toEqual([f.orgs.streetA, f.orgs.streetB].sort());
    const a = expectStatus(await f.clients.cadreA.get(`/api/orgs/${f.orgs.streetA}/stats`), 200);
    expect(a).toMatchObject({ unions: 1, enterprises: 2, enterprisesWithoutUnion: 1 });
    expect((await f.clients.cadreA.get(`/api/orgs/${f.orgs.streetB}/stats`)).statusCode).toBe(404);
  });

  it('keeps growth and member counts right through imports, a union moving to another street and a member leaving', async () => {
    const stats = async (orgId: number) => expectStatus(await f.clients.countyCadre.get(`/api/orgs/${orgId}/stats`), 200);
    const joinedThisMonth = (s: { growth: { month: string; joined: number }[] }) => s.growth[11].joined;
    const child = (s: { children: { orgId: number; members: number }[] }, id: number) => s.children.find((c) => c.orgId === id)!.members;
    const [county0, a0, b0] = [await stats(f.orgs.county), await stats(f.orgs.streetA), await stats(f.orgs.streetB)];
    const joined = `${county0.growth[11].month}-01`;
    const rows = [['growth一', newId(), newPhone(), '', joined], ['growth二', newId(), newPhone(), '', joined]];
    expect((await upload(f.clients.cadreA, f.orgs.unionA, await xlsx(rows))).statusCode).toBe(200);
    const county1 = await stats(f.orgs.county);
    expect(joinedThisMonth(county1)).toBe(joinedThisMonth(county0) + 2);
    const a1 = await stats(f.orgs.streetA);
    expect(joinedThisMonth(a1)).toBe(joinedThisMonth(a0) + 2);
    expect(joinedThisMonth(await stats(f.orgs.streetB))).toBe(joinedThisMonth(b0));
    expect(child(county1, f.orgs.streetA)).toBe(child(county0, f.orgs.streetA) + 2);

    const unionA = await stats(f.orgs.unionA);
    expectStatus(await f.admin.post(`/api/orgs/${f.orgs.unionA}/move`, { parentId: f.orgs.streetB }), 200);
    const [county2, a2, b2] = [await stats(f.orgs.county), await stats(f.orgs.streetA), await stats(f.orgs.streetB)];
    expect(county2.growth).toEqual(county1.growth);
    const joins = (s: { growth: { joined: number }[] }) => s.growth.map((g) => g.joined);
    expect(a2.members).toBe(a1.members - unionA.members);
    expect(joins(a2)).toEqual(joins(a1).map((n, i) => n - joins(unionA)[i]));
    expect(b2.members).toBe(b0.members + unionA.members);
    expect(joins(b2)).toEqual(joins(b0).map((n, i) => n + joins(unionA)[i]));
    expect(child(county2, f.orgs.streetB)).toBe(b2.members);

    const page = expectStatus(await f.clients.countyCadre.get(`/api/members?orgId=${f.orgs.unionA}&page=1&pageSize=1`), 200);
    expectStatus(await f.clients.countyCadre.patch(`/api/members/${page.items[0].id}`, { status: 'left' }), 200);
    const county3 = await stats(f.orgs.county);
    expect(county3.members).toBe(county2.members - 1);
    expect(county3.membersByStatus.left).toBe(county2.membersByStatus.left + 1);
    expect(county3.growth).toEqual(county2.growth);

    expectStatus(await f.admin.post(`/api/orgs/${f.orgs.unionA}/move`, { parentId: f.orgs.streetA }), 200);
    expect((await stats(f.orgs.streetA)).members).toBe(a1.members - 1);
  });

  it('gives the roll’s total as the members in scope, with and without an org or status filter', async () => {
    const inSubtree = async (orgId: number, status?: string) =>
      Number(
        (
          await app.deps.db
            .selectFrom('members')
            .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
            .where('org_closure.ancestor_id', '=', orgId)
            .$if(!!status, (q) => q.where('members.status', '=', status as 'left'))
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const total = async (as: Client, query = '') => expectStatus(await as.get(`/api/members?page=1&pageSize=1${query}`), 200).total;
    expect(await inSubtree(f.orgs.streetA)).toBeGreaterThan(0);
    expect(await total(f.clients.countyCadre)).toBe(await memberCount());
    expect(await total(f.clients.cadreA)).toBe(await inSubtree(f.orgs.streetA));
    expect(await total(f.clients.cadreB)).toBe(await inSubtree(f.orgs.streetB));
    expect(await total(f.clients.countyCadre, `&orgId=${f.orgs.unionA}`)).toBe(await inSubtree(f.orgs.unionA));
    expect(await total(f.clients.cadreA, '&status=left')).toBe(await inSubtree(f.orgs.streetA, 'left'));
    expect(await total(f.admin)).toBe(await memberCount());
    expect(await total(f.admin, `&orgId=${f.orgs.streetB}`)).toBe(await inSubtree(f.orgs.streetB));

    // Grants that nest (a street and a union inside it) or sit side by side: each member once.
    const nested = 'roll.nested';
    const id = await createUser(f.admin, { username: nested }, { role: 'cadre', orgId: f.orgs.streetA });
    expectStatus(await f.admin.post('/api/role-grants', { userId: id, role: 'cadre', orgId: f.orgs.unionA }), 201);
    const both = await login(app, nested, PASSWORD);
    expect(await total(both)).toBe(await inSubtree(f.orgs.streetA));
    expect(await total(both, `&orgId=${f.orgs.unionA}`)).toBe(await inSubtree(f.orgs.unionA));
    expectStatus(await f.admin.post('/api/role-grants', { userId: id, role: 'cadre', orgId: f.orgs.unionB }), 201);
    const wider = await login(app, nested, PASSWORD);
    await signUpMember(app, f.clients.cadreB, f.orgs.unionB, '乙会员');
    expect(await inSubtree(f.orgs.unionB)).toBeGreaterThan(0);
    expect(await total(wider)).toBe((await inSubtree(f.orgs.streetA)) + (await inSubtree(f.orgs.unionB)));
  });
});

describe('the roll’s pages through transfers and org moves', () => {
  /** The members of an org's subtree, newest first, straight from the tables. */
  const inSubtree = async (orgId: number) =>
    (
      await app.deps.db
        .selectFrom('members')
        .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
        .where('org_closure.ancestor_id', '=', orgId)
        .select('members.id')
        .orderBy('members.id', 'desc')
        .execute()
    ).map((r) => r.id);

  /** Every id of the list, walked by `after` and by `page`, which must agree (and give the total). */
  async function walk(as: Client, query = '') {
    const byAfter: number[] = [];
    let after: number | undefined;
    for (;;) {
      const page = expectStatus(await as.get(`/api/members?pageSize=2${query}${after ? `&after=${after}` : ''}`), 200);
      byAfter.push(...page.items.map((m: { id: number }) => m.id));
      if (page.items.length < 2) break;
      after = page.items[1].id;
    }
    const byPage: number[] = [];
    for (let n = 1; ; n++) {
      const page = expectStatus(await as.get(`/api/members?pageSize=2&page=${n}${query}`), 200);
      byPage.push(...page.items.map((m: { id: number }) => m.id));
      if (page.items.length < 2) {
        expect(page.total).toBe(byPage.length);
        break;
      }
    }
    expect(byAfter).toEqual(byPage);
    return byAfter;
  }

  async function expectRolls() {
    expect(await walk(f.clients.cadreA)).toEqual(await inSubtree(f.orgs.streetA));
    expect(await walk(f.clients.cadreB)).toEqual(await inSubtree(f.orgs.streetB));
    expect(await walk(f.clients.countyCadre)).toEqual(await inSubtree(f.orgs.county));
    expect(await walk(f.clients.countyCadre, `&orgId=${f.orgs.unionA}`)).toEqual(await inSubtree(f.orgs.unionA));
    expect(await walk(f.clients.countyCadre, `&orgId=${f.orgs.unionB}`)).toEqual(await inSubtree(f.orgs.unionB));
    // grants side by side (a street and a union of the other street): both, merged, each once
    const sideBySide = await login(app, 'roll.nested', PASSWORD);
    const both = [...(await inSubtree(f.orgs.streetA)), ...(await inSubtree(f.orgs.unionB))];
    expect(await walk(sideBySide)).toEqual([...new Set(both)].sort((a, b) => b - a));
    // member_ancestors holds exactly each member's chain
    const pairs = async (q: () => Promise<{ ancestor_id: number; member_id: number }[]>) => (await q()).map((r) => `${r.ancestor_id}:${r.member_id}`).sort();
    expect(await pairs(() => app.deps.db.selectFrom('member_ancestors').select(['ancestor_id', 'member_id']).execute())).toEqual(
      await pairs(() =>
        app.deps.db
          .selectFrom('members')
          .innerJoin('org_closure', 'org_closure.descendant_id', 'members.org_id')
          .select(['org_closure.ancestor_id', 'members.id as member_id'])
          .execute(),
      ),
    );
  }

  it('shows exactly the scope’s members, newest first, after a transfer and after a union moves to another street', async () => {
    const { memberId } = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '翻页甲');
    await signUpMember(app, f.clients.cadreB, f.orgs.unionB, '翻页乙');
    expect((await inSubtree(f.orgs.streetA)).length).toBeGreaterThan(2);
    await expectRolls();
    expect((await walk(f.clients.cadreA))[0]).toBe(memberId);

    const { id } = expectStatus(await f.clients.cadreA.post(`/api/members/${memberId}/transfers`, { toOrgId: f.orgs.unionB }), 201);
    expectStatus(await f.clients.cadreB.post(`/api/transfers/${id}/accept`), 200);
    expect(await walk(f.clients.cadreA)).not.toContain(memberId);
    expect(await walk(f.clients.cadreB)).toContain(memberId);
    await expectRolls();

    expectStatus(await f.admin.post(`/api/orgs/${f.orgs.unionB}/move`, { parentId: f.orgs.streetA }), 200);
    expect(await walk(f.clients.cadreA)).toContain(memberId);
    expect(await walk(f.clients.cadreB)).not.toContain(memberId);
    await expectRolls();
    // a status filter pages over the same members, those of that status
    const statuses = await app.deps.db.selectFrom('members').select(['id', 'status']).execute();
    const active = new Set(statuses.filter((m) => m.status === 'member').map((m) => m.id));
    expect(await walk(f.clients.cadreA, '&status=member')).toEqual((await inSubtree(f.orgs.streetA)).filter((id) => active.has(id)));

    expectStatus(await f.admin.post(`/api/orgs/${f.orgs.unionB}/move`, { parentId: f.orgs.streetB }), 200);
    expect(await walk(f.clients.cadreB)).toContain(memberId);
    await expectRolls();
  });
});
