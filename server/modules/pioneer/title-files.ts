import type { Caller, Deps } from '../../platform/context.ts';
import { fieldError } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { isValidUscc } from '../../platform/identity.ts';
import { readRows, refuseImport, templateWorkbook, type ImportErrorRow, type SheetColumn } from '../../platform/spreadsheet.ts';
import { addTeam } from '../orgs/index.ts';
import { explain, levels, pioneerTypes, type FieldProblem, type Level, type PioneerType } from './rules.ts';
import { labelOf } from './messages.ts';
import { readableEnterprises } from './policy.ts';
import { insertTitles } from './titles.ts';

/** Historic titles from Excel: the same all-or-nothing rules and per-row errors as the member roll. */
export const titleColumns: SheetColumn[] = [
  { header: '班组名称', field: 'teamName', width: 24 },
  { header: '所属企业统一社会信用代码', field: 'uscc', text: true, width: 26 },
  { header: '类型', field: 'type', width: 14 },
  { header: '级别', field: 'level', width: 10 },
  { header: '命名年份', field: 'year', text: true, width: 12 },
];

/** A sheet names types and levels in Chinese, as cadres write them: 安全生产型, 县级. */
export const typeCell = (t: PioneerType) => labelOf(`pioneer_type_${t}`, 'zh');
export const levelCell = (l: Level) => labelOf(`pioneer_level_${l}`, 'zh');
const typeByCell = new Map(pioneerTypes.map((t) => [typeCell(t), t]));
const levelByCell = new Map(levels.map((l) => [levelCell(l), l]));

/** The template's name in a cadre's download folder. */
export const titleTemplateName = '工人先锋号称号导入模板.xlsx';

export function titleTemplate(): Promise<Buffer> {
  return templateWorkbook('工人先锋号', titleColumns, ['装配车间', '91330421MA2B000000', '安全生产型', '县级', '2018'], [
    '工人先锋号历史称号导入说明',
    '1. 请勿修改第一行表头和列的顺序：班组名称、所属企业统一社会信用代码、类型、级别、命名年份。',
    `2. 类型填写其一：${pioneerTypes.map(typeCell).join('、')}。`,
    `3. 级别填写其一：${levels.map(levelCell).join('、')}。`,
    '4. 企业须是本组织管辖范围内已登记的企业；该企业下还没有的班组会自动建立。',
    '5. 命名年份为四位年份，不能晚于今年。同一班组同一类型同一级别同一年份只能有一条。',
    '6. 任何一行有误时整份文件都不会导入，系统会列出每个错误的行、列和原因，并提供错误报告下载。',
    '7. 示例行（第 2 行）请删除后再填写。',
  ]);
}

const TEAM_NAME_MAX = 100;
const FIRST_YEAR = 1990;

/** One row on its own (no database). */
export function checkTitleRow(cells: Record<string, string>, thisYear: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!cells.teamName) problems.push({ field: 'teamName', rule: 'pioneer_row_team_required' });
  else if (cells.teamName.length > TEAM_NAME_MAX) problems.push({ field: 'teamName', rule: 'pioneer_row_team_too_long', params: { max: TEAM_NAME_MAX } });
  if (!isValidUscc(cells.uscc.toUpperCase())) problems.push({ field: 'uscc', rule: 'pioneer_row_uscc' });
  if (!typeByCell.has(cells.type)) problems.push({ field: 'type', rule: 'pioneer_row_type', params: { types: pioneerTypes.map(typeCell).join('、') } });
  if (!levelByCell.has(cells.level)) problems.push({ field: 'level', rule: 'pioneer_row_level', params: { levels: levels.map(levelCell).join('、') } });
  const year = Number(cells.year);
  if (!/^\d{4}$/.test(cells.year) || year < FIRST_YEAR || year > thisYear) problems.push({ field: 'year', rule: 'pioneer_row_year', params: { from: FIRST_YEAR, to: thisYear } });
  return problems;
}

/** Imported teams get a kind from their name: 车间 workshop, 科/室/部/中心 office, 项目 project, else crew. */
function teamKindOf(name: string): 'workshop' | 'office' | 'crew' | 'project' {
  if (name.includes('车间')) return 'workshop';
  if (name.includes('项目')) return 'project';
  if (/[科室部]$|中心$/.test(name)) return 'office';
  return 'crew';
}

interface GoodRow {
  row: number;
  cells: Record<string, string>;
  teamName: string;
  uscc: string;
  type: PioneerType;
  level: Level;
  year: number;
}

/** Credit codes and enterprises per lookup query. */
const BATCH = 500;

/**
 * Imports a federation's existing titles. Pass 1 checks every row (format, duplicates in the file,
 * enterprises in scope under `orgId`, titles already recorded); any error → nothing written, 422
 * with every bad row and an error-report workbook. Then one transaction creates missing teams
 * and writes every title.
 */
