import pg from 'pg';
import { Kysely, PostgresDialect, sql, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { openSqliteReaders } from '../db/sqlite-readers.ts';
import type { DB } from '../db/schema.ts';
import type { Caller, Deps, ReadRouting } from './context.ts';

/**
 * Read routing to a streaming replica (`DATABASE_REPLICA_URL`, PostgreSQL only; docs/architecture.md
 * "Read replica"), or on the embedded database to its read pool (`sqliteReadRouting`). Services read what may lag a little — lists, statistics, the data screen, exports —
 * through `readDb(deps, caller)`; everything else, and every write, stays on `deps.db`.
 *
 * Read-your-writes: every request that may have written (any method but GET/HEAD/OPTIONS) answers
 * with a cookie holding the primary's WAL position after it (`pg_current_wal_insert_lsn()`). A later GET
 * of that browser reads from the replica only once the replica has replayed that far
 * (`pg_last_wal_replay_lsn()`, asked at most every REPLAY_CACHE_MS); until then it reads from the
 * primary. A request that writes reads from the primary throughout. The cookie is not signed: it
 * only chooses between two copies of data the caller may read anyway; a forged one can only make
 * the caller's own reads staler or send them to the primary, which any client may cause by writing.
 *
 * A replica that cannot be reached or fails a query is never an error to the user: the query runs
 * again on the primary, and the replica is left alone for REPLICA_RETRY_MS before it is tried again.
 */

export const LSN_COOKIE = 'gh_lsn';
/** How long the replica's replay position is believed before it is asked again. */
export const REPLAY_CACHE_MS = 5;
/** How long a replica that failed is left alone. */
export const REPLICA_RETRY_MS = 5_000;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LSN_SHAPE = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/** A WAL position as PostgreSQL prints it (`16/B374D848`) as a number; null when it is not one. */
export function parseLsn(text: string | null | undefined): bigint | null {
  if (!text || !LSN_SHAPE.test(text)) return null;
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/**
 * The routing rule, on its own so it can be tested: a read goes to the replica when the replica is
 * up and has replayed at least up to the caller's last write (`required`; null when the caller
 * wrote nothing we know of).
 */
export function readsFromReplica(state: { up: boolean; required: bigint | null; replayed: bigint | null }): boolean {
  if (!state.up) return false;
  if (state.required === null) return true;
  return state.replayed !== null && state.replayed >= state.required;
}

interface Log {
  warn(obj: object, msg: string): void;
  info(msg: string): void;
}

/** Errors that say the replica itself is unwell (not the query): connection, shutdown, resources. */
function replicaUnwell(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return code.startsWith('08') || code.startsWith('57') || code.startsWith('53') || code.startsWith('58');
}

export function openReadRouting(url: string, primary: Db, log: Log): ReadRouting {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 2_000, application_name: 'gonghui-replica', options: '-c jit=off' });
  // An idle connection the replica dropped must not crash the process.
  pool.on('error', (err) => failed(err));
  let downUntil = 0;
  let replay: { at: number; lsn: Promise<bigint | null> } | null = null;
  const stats = { replicaQueries: 0, fallbacks: 0 };

  function failed(err: unknown) {
    if (!replicaUnwell(err)) return;
    if (Date.now() >= downUntil) log.warn({ err }, `read replica unavailable; reading from the primary, retrying in ${REPLICA_RETRY_MS / 1000} s`);
    downUntil = Date.now() + REPLICA_RETRY_MS;
    replay = null;
  }
  const up = () => Date.now() >= downUntil;

  async function askReplay(): Promise<bigint | null> {
    const { rows } = await pool.query<{ lsn: string | null }>(
      // A server that is not in recovery (a primary given as replica: tests, a promoted standby) is current.
      'select (case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_insert_lsn() end)::text as lsn',
    );
    return parseLsn(rows[0]?.lsn);
  }
  function replayed(): Promise<bigint | null> {
    const now = Date.now();
    if (!replay || now - replay.at > REPLAY_CACHE_MS) {
      const lsn = askReplay().catch((err) => {
        failed(err);
        return null;
      });
      replay = { at: now, lsn };
    }
    return replay.lsn;
  }

  const hooks: FallbackHooks = {
    usable: up,
    failed,
    answered: () => void stats.replicaQueries++,
    fallback: (query) => {
      stats.fallbacks++;
      return primary.executeQuery(query);
    },
  };
  const db = new Kysely<DB>({ dialect: new ReplicaDialect(pool, hooks) });
  return {
    db,
    stats,
    position: () => primaryLsn(primary),
    async choose(required) {
      if (!up()) return 'primary';
      const lsn = required === null ? null : await replayed();
      return readsFromReplica({ up: up(), required, replayed: lsn }) ? 'replica' : 'primary';
    },
    close: () => db.destroy(),
  };
}

