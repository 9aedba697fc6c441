/**
 * The floor under each read path: a bare Fastify app with no session, access check, validation or
 * response schema, which replays the exact SQL the real service ran (text and parameters, captured
 * from Kysely's query log) and answers JSON.stringify of the raw rows. autocannon against it beside
 * the real route gives the framework's share: ratio = real req/s ÷ bare req/s.
 *
 * Usage (bench/run.ts starts it): tsx bench/http.ts <queries.json>, with PORT and the app's database
 * settings (DATABASE_URL or GONGHUI_DATA_DIR) in the environment.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { loadConfig } from '../server/config.ts';
import { openDatabase, sqliteFile, type Db, type Engine } from '../server/db/database.ts';
import { createFileStore } from '../server/platform/files.ts';
import { createPii, resolveMasterKey } from '../server/platform/pii.ts';
import { createSessionCache } from '../server/platform/session-cache.ts';
import { scopeFor, type Grant, type Permission } from '../server/platform/access.ts';
import { installModules } from '../server/platform/module.ts';
import { modules } from '../server/modules/index.ts';
import type { Caller, Deps } from '../server/platform/context.ts';
import type { DB } from '../server/db/schema.ts';
import { createJobs } from '../server/platform/jobs-engine.ts';

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}
/** Scenario name → the queries its service ran, in order. */
export type Captured = Record<string, CapturedQuery[]>;

/** A Kysely instance over the app's database that records every query it runs. */
function openCapturing(env: NodeJS.ProcessEnv, log: CapturedQuery[]): { db: Db; engine: Engine } {
  const config = loadConfig(env);
  const record = (e: { query: { sql: string; parameters: readonly unknown[] } }) => void log.push({ sql: e.query.sql, parameters: e.query.parameters });
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 2 });
    return { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: record }), engine: 'postgres' };
  }
  const sqlite = new SQLite(sqliteFile(config.dataDir));
  return { db: new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log: record }), engine: 'sqlite' };
}

/** Someone the scenario acts as: their grants and the permission the real route declares. */
export interface Actor {
  userId: number;
  grants: Grant[];
  permission: Permission | null;
}

/**
 * Runs each scenario's service call once, as `actor`, and returns the SQL it ran. Session and
 * grant loading are not captured: they are the access layer the ratio is meant to weigh.
 */
export async function captureQueries(env: NodeJS.ProcessEnv, scenarios: Record<string, { actor: Actor; run: (deps: Deps, caller: Caller) => Promise<unknown> }>): Promise<Captured> {
  // The services run in-process here, without buildApp: the modules' permissions and texts first.
  installModules(modules);
  const log: CapturedQuery[] = [];
  const { db, engine } = openCapturing(env, log);
  const config = loadConfig(env);
  const deps: Deps = {
    db,
    engine,
    config,
    clock: () => new Date(),
    pii: createPii(resolveMasterKey(config.encryptionKey, config.dataDir)),
    sms: { name: 'none', usable: () => false, send: async () => {} },
    jobs: await createJobs(engine, () => deps, { warn: () => {}, error: () => {} }),
    // No listener: nothing is kept, every session is read from the database.
    sessions: createSessionCache({ db, engine, close: async () => {} }, { warn: () => {} }),
    files: createFileStore(config.fileStore, { dataDir: config.dataDir, db }),
  };
  const captured: Captured = {};
  try {
    for (const [name, { actor, run }] of Object.entries(scenarios)) {
      const caller: Caller = {
        user: { id: actor.userId, username: 'bench', displayName: 'bench', grants: actor.grants, sessionId: '', csrfToken: '' },
        scope: actor.permission ? scopeFor(actor.grants, actor.permission) : { all: false, roots: [] },
        actor: { userId: actor.userId, ip: null, now: new Date().toISOString() },
        lang: 'zh',
      };
      log.length = 0;
      await run(deps, caller);
      captured[name] = [...log];
    }
  } finally {
    await db.destroy();
  }
  return captured;
}

async function serveBare(file: string) {
  const captured = JSON.parse(fs.readFileSync(file, 'utf8')) as Captured;
  const config = loadConfig();
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const app = Fastify({ logger: false });
  for (const [name, queries] of Object.entries(captured)) {
    app.get(`/bare/${name}`, async (_req, reply) => {
      const results: unknown[] = [];
      for (const q of queries) results.push((await database.db.executeQuery(CompiledQuery.raw(q.sql, [...q.parameters]))).rows);
      reply.type('application/json').send(JSON.stringify(results));
    });
  }
  // Through the database, so an answer means the queries queued before it have run (bench/run.ts settle).
  app.get('/bare/health', async () => {
    await database.db.executeQuery(CompiledQuery.raw('select 1'));
    return { ok: true };
  });
  await app.listen({ port: config.port, host: '127.0.0.1' });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  serveBare(process.argv[2]!).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
