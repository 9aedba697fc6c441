import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldError, type FieldError } from './errors.ts';
import { fieldLabel, namingField } from './i18n.ts';
import { fileHeaders, spoolUpload } from './uploads.ts';
import { spoolDir, type FileStore } from './files.ts';
import type { Deps } from './context.ts';
import { id } from './validation.ts';
import { readFirstSheet, type XlsxValue } from './xlsx-reader.ts';

/**
 * exceljs takes ~0.2–0.5 s to load and only templates, error reports and exports write workbooks:
 * loaded on first use, so the server starts without it.
 */
const loadExcel = async () => (await import('exceljs')).default;

/**
 * The one Excel mechanism of gonghui: templates, streamed all-or-nothing imports with per-row
 * errors (and an error report workbook), and streamed exports. Modules describe their columns and
 * row rules; this file does the reading and writing.
 */
export interface SheetColumn {
  header: string;
  field: string;
  /** Keep as text in Excel (ID numbers, codes, phones would lose digits as numbers). */
  text?: boolean;
  width?: number;
}

export type RowErrors = { field: string; message: { zh: string; en: string } }[];

/** Normalises one cell to trimmed text; numeric date serials become YYYY-MM-DD in date columns. */
function cellText(value: XlsxValue | undefined, asDate: boolean): string {
  if (value === undefined) return '';
  if (typeof value === 'number') {
    if (asDate && value > 1000 && value < 100000) return new Date(Math.round((value - 25569) * 86400_000)).toISOString().slice(0, 10);
    return String(value);
  }
  return String(value).trim();
}

/** A template workbook: header row, text-formatted columns, one example row, an instructions sheet. */
export async function templateWorkbook(sheetName: string, columns: SheetColumn[], example: string[], notes: string[]): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width ?? 22, style: c.text ? { numFmt: '@' } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(example);
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  for (const line of notes) help.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Where uploaded workbooks and their checked rows wait while an import runs: the upload spool (local disk). */
export const importWorkDir = spoolDir;

/** Imports finish in minutes: a working file untouched for an hour belongs to no running request. */
export const IMPORT_LEFTOVER_MS = 3600_000;

/**
 * One import request (multipart: `file`, `orgId`): saves the workbook into the import working
 * folder (the server's multipart limit bounds its size; its content is judged by the reader),
 * refuses a missing org or file with field errors, runs the module's import, and removes the
 * working file whatever happens, since it holds plain personal data.
 */
