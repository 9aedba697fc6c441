import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildFixture, createOrg, createTestApp, expectStatus, type Client, type Fixture } from '../../test/harness.ts';
import { readExport } from '../../test/exports.ts';
import { signUpMember } from '../../test/people.ts';
import { recordSkillLevel } from './index.ts';

let app: FastifyInstance;
let f: Fixture;
/** two members of union A (the first with an account), one of union B */
let a1: { memberId: number; client: Client };
let a2: number;
let b1: number;
let certSeq = 0;
const cert = () => `JN${String(330_000_000 + ++certSeq)}`;

const record = (memberId: number, level: number, overrides: Record<string, unknown> = {}) => ({
  memberId,
  occupation: '钳工',
  level,
  certificateNo: cert(),
  issuedOn: '2025-03-01',
  issuer: '魏塘精工有限公司',
  ...overrides,
});

async function memberNoOf(id: number): Promise<{ memberNo: string; name: string }> {
  const m = expectStatus(await f.admin.get(`/api/members/${id}`), 200);
  return { memberNo: m.memberNo, name: m.name };
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('技能等级');
  ws.addRow(['会员编号', '姓名', '职业（工种）', '等级', '证书编号', '发证日期', '评价机构', '评价类型']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(as: Client, orgId: number, file: Buffer) {
  const boundary = `----gonghui${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="orgId"\r\n\r\n${orgId}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="skills.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: '/api/skill-levels/import',
    headers: { cookie: `gh_session=${as.cookie}`, 'x-csrf-token': as.csrfToken!, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

const stats = async (as: Client, orgId: number) => expectStatus(await as.get(`/api/orgs/${orgId}/skill-stats`), 200);
const recordCount = async () => Number((await app.deps.db.selectFrom('skill_levels').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  const first = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '钱技能');
  a1 = { memberId: first.memberId, client: first.client };
  a2 = (await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '孙技能')).memberId;
  b1 = (await signUpMember(app, f.clients.cadreB, f.orgs.unionB, '李技能')).memberId;
});
afterAll(() => app.close());

describe('records and stats', () => {
  it('records levels and counts them by level, with 高级工 (3) counted as advanced and 中级工 (4) not', async () => {
    const created = await f.clients.cadreA.post('/api/skill-levels', record(a1.memberId, 3));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: expect.any(Number) });
    // A member may hold several records: another occupation, at level 4.
    expectStatus(await f.clients.cadreA.post('/api/skill-levels', record(a1.memberId, 4, { occupation: '电工', issuerKind: 'agency', issuer: '嘉兴市职业技能鉴定中心' })), 201);
    expectStatus(await f.clients.cadreA.post('/api/skill-levels', record(a2, 1)), 201);
    expectStatus(await f.clients.cadreA.post('/api/skill-levels', record(a2, 5, { occupation: '焊工' })), 201);

    const street = await stats(f.clients.cadreA, f.orgs.streetA);
    expect(street).toEqual({ total: 4, byLevel: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 1 }, advancedOrAbove: 2 });
    expect(await stats(f.clients.countyCadre, f.orgs.county)).toEqual(street);
    expect(await stats(f.clients.viewer, f.orgs.unionA)).toEqual(street);
    expect(await stats(f.clients.cadreB, f.orgs.unionB)).toEqual({ total: 0, byLevel: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, advancedOrAbove: 0 });

    const listed = expectStatus(await f.clients.cadreA.get('/api/skill-levels?q=钱技能'), 200);
    expect(listed.total).toBe(2);
    expect(listed.items[0]).toMatchObject({ memberName: '钱技能', orgId: f.orgs.unionA, status: 'valid' });
    expect(expectStatus(await f.clients.cadreA.get('/api/skill-levels?level=1'), 200).items.map((i: { memberId: number }) => i.memberId)).toEqual([a2]);
    expect(expectStatus(await f.clients.cadreA.get('/api/skill-levels?occupation=电'), 200).total).toBe(1);
  });

  it('refuses a level outside 1..5 naming level, a future issue date, and a bad certificate number', async () => {
    for (const level of [0, 6, 2.5]) {
      const res = await f.clients.cadreA.post('/api/skill-levels', record(a1.memberId, level));
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['level']);
    }
    const future = await f.clients.cadreA.post('/api/skill-levels', record(a1.memberId, 3, { issuedOn: '2099-01-01' }));
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].field).toBe('issuedOn');
    const badNo = await f.clients.cadreA.post('/api/skill-levels', record(a1.memberId, 3, { certificateNo: 'ab' }));
    expect(badNo.json().errors[0].field).toBe('certificateNo');
  });

  it('answers 409 to a certificate number a valid record already holds', async () => {
    const body = record(a1.memberId, 2, { occupation: '数控车工' });
    expectStatus(await f.clients.cadreA.post('/api/skill-levels', body), 201);
    const again = await f.clients.cadreA.post('/api/skill-levels', { ...body, occupation: '铣工' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('skill_certificate_taken');
  });

  it('keeps a street cadre to their subtree: another street’s member, record and stats are 404, and absent from lists', async () => {
    expect((await f.clients.cadreB.post('/api/skill-levels', record(a1.memberId, 3))).statusCode).toBe(404);
    expect((await f.clients.cadreA.post('/api/skill-levels', record(b1, 3))).statusCode).toBe(404);
    expect((await f.clients.cadreB.get(`/api/orgs/${f.orgs.streetA}/skill-stats`)).statusCode).toBe(404);
    expect((await f.clients.cadreB.get(`/api/members/${a1.memberId}/skill-levels`)).statusCode).toBe(404);
    const id = expectStatus(await f.clients.cadreA.get('/api/skill-levels'), 200).items[0].id;
    expect((await f.clients.cadreB.get(`/api/skill-levels/${id}`)).statusCode).toBe(404);
    expect((await f.clients.cadreB.post(`/api/skill-levels/${id}/void`, { reason: '越权' })).statusCode).toBe(404);
    expect(expectStatus(await f.clients.cadreB.get('/api/skill-levels'), 200).total).toBe(0);
    expect((await f.clients.viewer.post('/api/skill-levels', record(a1.memberId, 3))).statusCode).toBe(403);
    expect((await f.clients.member.get('/api/skill-levels')).statusCode).toBe(403);
  });

  it('voids and corrects with history kept: the old record stays, the stats move, the certificate may be re-issued', async () => {
    const body = record(a2, 4, { occupation: '装配钳工' });
    const { id } = expectStatus(await f.clients.cadreA.post('/api/skill-levels', body), 201);
    const before = await stats(f.clients.cadreA, f.orgs.unionA);

    const { id: newId } = expectStatus(await f.clients.cadreA.post(`/api/skill-levels/${id}/correct`, { ...body, level: 3, reason: '等级录入错误' }), 201);
    const after = await stats(f.clients.cadreA, f.orgs.unionA);
    expect(after.total).toBe(before.total);
    expect(after.byLevel[3]).toBe(before.byLevel[3] + 1);
    expect(after.advancedOrAbove).toBe(before.advancedOrAbove + 1);
    expect(expectStatus(await f.clients.cadreA.get(`/api/skill-levels/${id}`), 200)).toMatchObject({ status: 'corrected', reason: '等级录入错误', level: 4 });
    expect(expectStatus(await f.clients.cadreA.get(`/api/skill-levels/${newId}`), 200)).toMatchObject({ status: 'valid', replacesId: id, level: 3 });
    expect((await f.clients.cadreA.post(`/api/skill-levels/${id}/void`, { reason: '重复' })).json().code).toBe('skill_record_closed');

    expect(expectStatus(await f.clients.cadreA.post(`/api/skill-levels/${newId}/void`, { reason: '证书已注销' }), 200).status).toBe('voided');
    expect((await stats(f.clients.cadreA, f.orgs.unionA)).total).toBe(before.total - 1);
    const history = expectStatus(await f.clients.cadreA.get(`/api/members/${a2}/skill-levels`), 200).items;
    expect(history.filter((r: { certificateNo: string }) => r.certificateNo === body.certificateNo).map((r: { status: string }) => r.status)).toEqual(['voided', 'corrected']);

    const log = expectStatus(await f.admin.get('/api/audit-log?pageSize=200'), 200).items.map((e: { action: string }) => e.action);
    expect(log).toEqual(expect.arrayContaining(['skill_level.create', 'skill_level.correct', 'skill_level.void']));
  });

  it('shows a member their own valid levels, highest first', async () => {
    const mine = expectStatus(await a1.client.get('/api/me/skill-levels'), 200).items;
    expect(mine.map((r: { level: number }) => r.level)).toEqual([2, 3, 4]);
    expect(mine[0]).toEqual({ id: expect.any(Number), occupation: '数控车工', level: 2, certificateNo: expect.any(String), issuedOn: '2025-03-01', issuer: '魏塘精工有限公司', issuerKind: 'agency' });
    expect(expectStatus(await f.clients.member.get('/api/me/skill-levels'), 200).items).toEqual([]);
  });
});

describe('Excel import and export', () => {
  it('imports nothing when one row is bad, naming the row and field in the answer and the report', async () => {
    const before = await recordCount();
    const m1 = await memberNoOf(a1.memberId);
    const m2 = await memberNoOf(a2);
    const file = await workbook([
      [m1.memberNo, m1.name, '钳工', '三级/高级工', cert(), '2025-04-01', '魏塘精工有限公司', '企业自主评价'],
      [m2.memberNo, m2.name, '电工', '七级', cert(), '2025-04-01', '魏塘精工有限公司', '企业自主评价'],
      [m2.memberNo, m2.name, '焊工', '高级工', cert(), '2025-04-01', '魏塘精工有限公司', ''],
    ]);
    const res = await upload(f.clients.cadreA, f.orgs.unionA, file);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('import_failed');
    expect(body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['3:level']);
    expect(body.errors[0].column).toBe('等级');
    expect(await recordCount()).toBe(before);

    const report = await f.clients.cadreA.get(body.reportUrl);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const reasonColumn = (sheet.getRow(1).values as unknown[]).indexOf('错误原因');
    expect(sheet.getRow(2).getCell(1).value).toBe(3);
    expect(String(sheet.getRow(2).getCell(reasonColumn).value)).toContain('等级');
  });

  it('refuses members outside the chosen union, names that differ, and certificate numbers taken or repeated', async () => {
    const m1 = await memberNoOf(a1.memberId);
    const mb = await memberNoOf(b1);
    const taken = expectStatus(await f.clients.cadreA.get(`/api/members/${a1.memberId}/skill-levels`), 200).items.find((r: { status: string }) => r.status === 'valid').certificateNo;
    const repeated = cert();
    const file = await workbook([
      [mb.memberNo, mb.name, '钳工', 3, cert(), '2025-04-01', '某评价机构', '评价机构'],
      [m1.memberNo, '别人', '钳工', 3, cert(), '2025-04-01', '某评价机构', '评价机构'],
      [m1.memberNo, m1.name, '钳工', 3, taken, '2025-04-01', '某评价机构', '评价机构'],
      [m1.memberNo, m1.name, '钳工', 3, repeated, '2025-04-01', '某评价机构', '评价机构'],
      [m1.memberNo, m1.name, '铣工', 3, repeated, '2099-04-01', '某评价机构', '评价机构'],
    ]);
    const res = await upload(f.clients.cadreA, f.orgs.unionA, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['2:memberNo', '3:name', '4:certificateNo', '6:issuedOn', '6:certificateNo']);
    expect((await upload(f.clients.cadreB, f.orgs.unionA, file)).statusCode).toBe(404);
  });

  it('imports a clean workbook in one go, and exports the list as it filters', async () => {
    const before = await stats(f.clients.cadreA, f.orgs.unionA);
    const m1 = await memberNoOf(a1.memberId);
    const m2 = await memberNoOf(a2);
    const file = await workbook([
      [m1.memberNo, m1.name, '模具工', '二级', cert(), '2025-04-01', '魏塘精工有限公司', '企业自主评价'],
      [m2.memberNo, m2.name, '车工', '4', cert(), 45748, '魏塘精工有限公司', '企业自主评价'], // an Excel date serial (2025-04-01)
    ]);
    expect(expectStatus(await upload(f.clients.cadreA, f.orgs.unionA, file), 200)).toEqual({ imported: 2 });
    const after = await stats(f.clients.cadreA, f.orgs.unionA);
    expect(after.total).toBe(before.total + 2);
    expect(after.advancedOrAbove).toBe(before.advancedOrAbove + 1);
    const car = expectStatus(await f.clients.cadreA.get('/api/skill-levels?occupation=车工&q=孙技能'), 200).items[0];
    expect(car).toMatchObject({ issuedOn: '2025-04-01', issuerKind: 'enterprise', source: 'import', level: 4 });

    const listed = expectStatus(await f.clients.cadreA.get(`/api/skill-levels?orgId=${f.orgs.unionA}&pageSize=200`), 200);
    const sheet = await readExport(await f.clients.cadreA.get(`/api/skill-levels/export?orgId=${f.orgs.unionA}`));
    expect(sheet.name).toMatch(/^技能等级-魏塘精工有限公司工会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(sheet.column('证书编号').sort()).toEqual(listed.items.map((r: { certificateNo: string }) => r.certificateNo).sort());
    expect(sheet.column('等级')).toContain('二级/技师');
    expect((await readExport(await f.clients.cadreB.get('/api/skill-levels/export'))).rows).toEqual([]);

    const template = await f.clients.cadreA.get('/api/skill-levels/import-template');
    expect(template.statusCode).toBe(200);
    expect(expectStatus(await upload(f.clients.cadreA, f.orgs.unionA, template.rawPayload), 422).errors[0].field).toBe('file');
  });
});

describe('a member who moves', () => {
  it('takes their levels along: a transfer moves them from one street’s stats to the other’s', async () => {
    const { memberId } = await signUpMember(app, f.clients.cadreA, f.orgs.unionA, '周迁移');
    expectStatus(await f.clients.cadreA.post('/api/skill-levels', record(memberId, 3, { occupation: '电焊工' })), 201);
    expectStatus(await f.clients.cadreA.post('/api/skill-levels', record(memberId, 5, { occupation: '叉车司机' })), 201);
    const fromBefore = await stats(f.clients.cadreA, f.orgs.streetA);
    const toBefore = await stats(f.clients.cadreB, f.orgs.streetB);

    const transfer = expectStatus(await f.clients.cadreA.post(`/api/members/${memberId}/transfers`, { toOrgId: f.orgs.unionB }), 201);
    expectStatus(await f.clients.cadreB.post(`/api/transfers/${transfer.id}/accept`), 200);

    const from = await stats(f.clients.cadreA, f.orgs.streetA);
    const to = await stats(f.clients.cadreB, f.orgs.streetB);
    expect([from.total, from.advancedOrAbove, from.byLevel[5]]).toEqual([fromBefore.total - 2, fromBefore.advancedOrAbove - 1, fromBefore.byLevel[5] - 1]);
    expect([to.total, to.advancedOrAbove, to.byLevel[3]]).toEqual([toBefore.total + 2, toBefore.advancedOrAbove + 1, toBefore.byLevel[3] + 1]);
    expect(expectStatus(await f.clients.cadreB.get(`/api/members/${memberId}/skill-levels`), 200).total).toBe(2);
    expect((await f.clients.cadreA.get(`/api/members/${memberId}/skill-levels`)).statusCode).toBe(404);
    expect(await stats(f.clients.countyCadre, f.orgs.county)).toMatchObject({ total: fromBefore.total + toBefore.total });
  });

  it('a union moving to another street takes its members’ levels along, and every subtree’s counts equal a recount', async () => {
    const union = await createOrg(f.clients.cadreA, { name: '魏塘搬迁测试有限公司工会', kind: 'grassroots_union', parentId: f.orgs.streetA });
    const { memberId } = await signUpMember(app, f.clients.cadreA, union, '吴搬迁');
    expectStatus(await f.clients.cadreA.post('/api/skill-levels', record(memberId, 2, { occupation: '钳工' })), 201);
    const fromBefore = await stats(f.clients.cadreA, f.orgs.streetA);
    const toBefore = await stats(f.clients.cadreB, f.orgs.streetB);
    expectStatus(await f.clients.countyCadre.post(`/api/orgs/${union}/move`, { parentId: f.orgs.streetB }), 200);
    expect((await stats(f.clients.cadreA, f.orgs.streetA)).byLevel[2]).toBe(fromBefore.byLevel[2] - 1);
    expect((await stats(f.clients.cadreB, f.orgs.streetB)).byLevel[2]).toBe(toBefore.byLevel[2] + 1);
    const kept = await sql<{ org_id: number; level: number; n: number }>`select org_id, level, n from subtree_skill_counts where n <> 0 order by 1, 2`.execute(app.deps.db);
    const recount = await sql<{ org_id: number; level: number; n: number }>`select c.ancestor_id as org_id, s.level, count(*) as n from skill_levels s
      join members m on m.id = s.member_id join org_closure c on c.descendant_id = m.org_id where s.status = 'valid' group by 1, 2 order by 1, 2`.execute(app.deps.db);
    const plain = (rows: { org_id: number; level: number; n: number }[]) => rows.map((r) => [Number(r.org_id), Number(r.level), Number(r.n)]);
    expect(recount.rows.length).toBeGreaterThan(0);
    expect(plain(kept.rows)).toEqual(plain(recount.rows));
  });
});

describe('recordSkillLevel, for other modules', () => {
  it('records inside the caller’s transaction with every check, and rolls back with it', async () => {
    const actor = { userId: f.users.countyCadre, ip: null, now: '2025-06-02T01:00:00.000Z' };
    const body = { memberId: b1, occupation: '电子商务师', level: 2, certificateNo: cert(), issuedOn: '2025-05-20', issuer: '罗星街道技能竞赛组委会', source: 'competition' as const };
    const { id } = await app.deps.db.transaction().execute((tx) => recordSkillLevel(tx, app.deps, actor, body));
    expect(expectStatus(await f.clients.cadreB.get(`/api/skill-levels/${id}`), 200)).toMatchObject({ source: 'competition', level: 2, issuerKind: 'agency' });

    const again = app.deps.db.transaction().execute((tx) => recordSkillLevel(tx, app.deps, actor, { ...body, occupation: '直播销售员' }));
    await expect(again).rejects.toMatchObject({ status: 409, code: 'skill_certificate_taken' });
    await expect(app.deps.db.transaction().execute((tx) => recordSkillLevel(tx, app.deps, actor, { ...body, certificateNo: cert(), level: 0 }))).rejects.toMatchObject({ status: 422 });

    // The caller's transaction fails after the record: nothing stays.
    const before = await recordCount();
    const failing = app.deps.db.transaction().execute(async (tx) => {
      await recordSkillLevel(tx, app.deps, actor, { ...body, certificateNo: cert() });
      throw new Error('the contest failed later');
    });
    await expect(failing).rejects.toThrow('the contest failed later');
    expect(await recordCount()).toBe(before);
  });
});
