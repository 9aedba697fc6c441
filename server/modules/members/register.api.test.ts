import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, createTestApp, expectStatus, type Client, type Fixture } from '../../test/harness.ts';
import { newIdNumber, newPhone, signUpWorker } from '../../test/people.ts';
import { makeIdNumber } from '../../platform/identity.ts';
import { importColumns, sampleRow } from './roll-files.ts';

/**
 * The member register's standard fields (issue #17 §6) and the defects around the roll's files:
 * gender and birth date read from the ID number, the fixed code lists, the import's optional
 * columns, the export, and messages that say what is wrong, naming their field once.
 */
let app: FastifyInstance;
let f: Fixture;

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

const headers = importColumns.map((c) => c.header);

async function workbook(rows: (string | number)[][], header = headers): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会员名册');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(as: Client, orgId: number, file: Buffer) {
  const boundary = `----gonghui${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="orgId"\r\n\r\n${orgId}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roll.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: '/api/members/import',
    headers: { cookie: `gh_session=${as.cookie}`, 'x-csrf-token': as.csrfToken!, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** A downloaded workbook's bytes, answered with 200. */
async function download(as: Client, url: string): Promise<Buffer> {
  const res = await as.get(url);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

async function sheetOf(file: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

/** The roll's rows by ID number (full export), each as header → cell text. */
async function exportedRows(as: Client, orgId: number) {
  const sheet = await sheetOf(await download(as, `/api/members/export?orgId=${orgId}&full=true`));
  const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const rows = new Map<string, Record<string, string>>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = Object.fromEntries(header.slice(1).map((h, i) => [h, String(row.getCell(i + 1).value ?? '')]));
    rows.set(cells['身份证号'], cells);
  });
  return rows;
}

const memberIdOf = async (idNumber: string) => {
  const page = expectStatus(await f.clients.cadreA.get(`/api/members?q=${idNumber}`), 200);
  return page.items[0].id as number;
};

describe('the join form and the record', () => {
  it('reads gender and birth date from the ID number and copies the standard fields to the member on approval', async () => {
    const { client, phone } = await signUpWorker(app);
    // 17th digit even: a woman, born 1995-04-18; a gender typed into the request is not taken.
    const idNumber = makeIdNumber('330421', '1995-04-18', 2);
    const body = {
      name: '钟小燕', idNumber, phone, orgId: f.orgs.unionA, employerName: '魏塘精工有限公司', consent: true,
      ethnicity: '22', education: 'bachelor', politicalStatus: 'cyl_member', migrantWorker: true, newFormGroup: 'courier', gender: 'male',
    };
    const { id } = expectStatus(await client.post('/api/join-applications', body), 201);
    const listed = expectStatus(await f.clients.cadreA.get(`/api/join-applications/${id}`), 200);
    expect(listed).toMatchObject({ ethnicity: '22', education: 'bachelor', politicalStatus: 'cyl_member', migrantWorker: true, newFormGroup: 'courier' });
    const { memberId } = expectStatus(await f.clients.cadreA.post(`/api/join-applications/${id}/approve`), 200);
    const member = expectStatus(await f.clients.cadreA.get(`/api/members/${memberId}`), 200);
    expect(member).toMatchObject({
      gender: 'female',
      birthDate: '1995-04-18',
      ethnicity: '22',
      education: 'bachelor',
      politicalStatus: 'cyl_member',
      migrantWorker: true,
      newFormGroup: 'courier',
    });
  });

  it('leaves the fields empty when the form leaves them out', async () => {
    const { client, phone } = await signUpWorker(app);
    const { id } = expectStatus(await client.post('/api/join-applications', { name: '王留空', idNumber: newIdNumber(), phone, orgId: f.orgs.unionA, employerName: '某单位', consent: true }), 201);
    const { memberId } = expectStatus(await f.clients.cadreA.post(`/api/join-applications/${id}/approve`), 200);
    expect(expectStatus(await f.clients.cadreA.get(`/api/members/${memberId}`), 200)).toMatchObject({
      ethnicity: null, education: null, politicalStatus: null, migrantWorker: null, newFormGroup: null,
    });
  });

  it('refuses values outside the code lists, naming the field', async () => {
    const { client, phone } = await signUpWorker(app);
    const res = await client.post('/api/join-applications', {
      name: '王错码', idNumber: newIdNumber(), phone, orgId: f.orgs.unionA, employerName: '某单位', consent: true,
      ethnicity: '57', education: 'phd', politicalStatus: 'party', migrantWorker: 'yes', newFormGroup: 'rider',
    });
    expect(res.statusCode).toBe(422);
    const errors: { field: string; message: string }[] = res.json().errors;
    expect(errors.map((e) => e.field).sort()).toEqual(['education', 'ethnicity', 'migrantWorker', 'newFormGroup', 'politicalStatus']);
    const named = Object.fromEntries(errors.map((e) => [e.field, e.message.split('：')[0]]));
    expect(named).toEqual({ ethnicity: '民族', education: '学历', politicalStatus: '政治面貌', migrantWorker: '是否农民工', newFormGroup: '新就业形态' });
  });

  it('lets a cadre change and clear the fields in the record, audited; another street gets 404', async () => {
    const idNumber = newIdNumber('1988-08-08');
    expectStatus(await upload(f.clients.cadreA, f.orgs.unionA, await workbook([['李记录', idNumber, newPhone(), '', '2024-05-01']])), 200);
    const id = await memberIdOf(idNumber);
    const changed = expectStatus(await f.clients.cadreA.patch(`/api/members/${id}`, { ethnicity: '03', politicalStatus: 'cpc_member', migrantWorker: false, newFormGroup: 'streamer' }), 200);
    expect(changed).toMatchObject({ ethnicity: '03', politicalStatus: 'cpc_member', migrantWorker: false, newFormGroup: 'streamer', education: null });
    expect(expectStatus(await f.clients.cadreA.patch(`/api/members/${id}`, { newFormGroup: null }), 200).newFormGroup).toBeNull();
    const bad = await f.clients.cadreA.patch(`/api/members/${id}`, { education: '大学本科' });
    expect(bad.json().errors[0]).toMatchObject({ field: 'education', message: expect.stringMatching(/^学历：/) });
    expect((await f.clients.cadreB.patch(`/api/members/${id}`, { ethnicity: '01' })).statusCode).toBe(404);
    const audit = expectStatus(await f.admin.get(`/api/audit-log?entity=member&entityId=${id}`), 200);
    const [cleared, first] = audit.items.filter((e: { action: string }) => e.action === 'member.update');
    expect(first).toMatchObject({ before: { ethnicity: null, newFormGroup: null }, after: { ethnicity: '03', newFormGroup: 'streamer' } });
    expect(cleared).toMatchObject({ before: { newFormGroup: 'streamer' }, after: { newFormGroup: null } });
  });
});

describe('what is wrong with an ID number', () => {
  const good = newIdNumber();
  it.each([
    ['18 characters ending in A', `${good.slice(0, 17)}A`, '身份证号最后一位须为数字或 X'],
    ['17 characters', good.slice(0, 17), '身份证号须为 18 位'],
    ['a letter among the first 17', `33A${good.slice(3)}`, '身份证号前 17 位须全为数字'],
    ['a wrong check character', good.slice(0, 17) + (good[17] === '1' ? '2' : '1'), '身份证号校验位不符，请核对是否输错了数字'],
    ['no real birth date', makeIdNumber('330421', '1990-02-30', 7), '身份证号中的出生日期（第 7–14 位）不是有效日期'],
  ])('an application with %s is told so, on the idNumber field', async (_what, idNumber, message) => {
    const { client, phone } = await signUpWorker(app);
    const res = await client.post('/api/join-applications', { name: '王校验', idNumber, phone, orgId: f.orgs.unionA, employerName: '某单位', consent: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'idNumber', message }]);
  });

  it('says the same in an imported row and when claiming a record', async () => {
    const res = await upload(f.clients.cadreA, f.orgs.unionA, await workbook([['王导入', `${good.slice(0, 17)}A`, newPhone(), '', '2024-05-01']]));
    expect(res.json().errors).toEqual([{ row: 2, field: 'idNumber', column: '身份证号', message: '身份证号最后一位须为数字或 X' }]);
    const { client } = await signUpWorker(app);
    const claim = await client.post('/api/members/claim', { name: '王认领', idNumber: `${good.slice(0, 17)}A` });
    expect(claim.json().errors).toEqual([{ field: 'idNumber', message: '身份证号最后一位须为数字或 X' }]);
  });
});

describe('the import template and the optional columns', () => {
  it('takes the template unchanged without refusing its sample row, which is skipped, never imported', async () => {
    const template = await download(f.clients.cadreA, '/api/members/import-template');
    const sheet = await sheetOf(template);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(headers.map((_, i) => String(sheet.getRow(2).getCell(i + 1).value ?? ''))).toEqual(sampleRow);

    const unchanged = await upload(f.clients.cadreA, f.orgs.unionA, template);
    expect(unchanged.statusCode).toBe(422);
    expect(unchanged.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'file', message: '文件中没有数据行（模板自带的示例行不导入）' }] });

    const idNumber = makeIdNumber('330421', '1991-01-01', 4);
    sheet.addRow(['王模板', idNumber, newPhone(), '', '2024-06-01', '回族', '大学专科', '群众', '是', '外卖送餐员']);
    const filled = Buffer.from(await sheet.workbook.xlsx.writeBuffer());
    expect(expectStatus(await upload(f.clients.cadreA, f.orgs.unionA, filled), 200)).toEqual({ imported: 1 });
    expect(expectStatus(await f.clients.cadreA.get(`/api/members?q=${sampleRow[1]}`), 200).total).toBe(0);
    expect(expectStatus(await f.clients.cadreA.get(`/api/members/${await memberIdOf(idNumber)}`), 200)).toMatchObject({
      gender: 'female', birthDate: '1991-01-01', ethnicity: '03', education: 'junior_college', politicalStatus: 'masses', migrantWorker: true, newFormGroup: 'food_delivery',
    });
  });

  it('refuses a bad value in an optional column with a row error naming the column in Chinese', async () => {
    const rows = [
      ['王甲', newIdNumber(), newPhone(), '', '2024-05-01', '汉族', '', '', '', ''],
      ['王乙', newIdNumber(), newPhone(), '', '2024-05-01', '汉', '本科', '党员', '不是', '骑手'],
    ];
    const res = await upload(f.clients.cadreA, f.orgs.unionA, await workbook(rows));
    expect(res.statusCode).toBe(422);
    const errors: { row: number; field: string; column: string; message: string }[] = res.json().errors;
    expect(errors.map((e) => `${e.row}:${e.column}`).sort()).toEqual(['3:学历', '3:政治面貌', '3:新就业形态', '3:是否农民工', '3:民族']);
    for (const e of errors) expect(e.message.startsWith(e.column)).toBe(true);
  });

  it('still imports a file of the old five-column template, leaving the fields empty', async () => {
    const idNumber = newIdNumber();
    const old = await workbook([['王旧表', idNumber, newPhone(), '', '2024-05-01']], headers.slice(0, 5));
    expect(expectStatus(await upload(f.clients.cadreA, f.orgs.unionA, old), 200)).toEqual({ imported: 1 });
    expect(expectStatus(await f.clients.cadreA.get(`/api/members/${await memberIdOf(idNumber)}`), 200)).toMatchObject({ ethnicity: null, migrantWorker: null });
  });

  it('names a bad credit code’s field once, in the answer and in the error report', async () => {
    const res = await upload(f.clients.cadreA, f.orgs.unionA, await workbook([['王代码', newIdNumber(), newPhone(), '91350100M000100Y44', '2024-05-01']]));
    const [error] = res.json().errors;
    expect(error).toMatchObject({ column: '所属企业统一社会信用代码', message: '统一社会信用代码格式或校验位不正确' });
    const report = await sheetOf(await download(f.clients.cadreA, res.json().reportUrl));
    const reasonColumn = (report.getRow(1).values as unknown[]).indexOf('错误原因');
    const reason = String(report.getRow(2).getCell(reasonColumn).value);
    expect(reason).toBe('统一社会信用代码格式或校验位不正确');
    expect(reason.split('统一社会信用代码').length - 1).toBe(1);
  });
});

describe('the roll export', () => {
  it('writes gender, birth date and the standard fields by their names', async () => {
    const idNumber = makeIdNumber('330421', '1985-12-01', 11);
    const row = ['王导出', idNumber, newPhone(), '', '2024-05-01', '蒙古族', '研究生', '中共预备党员', '否', '网约车司机'];
    expectStatus(await upload(f.clients.cadreA, f.orgs.unionA, await workbook([row])), 200);
    const exported = (await exportedRows(f.clients.cadreA, f.orgs.unionA)).get(idNumber)!;
    expect(exported).toMatchObject({
      姓名: '王导出', 性别: '男', 出生日期: '1985-12-01', 民族: '蒙古族', 学历: '研究生', 政治面貌: '中共预备党员', 是否农民工: '否', 新就业形态: '网约车司机',
    });
  });
});
