import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../db/database.ts';
import { testEngine } from './harness.ts';
import { quoteIdent, urlFor, withAdminClient } from './postgres.ts';

/**
 * An empty database of the engine under test, for tests that run the real command line or
 * server as a child process (backup/restore, crash recovery): a temporary data directory and, on
 * PostgreSQL, a database of its own named like the harness's (gh_test_<pid>_…), so the global
 * setup clears it if this run dies. `drop()` removes both.
 */
export interface Scratch {
  dataDir: string;
  databaseUrl?: string;
  /** The environment a child process needs to use this database (and nothing of the parent's). */
  env: Record<string, string>;
  open(): Database;
  drop(): Promise<void>;
}

export const SCRATCH_KEY = 'c3'.repeat(32);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let sequence = 0;

export async function scratchDatabase(opts: { key?: string } = {}): Promise<Scratch> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-scratch-'));
  let databaseUrl: string | undefined;
  let name: string | undefined;
  if (testEngine() === 'postgres') {
    name = `gh_test_${process.pid}_s${++sequence}_${crypto.randomBytes(3).toString('hex')}`;
    await withAdminClient((c) => c.query(`create database ${quoteIdent(name!)}`));
    databaseUrl = urlFor(name);
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    NODE_ENV: 'test',
    GONGHUI_DATA_DIR: dataDir,
    GONGHUI_ENCRYPTION_KEY: opts.key ?? SCRATCH_KEY,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  return {
    dataDir,
    databaseUrl,
    env,
    open: () => openDatabase({ databaseUrl, dataDir, poolSize: 2 }),
    drop: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (name) await withAdminClient((c) => c.query(`drop database if exists ${quoteIdent(name!)} with (force)`));
    },
  };
}

/** `node --import tsx server/main.ts <args>` with only `env`: the command line as an operator runs it. */
export function startCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs a command to its end: exit code and everything it printed. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
