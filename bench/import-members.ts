/**
 * Benchmark: the 100,000-row member import, end to end through the import service (streamed
 * read, checks, one transaction). Run by bench/run.ts in its own process so its peak RSS is its
 * own; the workbook is written beforehand by a child process (`--write`), so writing it is not
 * counted either.
 * Usage: tsx bench/import-members.ts <rows> [postgres-url]   → prints one JSON line.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/migrations.ts';
import { createFileStore } from '../server/platform/files.ts';
import { createPii } from '../server/platform/pii.ts';
import { createSessionCache } from '../server/platform/session-cache.ts';
import { makeIdNumber } from '../server/platform/identity.ts';
import { importMembers } from '../server/modules/members/roll-files.ts';
import type { Caller, Deps } from '../server/platform/context.ts';
import { createJobs } from '../server/platform/jobs-engine.ts';

async function writeFile(rows: number, file: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('会员名册');
  ws.addRow(['姓名', '身份证号', '手机号', '所属企业统一社会信用代码', '入会日期']).commit();
  for (let i = 0; i < rows; i++) {
    const birth = `${1960 + (i % 45)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const region = String(330000 + Math.floor(i / 1000) % 1000).padStart(6, '0');
    ws.addRow([`职工${i}`, makeIdNumber(region, birth, i), `13${String(100_000_000 + i).slice(-9)}`, '', '2024-01-15']).commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * This process's peak resident memory. Linux keeps getrusage's maxRSS across exec, so it would
 * count the parent's memory copied by fork (bench/run.ts holds a generated county by then);
 * VmHWM in /proc belongs to this program's own address space.
 */
function peakRssMb(): number {
  const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const hwm = status.match(/^VmHWM:\s+(\d+) kB/m);
  return Math.round((hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS) / 1024);
}

async function main() {
  if (process.argv[2] === '--write') return writeFile(Number(process.argv[3]), process.argv[4]);
  const rows = Number(process.argv[2] ?? 100_000);
  const databaseUrl = process.argv[3];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-import-'));
  const file = path.join(dir, 'roll.xlsx');
  execFileSync(process.execPath, [...process.execArgv, process.argv[1], '--write', String(rows), file], { stdio: 'inherit' });
  const config = loadConfig({ GONGHUI_DATA_DIR: dir, GONGHUI_LOG_LEVEL: 'silent', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: dir });
  await migrateToLatest(database.db);
  const now = new Date().toISOString();
  const org = await database.db
    .insertInto('orgs')
    .values({ name: '基准工会', kind: 'grassroots_union', level: null, basis: null, parent_id: null, region: null, status: 'active', closed_at: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db.insertInto('org_closure').values({ ancestor_id: org.id, descendant_id: org.id, depth: 0 }).execute();
  const deps: Deps = {
    db: database.db,
    engine: database.engine,
    config,
    clock: () => new Date(),
    pii: createPii('b2'.repeat(32)),
    sms: { name: 'none', usable: () => false, send: async () => {} },
    jobs: await createJobs(database.engine, () => deps, { warn: () => {}, error: () => {} }),
    // No listener: nothing is kept, every session is read from the database.
    sessions: createSessionCache({ db: database.db, engine: database.engine, close: async () => {} }, { warn: () => {} }),
    files: createFileStore(config.fileStore, { dataDir: config.dataDir, db: database.db }),
  };
  const caller: Caller = {
    user: { id: 0, username: 'bench', displayName: 'bench', grants: [{ id: 0, role: 'admin', orgId: null }], sessionId: '', csrfToken: '' },
    scope: { all: true, roots: [] },
    actor: { userId: null, ip: null, now },
    lang: 'zh',
  };
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result = await importMembers(deps, caller, org.id, file);
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      engine: database.engine,
      rows: result.imported,
      seconds,
      rowsPerSecond: Math.round(result.imported / seconds),
      peakRssMb: peakRssMb(),
      rssBeforeMb: Math.round(rssBefore / 1024 / 1024),
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
