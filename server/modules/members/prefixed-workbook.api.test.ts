import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildFixture, createTestApp, expectStatus, type Fixture } from '../../test/harness.ts';
import { newIdNumber, newPhone } from '../../test/people.ts';
import { workbook, type FixtureCell } from '../../test/xlsx-fixtures.ts';
import { multipart } from '../pioneer/test-world.ts';

/**
 * Rolls saved by the OpenXML SDK, ClosedXML and some WPS exports bind SpreadsheetML to a prefix
 * (`<x:worksheet xmlns:x="…"><x:sheetData><x:row>…`); the import reads them like Excel's own.
 */

let app: FastifyInstance;
let f: Fixture;

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

/** The header row of the template a cadre downloads, so the workbook is a filled-in template. */
async function templateHeader(): Promise<string[]> {
  const res = await f.clients.cadreA.get('/api/members/import-template');
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return (wb.worksheets[0].getRow(1).values as unknown[]).slice(1).map(String);
}

const importRoll = (rows: FixtureCell[][]) =>
  multipart(app, f.clients.cadreA, '/api/members/import', { orgId: String(f.orgs.unionA) }, {
    name: '会员名册.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: workbook(rows, { prefix: 'x', sheetName: '会员名册' }),
  });

const findOnRoll = async (idNumber: string) => expectStatus(await f.clients.cadreA.get(`/api/members?q=${idNumber}`), 200).items;

describe('importing a roll whose workbook parts use an x: namespace prefix', () => {
  it('a street cadre imports shared, rich-text and inline strings and a date serial, and the members appear on the roll', async () => {
    const header = await templateHeader();
    const people = [
      { name: '周小红', idNumber: newIdNumber('1988-04-12'), phone: newPhone(), joinedOn: '2024-05-01' },
      { name: '欧阳明', idNumber: newIdNumber('1991-11-30'), phone: newPhone(), joinedOn: '2024-01-01' },
      { name: '吴 芳', idNumber: newIdNumber('1979-02-01'), phone: newPhone(), joinedOn: '2023-12-31' },
    ];
    const [zhou, ouyang, wu] = people;
    const rows: FixtureCell[][] = [
      header.map((h) => ({ inline: h })),
      [zhou.name, zhou.idNumber, zhou.phone, '', zhou.joinedOn],
      [{ rich: ['欧阳', '明'] }, { inline: ouyang.idNumber }, { inline: ouyang.phone }, null, 45292], // 45292 = 2024-01-01
      [{ inline: ` ${wu.name} ` }, wu.idNumber, wu.phone, null, { inline: wu.joinedOn }],
    ];
    expect(expectStatus(await importRoll(rows), 200)).toEqual({ imported: 3 });

    for (const person of people) {
      const found = await findOnRoll(person.idNumber);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        name: person.name,
        orgId: f.orgs.unionA,
        status: 'member',
        joinedOn: person.joinedOn,
        idNumber: `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`,
        phone: `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`,
      });
    }
  });

  it('a prefixed roll with a bad row is refused naming that row and field, and imports nobody', async () => {
    const header = await templateHeader();
    const good = newIdNumber();
    const rows: FixtureCell[][] = [
      header,
      ['郑好', good, newPhone(), '', '2024-03-01'],
      ['王错', { inline: '330421199003071230' }, newPhone(), '', '2024-03-02'],
    ];
    const res = await importRoll(rows);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['3:idNumber']);
    expect(await findOnRoll(good)).toEqual([]);
  });
});
