import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Caller, Deps } from '../../platform/context.ts';
import { today } from '../../platform/dates.ts';
import { addDays, pioneerTypes, type Level } from './rules.ts';
import { importTitles, levelCell, titleColumns, typeCell } from './title-files.ts';
import { openCampaign } from './campaigns.ts';
import { getCandidate, registerCandidate, saveSelfAssessment } from './candidates.ts';

/**
 * The demo county's Workers' Pioneer history, as 嘉善 reports it: 3 national, 1 provincial, 29 city
 * and 208 county titles, spread over the unions' enterprises (teams created by the import as
 * needed), plus this year's campaign taking registrations. Loaded through the services.
 */
const COUNTS: Record<Level, number> = { county: 208, city: 29, province: 1, national: 3 };
const TEAM_WORDS = ['装配', '质检', '仓储', '设备维修', '包装', '技术攻关', '客户服务', '安全管理', '物流调度', '工艺', '生产', '能源管理', '售后服务', '培训'];
const NUMBERS = ['一', '二', '三', '四', '五', '六'];

export async function seedPioneerDemo(deps: Deps, caller: Caller): Promise<void> {
  const county = await deps.db.selectFrom('orgs').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const enterprises = await deps.db
    .selectFrom('enterprises')
    .innerJoin('orgs', 'orgs.id', 'enterprises.org_id')
    .select(['enterprises.id', 'enterprises.uscc'])
    .where('orgs.kind', '!=', 'federation')
    .orderBy('enterprises.id')
    .execute();
  const existing = await deps.db.selectFrom('teams').select(['enterprise_id', 'name']).orderBy('id').execute();

  // 208 teams named at county level; the first 29 of them went on to city level, of which one to
  // the province and three (recommended directly from the city) to the nation.
  const teams: { uscc: string; name: string }[] = [];
  for (let i = 0; teams.length < COUNTS.county; i++) {
    const e = enterprises[i % enterprises.length];
    const own = existing.filter((t) => t.enterprise_id === e.id).map((t) => t.name);
    const k = Math.floor(i / enterprises.length);
    const name = k < own.length ? own[k] : `${TEAM_WORDS[k % TEAM_WORDS.length]}${NUMBERS[Math.floor(k / TEAM_WORDS.length) % NUMBERS.length]}班组`;
    if (!teams.some((t) => t.uscc === e.uscc && t.name === name)) teams.push({ uscc: e.uscc, name });
  }
  const day = today(deps);
  const first = Number(day.slice(0, 4)) - 18;
  const rows: string[][] = [];
  teams.forEach((t, i) => {
    const type = typeCell(pioneerTypes[i % pioneerTypes.length]);
    const year = first + (i % 14);
    rows.push([t.name, t.uscc, type, levelCell('county'), String(year)]);
    if (i < COUNTS.city) rows.push([t.name, t.uscc, type, levelCell('city'), String(year + 1)]);
    if (i < COUNTS.province) rows.push([t.name, t.uscc, type, levelCell('province'), String(year + 3)]);
    if (i >= COUNTS.province && i < COUNTS.province + COUNTS.national) rows.push([t.name, t.uscc, type, levelCell('national'), String(year + 4)]);
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-demo-'));
  try {
    const file = path.join(dir, 'titles.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工人先锋号');
    ws.addRow(titleColumns.map((c) => c.header));
    for (const r of rows) ws.addRow(r);
    await wb.xlsx.writeFile(file);
    await importTitles(deps, caller, county.id, file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const campaign = await openCampaign(deps, caller, {
    orgId: county.id,
    name: `${day.slice(0, 4)}年度嘉善县“五型工人先锋号”创建活动`,
    year: Number(day.slice(0, 4)),
    registrationDeadline: addDays(day, 30),
    assessmentDeadline: addDays(day, 45),
    scoringDeadline: addDays(day, 60),
    publicityDays: 7,
    quota: 20,
    scoringMethod: 'trimmed_mean',
  });
  const candidates = await deps.db
    .selectFrom('teams')
    .select('id')
    .where('enterprise_id', 'in', enterprises.map((e) => e.id))
    .where('status', '=', 'active')
    .orderBy('id', 'desc')
    .limit(14)
    .execute();
  for (const [i, t] of candidates.entries()) {
    const { id } = await registerCandidate(deps, caller, campaign.id, { teamId: t.id, type: pioneerTypes[i % pioneerTypes.length], workerCount: 12 + ((i * 7) % 40) });
    if (i % 2 === 0) {
      const { criteria } = await getCandidate(deps, caller, id);
      await saveSelfAssessment(deps, caller, id, {
        summary: '班组围绕“一流工作、一流服务、一流业绩、一流团队”开展创建，制度健全、台账完整，全年无安全事故。',
        scores: criteria.map((c, k) => ({ criterionId: c.id, points: Math.max(1, c.maxPoints - ((i + k) % 3)) })),
      });
    }
  }
}
