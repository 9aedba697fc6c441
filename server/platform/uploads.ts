import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { AppError, fieldError } from './errors.ts';

/**
 * The one way files come in: streamed to disk under a random name inside the module's folder of
 * the data directory (never the name given), hashed (sha256) and size-limited on the way, then
 * judged by their first bytes against a whitelist — never by their name alone. Served back only
 * with their whitelisted type (see `fileKinds`), so nothing uploaded is ever sent as HTML.
 */
export const fileKinds = {
  pdf: { type: 'application/pdf', ext: ['pdf'], magic: [Buffer.from('%PDF-')] },
  jpg: { type: 'image/jpeg', ext: ['jpg', 'jpeg'], magic: [Buffer.from([0xff, 0xd8, 0xff])] },
  png: { type: 'image/png', ext: ['png'], magic: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])] },
  webp: { type: 'image/webp', ext: ['webp'], magic: [Buffer.from('RIFF')], at8: Buffer.from('WEBP') },
  mp4: { type: 'video/mp4', ext: ['mp4', 'm4v', 'mov'], magic: [], at4: Buffer.from('ftyp') },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: ['docx'], magic: [Buffer.from('PK\x03\x04', 'latin1')], part: 'word/document.xml' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: ['xlsx'], magic: [Buffer.from('PK\x03\x04', 'latin1')], part: 'xl/workbook.xml' },
} as const;
export type FileKind = keyof typeof fileKinds;

export interface StoredFile {
  /** absolute path of the stored file */
  file: string;
  /** the name the uploader gave, for display only */
  name: string;
  size: number;
  sha256: string;
  kind: FileKind;
  type: string;
}

/** The kind of a file among `allowed`, when its extension and its first bytes agree; null otherwise. */
export function sniff(fileName: string, head: Buffer, allowed: readonly FileKind[], whole: () => Buffer): FileKind | null {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  for (const kind of allowed) {
    const spec = fileKinds[kind];
    if (!(spec.ext as readonly string[]).includes(ext)) continue;
    if (spec.magic.length && !spec.magic.some((m) => head.subarray(0, m.length).equals(m))) continue;
    if ('at8' in spec && !head.subarray(8, 12).equals(spec.at8)) continue;
    if ('at4' in spec && !head.subarray(4, 8).equals(spec.at4)) continue;
    // Office files are zip archives: the part naming the application is in the central directory.
    if ('part' in spec && !whole().includes(spec.part, 0, 'latin1')) continue;
    return kind;
  }
  return null;
}

/**
 * The name the uploader gave, for display only: without folders (either kind of separator) or
 * control characters (PostgreSQL cannot store NUL; CR and LF have no place in a header), at most
 * 200 characters.
 */
function displayName(given: string | undefined): string {
  const name = path.posix.basename((given ?? '').replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
  return name || 'file';
}

interface Spooled {
  file: string;
  /** the name the uploader gave, for display only */
  name: string;
  size: number;
  sha256: string;
}

/**
 * Streams the multipart field `file` (the first one; other files are drained) to a random name
 * in `dir`, hashing and metering it on the way, and collects the text fields. Whatever refuses the
 * request — the file over `maxBytes` or cut by the multipart limit, a later part broken or one too
 * many — removes the file before the error is thrown: nothing of a refused request stays on disk.
 */
export async function spoolUpload(
  parts: AsyncIterableIterator<any>,
  dir: string,
  opts: { maxBytes: number; suffix?: string },
): Promise<{ spooled: Spooled | null; fields: Record<string, string> }> {
  fs.mkdirSync(dir, { recursive: true });
  const fields: Record<string, string> = {};
  let spooled: Spooled | null = null;
  try {
    for await (const part of parts) {
      if (part.type !== 'file') {
        fields[part.fieldname] = String(part.value ?? '');
        continue;
      }
      const upload = part as MultipartFile;
      if (spooled || upload.fieldname !== 'file') {
        upload.file.resume();
        continue;
      }
      const file = path.join(dir, crypto.randomUUID() + (opts.suffix ?? ''));
      const hash = crypto.createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > opts.maxBytes) return done(new AppError(413, 'upload_too_large', { mb: Math.round(opts.maxBytes / 2 ** 20) }));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(upload.file, meter, fs.createWriteStream(file));
        // Cut at the server's multipart limit: a partial file is no file.
        if (upload.file.truncated) throw new AppError(413, 'payload_too_large');
      } catch (err) {
        fs.rmSync(file, { force: true });
        throw err;
      }
      spooled = { file, name: displayName(upload.filename), size, sha256: hash.digest('hex') };
    }
  } catch (err) {
    if (spooled) fs.rmSync(spooled.file, { force: true });
    throw err;
  }
  return { spooled, fields };
}

/**
 * Receives the multipart field `file` (other text fields are returned too) into `dir`, checks
 * size and kind, and returns it; anything refused is removed before the error is thrown.
 */
export async function receiveFile(
  parts: AsyncIterableIterator<any>,
  dir: string,
  opts: { maxBytes: number; allowed: readonly FileKind[]; required?: boolean },
): Promise<{ stored: StoredFile | null; fields: Record<string, string> }> {
  const { spooled, fields } = await spoolUpload(parts, dir, opts);
  if (!spooled) {
    if (opts.required === false) return { stored: null, fields };
    throw fieldError('file', 'file_required');
  }
  const upload = spooled;
  try {
    if (upload.size === 0) throw fieldError('file', 'file_empty');
    const fd = fs.openSync(upload.file, 'r');
    const head = Buffer.alloc(12);
    fs.readSync(fd, head, 0, 12, 0);
    fs.closeSync(fd);
    const kind = sniff(upload.name, head, opts.allowed, () => fs.readFileSync(upload.file));
    if (!kind) {
      const kinds = { zh: opts.allowed.map((k) => k.toUpperCase()).join('、'), en: opts.allowed.join(', ') };
      throw fieldError('file', 'file_type_mismatch', { kinds });
    }
    return { stored: { ...upload, kind, type: fileKinds[kind].type }, fields };
  } catch (err) {
    fs.rmSync(upload.file, { force: true });
    throw err;
  }
}

/** Headers for sending a stored file back: its whitelisted type, never sniffed, never inline HTML. */
export function fileHeaders(type: string, name: string, inline: boolean): Record<string, string> {
  const encoded = encodeURIComponent(name);
  return {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${encoded}"; filename*=UTF-8''${encoded}`,
  };
}
