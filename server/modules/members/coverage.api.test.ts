import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, createEnterprise, createOrg, createTestApp, expectStatus, type Client, type Fixture } from '../../test/harness.ts';
import { newIdNumber, newPhone } from '../../test/people.ts';
import { coverageColumns } from './stats.ts';

/**
 * Coverage that answers a cadre's question (issue #17 §5, §6): employees, the unionization and
 * membership rates with their denominators, migrant and new-form workers counted per scope from
 * the trigger-kept counters, and an export of the table that agrees with the page.
 */
let app: FastifyInstance;
let f: Fixture;

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

const header = ['姓名', '身份证号', '手机号', '所属企业统一社会信用代码', '入会日期', '民族', '学历', '政治面貌', '是否农民工', '新就业形态'];

/** Imports people given as [migrant worker cell, new-form cell] into a union; returns their ID numbers. */
async function importPeople(as: Client, orgId: number, people: [migrant: string, newForm: string][]): Promise<string[]> {
  const ids = people.map(() => newIdNumber());
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会员名册');
  ws.addRow(header);
  people.forEach(([migrant, newForm], i) => ws.addRow([`统计${i}`, ids[i], newPhone(), '', '2025-01-10', '汉族', '', '', migrant, newForm]));
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = '----gonghuicoverage';
  const res = await app.inject({
    method: 'POST',
    url: '/api/members/import',
    headers: { cookie: `gh_session=${as.cookie}`, 'x-csrf-token': as.csrfToken!, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="orgId"\r\n\r\n${orgId}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roll.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expectStatus(res, 200);
  return ids;
}

const stats = async (orgId: number, as: Client = f.admin) => expectStatus(await as.get(`/api/orgs/${orgId}/stats`), 200);
const workers = async (orgId: number) => {
  const s = await stats(orgId);
  return { members: s.members, migrantWorkers: s.migrantWorkers, newFormWorkers: s.newFormWorkers };
};
const memberId = async (idNumber: string) => expectStatus(await f.admin.get(`/api/members?q=${idNumber}`), 200).items[0].id as number;

describe('migrant and new-form workers per scope', () => {
  it('counts them in the street of their union and in the county, each child on its own', async () => {
    await importPeople(f.clients.cadreA, f.orgs.unionA, [['是', '快递员'], ['是', '否'], ['', '']]);
    await importPeople(f.clients.cadreB, f.orgs.unionB, [['是', '网约车司机'], ['否', '否']]);
    expect(await workers(f.orgs.streetA)).toEqual({ members: 3, migrantWorkers: 2, newFormWorkers: 1 });
    expect(await workers(f.orgs.unionA)).toEqual({ members: 3, migrantWorkers: 2, newFormWorkers: 1 });
    expect(await workers(f.orgs.streetB)).toEqual({ members: 2, migrantWorkers: 1, newFormWorkers: 1 });
    expect(await workers(f.orgs.county)).toEqual({ members: 5, migrantWorkers: 3, newFormWorkers: 2 });
    const children = (await stats(f.orgs.county)).children;
    expect(children.map((c: { orgId: number; migrantWorkers: number; newFormWorkers: number }) => [c.orgId, c.migrantWorkers, c.newFormWorkers])).toEqual([
      [f.orgs.streetA, 2, 1],
      [f.orgs.streetB, 1, 1],
    ]);
    // A street cadre sees their own street's figures, and not the other street's.
    expect((await stats(f.orgs.streetA, f.clients.cadreA)).migrantWorkers).toBe(2);
    expect((await f.clients.cadreA.get(`/api/orgs/${f.orgs.streetB}/stats`)).statusCode).toBe(404);
  });

  it('keeps the counts right when a member’s flags change, a member leaves and a union moves to another street', async () => {
    const [flagged, leaving] = await importPeople(f.clients.cadreA, f.orgs.unionA, [['是', '外卖送餐员'], ['是', '家政服务员']]);
    expect(await workers(f.orgs.streetA)).toEqual({ members: 5, migrantWorkers: 4, newFormWorkers: 3 });
    expectStatus(await f.clients.cadreA.patch(`/api/members/${await memberId(flagged)}`, { migrantWorker: false, newFormGroup: 'none' }), 200);
    expect(await workers(f.orgs.streetA)).toEqual({ members: 5, migrantWorkers: 3, newFormWorkers: 2 });
    expectStatus(await f.clients.cadreA.patch(`/api/members/${await memberId(leaving)}`, { status: 'left' }), 200);
    expect(await workers(f.orgs.streetA)).toEqual({ members: 4, migrantWorkers: 2, newFormWorkers: 1 });

    const moving = await createOrg(f.clients.cadreA, { name: '魏塘物流有限公司工会', kind: 'grassroots_union', parentId: f.orgs.streetA });
    await importPeople(f.clients.cadreA, moving, [['是', '货车司机'], ['否', '否']]);
    expect(await workers(f.orgs.streetA)).toEqual({ members: 6, migrantWorkers: 3, newFormWorkers: 2 });
    expectStatus(await f.clients.countyCadre.post(`/api/orgs/${moving}/move`, { parentId: f.orgs.streetB }), 200);
    expect(await workers(f.orgs.streetA)).toEqual({ members: 4, migrantWorkers: 2, newFormWorkers: 1 });
    expect(await workers(f.orgs.streetB)).toEqual({ members: 4, migrantWorkers: 2, newFormWorkers: 2 });
    expect(await workers(f.orgs.county)).toEqual({ members: 8, migrantWorkers: 4, newFormWorkers: 3 });
  });
});

describe('employees and the two rates', () => {
  it('divides enterprises with a union by those that should have one, and members by employees', async () => {
    const set = (id: number, employees: number) => f.admin.patch(`/api/enterprises/${id}`, { employees }).then((r) => expectStatus(r, 200));
    await set(f.enterprises.a, 100);
    await set(f.enterprises.noUnionA, 20); // no union, founded 2020: should have one
    await set(f.enterprises.b, 40);
    await createEnterprise(f.admin, { name: '魏塘新设有限公司', orgId: f.orgs.streetA, foundedOn: '2025-01-01' }); // no union, not a year old
    await createEnterprise(f.admin, { name: '罗星无日期有限公司', orgId: f.orgs.streetB, foundedOn: null }); // no union, founding unknown

    const streetA = await stats(f.orgs.streetA);
    expect(streetA).toMatchObject({ enterprises: 3, enterprisesWithoutUnion: 2, enterprisesNeedingUnion: 1, unionizationRate: 50, employees: 120 });
    expect(streetA.membershipRate).toBe(Math.round((streetA.members / 120) * 1000) / 10);
    const streetB = await stats(f.orgs.streetB);
    expect(streetB).toMatchObject({ enterprises: 2, enterprisesWithoutUnion: 1, enterprisesNeedingUnion: 0, unionizationRate: 100, employees: 40, membershipRate: 10 });
    const county = await stats(f.orgs.county);
    expect(county).toMatchObject({ enterprises: 5, enterprisesNeedingUnion: 1, unionizationRate: 66.7, employees: 160 });
    expect(county.membershipRate).toBe(Math.round((county.members / 160) * 1000) / 10);
    const [childA, childB] = county.children;
    expect(childA).toMatchObject({ orgId: f.orgs.streetA, unionizationRate: 50, employees: 120, membershipRate: streetA.membershipRate });
    expect(childB).toMatchObject({ orgId: f.orgs.streetB, unionizationRate: 100, employees: 40, membershipRate: 10 });
    // Nothing to divide by: no rate rather than 0 % or 100 %.
    const empty = await createOrg(f.clients.countyCadre, { name: '大云镇总工会', kind: 'federation', level: 'town', parentId: f.orgs.county });
    expect(await stats(empty)).toMatchObject({ enterprises: 0, unionizationRate: null, employees: 0, membershipRate: null });
  });
});

describe('the coverage export', () => {
  it('writes the page’s table, a row per child and the total, named after the scope and the day, audited', async () => {
    const page = await stats(f.orgs.county, f.clients.countyCadre);
    const res = await f.clients.countyCadre.get(`/api/orgs/${f.orgs.county}/stats/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('覆盖统计_嘉善县总工会_2025-06-02.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();

    const cell = (row: number, field: string) => sheet.getRow(row).getCell(coverageColumns.findIndex((c) => c.field === field) + 1).value ?? null;
    expect(coverageColumns.map((_, i) => sheet.getRow(1).getCell(i + 1).value)).toEqual(coverageColumns.map((c) => c.header));
    const numeric = coverageColumns.map((c) => c.field).filter((field) => field !== 'name' && field !== 'kind');
    const rows = [...page.children, { ...page, name: '嘉善县总工会（合计）' }];
    expect(sheet.actualRowCount).toBe(rows.length + 1);
    rows.forEach((expected: Record<string, unknown>, i: number) => {
      expect(cell(i + 2, 'name')).toBe(expected.name);
      for (const field of numeric) expect([field, cell(i + 2, field)]).toEqual([field, expected[field]]);
    });
    // Kinds by their names: a town shows as a town, the total as the county.
    const kinds = rows.map((_, i) => cell(i + 2, 'kind'));
    expect(kinds).toEqual(['街道总工会', '街道总工会', '乡镇总工会', '县级总工会']);

    const audit = expectStatus(await f.admin.get(`/api/audit-log?entity=org&entityId=${f.orgs.county}`), 200);
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('coverage.export');
    expect((await f.clients.cadreB.get(`/api/orgs/${f.orgs.streetA}/stats/export`)).statusCode).toBe(404);
  });
});