export async function importWorkbook<T>(req: FastifyRequest, dataDir: string, run: (orgId: number, file: string) => Promise<T>): Promise<T> {
  if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type');
  const { spooled, fields } = await spoolUpload(req.parts(), importWorkDir(dataDir), { maxBytes: Number.POSITIVE_INFINITY, suffix: '.xlsx' });
  const file = spooled?.file ?? null;
  try {
    const orgId = id.safeParse(fields.orgId);
    if (!orgId.success) throw fieldError('orgId', 'required', { label: { zh: fieldLabel('orgId', 'zh'), en: fieldLabel('orgId', 'en') } });
    if (!file) throw fieldError('file', 'workbook_required');
    return await run(orgId.data, file);
  } finally {
    if (file) fs.rmSync(file, { force: true });
  }
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook (a template, an export stream or an error report) as a download named `name`. */
export function sendWorkbook(reply: FastifyReply, name: string, body: Buffer | NodeJS.ReadableStream) {
  return reply.headers(fileHeaders(XLSX, name, false)).send(body);
}

/**
 * Streams the first worksheet's data rows (after the header), one text per column in column
 * order; blank rows are skipped. Any unreadable file is refused as `import_file_invalid`.
 */
export async function* readRows(file: string, columns: SheetColumn[], dateFields: string[] = []): AsyncGenerator<{ row: number; cells: Record<string, string> }> {
  const asDate = columns.map((c) => dateFields.includes(c.field));
  try {
    for await (const { row, values } of readFirstSheet(file)) {
      if (row === 1) continue;
      const cells: Record<string, string> = {};
      let blank = true;
      for (let i = 0; i < columns.length; i++) {
        const text = cellText(values[i], asDate[i]);
        cells[columns[i].field] = text;
        if (text) blank = false;
      }
      if (!blank) yield { row, cells };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(422, 'import_file_invalid');
  }
}

export interface ImportErrorRow {
  row: number;
  cells: Record<string, string>;
  errors: RowErrors;
}

/** The per-row errors as the API lists them: `{row, field, message}`. */
export function flattenRowErrors(bad: ImportErrorRow[], columns: SheetColumn[]): FieldError[] {
  const header = (field: string) => columns.find((c) => c.field === field)?.header ?? field;
  return bad.flatMap((b) => b.errors.map((e) => ({ row: b.row, field: e.field, column: header(e.field), message: e.message })));
}

/** Where error reports wait for their download; each names its owner, and they expire after a day. */
const REPORT_TTL_MS = 24 * 3600_000;

/**
 * The one folder of the file store (platform/files.ts) holding every module's import error reports,
 * served by GET /api/import-reports/:token — by whichever server the download reaches.
 */
const REPORTS = 'import-reports/';

/** Refuses a whole import: stores the error report, then throws 422 import_failed with every row's errors. */
export async function refuseImport(deps: Pick<Deps, 'config' | 'files'>, ownerId: number, columns: SheetColumn[], bad: ImportErrorRow[]): Promise<never> {
  bad.sort((a, b) => a.row - b.row);
  const token = await writeErrorReport(deps, ownerId, columns, bad);
  throw new AppError(422, 'import_failed', { count: new Set(bad.map((b) => b.row)).size }, flattenRowErrors(bad, columns), {
    reportUrl: `/api/import-reports/${token}`,
  });
}

async function writeErrorReport(deps: Pick<Deps, 'config' | 'files'>, ownerId: number, columns: SheetColumn[], bad: ImportErrorRow[]): Promise<string> {
  await deps.files.removeOlderThan(REPORTS, REPORT_TTL_MS);
  const token = `${ownerId}-${crypto.randomBytes(16).toString('hex')}`;
  const dir = spoolDir(deps.config.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const spool = path.join(dir, `${token}.xlsx`);
  try {
    await writeReportWorkbook(spool, columns, bad);
    await deps.files.put(`${REPORTS}${token}.xlsx`, spool);
  } finally {
    fs.rmSync(spool, { force: true });
  }
  return token;
}

async function writeReportWorkbook(file: string, columns: SheetColumn[], bad: ImportErrorRow[]): Promise<void> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('错误报告');
  ws.columns = [
    { header: '行号', key: 'row', width: 8 },
    ...columns.map((c) => ({ header: c.header, key: c.field, width: c.width ?? 22 })),
    { header: '错误原因', key: 'reason', width: 60 },
  ];
  for (const b of bad) {
    const reason = b.errors.map((e) => namingField([columns.find((c) => c.field === e.field)?.header ?? e.field, fieldLabel(e.field, 'zh')], e.message.zh, 'zh'));
    ws.addRow({ row: b.row, ...b.cells, reason: reason.join('；') }).commit();
  }
  ws.commit();
  await wb.commit();
}

/** The report for a token, only to the user who uploaded it; null when there is none (or no more). */
export async function openErrorReport(files: FileStore, userId: number, token: string): Promise<Readable | null> {
  if (!/^\d+-[0-9a-f]{32}$/.test(token) || !token.startsWith(`${userId}-`)) return null;
  return files.open(`${REPORTS}${token}.xlsx`);
}

/** Excel refuses these in a worksheet's name, and names longer than 31 characters. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';

/**
 * A streamed workbook writer onto any writable (an HTTP response stream): one sheet whose header
 * row stays frozen and carries Excel's filters over every row written.
 */
export async function streamWorkbook(stream: Writable, name: string, columns: SheetColumn[]) {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width ?? 20, style: c.text ? { numFmt: '@' } : {} }));
  ws.getRow(1).font = { bold: true };
  let rows = 0;
  return {
    add(row: Record<string, string | number | null>) {
      ws.addRow(row).commit();
      rows++;
    },
    async finish() {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: Math.max(columns.length, 1) } };
      ws.commit();
      await wb.commit();
    },
  };
}