export async function importTitles(deps: Deps, caller: Caller, orgId: number, file: string) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  const thisYear = Number(today(deps).slice(0, 4));
  const bad: ImportErrorRow[] = [];
  const good: GoodRow[] = [];
  const seen = new Map<string, number>();
  for await (const { row, cells } of readRows(file, titleColumns)) {
    const problems = checkTitleRow(cells, thisYear);
    if (problems.length) {
      bad.push({ row, cells, errors: explain(problems) });
      continue;
    }
    const g: GoodRow = { row, cells, teamName: cells.teamName, uscc: cells.uscc.toUpperCase(), type: typeByCell.get(cells.type)!, level: levelByCell.get(cells.level)!, year: Number(cells.year) };
    const key = `${g.uscc}|${g.teamName}|${g.type}|${g.level}|${g.year}`;
    const first = seen.get(key);
    if (first !== undefined) bad.push({ row, cells, errors: explain([{ field: 'teamName', rule: 'pioneer_row_duplicate', params: { row: first } }]) });
    else {
      seen.set(key, row);
      good.push(g);
    }
  }
  if (bad.length === 0 && good.length === 0) throw fieldError('file', 'pioneer_import_no_rows');

  const usccs = [...new Set(good.map((g) => g.uscc))];
  const enterprises = new Map<string, { id: number; org_id: number }>();
  for (let i = 0; i < usccs.length; i += BATCH) {
    const rows = await deps.db
      .selectFrom('enterprises')
      .select(['id', 'uscc', 'org_id'])
      .where('uscc', 'in', usccs.slice(i, i + BATCH))
      .where('status', '=', 'active')
      .where(readableEnterprises(caller))
      .where(inSubtree('enterprises.org_id', orgId))
      .execute();
    for (const r of rows) enterprises.set(r.uscc, { id: r.id, org_id: r.org_id });
  }
  const enterpriseIds = [...enterprises.values()].map((e) => e.id);
  const existing = new Set<string>();
  for (let i = 0; i < enterpriseIds.length; i += BATCH) {
    const rows = await deps.db
      .selectFrom('pioneer_titles as t')
      .innerJoin('teams', 'teams.id', 't.team_id')
      .innerJoin('enterprises', 'enterprises.id', 't.enterprise_id')
      .select(['enterprises.uscc', 'teams.name', 't.type', 't.level', 't.year'])
      .where('t.enterprise_id', 'in', enterpriseIds.slice(i, i + BATCH))
      .execute();
    for (const r of rows) existing.add(`${r.uscc}|${r.name}|${r.type}|${r.level}|${r.year}`);
  }
  for (const g of good) {
    if (!enterprises.has(g.uscc)) bad.push({ row: g.row, cells: g.cells, errors: explain([{ field: 'uscc', rule: 'pioneer_row_enterprise_unknown' }]) });
    else if (existing.has(`${g.uscc}|${g.teamName}|${g.type}|${g.level}|${g.year}`)) bad.push({ row: g.row, cells: g.cells, errors: explain([{ field: 'teamName', rule: 'pioneer_row_title_exists' }]) });
  }
  if (bad.length) await refuseImport(deps, caller.user!.id, titleColumns, bad);

  const now = caller.actor.now;
  await deps.db.transaction().execute(async (tx) => {
    const teams = new Map<string, number>();
    const found = await tx.selectFrom('teams').select(['id', 'enterprise_id', 'name']).where('enterprise_id', 'in', enterpriseIds).where('status', '=', 'active').orderBy('id').execute();
    for (const t of found) if (!teams.has(`${t.enterprise_id}|${t.name}`)) teams.set(`${t.enterprise_id}|${t.name}`, t.id);
    let created = 0;
    const titles = [];
    for (const g of good) {
      const e = enterprises.get(g.uscc)!;
      const key = `${e.id}|${g.teamName}`;
      let teamId = teams.get(key);
      if (teamId === undefined) {
        teamId = await addTeam(tx, caller.actor, { enterpriseId: e.id, orgId: e.org_id, name: g.teamName, kind: teamKindOf(g.teamName), source: 'pioneer_title.import' });
        teams.set(key, teamId);
        created++;
      }
      titles.push({ teamId, enterpriseId: e.id, orgId: e.org_id, type: g.type, level: g.level, year: g.year, namedOn: null, documentNo: null, source: 'import' as const });
    }
    await insertTitles(tx, now, titles);
    await audit(tx, caller.actor, { action: 'pioneer_title.import', entity: 'org', entityId: orgId, orgId, after: { imported: titles.length, teamsCreated: created } });
  });
  return { imported: good.length };
}