interface FallbackHooks {
  usable(): boolean;
  failed(err: unknown): void;
  answered(): void;
  fallback<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

class ReplicaDialect extends PostgresDialect {
  constructor(
    pool: pg.Pool,
    private readonly hooks: FallbackHooks,
  ) {
    super({ pool });
  }
  override createDriver(): Driver {
    return new FallbackDriver(super.createDriver(), this.hooks);
  }
}

/** The replica's driver: a connection that cannot be had, or a query that fails, runs on the primary. */
class FallbackDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly hooks: FallbackHooks,
  ) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.hooks.usable()) return new FallbackConnection(null, this.hooks);
    try {
      return new FallbackConnection(await this.inner.acquireConnection(), this.hooks);
    } catch (err) {
      this.hooks.failed(err);
      return new FallbackConnection(null, this.hooks);
    }
  }
  async beginTransaction(): Promise<void> {
    throw new Error('readDb is for single reads: run transactions on deps.db');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const inner = (connection as FallbackConnection).inner;
    if (inner) await this.inner.releaseConnection(inner);
  }
  destroy() {
    return this.inner.destroy();
  }
}

class FallbackConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection | null,
    private readonly hooks: FallbackHooks,
  ) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inner) {
      try {
        const result = await this.inner.executeQuery<R>(query);
        this.hooks.answered();
        return result;
      } catch (err) {
        // Reads are safe to run twice; a query the primary refuses too fails with the primary's error.
        this.hooks.failed(err);
      }
    }
    return this.hooks.fallback(query as CompiledQuery<R>);
  }
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

/**
 * The embedded database's read pool as a read routing: it never lags (WAL readers see each commit
 * at once), so every GET of a logged-in caller may read there and no position is handed over.
 */
export function sqliteReadRouting(file: string, size: number, primary: Db): ReadRouting {
  const readers = openSqliteReaders(file, size, primary);
  return { db: readers.db, stats: readers.stats, choose: async () => 'replica', close: readers.close };
}

/** The database a caller's lag-tolerant reads go to (see the top of this file). */
export function readDb(deps: Deps, caller: Caller): Db {
  return caller.readsFrom === 'replica' && deps.reads ? deps.reads.db : deps.db;
}

/**
 * The primary's WAL position now, as PostgreSQL prints it: the insert position, which lies past
 * every commit record already made. (`pg_current_wal_lsn()` is the *write* position: with
 * `synchronous_commit = off` a commit's record can still sit in the WAL buffers behind it, and a
 * replica that replayed up to it would not yet show the write. The cluster test caught this.)
 */
async function primaryLsn(db: Db): Promise<string> {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(db);
  return rows[0].lsn;
}

/**
 * Chooses each GET's reader (after the access layer loaded the caller), and after every other
 * request hands the browser the primary's WAL position to read after.
 */
export function installReadRouting(app: FastifyInstance, routing: ReadRouting): void {
  app.addHook('onRequest', async (req) => {
    if (!req.routeOptions.config?.access || !SAFE_METHODS.has(req.method)) return;
    const required = parseLsn(req.cookies?.[LSN_COOKIE]);
    if ((await routing.choose(required)) === 'replica') req.caller.readsFrom = 'replica';
  });
  const position = routing.position;
  if (!position) return;
  app.addHook('onSend', async (req, reply) => {
    if (!req.routeOptions.config?.access || SAFE_METHODS.has(req.method)) return;
    const lsn = await position();
    reply.setCookie(LSN_COOKIE, lsn, {
      httpOnly: true,
      sameSite: 'lax',
      secure: app.deps.config.secureCookies,
      path: '/',
      maxAge: app.deps.config.sessionHours * 3600,
    });
  });
}

/** Deps whose `db` is the caller's reader, for code that takes deps and only reads (the data screen's sections). */
export function readingDeps(deps: Deps, caller: Caller): Deps {
  const db = readDb(deps, caller);
  return db === deps.db ? deps : { ...deps, db };
}
