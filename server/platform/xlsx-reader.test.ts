import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readFirstSheet, XlsxError, type XlsxRow } from './xlsx-reader.ts';
import { readRows, type SheetColumn } from './spreadsheet.ts';
import { AppError } from './errors.ts';
import { withPrefix, workbook, zip, type FixtureCell, type ZipPart } from '../test/xlsx-fixtures.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-xlsx-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let files = 0;

function save(data: Buffer | string): string {
  const file = path.join(dir, `${++files}.xlsx`);
  fs.writeFileSync(file, data);
  return file;
}

async function rowsOf(file: string): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of readFirstSheet(file)) rows.push(row);
  return rows;
}

/** Values by row number, holes shown as undefined: easier to read in expectations than sparse arrays. */
async function valuesOf(file: string): Promise<Record<number, unknown[]>> {
  const out: Record<number, unknown[]> = {};
  for (const { row, values } of await rowsOf(file)) out[row] = Array.from(values);
  return out;
}

const serialOf = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / 86400_000 + 25569;

/** The same content through any exceljs writer: text, numbers, dates, booleans, gaps, rich text, formulas. */
function fill(ws: ExcelJS.Worksheet) {
  const rows: [number, ExcelJS.CellValue[]][] = [
    [1, ['姓名', '数量', '日期', '布尔', '备注']],
    [2, ['  张三 ', 42, new Date(Date.UTC(2024, 0, 15)), true, `a < b & c > "d" 'e'`]],
    [5, ['隔行', null, null, 3.25]],
    [6, [{ richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] }]],
    [7, [{ formula: 'B2*2', result: 84 }, '😀 Ünïcode 𠮷']],
  ];
  for (const [n, values] of rows) {
    const row = ws.getRow(n);
    values.forEach((v, i) => {
      if (v !== null) row.getCell(i + 1).value = v;
    });
    row.commit();
  }
}

const filled = {
  1: ['姓名', '数量', '日期', '布尔', '备注'],
  2: ['  张三 ', 42, serialOf('2024-01-15'), true, `a < b & c > "d" 'e'`],
  5: ['隔行', undefined, undefined, 3.25],
  6: ['富文本'],
  7: [84, '😀 Ünïcode 𠮷'],
};

async function streamed(useSharedStrings: boolean, build: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const file = path.join(dir, `${++files}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
  build(wb.addWorksheet('会员名册') as unknown as ExcelJS.Worksheet);
  await wb.commit();
  return file;
}

async function inMemory(build: (ws: ExcelJS.Worksheet) => void, extraSheets: string[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('会员名册'));
  for (const name of extraSheets) wb.addWorksheet(name).addRow(['另一张表']);
  return save(Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('reading workbooks written by exceljs', () => {
  it('reads text, numbers, date serials, booleans, entities, rich text, formula results and unicode from the in-memory writer (shared strings)', async () => {
    expect(await valuesOf(await inMemory(fill))).toEqual(filled);
  });

  it('reads the same values from the streaming writer with inline strings', async () => {
    expect(await valuesOf(await streamed(false, fill))).toEqual(filled);
  });

  it('reads the same values from the streaming writer with shared strings', async () => {
    expect(await valuesOf(await streamed(true, fill))).toEqual(filled);
  });

  it('reads only the first worksheet', async () => {
    const rows = await valuesOf(await inMemory(fill, ['填写说明']));
    expect(Object.keys(rows)).toEqual(['1', '2', '5', '6', '7']);
  });

  it('keeps every Chinese character intact across chunk boundaries of a large sheet', async () => {
    // exceljs's own streaming reader turned a character split between two zip chunks into U+FFFD.
    const count = 20_000;
    const build = (ws: ExcelJS.Worksheet) => {
      for (let i = 0; i < count; i++) ws.addRow([`职工${i}号`, `备注：第${i}行`]).commit();
    };
    for (const file of [await streamed(true, build), await streamed(false, build)]) {
      const rows = await rowsOf(file);
      expect(rows).toHaveLength(count);
      const wrong = rows.filter((r, i) => r.row !== i + 1 || r.values[0] !== `职工${i}号` || r.values[1] !== `备注：第${i}行`);
      expect(wrong).toEqual([]);
    }
  });
});

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A workbook whose first tab is sheet2.xml (stored after sheet1.xml), as Excel leaves it after
 * reordering tabs; with `prefix`, every part binds its namespace to that prefix.
 */
function handMade(sheet: string, sharedStrings: string, overrides: Partial<Record<string, Partial<ZipPart>>> = {}, prefix?: string): Buffer {
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<workbook ${NS}><sheets><sheet name="名册" sheetId="2" r:id="rId2"/><sheet name="旧表" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id='rId2' Type='${REL}/worksheet' Target='/xl/worksheets/sheet2.xml'/>
        <Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>不该读到</t></is></c></row></sheetData></worksheet>` },
    { name: 'xl/worksheets/sheet2.xml', data: sheet },
    { name: 'xl/sharedStrings.xml', data: sharedStrings },
  ];
  return zip(parts.map((p) => ({ ...p, ...(prefix && { data: withPrefix(String(p.data), prefix) }), ...overrides[p.name] })));
}

