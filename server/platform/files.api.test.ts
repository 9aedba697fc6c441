import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestApp } from '../test/harness.ts';
import { CHUNK_BYTES, createFileStore, keepUpload, spoolDir, type FileStore, type FileStoreKind } from './files.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await createTestApp({ admin: false });
});
afterAll(() => app.close());

/** A spooled file, as platform/uploads.ts leaves one, holding `data`. */
function spool(data: Buffer): string {
  const dir = spoolDir(app.deps.config.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, crypto.randomUUID());
  fs.writeFileSync(file, data);
  return file;
}

it('gives the app the store GONGHUI_FILE_STORE names (local by default)', () => {
  expect(app.deps.files.kind).toBe(process.env.GONGHUI_FILE_STORE ?? 'local');
});

describe.each<FileStoreKind>(['local', 'database'])('the %s file store', (kind) => {
  let files: FileStore;
  beforeAll(() => {
    files = createFileStore(kind, { dataDir: app.deps.config.dataDir, db: app.deps.db });
  });

  it('keeps a file under its key, reads it back, tells its size, and removes it', async () => {
    const data = Buffer.from('%PDF-1.4 工会\n');
    const file = spool(data);
    await files.put(`t-${kind}/1/a.pdf`, file);
    expect(fs.existsSync(file)).toBe(false);
    expect(await files.exists(`t-${kind}/1/a.pdf`)).toBe(true);
    expect(await files.size(`t-${kind}/1/a.pdf`)).toBe(data.length);
    expect((await files.read(`t-${kind}/1/a.pdf`))!.equals(data)).toBe(true);
    expect((await buffer((await files.open(`t-${kind}/1/a.pdf`))!)).equals(data)).toBe(true);
    expect(await files.list(`t-${kind}/`)).toEqual([`t-${kind}/1/a.pdf`]);
    await files.remove(`t-${kind}/1/a.pdf`);
    expect(await files.exists(`t-${kind}/1/a.pdf`)).toBe(false);
    expect(await files.open(`t-${kind}/1/a.pdf`)).toBeNull();
    expect(await files.read(`t-${kind}/1/a.pdf`)).toBeNull();
    expect(await files.size(`t-${kind}/1/a.pdf`)).toBeNull();
    await files.remove(`t-${kind}/1/a.pdf`);
  });

  it('streams a file of several chunks back byte for byte, and an empty one as empty', async () => {
    const data = crypto.randomBytes(3 * CHUNK_BYTES + 12345);
    await files.put(`t-${kind}/big.mp4`, spool(data));
    expect(await files.size(`t-${kind}/big.mp4`)).toBe(data.length);
    const back = await buffer((await files.open(`t-${kind}/big.mp4`))!);
    expect(back.length).toBe(data.length);
    expect(crypto.createHash('sha256').update(back).digest('hex')).toBe(crypto.createHash('sha256').update(data).digest('hex'));
    if (kind === 'database') {
      const rows = await app.deps.db.selectFrom('stored_file_chunks').select('seq').where('key', '=', `t-${kind}/big.mp4`).execute();
      expect(rows).toHaveLength(4);
    }
    await files.put(`t-${kind}/big.mp4`, spool(Buffer.alloc(0)));
    expect(await files.size(`t-${kind}/big.mp4`)).toBe(0);
    expect((await buffer((await files.open(`t-${kind}/big.mp4`))!)).length).toBe(0);
    await files.remove(`t-${kind}/big.mp4`);
  });

  it('keeps nothing, spool included, of an upload whose transaction is rolled back', async () => {
    const deps = { db: app.deps.db, files };
    const file = spool(crypto.randomBytes(CHUNK_BYTES + 1));
    await expect(
      keepUpload(deps, file, `t-${kind}/refused.jpg`, async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    // The put itself done, and the transaction failing after it.
    const late = spool(crypto.randomBytes(10));
    await expect(
      app.deps.db.transaction().execute(async (tx) => {
        await files.put(`t-${kind}/late.jpg`, late, tx);
        throw new Error('after the put');
      }),
    ).rejects.toThrow('after the put');
    if (kind === 'database') expect(await files.exists(`t-${kind}/late.jpg`)).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
    expect(await files.exists(`t-${kind}/refused.jpg`)).toBe(false);
    expect(await app.deps.db.selectFrom('stored_file_chunks').select('key').where('key', 'like', `t-${kind}/refused%`).execute()).toEqual([]);
    await files.remove(`t-${kind}/late.jpg`);
  });

  it('keeps an upload whose transaction commits, with its rows', async () => {
    const deps = { db: app.deps.db, files };
    const data = crypto.randomBytes(100);
    const got = await keepUpload(deps, spool(data), `t-${kind}/kept.png`, async (tx) => (await tx.selectFrom('stored_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(Number(got)).toBeGreaterThanOrEqual(0);
    expect((await files.read(`t-${kind}/kept.png`))!.equals(data)).toBe(true);
    await files.remove(`t-${kind}/kept.png`);
  });

  it('forgets the files of a folder older than asked, and only those', async () => {
    await files.put(`t-${kind}/reports/1-a.xlsx`, spool(Buffer.from('x')));
    expect(await files.removeOlderThan(`t-${kind}/reports/`, 3_600_000)).toBe(0);
    expect(await files.removeOlderThan(`t-${kind}/other/`, -1)).toBe(0);
    expect(await files.removeOlderThan(`t-${kind}/reports/`, -1)).toBe(1);
    expect(await files.list(`t-${kind}/reports/`)).toEqual([]);
  });

  it('refuses a key that could leave its folder', async () => {
    for (const key of ['../x', '/etc/passwd', 'a/../../b', 'a//b', '.hidden', 'a/b/', '']) {
      await expect(files.exists(key)).rejects.toThrow(/not a file store key/);
    }
  });
});
