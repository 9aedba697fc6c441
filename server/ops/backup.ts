import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { createPii } from '../platform/pii.ts';
import { listTables, openDatabase, openSqliteFile, sqliteFile, type Db, type Engine } from '../db/database.ts';
import { migrateToLatest } from '../migrations.ts';

/**
 * `npm run backup` / `npm run restore`: the database only, never the encryption key (a stolen
 * backup without the key reveals no personal data) and never the uploaded files.
 * SQLite through its online backup (safe while the server runs); PostgreSQL through pg_dump and
 * pg_restore, which must be on PATH and at least the server's major version.
 */

/** Where the database lives and which key reads it: the server's own settings. */
export interface BackupTarget {
  databaseUrl?: string;
  dataDir: string;
  encryptionKey?: string;
  /** GONGHUI_FILE_STORE: with `database` the uploaded files are rows of the database, in its backup. */
  fileStore?: 'local' | 'database';
}

/** A refusal or failure the command line prints as it is, in Chinese then English. */
export class BackupError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh}\n${en}`);
  }
}

export interface BackupReport {
  engine: Engine;
  file: string;
  bytes: number;
  /** What the operator must keep beside the backup: the key's whereabouts, uploaded files. */
  notes: string[];
}

export interface RestoreReport {
  engine: Engine;
  tables: number;
  /** Migrations the restored database lacked and has now been brought up to. */
  migrated: string[];
}

const SQLITE_MAGIC = 'SQLite format 3\0';
const PG_DUMP_MAGIC = 'PGDMP';
/**
 * What in the data directory is no upload: the SQLite database, the key, the spool. Everything else
 * there is a module's folder of the local file store (platform/files.ts: `evidence`, `contests`,
 * `articles`, `cobuilding`, `wishes`, `fundraising`, `rights`, `import-reports`, and any module's
 * added since, `training` among them), which the database points at.
 */
const NOT_UPLOADS = /^(gonghui\.sqlite.*|encryption\.key|tmp)$/;

// ---------- backup ----------

export async function backupDatabase(target: BackupTarget, file: string): Promise<BackupReport> {
  const out = path.resolve(file);
  if (fs.existsSync(out)) throw new BackupError(`备份文件已存在：${out}，请换一个文件名`, `The backup file already exists: ${out}; choose another name`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written under a temporary name and renamed when complete: a crashed backup never looks whole.
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    if (target.databaseUrl) await pgDump(target.databaseUrl, partial);
    else await sqliteBackup(target.dataDir, partial);
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { engine: target.databaseUrl ? 'postgres' : 'sqlite', file: out, bytes: fs.statSync(out).size, notes: backupNotes(target) };
}

async function sqliteBackup(dataDir: string, out: string): Promise<void> {
  const source = sqliteFile(dataDir);
  if (!fs.existsSync(source)) throw new BackupError(`找不到数据库文件：${source}`, `No database file at ${source}`);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    await db.backup(out);
  } finally {
    db.close();
  }
  const copy = new SQLite(out, { readonly: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`备份校验失败：${check}`, `The backup failed its integrity check: ${check}`);
  } finally {
    copy.close();
  }
}

export function backupNotes(target: BackupTarget): string[] {
  const notes: string[] = [];
  const keyFile = path.join(target.dataDir, 'encryption.key');
  if (target.encryptionKey) {
    notes.push('加密密钥来自 GONGHUI_ENCRYPTION_KEY，不在备份中：请另行妥善保存，恢复时必须使用同一个密钥。');
    notes.push('The encryption key comes from GONGHUI_ENCRYPTION_KEY and is not in the backup: keep it separately; a restore needs the same key.');
  } else {
    notes.push(`加密密钥在 ${keyFile}，不在备份中：请另行保存一份（与备份分开存放），没有它备份中的身份证号和手机号无法读取。`);
    notes.push(`The encryption key is ${keyFile} and is not in the backup: keep a copy of it, apart from the backup; without it the backup's ID numbers and phones cannot be read.`);
  }
  if (target.fileStore === 'database') {
    notes.push('上传的文件保存在数据库中（GONGHUI_FILE_STORE=database），已包含在本备份里。');
    notes.push('Uploaded files are kept in the database (GONGHUI_FILE_STORE=database): they are in this backup.');
    return notes;
  }
  const uploads = (fs.existsSync(target.dataDir) ? fs.readdirSync(target.dataDir, { withFileTypes: true }) : [])
    .filter((d) => d.isDirectory() && !NOT_UPLOADS.test(d.name))
    .map((d) => path.join(target.dataDir, d.name))
    .sort();
  if (uploads.length) {
    notes.push(`上传的文件不在备份中，请一并复制：${uploads.join('、')}`);
    notes.push(`Uploaded files are not in the backup; copy them too: ${uploads.join(', ')}`);
  }
  return notes;
}

