import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { Kysely, SqliteDialect, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { STATEMENT_CACHE, type Db } from './database.ts';
import type { DB } from './schema.ts';

/**
 * The embedded database's read pool (GONGHUI_SQLITE_READERS, docs/architecture.md "Read replica"; off by default):
 * a few read-only connections to the same file, each on a worker thread of its own. better-sqlite3
 * runs a query synchronously on the thread that asks, so connections on the server's own thread
 * would still answer one at a time; on workers, a slow read (a county's statistics, a name search,
 * an export) holds one worker while the server goes on answering with the others and its own
 * connection. In WAL mode every reader sees each commit as soon as it is made, so a read after a
 * write (the same request or the next) sees it. Writes stay on the one writer connection
 * (`deps.db`): a write sent here fails.
 *
 * A query waits for a free worker in arrival order. A worker that dies takes no query with it: its
 * query runs again on the writer's connection and a new worker takes its place.
 */
export interface SqliteReaders {
  db: Db;
  stats: { replicaQueries: number; fallbacks: number };
  close(): Promise<void>;
}

interface Job {
  sql: string;
  parameters: readonly unknown[];
  resolve(rows: unknown[]): void;
  reject(err: unknown): void;
}

interface Reader {
  worker: Worker;
  job: Job | null;
  answered: boolean;
}

const MAX_FAILED_STARTS = 3;

const workerFile = new URL('./sqlite-reader-worker.cjs', import.meta.url);
const driverModule = createRequire(import.meta.url).resolve('better-sqlite3');

export function openSqliteReaders(file: string, size: number, primary: Db): SqliteReaders {
  const all = new Set<Reader>();
  const idle: Reader[] = [];
  const waiting: Job[] = [];
  const stats = { replicaQueries: 0, fallbacks: 0 };
  let closed = false;
  let failedStarts = 0;

  function spawn(): void {
    const reader: Reader = {
      worker: new Worker(workerFile, {
        workerData: { file, driver: driverModule, cacheSize: STATEMENT_CACHE.size, maxSqlLength: STATEMENT_CACHE.maxSqlLength },
      }),
      job: null,
      answered: false,
    };
    all.add(reader);
    // The server's exit never waits for its readers.
    reader.worker.unref();
    reader.worker.on('message', (answer: { rows?: unknown[]; error?: { message: string; code?: string } }) => {
      const job = reader.job!;
      reader.job = null;
      reader.answered = true;
      failedStarts = 0;
      next(reader);
      if (answer.error) job.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
      else {
        stats.replicaQueries++;
        job.resolve(answer.rows!.map(withBuffers));
      }
    });
    const lost = (err: unknown) => {
      const job = reader.job;
      reader.job = null;
      const at = idle.indexOf(reader);
      if (at >= 0) idle.splice(at, 1);
      all.delete(reader);
      reader.worker.removeAllListeners();
      reader.worker.on('error', () => {});
      if (job) onPrimary(job, err);
      // A reader that never answered could not open the file: replacing it would fail the same
      // way, so after a few such failures every read goes to the writer's connection.
      if (!reader.answered && ++failedStarts >= MAX_FAILED_STARTS) {
        closed = true;
        for (const queued of waiting.splice(0)) onPrimary(queued, err);
        return;
      }
      if (!closed) spawn();
    };
    reader.worker.on('error', lost);
    reader.worker.on('exit', (code) => lost(new Error(`a SQLite reader stopped (exit ${code})`)));
    next(reader);
  }

  function next(reader: Reader): void {
    const job = waiting.shift();
    if (!job) {
      idle.push(reader);
      return;
    }
    reader.job = job;
    reader.worker.postMessage({ sql: job.sql, parameters: job.parameters });
  }

  function onPrimary(job: Job, _cause: unknown): void {
    stats.fallbacks++;
    primary
      .executeQuery({ sql: job.sql, parameters: job.parameters } as CompiledQuery)
      .then((result) => job.resolve(result.rows), job.reject);
  }

  function run(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const job: Job = { sql, parameters, resolve, reject };
      if (closed) return onPrimary(job, null);
      const reader = idle.pop();
      if (!reader) return void waiting.push(job);
      reader.job = job;
      reader.worker.postMessage({ sql, parameters });
    });
  }

  for (let i = 0; i < size; i++) spawn();

  const db = new Kysely<DB>({ dialect: new ReadersDialect(run) });
  return {
    db,
    stats,
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) onPrimary(job, null);
      const readers = [...all];
      all.clear();
      idle.length = 0;
      await Promise.all(
        readers.map((reader) => {
          reader.worker.removeAllListeners();
          if (reader.job) onPrimary(reader.job, null);
          reader.job = null;
          return reader.worker.terminate();
        }),
      );
      await db.destroy();
    },
  };
}

/** Blobs cross threads as plain Uint8Arrays; the app reads them as Buffers, as its own connection returns them. */
function withBuffers(row: unknown): unknown {
  const record = row as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) record[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return record;
}

type Run = (sql: string, parameters: readonly unknown[]) => Promise<unknown[]>;

class ReadersDialect extends SqliteDialect {
  constructor(private readonly run: Run) {
    // Never opened: the driver below sends every query to the workers.
    super({ database: async () => Promise.reject(new Error('unused')) });
  }
  override createDriver(): Driver {
    return new ReadersDriver(this.run);
  }
}

class ReadersDriver implements Driver {
  private readonly connection: DatabaseConnection;
  constructor(run: Run) {
    this.connection = {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        return { rows: (await run(query.sql, query.parameters)) as R[] };
      },
      async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
        yield { rows: (await run(query.sql, query.parameters)) as R[] };
      },
    };
  }
  async init(): Promise<void> {}
  // Every query goes to whichever worker is free: there is no connection to hold.
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('readDb is for single reads: run transactions on deps.db');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}
