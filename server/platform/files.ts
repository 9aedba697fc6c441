import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Db, Tx } from '../db/database.ts';

/**
 * The one place uploaded files are kept and read back (docs/architecture.md, "Files"). A file is
 * known by its key, `<module folder>/<name>` (`evidence/12/<uuid>`, `articles/<uuid>.png`): the
 * path it has under the data directory in the `local` store, the row it has in the `database`
 * store (GONGHUI_FILE_STORE). Files come in through platform/uploads.ts, which spools them to
 * local disk (`spoolDir`), checks them, and only then are they `put` here — usually with
 * `keepUpload`, which ties the file to the transaction writing its rows.
 *
 * - `local`: the data directory, as it always was. One server, or several sharing one mount.
 * - `database`: the `stored_files` table and its 1 MB chunks, so that every server of one
 *   PostgreSQL primary sees every file, and a file is in the database's backup. Written and read a
 *   chunk at a time: a 200 MB video is never held in memory whole.
 */
export interface FileStore {
  readonly kind: FileStoreKind;
  /**
   * Moves the spooled file `spool` (on local disk) into the store under `key`, replacing what was
   * there; the spool is gone afterwards. Given `tx`, the database store writes in that
   * transaction, so a rollback leaves nothing; the local store moves the file at once (undo with
   * `remove`, as `keepUpload` does).
   */
  put(key: string, spool: string, tx?: Tx): Promise<void>;
  /** The file as a stream, or null when there is none. */
  open(key: string): Promise<Readable | null>;
  /** The whole file in memory (small files only), or null. */
  read(key: string): Promise<Buffer | null>;
  /** The size in bytes, or null when there is no such file. */
  size(key: string): Promise<number | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the file if there is one. */
  remove(key: string, tx?: Tx): Promise<void>;
  /** The keys in the folder `prefix` (`evidence/12/`, ending in `/`) and its subfolders, sorted. */
  list(prefix: string): Promise<string[]>;
  /** Removes the files in the folder `prefix` stored longer ago than `maxAgeMs`; returns how many. */
  removeOlderThan(prefix: string, maxAgeMs: number): Promise<number>;
}

export type FileStoreKind = 'local' | 'database';

/** The size of one chunk of the database store. */
export const CHUNK_BYTES = 1024 * 1024;

/** Where uploads are spooled (and checked) before they are put into the store: local disk, always. */
export const spoolDir = (dataDir: string) => path.join(dataDir, 'tmp');

/** Removes the files under `dir` (and its folders) untouched for longer than `maxAgeMs`; returns how many. */
export function removeFilesOlderThan(dir: string, maxAgeMs: number): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile() && Date.now() - stat.mtimeMs > maxAgeMs) {
      fs.rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*(\/[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*)*$/;

/** Keys are made by the modules from random names: anything else (a `..`, an absolute path) is a bug. */
function checkKey(key: string): string {
  if (key.length > 300 || !KEY.test(key)) throw new Error(`not a file store key: ${JSON.stringify(key)}`);
  return key;
}

/** A folder of keys: a key's leading part, ending in `/`. */
function checkFolder(prefix: string): string {
  if (!prefix.endsWith('/')) throw new Error(`not a file store folder: ${JSON.stringify(prefix)}`);
  checkKey(prefix.slice(0, -1));
  return prefix;
}

export function createFileStore(kind: FileStoreKind, opts: { dataDir: string; db: Db }): FileStore {
  return kind === 'database' ? databaseStore(opts.db) : localStore(opts.dataDir);
}

// ---------- local ----------

function localStore(dataDir: string): FileStore {
  const at = (key: string) => path.join(dataDir, checkKey(key));
  const store: FileStore = {
    kind: 'local',
    async put(key, spool) {
      const target = at(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      try {
        await fs.promises.rename(spool, target);
      } catch (err) {
        // The spool folder on another file system than the data directory: copy, then drop the spool.
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
        await fs.promises.copyFile(spool, target);
        await fs.promises.rm(spool, { force: true });
      }
    },
    async open(key) {
      const file = at(key);
      if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return null;
      return fs.createReadStream(file);
    },
    async read(key) {
      const file = at(key);
      return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? fs.promises.readFile(file) : null;
    },
    async size(key) {
      const stat = fs.statSync(at(key), { throwIfNoEntry: false });
      return stat?.isFile() ? stat.size : null;
    },
    async exists(key) {
      return (await store.size(key)) !== null;
    },
    async remove(key) {
      await fs.promises.rm(at(key), { force: true });
    },
    async list(prefix) {
      const root = path.join(dataDir, checkFolder(prefix));
      if (!fs.existsSync(root)) return [];
      return (fs.readdirSync(root, { recursive: true }) as string[])
        .filter((name) => fs.statSync(path.join(root, name)).isFile())
        .map((name) => prefix + name.split(path.sep).join('/'))
        .sort();
    },
    async removeOlderThan(prefix, maxAgeMs) {
      return removeFilesOlderThan(path.join(dataDir, checkFolder(prefix)), maxAgeMs);
    },
  };
  return store;
}

// ---------- database ----------

/** The spooled file in chunks of exactly CHUNK_BYTES (the last one shorter). */
async function* chunksOf(file: string): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const piece of fs.createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    pending.push(piece);
    length += piece.length;
    while (length >= CHUNK_BYTES) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, CHUNK_BYTES);
      pending = [all.subarray(CHUNK_BYTES)];
      length = pending[0].length;
    }
  }
  if (length) yield Buffer.concat(pending);
}