// ---------- restore ----------

/**
 * Restores a backup into the configured database. Refuses: a backup of the other engine, a
 * missing encryption key, an existing database without `force`, and a database another process
 * (a running server) has open. The restored database is checked, migrated to the latest schema
 * and its personal data test-decrypted with the configured key.
 */
export async function restoreDatabase(target: BackupTarget, file: string, opts: { force?: boolean } = {}): Promise<RestoreReport> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`找不到备份文件：${source}`, `No backup file at ${source}`);
  const kind = backupKind(source);
  if (kind === null) throw new BackupError(`${source} 不是 gonghui 的备份（既不是 SQLite 数据库，也不是 pg_dump -Fc 文件）`, `${source} is not a gonghui backup (neither a SQLite database nor a pg_dump -Fc archive)`);
  const engine: Engine = target.databaseUrl ? 'postgres' : 'sqlite';
  if (kind !== engine) {
    throw kind === 'sqlite'
      ? new BackupError('这是内置 SQLite 数据库的备份：请取消 DATABASE_URL 后恢复到数据目录', 'This is a backup of the embedded SQLite database: unset DATABASE_URL to restore it into the data directory')
      : new BackupError('这是 PostgreSQL 的备份（pg_dump）：请设置 DATABASE_URL 指向要恢复到的数据库', 'This is a PostgreSQL backup (pg_dump): set DATABASE_URL to the database to restore it into');
  }
  return engine === 'sqlite' ? restoreSqlite(target, source, !!opts.force) : restorePostgres(target, source, !!opts.force);
}

function backupKind(file: string): Engine | null {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === SQLITE_MAGIC) return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === PG_DUMP_MAGIC) return 'postgres';
  return null;
}

/** The key the server would use, without generating one: a new key would make the restore unreadable. */
function existingKey(target: BackupTarget): string {
  if (target.encryptionKey) return target.encryptionKey;
  const file = path.join(target.dataDir, 'encryption.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  throw new BackupError(
    `恢复需要备份时使用的加密密钥：请设置 GONGHUI_ENCRYPTION_KEY，或把原来的 encryption.key 放到 ${file}`,
    `A restore needs the encryption key the backup was made with: set GONGHUI_ENCRYPTION_KEY, or put the original encryption.key at ${file}`,
  );
}

async function restoreSqlite(target: BackupTarget, source: string, force: boolean): Promise<RestoreReport> {
  const dataDir = target.dataDir;
  const live = sqliteFile(dataDir);
  if (fs.existsSync(live) && !force) {
    throw new BackupError(`${live} 已有数据库；确认要用备份覆盖它时请加 --force`, `A database already exists at ${live}; add --force to replace it with the backup`);
  }
  const key = existingKey(target);
  fs.mkdirSync(dataDir, { recursive: true });
  // Checked and migrated as a copy beside the live file, then swapped in with one rename: a
  // refused or failed restore leaves the current database as it was.
  const staging = `${live}.restoring`;
  removeSqlite(staging);
  fs.copyFileSync(source, staging);
  try {
    const database = openSqliteFile(staging);
    let report: RestoreReport;
    try {
      const check = (await sql<{ quick_check: string }>`pragma quick_check`.execute(database.db)).rows[0]?.quick_check;
      if (check !== 'ok') throw new BackupError(`备份文件已损坏：${check}`, `The backup is damaged: ${check}`);
      await checkKey(database.db, 'sqlite', key);
      const migrated = await migrateToLatest(database.db);
      report = { engine: 'sqlite', tables: (await listTables(database.db, 'sqlite')).length, migrated };
    } finally {
      await database.close();
    }
    if (fs.existsSync(live)) refuseIfInUse(live);
    removeSqlite(live, ['-wal', '-shm']);
    fs.renameSync(staging, live);
    return report;
  } finally {
    removeSqlite(staging);
  }
}

