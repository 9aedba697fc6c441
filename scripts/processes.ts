import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Child processes of the real server for the bench and the cluster test: started with tsx from the
 * repository root, waited for until they answer, stopped gracefully.
 */
export const root = path.resolve(import.meta.dirname, '..');

/** The caller's own database settings never leak into a child: it gets exactly `env`'s. */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GONGHUI_') && !k.startsWith('DATABASE_') && k !== 'PORT'));
  return { ...inherited, ...env };
}

/** Runs `script` (a path from the repository root) with tsx; stderr goes to ours. */
export const tsx = (script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: childEnv(env), stdio: ['ignore', 'ignore', 'inherit'] });

/** Polls `url` until it answers 2xx; fails at once when `child` exits. */
export async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode ?? child.signalCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Stops `child` with `signal` (SIGTERM: the server's graceful shutdown) and waits for its exit. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}
