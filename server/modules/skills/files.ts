import type { z } from 'zod';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, fieldError } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { exportList, type ExportColumn } from '../../platform/exports.ts';
import { ruleText, type Param, type RuleCode } from '../../platform/i18n.ts';
import { isoDate } from '../../platform/validation.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { readRows, refuseImport, templateWorkbook, type ImportErrorRow, type RowErrors, type SheetColumn } from '../../platform/spreadsheet.ts';
import { exportTexts as t } from './messages.ts';
import {
  ISSUER_MAX,
  OCCUPATION_MAX,
  isCertificateNo,
  issuedInFuture,
  issuerKinds,
  levelLabel,
  parseIssuerKind,
  parseLevel,
  type IssuerKind,
  type SkillLevel,
} from './rules.ts';
import { filteredRecords, recordColumns, type RecordRow } from './service.ts';
import type { exportQuery } from './schema.ts';

/**
 * Skill levels in Excel, on the platform's one spreadsheet mechanism (platform/spreadsheet.ts, as
 * the member roll uses it): the template, the all-or-nothing import with per-row errors and the
 * error report, and the list's export. A row names its member by member number (as the roll's
 * export gives it) and name, so the file carries no ID number.
 */
export const importColumns: SheetColumn[] = [
  { header: '会员编号', field: 'memberNo', text: true, width: 16 },
  { header: '姓名', field: 'name', width: 12 },
  { header: '职业（工种）', field: 'occupation', width: 18 },
  { header: '等级', field: 'level', width: 14 },
  { header: '证书编号', field: 'certificateNo', text: true, width: 24 },
  { header: '发证日期', field: 'issuedOn', text: true, width: 14 },
  { header: '评价机构', field: 'issuer', width: 28 },
  { header: '评价类型', field: 'issuerKind', width: 16 },
];

/** The template's sample row: skipped when left in a filled file. */
export const sampleRow = ['202400000001', '张三', '钳工', '三级/高级工', 'S000000000000000001', '2024-06-30', '某某科技股份有限公司', '企业自主评价'];
const isSampleRow = (cells: Record<string, string>) => importColumns.every((c, i) => cells[c.field] === sampleRow[i]);

export const skillFileNames = { template: '技能等级导入模板.xlsx' };

export function skillTemplate(): Promise<Buffer> {
  return templateWorkbook('技能等级', importColumns, sampleRow, [
    '技能等级导入说明',
    `1. 请勿修改第一行表头和列的顺序：${importColumns.map((c) => c.header).join('、')}。`,
    '2. 会员编号和姓名须与会员名册一致（可从会员名册导出中复制），会员须属于所选组织或其下级工会。',
    '3. 等级填 1–5 或名称：一级/高级技师、二级/技师、三级/高级工、四级/中级工、五级/初级工。',
    '4. 证书编号为 4–40 位字母、数字或连字符，不能与已登记的有效证书重复；一名会员可以有不同职业的多条记录。',
    '5. 发证日期格式为 YYYY-MM-DD，不能晚于今天。',
    `6. 评价类型填“${issuerKinds.enterprise}”或“${issuerKinds.agency}”，留空按评价机构。`,
    '7. 任何一行有误时整份文件都不会导入，系统会列出每个错误的行、列和原因，并提供错误报告下载。',
    '8. 示例行（第 2 行）不会导入，可以保留或删除。',
  ]);
}

const rowError = (field: string, rule: RuleCode, params: Record<string, Param> = {}) => ({ field, message: ruleText(rule, params) });

interface CheckedRow {
  row: number;
  cells: Record<string, string>;
  memberNo: string;
  level: SkillLevel;
  issuerKind: IssuerKind;
}

/** Checks one row on its own (no database). */
export function checkRow(cells: Record<string, string>, day: string): { errors: RowErrors; level: SkillLevel | null; issuerKind: IssuerKind | null } {
  const errors: RowErrors = [];
  if (!cells.memberNo) errors.push(rowError('memberNo', 'skill_row_member_no_required'));
  if (!cells.occupation || cells.occupation.length > OCCUPATION_MAX) errors.push(rowError('occupation', 'skill_row_occupation_required'));
  const level = parseLevel(cells.level);
  if (level === null) errors.push(rowError('level', 'skill_row_level'));
  if (!isCertificateNo(cells.certificateNo)) errors.push(rowError('certificateNo', 'skill_certificate_no_format'));
  if (!isoDate.safeParse(cells.issuedOn).success) errors.push(rowError('issuedOn', 'skill_row_issued_on_invalid'));
  else if (issuedInFuture(cells.issuedOn, day)) errors.push(rowError('issuedOn', 'skill_issued_in_future'));
  if (!cells.issuer || cells.issuer.length > ISSUER_MAX) errors.push(rowError('issuer', 'skill_row_issuer_required'));
  const issuerKind = parseIssuerKind(cells.issuerKind);
  if (issuerKind === null) errors.push(rowError('issuerKind', 'skill_row_issuer_kind'));
  return { errors, level, issuerKind };
}

const BATCH = 500;

/**
 * Imports a filled template for the members of one org's subtree. Pass 1 streams the file and
 * checks every row (format, duplicates inside the file, members by number and name, certificate
 * numbers already recorded); any error → nothing written, 422 with every bad row and the error
 * report. Pass 2 writes every row in one transaction, in batches, with one audit entry.
 */
