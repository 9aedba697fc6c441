import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, clockOf, createTestApp, createUser, expectStatus, login, PASSWORD, type Client, type Fixture } from '../test/harness.ts';
import { readExport } from '../test/exports.ts';
import { newIdNumber, newPhone } from '../test/people.ts';
import { EXPORT_PAGE } from './exports.ts';

/** The one export mechanism (platform/exports.ts), seen through the member roll's export. */

let app: FastifyInstance;
let f: Fixture;
const ROLL = EXPORT_PAGE + 37;

/** Imports `rows` members born from `year` on (ID numbers are unique per birth date and sequence). */
async function importRoll(as: Client, orgId: number, rows: number, year: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会员名册');
  ws.addRow(['姓名', '身份证号', '手机号', '所属企业统一社会信用代码', '入会日期']);
  for (let i = 0; i < rows; i++) ws.addRow([`导出${i}`, newIdNumber(`${year + Math.floor(i / 500)}-05-05`), newPhone(), '', '2024-01-01']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = 'gonghuiexports';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="orgId"\r\n\r\n${orgId}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roll.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await app.inject({
    method: 'POST',
    url: '/api/members/import',
    headers: { cookie: `gh_session=${as.cookie}`, 'x-csrf-token': as.csrfToken!, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  expectStatus(res, 200);
}

beforeAll(async () => {
  app = await createTestApp({ sessionHours: 48 }); // the clock moves to the next Shanghai day below
  f = await buildFixture(app);
  await importRoll(f.clients.cadreA, f.orgs.unionA, ROLL, 1980);
  await importRoll(f.clients.cadreB, f.orgs.unionB, 3, 1970);
});
afterAll(() => app.close());

describe('exports', () => {
  it('streams every row over more than one keyset page, newest first, with the header frozen and filters on', async () => {
    const res = await f.clients.cadreA.get('/api/members/export');
    const sheet = await readExport(res);
    expect(sheet.rows).toHaveLength(ROLL);
    const numbers = sheet.column('会员编号');
    expect(new Set(numbers).size).toBe(ROLL);
    expect(sheet.column('姓名')[0]).toBe(`导出${ROLL - 1}`);
    expect(sheet.column('姓名').at(-1)).toBe('导出0');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('会员名册');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:O${ROLL + 1}`);
  });

  it('names the file after the list, the org it covers and the Shanghai day, in the caller’s language', async () => {
    clockOf(app).set('2025-06-02T17:30:00.000Z'); // already 3 June in Shanghai
    const res = await f.clients.cadreA.get('/api/members/export?status=left');
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('会员名册-魏塘街道总工会-2025-06-03.xlsx')}`);
    expect((await readExport(res)).rows).toEqual([]);
    expect((await readExport(await f.clients.countyCadre.get(`/api/members/export?orgId=${f.orgs.unionB}&status=left`))).name).toBe('会员名册-罗星电子有限公司工会-2025-06-03.xlsx');
    const english = await app.inject({ method: 'GET', url: '/api/members/export?status=left', headers: { cookie: `gh_session=${f.clients.cadreA.cookie}`, 'accept-language': 'en' } });
    const sheet = await readExport(english);
    expect(sheet.name).toBe('Member roll-魏塘街道总工会-2025-06-03.xlsx');
    expect(sheet.header.slice(0, 2)).toEqual(['Member number', 'Name']);
  });

  it('masks ID numbers and phones by default, and writes one audit entry naming the list, filters, rows and full', async () => {
    const sheet = await readExport(await f.clients.cadreB.get('/api/members/export?status=member'));
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.column('身份证号').every((v) => /^\d{4}\*{10}[\dX]{4}$/.test(v))).toBe(true);
    expect(sheet.column('手机号').every((v) => /^\d{3}\*{4}\d{4}$/.test(v))).toBe(true);
    const entry = expectStatus(await f.clients.cadreB.get('/api/audit-log?action=export'), 200).items[0];
    expect(entry).toMatchObject({ action: 'export', entity: 'members', orgId: f.orgs.streetB, after: { list: 'members', filters: { status: 'member' }, rows: 3, full: false } });
  });

  it('gives full data only where the caller may also reveal it, and refuses it (403) to a caller who may not', async () => {
    const viewer = await f.clients.viewer.get('/api/members/export?full=true');
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().code).toBe('pii_full_forbidden');

    // county-wide reading, but full data only over union B
    await createUser(f.admin, { username: 'export.mixed', orgId: f.orgs.county }, { role: 'viewer', orgId: f.orgs.county });
    const mixedId = expectStatus(await f.admin.get('/api/users?q=export.mixed'), 200).items[0].id;
    expectStatus(await f.admin.post('/api/role-grants', { userId: mixedId, role: 'cadre', orgId: f.orgs.unionB }), 201);
    const mixed = await login(app, 'export.mixed', PASSWORD);
    expect((await readExport(await mixed.get('/api/members/export'))).rows).toHaveLength(ROLL + 3);
    const full = await readExport(await mixed.get('/api/members/export?full=true'));
    expect(full.column('所属工会')).toEqual(Array(3).fill('罗星电子有限公司工会'));
    expect(full.column('身份证号').every((v) => /^\d{17}[\dX]$/.test(v))).toBe(true);
    const entry = expectStatus(await f.admin.get('/api/audit-log?action=export&entity=members'), 200).items[0];
    expect(entry.after).toMatchObject({ rows: 3, full: true });
  });
});