function removeSqlite(file: string, suffixes = ['', '-wal', '-shm', '-journal']) {
  for (const s of suffixes) fs.rmSync(`${file}${s}`, { force: true });
}

/**
 * Leaving WAL mode needs the only connection to the file: SQLite refuses while a running server
 * holds it open, which is exactly when replacing the file would lose that server's writes.
 */
function refuseIfInUse(file: string) {
  const probe = new SQLite(file, { fileMustExist: true, timeout: 1000 });
  let mode: unknown;
  try {
    mode = probe.pragma('journal_mode = DELETE', { simple: true });
  } catch {
    mode = 'busy';
  } finally {
    probe.close();
  }
  if (mode !== 'delete') {
    throw new BackupError(`数据库 ${file} 正被其他进程使用（服务器还在运行？）：请先停止服务器再恢复`, `The database ${file} is open in another process (is the server running?): stop the server before restoring`);
  }
}

async function restorePostgres(target: BackupTarget, source: string, force: boolean): Promise<RestoreReport> {
  const url = target.databaseUrl!;
  requireTool('pg_restore');
  await withClient(url, async (client) => {
    const tables = await client.query("select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'");
    if (tables.rows[0].n > 0 && !force) {
      throw new BackupError(`目标数据库已有 ${tables.rows[0].n} 张表；确认要用备份覆盖时请加 --force`, `The target database already has ${tables.rows[0].n} tables; add --force to replace them with the backup`);
    }
    const others = await client.query('select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    if (others.rows[0].n > 0) {
      throw new BackupError(
        `目标数据库还有 ${others.rows[0].n} 个其他连接（服务器还在运行？）：请先停止服务器再恢复`,
        `The target database has ${others.rows[0].n} other connection(s) (is the server running?): stop the server before restoring`,
      );
    }
  });
  const key = existingKey(target);
  // One transaction: pg_restore either restores everything or leaves the database as it was.
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...(force ? ['--clean', '--if-exists'] : [])];
  // pg_restore --clean cannot drop pg-boss's per-queue partitions (their primary keys belong to
  // the partitioned job table), so the job queue being replaced is renamed out of the way first,
  // dropped once the backup's is in, and put back if the restore fails.
  const queue = force ? await setJobQueueAside(url) : null;
  try {
    await runTool('pg_restore', [...args, '--dbname', withoutPassword(url), source], url);
  } catch (err) {
    await queue?.putBack();
    throw err;
  }
  await queue?.drop();
  const database = openDatabase({ databaseUrl: url, dataDir: '.', poolSize: 1 });
  try {
    await checkKey(database.db, 'postgres', key);
    const migrated = await migrateToLatest(database.db);
    return { engine: 'postgres', tables: (await listTables(database.db, 'postgres')).length, migrated };
  } finally {
    await database.close();
  }
}

/** Renames the target's `pgboss` schema (if any) to `pgboss_replaced` while a forced restore runs. */
async function setJobQueueAside(url: string): Promise<{ putBack(): Promise<void>; drop(): Promise<void> } | null> {
  const present = await withClient(url, async (client) => {
    const found = await client.query("select 1 from pg_namespace where nspname = 'pgboss'");
    if (found.rowCount === 0) return false;
    // Left by a restore that died between the rename and the drop: the restored database's queue is the one in use.
    await client.query('drop schema if exists pgboss_replaced cascade');
    await client.query('alter schema pgboss rename to pgboss_replaced');
    return true;
  });
  if (!present) return null;
  return {
    putBack: () => withClient(url, async (client) => void (await client.query('alter schema pgboss_replaced rename to pgboss'))),
    drop: () => withClient(url, async (client) => void (await client.query('drop schema pgboss_replaced cascade'))),
  };
}

