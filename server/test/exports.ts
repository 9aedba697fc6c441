import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';

/** A downloaded list export as a test reads it: the file's name, its header and its rows as text. */
export interface ExportedSheet {
  name: string;
  header: string[];
  rows: string[][];
  /** The cells of one column, by its header. */
  column(header: string): string[];
}

const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));

export async function readExport(res: LightMyRequestResponse): Promise<ExportedSheet> {
  if (res.statusCode !== 200) throw new Error(`export answered ${res.statusCode}: ${res.body}`);
  const disposition = String(res.headers['content-disposition'] ?? '');
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const all: string[][] = [];
  ws.eachRow((row) => all.push((row.values as ExcelJS.CellValue[]).slice(1).map(text)));
  const [header = [], ...rows] = all;
  return {
    name,
    header,
    rows,
    column(h: string) {
      const i = header.indexOf(h);
      if (i < 0) throw new Error(`no column "${h}" in ${header.join(', ')}`);
      return rows.map((r) => r[i] ?? '');
    },
  };
}