function databaseStore(db: Db): FileStore {
  async function write(tx: Tx, key: string, spool: string) {
    await tx.deleteFrom('stored_files').where('key', '=', key).execute();
    const { size } = await fs.promises.stat(spool);
    const chunks = Math.ceil(size / CHUNK_BYTES);
    await tx.insertInto('stored_files').values({ key, size, chunks, created_at: new Date().toISOString() }).execute();
    let seq = 0;
    for await (const data of chunksOf(spool)) await tx.insertInto('stored_file_chunks').values({ key, seq: seq++, data }).execute();
    if (seq !== chunks) throw new Error(`file store: ${spool} changed while it was stored`);
  }
  const head = (key: string) => db.selectFrom('stored_files').select(['size', 'chunks']).where('key', '=', checkKey(key)).executeTakeFirst();
  const chunk = async (key: string, seq: number) => {
    const row = await db.selectFrom('stored_file_chunks').select('data').where('key', '=', key).where('seq', '=', seq).executeTakeFirst();
    if (!row) throw new Error(`file store: ${key} lost its chunk ${seq} while it was read`);
    return Buffer.from(row.data);
  };
  const store: FileStore = {
    kind: 'database',
    async put(key, spool, tx) {
      checkKey(key);
      if (tx) await write(tx, key, spool);
      else await db.transaction().execute((t) => write(t, key, spool));
      await fs.promises.rm(spool, { force: true });
    },
    async open(key) {
      const h = await head(key);
      if (!h) return null;
      // One chunk a query, asked for when the reader wants more: a slow download holds no connection.
      async function* chunks() {
        for (let seq = 0; seq < h!.chunks; seq++) yield await chunk(key, seq);
      }
      return Readable.from(chunks(), { objectMode: false });
    },
    async read(key) {
      const h = await head(key);
      if (!h) return null;
      const parts: Buffer[] = [];
      for (let seq = 0; seq < h.chunks; seq++) parts.push(await chunk(key, seq));
      return Buffer.concat(parts);
    },
    async size(key) {
      const h = await head(key);
      return h ? Number(h.size) : null;
    },
    async exists(key) {
      return (await head(key)) !== undefined;
    },
    async remove(key, tx) {
      await (tx ?? db).deleteFrom('stored_files').where('key', '=', checkKey(key)).execute();
    },
    async list(prefix) {
      const rows = await db
        .selectFrom('stored_files')
        .select('key')
        .where((eb) => eb(eb.fn('substr', ['key', eb.val(1), eb.val(checkFolder(prefix).length)]), '=', prefix))
        .orderBy('key')
        .execute();
      return rows.map((r) => r.key);
    },
    async removeOlderThan(prefix, maxAgeMs) {
      const before = new Date(Date.now() - maxAgeMs).toISOString();
      const gone = await db
        .deleteFrom('stored_files')
        .where((eb) => eb(eb.fn('substr', ['key', eb.val(1), eb.val(checkFolder(prefix).length)]), '=', prefix))
        .where('created_at', '<', before)
        .executeTakeFirst();
      return Number(gone.numDeletedRows);
    },
  };
  return store;
}

// ---------- keeping an upload ----------

/**
 * The usual way to keep a checked upload: in one transaction `work` writes the rows (and may
 * refuse), then the spooled file is put under `key`. Whatever fails — `work`, the put, the commit
 * — neither the rows nor the file remain, and the spool is removed in every case.
 *
 *   const { stored } = await receiveFile(parts, spoolDir(deps.config.dataDir), { maxBytes, allowed });
 *   const key = `wishes/${storeName(stored!)}`;
 *   return keepUpload(deps, stored!.file, key, async (tx) => { ...insert the row naming key...; return view; });
 */
export async function keepUpload<T>(deps: { db: Db; files: FileStore }, spool: string, key: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return keepUploads(deps, [{ spool, key }], work);
}

/** `keepUpload` for several files at once (a photo and its thumbnail): all are kept, or none. */
export async function keepUploads<T>(deps: { db: Db; files: FileStore }, files: { spool: string; key: string }[], work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const result = await work(tx);
      for (const f of files) await deps.files.put(f.key, f.spool, tx);
      return result;
    });
  } catch (err) {
    // The local store moved the files before a commit that then failed (the database store's rows
    // went with the rollback: this finds nothing there).
    for (const f of files) await deps.files.remove(f.key).catch(() => {});
    throw err;
  } finally {
    for (const f of files) await fs.promises.rm(f.spool, { force: true });
  }
}
