import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testEngine } from './harness.ts';
import { scratchDatabase, startServer, type RunningServer, type Scratch } from './scratch.ts';

/**
 * Durable jobs survive SIGKILL: the real server (`node server/main.ts serve`) in a child process
 * queues a sign-up code's text message (job `accounts.signup-code`) and is killed before its
 * worker gets to it; the server started again on the same database sends it, once. The message is
 * seen from outside, as the log SMS sender's line; no test hook in the server.
 */
const engine = testEngine();

let scratch: Scratch;
let server: RunningServer | null = null;

const start = async () => (server = await startServer({ ...scratch.env, GONGHUI_LOG_LEVEL: 'info' }));
/** How many times a server's log shows a text message to `phone` (the log sender masks it). */
const textsTo = (output: string, phone: string) => output.split(`[sms:log] to ${phone.slice(0, 3)}****${phone.slice(-4)}:`).length - 1;

/** The newest sign-up code job as the database has it, read beside the server. */
async function lastJob(): Promise<{ state: string; attempt: number } | undefined> {
  const database = scratch.open();
  try {
    const query =
      engine === 'sqlite'
        ? sql<{ state: string; attempt: number }>`select state, attempt from jobs where name = 'accounts.signup-code' order by id desc limit 1`
        : sql<{ state: string; attempt: number }>`select state, retry_count + 1 as attempt from pgboss.job where name = 'accounts.signup-code' order by created_on desc limit 1`;
    return (await query.execute(database.db)).rows[0];
  } finally {
    await database.close();
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, withinMs = 60_000) {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}\n${server?.output() ?? ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const post = (base: string, url: string, body: unknown) => fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  scratch = await scratchDatabase();
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await scratch?.drop();
});

describe(`a job outlives a SIGKILL (${engine})`, () => {
  test('a sign-up code queued just before the server is killed is texted once, by the restarted server, and signs the worker up', async () => {
    // Killed right after answering: the worker polls every second or two, so it nearly always has
    // not run the job yet. When it has, the case is tried again with another phone.
    let phone = '';
    let killed = '';
    for (let attempt = 0; ; attempt++) {
      phone = `1390000${1001 + attempt}`;
      const { base } = await start();
      expect((await post(base, '/api/auth/sms-codes', { phone })).status).toBe(204);
      await server!.kill();
      killed = server!.output();
      server = null;
      const job = await lastJob();
      if (textsTo(killed, phone) === 0 && job?.state === 'created') break;
      if (attempt === 4) throw new Error(`the worker ran the job before each of 5 kills:\n${killed}`);
    }
    // The job is in the database, waiting: the kill took nothing with it.
    expect((await lastJob())?.state).toBe('created');

    const restarted = await start();
    await waitFor('the text message', () => textsTo(restarted.output(), phone) > 0);
    await waitFor('the job completed', async () => (await lastJob())?.state === 'completed');
    expect(textsTo(killed, phone)).toBe(0);
    expect(textsTo(restarted.output(), phone)).toBe(1);
    expect(await lastJob()).toEqual({ state: 'completed', attempt: 1 });

    const code = new RegExp(`to ${phone.slice(0, 3)}\\*{4}${phone.slice(-4)}: [^0-9]*(\\d{6})`).exec(restarted.output())![1];
    expect((await post(restarted.base, '/api/auth/signup', { phone, code, password: 'Worker-Pass-2026' })).status).toBe(201);
  }, 180_000);
});