export async function importRecords(deps: Deps, caller: Caller, orgId: number, file: string) {
  const day = today(deps);
  await requireOrgInScope(deps.db, caller.scope, orgId);
  const bad: ImportErrorRow[] = [];
  const good: (CheckedRow & { memberId: number })[] = [];
  const seen = new Map<string, number>();
  let pending: CheckedRow[] = [];
  let count = 0;

  const checkPending = async () => {
    if (pending.length === 0) return;
    const members = await deps.db
      .selectFrom('members')
      .select(['members.id', 'members.member_no', 'members.name'])
      .where('members.member_no', 'in', [...new Set(pending.map((p) => p.memberNo))])
      .where(inSubtree('members.org_id', orgId))
      .execute();
    const byNo = new Map(members.map((m) => [m.member_no, m]));
    const taken = new Set(
      (await deps.db.selectFrom('skill_levels').select('certificate_no').where('certificate_no', 'in', pending.map((p) => p.cells.certificateNo)).where('status', '=', 'valid').execute()).map(
        (r) => r.certificate_no,
      ),
    );
    for (const p of pending) {
      const errors: RowErrors = [];
      const member = byNo.get(p.memberNo);
      if (!member) errors.push(rowError('memberNo', 'skill_row_member_unknown'));
      else if (p.cells.name && p.cells.name !== member.name) errors.push(rowError('name', 'skill_row_name_mismatch', { name: member.name }));
      if (taken.has(p.cells.certificateNo)) errors.push(rowError('certificateNo', 'skill_row_certificate_taken'));
      if (errors.length) bad.push({ row: p.row, cells: p.cells, errors });
      else if (bad.length === 0) good.push({ ...p, memberId: member!.id });
    }
    pending = [];
  };

  for await (const { row, cells } of readRows(file, importColumns, ['issuedOn'])) {
    if (isSampleRow(cells)) continue;
    count++;
    const { errors, level, issuerKind } = checkRow(cells, day);
    const first = seen.get(cells.certificateNo);
    if (cells.certificateNo && first !== undefined) errors.push(rowError('certificateNo', 'skill_row_certificate_duplicate', { row: first }));
    else if (cells.certificateNo) seen.set(cells.certificateNo, row);
    if (errors.length) bad.push({ row, cells, errors });
    else pending.push({ row, cells, memberNo: cells.memberNo, level: level!, issuerKind: issuerKind! });
    if (pending.length >= BATCH) await checkPending();
  }
  await checkPending();

  if (count === 0) throw fieldError('file', 'skill_import_no_rows');
  if (bad.length) await refuseImport(deps, caller.user!.id, importColumns, bad);

  const { actor } = caller;
  try {
    await deps.db.transaction().execute(async (tx) => {
      for (let i = 0; i < good.length; i += BATCH) {
        await tx
          .insertInto('skill_levels')
          .values(
            good.slice(i, i + BATCH).map((g) => ({
              member_id: g.memberId,
              occupation: g.cells.occupation,
              level: g.level,
              certificate_no: g.cells.certificateNo,
              issued_on: g.cells.issuedOn,
              issuer: g.cells.issuer,
              issuer_kind: g.issuerKind,
              source: 'import' as const,
              status: 'valid' as const,
              replaces_id: null,
              reason: null,
              closed_by: null,
              closed_at: null,
              created_by: actor.userId,
              created_at: actor.now,
            })),
          )
          .execute();
      }
      await audit(tx, actor, { action: 'skill_level.import', entity: 'org', entityId: orgId, orgId, after: { imported: good.length } });
    });
  } catch (err) {
    // Another request recorded one of the certificates between the check and the write.
    if (isUniqueViolation(err)) throw conflict('skill_certificate_taken');
    throw err;
  }
  return { imported: good.length };
}

type ExportRow = RecordRow;

const exportColumns: ExportColumn<ExportRow>[] = [
  { header: t.memberNo, value: (r) => r.member_no, text: true, width: 16 },
  { header: t.name, value: (r) => r.member_name, width: 12 },
  { header: t.org, value: (r) => r.org_name, width: 28 },
  { header: t.occupation, value: (r) => r.occupation, width: 18 },
  { header: t.level, value: (r) => levelLabel(r.level as SkillLevel), width: 14 },
  { header: t.certificateNo, value: (r) => r.certificate_no, text: true, width: 24 },
  { header: t.issuedOn, value: (r) => r.issued_on, text: true, width: 14 },
  { header: t.issuer, value: (r) => r.issuer, width: 28 },
  { header: t.issuerKind, value: (r, lang) => t[r.issuer_kind][lang], width: 16 },
  { header: t.status, value: (r, lang) => t[r.status][lang], width: 10 },
];

/** The records in scope as the list filters them, in Excel (platform/exports.ts: audited). No personal data beyond names. */
export async function exportRecords(deps: Deps, caller: Caller, query: z.infer<typeof exportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'skill_levels',
    title: t.skillLevels,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filteredRecords(deps.db, scope, filters).select(recordColumns) as never,
    keyset: 'skill_levels.id',
    columns: exportColumns,
  });
}