// ---------- catalog ----------

/** Columns holding ciphertext (`*_enc`), found in the catalog so new ones are checked too. */
async function encryptedColumns(db: Db, engine: Engine): Promise<{ table: string; column: string }[]> {
  if (engine === 'postgres') {
    const rows = await sql<{ table: string; column: string }>`select table_name as "table", column_name as "column" from information_schema.columns where table_schema = current_schema() and right(column_name, 4) = '_enc'`.execute(db);
    return rows.rows;
  }
  const found: { table: string; column: string }[] = [];
  for (const table of await listTables(db, engine)) {
    const cols = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
    for (const c of cols.rows) if (c.name.endsWith('_enc')) found.push({ table, column: c.name });
  }
  return found;
}

/** Decrypts one stored value per encrypted column: a wrong key fails here, not on a cadre's screen. */
async function checkKey(db: Db, engine: Engine, key: string): Promise<void> {
  const pii = createPii(key);
  for (const { table, column } of await encryptedColumns(db, engine)) {
    const row = await sql<{ v: string }>`select ${sql.ref(column)} as v from ${sql.table(table)} where ${sql.ref(column)} is not null limit 1`.execute(db);
    const value = row.rows[0]?.v;
    if (value === undefined) continue;
    try {
      pii.decrypt(value);
    } catch {
      throw new BackupError(
        `配置的加密密钥解不开备份中的个人信息（${table}.${column}）：请使用备份所在服务器的密钥（GONGHUI_ENCRYPTION_KEY 或其 encryption.key）`,
        `The configured encryption key cannot decrypt the backup's personal data (${table}.${column}): use the key of the server the backup came from (GONGHUI_ENCRYPTION_KEY or its encryption.key)`,
      );
    }
  }
}

// ---------- PostgreSQL client tools ----------

function requireTool(tool: 'pg_dump' | 'pg_restore'): number {
  const res = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (res.error || res.status !== 0) {
    throw new BackupError(
      `找不到 ${tool}：请安装与服务器主版本相同的 PostgreSQL 客户端工具（Debian：apt-get install postgresql-client）`,
      `${tool} is not on PATH: install the PostgreSQL client tools of the server's major version (Debian: apt-get install postgresql-client)`,
    );
  }
  return Number(/(\d+)(?:\.\d+)?/.exec(res.stdout)?.[1] ?? 0);
}

async function pgDump(url: string, out: string): Promise<void> {
  const toolMajor = requireTool('pg_dump');
  const serverMajor = await withClient(url, async (c) => Math.floor(Number((await c.query('show server_version_num')).rows[0].server_version_num) / 10000));
  // pg_dump refuses a newer server; say which versions and what to install instead of its terse abort.
  if (toolMajor < serverMajor) {
    throw new BackupError(
      `pg_dump 版本（${toolMajor}）低于数据库服务器（${serverMajor}）：请安装 PostgreSQL ${serverMajor} 的客户端工具`,
      `pg_dump is version ${toolMajor} but the server is ${serverMajor}: install the PostgreSQL ${serverMajor} client tools`,
    );
  }
  await runTool('pg_dump', ['--format=custom', '--file', out, '--dbname', withoutPassword(url)], url);
}

/** The password travels in PGPASSWORD, never on the command line where `ps` would show it. */
function withoutPassword(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

function runTool(tool: string, args: string[], url: string): Promise<void> {
  const password = decodeURIComponent(new URL(url).password);
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${tool} 失败（退出码 ${code}）：${stderr.trim()}`, `${tool} failed (exit code ${code}): ${stderr.trim()}`));
    });
  });
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new BackupError(`连不上 PostgreSQL：${(err as Error).message}`, `Cannot connect to PostgreSQL: ${(err as Error).message}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
