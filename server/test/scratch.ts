import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
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

// ---------- the real server as a child process, over real HTTP ----------

export interface RunningServer {
  base: string;
  pid: number;
  /** The last of what it printed, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hook runs, as when the machine or the supervisor pulls the plug. */
  kill(): Promise<void>;
  /** SIGTERM: the clean shutdown. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `serve` (or `demo`) on a free port and waits until GET /api/health answers. */
export async function startServer(env: Record<string, string>, opts: { command?: 'serve' | 'demo'; readyWithinMs?: number } = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = startCli([opts.command ?? 'serve'], { GONGHUI_LOG_LEVEL: 'warn', GONGHUI_AUTH_RATE_LIMIT: '100000', GONGHUI_AUTH_ADDRESS_RATE_LIMIT: '100000', ...env, PORT: String(port), HOST: '127.0.0.1' });
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.readyWithinMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited before it was ready:\n${output}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within ${opts.readyWithinMs ?? 120_000} ms:\n${output}`);
    }
    await pause(100);
  }
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { base, pid: child.pid!, output: () => output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

export interface HttpAnswer {
  status: number;
  body: any;
}

/** A logged-in user of a server over real HTTP: the session cookie and its CSRF token. */
export interface HttpSession {
  base: string;
  cookie: string;
  csrfToken: string;
  send(method: string, url: string, body?: unknown): Promise<HttpAnswer>;
}

export async function httpLogin(base: string, username: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gh_session='))!.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return sessionOn(base, cookie, csrfToken);
}

/** A session's cookie and token used against `base`: the same login on a restarted server. */
export function sessionOn(base: string, cookie: string, csrfToken: string): HttpSession {
  return {
    base,
    cookie,
    csrfToken,
    async send(method, url, body) {
      const headers: Record<string, string> = { cookie };
      if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const answer = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await answer.text();
      return { status: answer.status, body: text && answer.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    },
  };
}
