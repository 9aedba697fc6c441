import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './migrations.ts';
import { BackupError, backupDatabase, restoreDatabase, type BackupTarget } from './ops/backup.ts';
import { ensureAdmin } from './modules/accounts/index.ts';
import { IMPORT_LEFTOVER_MS, importWorkDir } from './platform/spreadsheet.ts';
import { removeFilesOlderThan } from './platform/files.ts';

const usage = `gonghui — 智慧工会平台

Usage: tsx server/main.ts <command>
  serve     migrate the database and serve the platform (npm start)
  demo      like serve, loading the demo county first when the database is empty (npm run demo)
  migrate   apply database migrations and exit (npm run migrate)
  jobs      run every job that is due now, list the jobs that failed for good, and exit
            (npm run jobs); the server runs due jobs by itself, this is for operators
  backup <file>            write a backup of the database to <file> (npm run backup -- <file>);
                           safe while the server runs; the encryption key is never in it
  restore <file> [--force] restore <file> into the configured database, then migrate it
                           (npm run restore -- <file>); stop the server first; --force replaces
                           an existing database
`;

async function prepare(config: Config): Promise<Database> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrateToLatest(database.db);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  return database;
}

/**
 * Removes the uploaded workbooks (personal data in plain text) and spooled rows that a server
 * killed in the middle of an import left behind. Only old ones: on PostgreSQL another server
 * process sharing the data directory may be importing right now.
 */
function sweepImportLeftovers(dataDir: string) {
  const removed = removeFilesOlderThan(importWorkDir(dataDir), IMPORT_LEFTOVER_MS);
  if (removed) console.log(`  removed ${removed} import working file(s) left in ${importWorkDir(dataDir)} by an interrupted import`);
}

async function serve(config: Config, demo: boolean) {
  sweepImportLeftovers(config.dataDir);
  // A server that runs for months still clears what a crashed sibling process left behind.
  setInterval(() => sweepImportLeftovers(config.dataDir), IMPORT_LEFTOVER_MS).unref();
  const database = await prepare(config);
  const app = await buildApp({ config, database });
  // The demo loader pulls in exceljs (pioneer title files): loaded only for `demo`, not on every start.
  const demoData = demo ? await import('./demo/load.ts') : null;
  const admin = await ensureAdmin(app.deps, config.adminPassword ?? demoData?.DEMO_PASSWORD);
  if (admin.password && !demo) {
    console.log(`\n  Created the built-in account "admin" with password: ${admin.password}\n  It is shown only this once; set GONGHUI_ADMIN_PASSWORD to choose it.\n`);
  }
  if (demoData) {
    const { loadDemo, DEMO_PASSWORD } = demoData;
    const loaded = await loadDemo(app.deps);
    console.log(loaded ? '\n  Demo county loaded.' : '\n  Demo data already present.');
    console.log(`\n  Demo logins (password for all: ${DEMO_PASSWORD}${config.adminPassword ? ', admin: GONGHUI_ADMIN_PASSWORD' : ''}):`);
    console.log('    admin        平台管理员');
    console.log('    jiashan      嘉善县总工会 干部 (whole county)');
    console.log('    weitang      魏塘街道总工会 干部 (one street)');
    console.log('    luoxing      罗星街道总工会 干部 (another street)');
    console.log('    viewer       嘉善县总工会 只读');
    console.log('    venue        西塘古镇游客服务中心 会员卡核验员 (partner venue: /m/verify)');
    console.log('    yongkang     永康市总工会 干部 (安胜科技 skill levels, the 匠人新秀 contest)');
    console.log('    caipanzhang  匠人新秀 五金工艺 主裁判 (chief judge, marks on /m; caipan1, caipan2: judges)');
    console.log('    luping       工匠评选 评委 (a craftsman selection judge, marks on /m)');
    console.log('    xinxigang    杭州湾信息港基层工会联合会 干部 (the industry-wide wage bargaining)');
    console.log('    egang        信息港职工 (portal /m/bargaining: elect representatives, answer the survey, read the agreement)');
    console.log('    tianshui     天水街道总工会 干部 (浙江省模范职工之家; ratings; 青年交友 settings and counts)');
    console.log('    xunyuan1     天水·武林 青年交友 attendee (portal /m/socials: 心动选择, 我的匹配; xunyuan2 too)');
    console.log('    kaihua       开化县总工会 干部 (recuperation centre, agreements, quotas)');
    console.log('    yunchuang    云创青年小镇 职工 (her 微心愿 on the wall; confirms it on /m/wishes)');
    console.log('    aixin        云创青年小镇 职工 (claims and fulfils wishes on /m/wishes, earns love points)');
    console.log('    kaihuaworker 开化 华埠电子 职工 (applies for a recuperation trip on /m)');
    console.log('    worker       职工 13800000001 (member portal /m)\n');
  }
  // Due jobs and the modules' schedules run from here on; app.close() stops them.
  await app.jobWorker.start();
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`  gonghui is serving on http://${config.host}:${config.port}  (console /, member portal /m, API docs /api/docs)`);
}

async function jobsCommand(config: Config) {
  const database = await prepare(config);
  const app = await buildApp({ config, database, serveWeb: false });
  try {
    console.log(`已运行到期任务 / Due jobs run: ${await app.deps.jobs.drain()}`);
    const failed = await app.jobWorker.failed();
    console.log(`失败的任务 / Jobs that failed for good: ${failed.length ? '' : 'none'}`);
    for (const job of failed) console.log(`  ${job.at ?? '-'}  ${job.name}  ${job.id}  attempts ${job.attempts}: ${job.error ?? ''}`);
  } finally {
    await app.close();
    await database.close();
  }
}

async function backupCommand(target: BackupTarget, args: string[]) {
  if (args.length !== 1) usageError();
  const report = await backupDatabase(target, args[0]);
  console.log(`备份完成 / Backup written: ${report.file} (${report.engine}, ${Math.ceil(report.bytes / 1024)} KB)`);
  for (const note of report.notes) console.log(`  ${note}`);
}

async function restoreCommand(target: BackupTarget, args: string[]) {
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1) usageError();
  const report = await restoreDatabase(target, files[0], { force });
  console.log(`恢复完成 / Restored: ${report.tables} tables (${report.engine})`);
  if (report.migrated.length) console.log(`  migrations applied: ${report.migrated.join(', ')}`);
}

function usageError(): never {
  console.error(usage);
  process.exit(2);
}

async function main() {
  const command = process.argv[2] ?? 'serve';
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  switch (command) {
    case 'serve':
      return serve(config, false);
    case 'demo':
      return serve(config, true);
    case 'migrate': {
      const database = await prepare(config);
      await database.close();
      return;
    }
    case 'jobs':
      return jobsCommand(config);
    case 'backup':
      return backupCommand(config, process.argv.slice(3));
    case 'restore':
      return restoreCommand(config, process.argv.slice(3));
    default:
      usageError();
  }
}

main().catch((err) => {
  // A refused backup or restore says why in two languages; a stack trace would only hide it.
  console.error(err instanceof BackupError ? err.message : err);
  process.exit(1);
});