const SHARED = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst ${NS} count="3" uniqueCount="3"><si><t>&#x4E2D;&#25991;&lt;tag&gt;</t></si><si><r><t>第一行_x000D_</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">&#10; 第二行 </t></r><rPh sb="0" eb="1"><t>だいいち</t></rPh><phoneticPr fontId="1"/></si><si><t/></si></sst>`;

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}><dimension ref="A1:E7"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>
<row><c t="inlineStr"><is><t>表头</t></is></c><c t='s'><v>0</v></c></row>
<row r="3" spans="1:5"><c r="B3" t="s" s="2"><v>1</v></c><c r="E3" t="str"><f>CONCAT("x","&amp;y")</f><v>x&amp;y</v></c></row>
<row
  ><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2024-02-29T00:00:00</v></c><c s="1"/><c><v>1.5E3</v></c></row>
<row r="5"/>
<row><c r="A6" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文本 </t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></is></c><c r="C6" t="s"><v>2</v></c><c r="D6" t="s"><v>99</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;

const HAND_MADE_VALUES = {
  1: ['表头', '中文<tag>'],
  3: [undefined, '第一行\r\n 第二行 ', undefined, undefined, 'x&y'],
  4: [false, undefined, '2024-02-29', undefined, 1500],
  6: ['富 文本 ', undefined, ''],
};

describe('reading workbooks shaped by other writers', () => {
  it('follows the first tab, numbers rows and cells without r attributes, and decodes every kind of value', async () => {
    expect(await valuesOf(save(handMade(SHEET, SHARED)))).toEqual(HAND_MADE_VALUES);
  });

  it('reads a sheet whose XML arrives in pieces of any size', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>第${i}行 &amp; 更多</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`);
    const file = save(handMade(`<worksheet ${NS}><sheetData>${rows.join('')}</sheetData></worksheet>`, SHARED));
    const read = await rowsOf(file);
    expect(read).toHaveLength(3000);
    expect(read.every((r, i) => r.row === i + 1 && r.values[0] === `第${i}行 & 更多` && r.values[1] === i)).toBe(true);
  });

  it('reads an empty sheet as no rows', async () => {
    expect(await rowsOf(save(handMade(`<worksheet ${NS}><sheetData/></worksheet>`, SHARED)))).toEqual([]);
  });
});

describe('reading workbooks whose parts bind SpreadsheetML to a prefix (OpenXML SDK, ClosedXML, WPS)', () => {
  const rows: FixtureCell[][] = [
    ['姓名', '身份证号', '人数', '在职', '备注'],
    ['张三', { inline: '330421199001011234' }, 42, true, { rich: ['富', '文本'] }],
    [{ inline: '李四 & <王五>' }, '中文共享串', 3.25, false, null, '隔一列'],
    [null, null, -1.5e3],
  ];

  it('reads shared (Chinese, rich text) and inline strings, numbers and booleans exactly as from the unprefixed twin', async () => {
    const plain = await valuesOf(save(workbook(rows)));
    expect(plain).toEqual({
      1: ['姓名', '身份证号', '人数', '在职', '备注'],
      2: ['张三', '330421199001011234', 42, true, '富文本'],
      3: ['李四 & <王五>', '中文共享串', 3.25, false, undefined, '隔一列'],
      4: [undefined, undefined, -1500],
    });
    for (const prefix of ['x', 'ss.main']) expect(await valuesOf(save(workbook(rows, { prefix })))).toEqual(plain);
  });

  it('reads the hand-shaped workbook (first tab, phonetic guides, entities, rows without r) the same with every part prefixed', async () => {
    expect(await valuesOf(save(handMade(SHEET, SHARED, {}, 'x')))).toEqual(HAND_MADE_VALUES);
  });

  it('keeps prefixed tags and Chinese text intact across chunk boundaries, with each root start tag after a long comment', async () => {
    const count = 5000;
    const comment = `<!-- ${'导出工具说明 '.repeat(20_000)} -->`;
    const strings = Array.from({ length: count }, (_, i) => `<si><t>职工${i}号</t></si>`);
    const cells = Array.from({ length: count }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>备注：第${i}行</t></is></c></row>`);
    const file = save(handMade(`${comment}<worksheet ${NS}><sheetData>${cells.join('')}</sheetData></worksheet>`, `${comment}<sst ${NS}>${strings.join('')}</sst>`, {}, 'x'));
    const read = await rowsOf(file);
    expect(read).toHaveLength(count);
    expect(read.filter((r, i) => r.row !== i + 1 || r.values[0] !== `职工${i}号` || r.values[1] !== `备注：第${i}行`)).toEqual([]);
  });
});

