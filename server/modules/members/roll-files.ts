import fs from 'node:fs';
import readline from 'node:readline';
import type { z } from 'zod';
import { nextSequence, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { fieldError } from '../../platform/errors.ts';
import { requireOrgInScope, inScope } from '../../platform/access.ts';
import { exportList, type ExportColumn } from '../../platform/exports.ts';
import { audit } from '../../platform/audit.ts';
import { today } from '../../platform/dates.ts';
import { ruleText, type Param, type RuleCode } from '../../platform/i18n.ts';
import { idBirthDate, isValidUscc } from '../../platform/identity.ts';
import { isoDate, mobilePhone } from '../../platform/validation.ts';
import {
  readRows,
  templateWorkbook,
  refuseImport,
  type ImportErrorRow,
  type RowErrors,
  type SheetColumn,
} from '../../platform/spreadsheet.ts';
import {
  canHoldMembers,
  checkIdentity,
  codeOf,
  educations,
  ethnicities,
  formatMemberNo,
  genderOf,
  MIN_JOIN_AGE,
  newFormGroups,
  politicalStatuses,
  yesNo,
} from './rules.ts';
import { exportTexts as t } from './messages.ts';
import { filteredMembers, memberColumns, standardColumns, type memberItemView } from './roll.ts';
import { NAME_MAX, personName, type memberExportQuery } from './schema.ts';
import type { StandardFields } from './tables.ts';
import { phoneTailHash } from './phones.ts';

/** The member roll in Excel: template, all-or-nothing streamed import, the export's columns. */
export const importColumns: SheetColumn[] = [
  { header: '姓名', field: 'name', width: 14 },
  { header: '身份证号', field: 'idNumber', text: true, width: 24 },
  { header: '手机号', field: 'phone', text: true, width: 16 },
  { header: '所属企业统一社会信用代码', field: 'uscc', text: true, width: 26 },
  { header: '入会日期', field: 'joinedOn', text: true, width: 14 },
  // The register's standard fields: optional, after the first five so files of the old template still read.
  { header: '民族', field: 'ethnicity', width: 10 },
  { header: '学历', field: 'education', width: 12 },
  { header: '政治面貌', field: 'politicalStatus', width: 14 },
  { header: '是否农民工', field: 'migrantWorker', width: 12 },
  { header: '新就业形态', field: 'newFormGroup', width: 14 },
];

/**
 * The template's sample row: a fictional person whose ID number passes its own check digit, so
 * the row passes every check of the import. Left in a filled file it is skipped, never imported.
 */
export const sampleRow = ['张三', '33042119900101123X', '13800000000', '', '2024-01-15', '汉族', '大学本科', '群众', '否', '否'];

const isSampleRow = (cells: Record<string, string>) => importColumns.every((c, i) => cells[c.field] === sampleRow[i]);

const names = (list: Record<string, string>) => Object.values(list).join('、');

export function memberTemplate(): Promise<Buffer> {
  return templateWorkbook('会员名册', importColumns, sampleRow, [
    '会员名册导入说明',
    `1. 请勿修改第一行表头和列的顺序：${importColumns.map((c) => c.header).join('、')}。`,
    '2. 身份证号、手机号、信用代码列已设为文本格式，请保持文本格式，避免 Excel 把长数字变成科学计数法。',
    '3. 身份证号须为 18 位（前 17 位为数字，最后一位为数字或 X）并通过校验，年满 16 周岁；性别和出生日期由身份证号得出，无需填写。手机号为 11 位中国大陆手机号。',
    '4. 所属企业统一社会信用代码可以留空；填写时必须是本组织管辖范围内已登记的企业。',
    '5. 入会日期格式为 YYYY-MM-DD，不能晚于今天。',
    '6. 民族、学历、政治面貌、是否农民工、新就业形态可以留空；填写时须为下列名称之一：',
    '   民族：民族全称，如汉族、蒙古族、回族（56 个民族之一），其他填“其他”；',
    `   学历：${names(educations)}；`,
    `   政治面貌：${names(politicalStatuses)}；`,
    '   是否农民工：是、否；',
    `   新就业形态：${names(newFormGroups)}。`,
    '7. 任何一行有误时整份文件都不会导入，系统会列出每个错误的行、列和原因，并提供错误报告下载。',
    '8. 示例行（第 2 行）不会导入，可以保留或删除。',
  ]);
}

/** The standard fields of a row as codes, and an error for each cell that names no code of its list. */
function standardCells(cells: Record<string, string>): { fields: StandardFields; errors: RowErrors } {
  const errors: RowErrors = [];
  const pick = <T extends Record<string, string>>(field: string, list: T, rule: RuleCode, params: Record<string, Param> = {}) => {
    const cell = cells[field];
    if (!cell) return null;
    const code = codeOf(list, cell);
    if (code === undefined) errors.push(rowError(field, rule, params));
    return code ?? null;
  };
  const migrant = cells.migrantWorker;
  const isYesNo = Object.hasOwn(yesNo, migrant);
  if (migrant && !isYesNo) errors.push(rowError('migrantWorker', 'member_row_migrant_worker'));
  const fields: StandardFields = {
    ethnicity: pick('ethnicity', ethnicities, 'member_row_ethnicity'),
    education: pick('education', educations, 'member_row_education', { names: names(educations) }),
    political_status: pick('politicalStatus', politicalStatuses, 'member_row_political_status', { names: names(politicalStatuses) }),
    migrant_worker: isYesNo ? (yesNo[migrant as keyof typeof yesNo] ? 1 : 0) : null,
    new_form_group: pick('newFormGroup', newFormGroups, 'member_row_new_form_group', { names: Object.values(newFormGroups).slice(1).join('、') }),
  };
  return { fields, errors };
}

/** One cell's error, explained by a registered rule (members/messages.ts). */
const rowError = (field: string, rule: RuleCode, params: Record<string, Param> = {}) => ({ field, message: ruleText(rule, params) });

/**
 * A checked row as it waits in the spool file for the write pass: personal data already encrypted
 * and hashed, so the spool holds no plain ID number or phone and the write transaction (which
 * holds SQLite's only writer, i.e. every other request) does no cryptography.
 */
interface SpooledRow extends StandardFields {
  name: string;
  idNumberEnc: string;
  idHash: string;
  phoneEnc: string;
  phoneHash: string;
  phoneTailHash: string;
  birthDate: string;
  gender: 'male' | 'female';
  uscc: string;
  joinedOn: string;
}

function spooledRow(deps: Deps, cells: Record<string, string>, idHash: string): SpooledRow {
  const idNumber = cells.idNumber.toUpperCase();
  return {
    name: cells.name,
    idNumberEnc: deps.pii.encrypt(idNumber),
    idHash,
    phoneEnc: deps.pii.encrypt(cells.phone),
    phoneHash: deps.pii.hash(cells.phone),
    phoneTailHash: phoneTailHash(deps.pii, cells.phone),
    birthDate: idBirthDate(idNumber)!,
    gender: genderOf(idNumber),
    uscc: cells.uscc.toUpperCase(),
    joinedOn: cells.joinedOn,
    ...standardCells(cells).fields,
  };
}

/**
 * Checks one row on its own (no database): the same checks as an online application (the name,
 * ID number and phone schemas and rules, the platform's date and credit-code checks), worded for
 * the error report.
 */
export function checkRow(cells: Record<string, string>, today: string): RowErrors {
  const errors: RowErrors = [];
  if (!cells.name) errors.push(rowError('name', 'member_row_name_required'));
  else if (!personName.safeParse(cells.name).success) errors.push(rowError('name', 'member_row_name_too_long', { max: NAME_MAX }));
  const id = cells.idNumber.toUpperCase();
  if (!id) errors.push(rowError('idNumber', 'member_row_id_number_required'));
  else if (/e\+/i.test(id) || /^\d+\.\d+$/.test(id)) errors.push(rowError('idNumber', 'member_row_id_number_as_number'));
  else {
    const rule = checkIdentity(id, today);
    if (rule === 'id_number_too_young') errors.push(rowError('idNumber', 'member_row_too_young', { age: MIN_JOIN_AGE }));
    else if (rule) errors.push(rowError('idNumber', rule));
  }
  if (!mobilePhone.safeParse(cells.phone).success) errors.push(rowError('phone', 'member_row_phone'));
  if (cells.uscc && !isValidUscc(cells.uscc.toUpperCase())) errors.push(rowError('uscc', 'member_row_uscc'));
  if (!isoDate.safeParse(cells.joinedOn).success) errors.push(rowError('joinedOn', 'member_row_joined_on_invalid'));
  else if (cells.joinedOn > today) errors.push(rowError('joinedOn', 'member_row_joined_on_future'));
  errors.push(...standardCells(cells).errors);
  return errors;
}

const BATCH = 500;

/**
 * Imports a filled template into one union. Pass 1 streams the file and checks every row (format,
 * duplicates inside the file, people already members, enterprises in scope) holding only hashes,
 * and spools each checked row, encrypted, to a line file; any error → nothing written, 422 with
 * every bad row and an error-report workbook. Pass 2 reads the spool and writes all rows in one
 * transaction, in batches.
 */
export async function importMembers(deps: Deps, caller: Caller, orgId: number, file: string) {
  const day = today(deps);
  await requireOrgInScope(deps.db, caller.scope, orgId);
  const org = await deps.db.selectFrom('orgs').select(['kind', 'level', 'status']).where('id', '=', orgId).executeTakeFirstOrThrow();
  if (org.status !== 'active' || !canHoldMembers(org.kind, org.level)) throw fieldError('orgId', 'member_import_org_cannot_hold_members');

  const bad: ImportErrorRow[] = [];
  const seen = new Map<string, number>();
  // Checked rows wait in a line-per-row file beside the upload, so the write pass neither parses
  // the workbook again nor holds the rows in memory. Removed with the upload, whatever happens.
  const checked = `${file}.rows`;
  const out = fs.createWriteStream(checked);
  try {
    return await runImport();
  } finally {
    out.destroy();
    fs.rmSync(checked, { force: true });
  }

  async function runImport() {
  const usccs = new Set<string>();
  let pending: { row: number; cells: Record<string, string>; idHash: string }[] = [];
  let count = 0;

  const checkPendingAgainstDb = async () => {
    if (pending.length === 0) return;
    const hashes = pending.map((p) => p.idHash);
    const existing = new Set(
      (await deps.db.selectFrom('members').select('id_number_hash').where('id_number_hash', 'in', hashes).execute()).map((r) => r.id_number_hash),
    );
    for (const p of pending) {
      if (existing.has(p.idHash)) bad.push({ row: p.row, cells: p.cells, errors: [rowError('idNumber', 'member_row_already_member')] });
    }
    pending = [];
  };

  for await (const { row, cells } of readRows(file, importColumns, ['joinedOn'])) {
    if (isSampleRow(cells)) continue;
    count++;
    const errors = checkRow(cells, day);
    if (errors.length === 0) {
      const idHash = deps.pii.hash(cells.idNumber);
      const first = seen.get(idHash);
      if (first !== undefined) errors.push(rowError('idNumber', 'member_row_duplicate', { row: first }));
      else {
        seen.set(idHash, row);
        pending.push({ row, cells, idHash });
        if (cells.uscc) usccs.add(cells.uscc.toUpperCase());
        // Once a row is refused the file will be too: stop encrypting and spooling.
        if (bad.length === 0 && !out.write(`${JSON.stringify(spooledRow(deps, cells, idHash))}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
    }
    if (errors.length) bad.push({ row, cells, errors });
    if (pending.length >= BATCH) await checkPendingAgainstDb();
  }
  await checkPendingAgainstDb();

  const enterpriseIds = new Map<string, number>();
  const usccList = [...usccs];
  for (let i = 0; i < usccList.length; i += BATCH) {
    const rows = await deps.db
      .selectFrom('enterprises')
      .select(['id', 'uscc'])
      .where('uscc', 'in', usccList.slice(i, i + BATCH))
      .where('status', '=', 'active')
      .where(inScope('enterprises.org_id', caller.scope))
      .execute();
    for (const r of rows) enterpriseIds.set(r.uscc, r.id);
  }
  if (usccs.size > enterpriseIds.size) {
    // A second, cheap pass over only the rows naming an unknown enterprise.
    for await (const { row, cells } of readRows(file, importColumns, ['joinedOn'])) {
      const code = cells.uscc.toUpperCase();
      if (code && usccs.has(code) && !enterpriseIds.has(code)) {
        bad.push({ row, cells, errors: [rowError('uscc', 'member_row_enterprise_unknown')] });
      }
    }
  }

  if (count === 0) throw fieldError('file', 'member_import_no_rows');
  if (bad.length) await refuseImport(deps, caller.user!.id, importColumns, bad);

  await new Promise((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve(null))));
  const now = caller.actor.now;
  await deps.db.transaction().execute(async (tx) => {
    let seq = await nextSequence(tx, 'member_no', count);
    let batch: SpooledRow[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await insertBatch(tx, batch, orgId, enterpriseIds, now, () => seq++);
      batch = [];
    };
    for await (const line of readline.createInterface({ input: fs.createReadStream(checked), crlfDelay: Infinity })) {
      batch.push(JSON.parse(line) as SpooledRow);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await audit(tx, caller.actor, { action: 'member.import', entity: 'org', entityId: orgId, orgId, after: { imported: count } });
  });
  return { imported: count };
  }
}

async function insertBatch(tx: Tx, rows: SpooledRow[], orgId: number, enterpriseIds: Map<string, number>, now: string, nextNo: () => number) {
  await tx
    .insertInto('members')
    .values(
      rows.map((r) => ({
        name: r.name,
        id_number_enc: r.idNumberEnc,
        id_number_hash: r.idHash,
        phone_enc: r.phoneEnc,
        phone_hash: r.phoneHash,
        phone_tail_hash: r.phoneTailHash,
        birth_date: r.birthDate,
        gender: r.gender,
        org_id: orgId,
        enterprise_id: r.uscc ? (enterpriseIds.get(r.uscc) ?? null) : null,
        employer_name: null,
        status: 'member' as const,
        retained_reason: null,
        member_no: formatMemberNo(r.joinedOn.slice(0, 4), nextNo()),
        joined_on: r.joinedOn,
        left_on: null,
        user_id: null,
        ethnicity: r.ethnicity,
        education: r.education,
        political_status: r.political_status,
        migrant_worker: r.migrant_worker,
        new_form_group: r.new_form_group,
        source: 'import' as const,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

/** The names of the member roll's downloads, as cadres see them in their download folder. */
export const memberFileNames = { template: '会员名册导入模板.xlsx', errorReport: '导入错误报告.xlsx' };

type RollRow = Parameters<ReturnType<typeof memberItemView>>[0] & StandardFields & { gender: 'male' | 'female'; birth_date: string };

/** The roll's export columns, in order: add a column of the member record here. Code lists are written by their names. */
export const rollExportColumns = (deps: Deps): ExportColumn<RollRow>[] => [
  { header: t.memberNo, value: (r) => r.member_no, text: true, width: 16 },
  { header: t.name, value: (r) => r.name, width: 12 },
  { header: t.gender, value: (r, lang) => t[r.gender][lang], width: 8 },
  { header: t.idNumber, value: (r) => deps.pii.decrypt(r.id_number_enc), pii: 'idNumber', width: 24 },
  { header: t.phone, value: (r) => (r.phone_enc ? deps.pii.decrypt(r.phone_enc) : null), pii: 'phone', width: 16 },
  { header: t.org, value: (r) => r.org_name, width: 28 },
  { header: t.employer, value: (r) => r.enterprise_name ?? r.employer_name, width: 28 },
  { header: t.status, value: (r, lang) => t[r.status][lang], width: 10 },
  { header: t.joinedOn, value: (r) => r.joined_on, text: true, width: 14 },
  { header: t.birthDate, value: (r) => r.birth_date, text: true, width: 14 },
  { header: t.ethnicity, value: (r) => r.ethnicity && ethnicities[r.ethnicity], width: 10 },
  { header: t.education, value: (r) => r.education && educations[r.education], width: 12 },
  { header: t.politicalStatus, value: (r) => r.political_status && politicalStatuses[r.political_status], width: 14 },
  { header: t.migrantWorker, value: (r, lang) => (r.migrant_worker === null ? null : r.migrant_worker ? t.yes[lang] : t.no[lang]), width: 12 },
  { header: t.newFormGroup, value: (r) => r.new_form_group && newFormGroups[r.new_form_group], width: 14 },
];

/** The roll in scope as the list filters it, in Excel (platform/exports.ts: masked unless full data is allowed, audited). */
export async function exportMembers(deps: Deps, caller: Caller, query: z.infer<typeof memberExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'members',
    title: t.members,
    orgId: query.orgId,
    filters,
    full,
    fullPermission: 'member.pii',
    rows: (scope) =>
      filteredMembers(deps, deps.db, scope, filters)
        .select(memberColumns)
        .select(['members.gender', 'members.birth_date', ...standardColumns.map((c) => `members.${c}` as const)]),
    keyset: 'members.id',
    columns: rollExportColumns(deps),
  });
}
