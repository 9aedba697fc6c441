import type { Caller, Deps } from '../../platform/context.ts';
import { invalidFields } from '../../platform/errors.ts';
import { inScope, requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { isValidUscc } from '../../platform/identity.ts';
import { readRows, refuseImport, templateWorkbook, type ImportErrorRow, type RowErrors, type SheetColumn } from '../../platform/spreadsheet.ts';
import { levelByZh, levelZh, levels, pioneerTypeZh, pioneerTypes, typeByZh, type Level, type PioneerType } from './rules.ts';
import { today } from './service.ts';

/** Historic titles from Excel: the same all-or-nothing rules and per-row errors as the member roll. */
export const titleColumns: SheetColumn[] = [
  { header: '班组名称', field: 'teamName', width: 24 },
  { header: '所属企业统一社会信用代码', field: 'uscc', text: true, width: 26 },
  { header: '类型', field: 'type', width: 14 },
  { header: '级别', field: 'level', width: 10 },
  { header: '命名年份', field: 'year', text: true, width: 12 },
];

/** The template's name in a cadre's download folder. */
export const titleTemplateName = '工人先锋号称号导入模板.xlsx';

export function titleTemplate(): Promise<Buffer> {
  return templateWorkbook('工人先锋号', titleColumns, ['装配车间', '91330421MA2B000000', '安全生产型', '县级', '2018'], [
    '工人先锋号历史称号导入说明',
    '1. 请勿修改第一行表头和列的顺序：班组名称、所属企业统一社会信用代码、类型、级别、命名年份。',
    `2. 类型填写其一：${pioneerTypes.map((t) => pioneerTypeZh[t]).join('、')}。`,
    `3. 级别填写其一：${levels.map((l) => levelZh[l]).join('、')}。`,
    '4. 企业须是本组织管辖范围内已登记的企业；该企业下还没有的班组会自动建立。',
    '5. 命名年份为四位年份，不能晚于今年。同一班组同一类型同一级别同一年份只能有一条。',
    '6. 任何一行有误时整份文件都不会导入，系统会列出每个错误的行、列和原因，并提供错误报告下载。',
    '7. 示例行（第 2 行）请删除后再填写。',
  ]);
}

const err = (field: string, zh: string, en: string) => ({ field, message: { zh, en } });

/** One row on its own (no database). */
export function checkTitleRow(cells: Record<string, string>, thisYear: number): RowErrors {
  const errors: RowErrors = [];
  if (!cells.teamName) errors.push(err('teamName', '班组名称不能为空', 'Team name is required'));
  else if (cells.teamName.length > 100) errors.push(err('teamName', '班组名称不能超过 100 个字符', 'Team name can be at most 100 characters'));
  if (!isValidUscc(cells.uscc.toUpperCase())) errors.push(err('uscc', '统一社会信用代码格式或校验位不正确', 'Not a valid unified social credit code'));
  if (!typeByZh.has(cells.type)) errors.push(err('type', `类型须为${pioneerTypes.map((t) => pioneerTypeZh[t]).join('、')}之一`, 'Type must be one of the five Chinese type names'));
  if (!levelByZh.has(cells.level)) errors.push(err('level', '级别须为县级、市级、省级、全国之一', 'Level must be 县级, 市级, 省级 or 全国'));
  const year = Number(cells.year);
  if (!/^\d{4}$/.test(cells.year) || year < 1990 || year > thisYear) errors.push(err('year', `命名年份须为 1990–${thisYear} 之间的四位年份`, `Year must be between 1990 and ${thisYear}`));
  return errors;
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
    const errors = checkTitleRow(cells, thisYear);
    if (errors.length) {
      bad.push({ row, cells, errors });
      continue;
    }
    const g: GoodRow = { row, cells, teamName: cells.teamName, uscc: cells.uscc.toUpperCase(), type: typeByZh.get(cells.type)!, level: levelByZh.get(cells.level)!, year: Number(cells.year) };
    const key = `${g.uscc}|${g.teamName}|${g.type}|${g.level}|${g.year}`;
    const first = seen.get(key);
    if (first !== undefined) bad.push({ row, cells, errors: [err('teamName', `与第 ${first} 行重复`, `Same title as row ${first}`)] });
    else {
      seen.set(key, row);
      good.push(g);
    }
  }
  if (bad.length === 0 && good.length === 0) throw invalidFields([{ field: 'file', message: { zh: '文件中没有数据行', en: 'The file has no data rows' } }]);

  const usccs = [...new Set(good.map((g) => g.uscc))];
  const enterprises = new Map<string, { id: number; org_id: number }>();
  for (let i = 0; i < usccs.length; i += BATCH) {
    const rows = await deps.db
      .selectFrom('enterprises')
      .select(['id', 'uscc', 'org_id'])
      .where('uscc', 'in', usccs.slice(i, i + BATCH))
      .where('status', '=', 'active')
      .where(inScope('enterprises.org_id', caller.scope))
      .where(inScope('enterprises.org_id', { all: false, roots: [orgId] }))
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
    if (!enterprises.has(g.uscc)) bad.push({ row: g.row, cells: g.cells, errors: [err('uscc', '找不到该信用代码对应的企业，或企业不在该组织范围内', 'No enterprise with this credit code under this organisation in your scope')] });
    else if (existing.has(`${g.uscc}|${g.teamName}|${g.type}|${g.level}|${g.year}`)) bad.push({ row: g.row, cells: g.cells, errors: [err('teamName', '该称号已登记，不能重复导入', 'This title is already recorded')] });
  }
  if (bad.length) await refuseImport(deps.config.dataDir, caller.user!.id, titleColumns, bad);

  const now = caller.actor.now;
  await deps.db.transaction().execute(async (tx) => {
    const teams = new Map<string, number>();
    const found = await tx.selectFrom('teams').select(['id', 'enterprise_id', 'name']).where('enterprise_id', 'in', enterpriseIds).where('status', '=', 'active').orderBy('id').execute();
    for (const t of found) if (!teams.has(`${t.enterprise_id}|${t.name}`)) teams.set(`${t.enterprise_id}|${t.name}`, t.id);
    let created = 0;
    const values = [];
    for (const g of good) {
      const e = enterprises.get(g.uscc)!;
      const key = `${e.id}|${g.teamName}`;
      let teamId = teams.get(key);
      if (teamId === undefined) {
        teamId = (
          await tx
            .insertInto('teams')
            .values({ enterprise_id: e.id, name: g.teamName, kind: teamKindOf(g.teamName), status: 'active', created_at: now, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        teams.set(key, teamId);
        await audit(tx, caller.actor, { action: 'team.create', entity: 'team', entityId: teamId, orgId: e.org_id, after: { name: g.teamName, enterpriseId: e.id, source: 'pioneer_title.import' } });
        created++;
      }
      values.push({
        team_id: teamId,
        enterprise_id: e.id,
        org_id: e.org_id,
        type: g.type,
        level: g.level,
        year: g.year,
        named_on: null,
        document_no: null,
        source: 'import' as const,
        campaign_id: null,
        candidate_id: null,
        status: 'active' as const,
        revoked_on: null,
        revocation_reason: null,
        created_at: now,
        updated_at: now,
      });
    }
    for (let i = 0; i < values.length; i += BATCH) await tx.insertInto('pioneer_titles').values(values.slice(i, i + BATCH)).execute();
    await audit(tx, caller.actor, { action: 'pioneer_title.import', entity: 'org', entityId: orgId, orgId, after: { imported: values.length, teamsCreated: created } });
  });
  return { imported: good.length };
}