describe('refusing files that are not readable workbooks', () => {
  const refused = async (file: string) => expect(rowsOf(file)).rejects.toBeInstanceOf(XlsxError);

  it('refuses a file that is not a zip', async () => {
    await refused(save('姓名,身份证号\n张三,330421199001011234\n'));
    await refused(save(''));
  });

  it('refuses a zip that holds no workbook', async () => {
    await refused(save(zip([{ name: 'word/document.xml', data: '<document/>' }])));
  });

  it('refuses a workbook cut short or with damaged sheet data', async () => {
    const good = fs.readFileSync(await inMemory(fill));
    await refused(save(good.subarray(0, Math.floor(good.length / 2))));
    const sheet = handMade(SHEET, SHARED);
    const at = sheet.indexOf(Buffer.from('xl/worksheets/sheet2.xml')) + 30;
    const damaged = Buffer.from(sheet);
    for (let i = at; i < at + 40; i++) damaged[i] ^= 0x5a;
    await refused(save(damaged));
  });

  it('refuses a sheet that inflates past its declared size, and one declaring more than the cap', async () => {
    await refused(save(handMade(SHEET, SHARED, { 'xl/worksheets/sheet2.xml': { declaredSize: 100 } })));
    await refused(save(handMade(SHEET, SHARED, { 'xl/worksheets/sheet2.xml': { declaredSize: 0x7fffffff } })));
  });

  it('refuses a sheet whose prefixed root element is not in the SpreadsheetML namespace', async () => {
    await refused(save(handMade('<x:worksheet xmlns:x="urn:example:other"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>', SHARED)));
  });

  it('refuses a sheet whose XML ends before its rows do', async () => {
    await refused(save(handMade(`<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`, SHARED)));
  });
});

describe('readRows: the import view of the first sheet', () => {
  const columns: SheetColumn[] = [
    { header: '姓名', field: 'name' },
    { header: '身份证号', field: 'idNumber', text: true },
    { header: '入会日期', field: 'joinedOn' },
    { header: '备注', field: 'note' },
  ];

  async function read(file: string) {
    const out: { row: number; cells: Record<string, string> }[] = [];
    for await (const row of readRows(file, columns, ['joinedOn'])) out.push(row);
    return out;
  }

  it('skips the header and blank rows, trims text, and turns date serials into days only in date columns', async () => {
    const file = await streamed(false, (ws) => {
      ws.addRow(columns.map((c) => c.header)).commit();
      ws.addRow(['  张三 ', '330421199001011234', new Date(Date.UTC(2024, 0, 15)), 45306]).commit();
      ws.addRow(['', ' ', null, null]).commit();
      ws.addRow(['李四', 330421199001011000, '2024-03-01', true]).commit();
    });
    expect(await read(file)).toEqual([
      { row: 2, cells: { name: '张三', idNumber: '330421199001011234', joinedOn: '2024-01-15', note: '45306' } },
      { row: 4, cells: { name: '李四', idNumber: '330421199001011000', joinedOn: '2024-03-01', note: 'true' } },
    ]);
  });

  it('refuses a file that is not a workbook with 422 import_file_invalid', async () => {
    const err = await read(save('not a workbook')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 422, code: 'import_file_invalid' });
  });
});
