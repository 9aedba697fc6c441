import { PassThrough, type Readable } from 'node:stream';
import { sql, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { hasAny, isScopeTop, scopeFor, scopeIntersection, type Permission, type Scope } from './access.ts';
import { audit } from './audit.ts';
import type { Caller, Deps } from './context.ts';
import { today } from './dates.ts';
import { AppError, notFound } from './errors.ts';
import type { Lang, Text } from './i18n.ts';
import { maskIdNumber, maskPhone } from './pii.ts';
import { streamWorkbook, type SheetColumn } from './spreadsheet.ts';
import { boolFlag, pageQuery } from './validation.ts';
import { readDb } from './replica.ts';

/**
 * The one export behind every console list (`GET /api/X/export`, with the list's own filters):
 * the module hands over the same filtered query its list runs, for a scope, and its columns; this
 * file checks who may have full personal data, writes one audit entry, and streams the rows into
 * an xlsx keyset page by keyset page (never the whole list in memory), newest first, with the
 * header row frozen and filters on. The file is named after the list, the org it covers and the
 * Shanghai day: `入会申请-天水街道总工会-2025-06-02.xlsx`.
 */

/** Rows read per statement while streaming. */
export const EXPORT_PAGE = 1000;

/** An export route's query: the list's filters without its paging, and `full` for unmasked personal data. */
export function exportQueryOf<S extends z.ZodRawShape>(listQuery: z.ZodObject<S>) {
  return listQuery.omit({ page: true, pageSize: true } as never).extend({
    full: boolFlag.default(false).describe('full ID numbers and phones: needs the permission that reveals them; audited'),
  }) as unknown as z.ZodObject<Omit<S, keyof typeof pageQuery.shape> & { full: z.ZodDefault<typeof boolFlag> }>;
}

export type Cell = string | number | null | undefined;

export interface ExportColumn<Row> {
  /** The header, from the module's messages. */
  header: Text;
  value: (row: Row, lang: Lang) => Cell;
  /** Personal data given in plain by `value`: masked unless full data was asked for and allowed. */
  pii?: 'phone' | 'idNumber';
  /** Keep as text in Excel (codes and numbers that would lose digits). */
  text?: boolean;
  width?: number;
}

export interface ListExport<Row extends { id: number }, Out = Row> {
  /** The list's key in the audit log: `join_applications`, `members`, … */
  list: string;
  /** The list's name: the file's and the sheet's. */
  title: Text;
  /** The org the caller narrowed the list to, already checked in scope; else the file names the caller's scope. */
  orgId?: number | null;
  /** The filters as asked, for the audit entry. */
  filters: Record<string, unknown>;
  full: boolean;
  /** Who may have full data (the permission of the module's audited reveal); without it, `full` is refused. */
  fullPermission?: Permission;
  /** The list's filtered query for a scope, with its columns selected and no order: the list route runs the same one. */
  rows: (scope: Scope) => SelectQueryBuilder<any, any, Row>;
  /** The selected column behind `id`, the keyset: `join_applications.id`. */
  keyset: string;
  /** Completes a page of rows (what the query cannot join): e.g. judges per candidate. */
  prepare?: (rows: Row[]) => Promise<Out[]>;
  columns: ExportColumn<Out>[];
}

export interface ExportFile {
  name: string;
  body: Readable;
}

const masks = { phone: maskPhone, idNumber: maskIdNumber } as const;

/** Characters that may not stand in a file name on Windows or macOS, and control characters. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ').trim();

/**
 * The org a file covers: the one the list was narrowed to, else the single top of the scope, else
 * the first top and "等"; null where the scope has several tops (the audit entry then has no org).
 */
async function coveredOrg(deps: Deps, scope: Scope, orgId: number | null | undefined, lang: Lang) {
  if (orgId) {
    const org = await deps.db.selectFrom('orgs').select('name').where('id', '=', orgId).executeTakeFirst();
    if (!org) throw notFound('org');
    return { orgId, name: org.name };
  }
  const tops = await deps.db.selectFrom('orgs').select(['orgs.id', 'orgs.name']).where(isScopeTop(scope)).orderBy('orgs.id').limit(2).execute();
  if (tops.length === 0) return { orgId: null, name: '' };
  if (tops.length === 1) return { orgId: tops[0].id, name: tops[0].name };
  return { orgId: null, name: lang === 'zh' ? `${tops[0].name}等` : `${tops[0].name} etc` };
}

/**
 * Checks, audits and starts one export; answers the file's name and its stream for `sendWorkbook`.
 * Refusals (403 for full data without the permission) come before anything is written.
 */
export async function exportList<Row extends { id: number }, Out = Row>(deps: Deps, caller: Caller, spec: ListExport<Row, Out>): Promise<ExportFile> {
  const hasPii = spec.columns.some((c) => c.pii);
  let scope = caller.scope;
  if (spec.full) {
    const revealing = spec.fullPermission ? scopeFor(caller.user!.grants, spec.fullPermission) : { all: false, roots: [] };
    if (!hasAny(revealing)) throw new AppError(403, 'pii_full_forbidden');
    scope = await scopeIntersection(deps.db, caller.scope, revealing);
  }
  const full = spec.full && hasPii;
  const lang = caller.lang;
  const org = await coveredOrg(deps, caller.scope, spec.orgId, lang);
  const title = spec.title[lang];
  const name = `${[title, org.name, today(deps)].map(safeName).filter(Boolean).join('-')}.xlsx`;

  // The list's query is built on deps.db; its rows are read from the caller's reader (a replica may lag).
  const reader = readDb(deps, caller);
  const counted = await reader.executeQuery(
    deps.db.selectFrom(spec.rows(scope).as('listed')).select((eb) => eb.fn.countAll<number | string>().as('n')),
  );
  const rowCount = Number(counted.rows[0].n);
  await deps.db.transaction().execute((tx) =>
    audit(tx, caller.actor, { action: 'export', entity: spec.list, entityId: null, orgId: org.orgId, after: { list: spec.list, filters: spec.filters, rows: rowCount, full } }),
  );

  const columns: SheetColumn[] = spec.columns.map((c, i) => ({ header: c.header[lang], field: `c${i}`, text: c.text || !!c.pii, width: c.width }));
  const cellsOf = (row: Out) => {
    const cells: Record<string, string | number | null> = {};
    spec.columns.forEach((c, i) => {
      const value = c.value(row, lang) ?? null;
      cells[`c${i}`] = c.pii && !full && typeof value === 'string' && value ? masks[c.pii](value) : value;
    });
    return cells;
  };

  const body = new PassThrough();
  const write = async () => {
    const sheet = await streamWorkbook(body, title, columns);
    const key = sql.ref<number>(spec.keyset);
    let last: number | null = null;
    for (;;) {
      let page = spec.rows(scope).orderBy(key, 'desc').limit(EXPORT_PAGE);
      if (last !== null) page = page.where(key, '<', last);
      const { rows } = await reader.executeQuery(page);
      if (rows.length === 0) break;
      const ready = spec.prepare ? await spec.prepare(rows) : (rows as unknown as Out[]);
      for (const row of ready) sheet.add(cellsOf(row));
      last = rows[rows.length - 1].id;
      if (rows.length < EXPORT_PAGE) break;
    }
    await sheet.finish();
  };
  write().catch((err) => body.destroy(err));
  return { name, body };
}
