import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path/posix';

/**
 * A small streaming reader of the first worksheet of an .xlsx workbook, built for imports.
 * exceljs's streaming reader runs every byte through a general SAX parser and builds a Row and
 * Cell object per value (about half of a 100,000-row member import's parse time); this one finds
 * the zip parts through the central directory, holds the shared strings, and cuts the sheet XML
 * into rows and cells with string searches. Only values are read: no styles, formulas or links.
 * Tag names carry the namespace prefix each part's root element binds (`x:` from the OpenXML SDK,
 * ClosedXML and some WPS exports; none from Excel).
 */

/** A cell's value: text (inline, shared or a formula's text result), a number or a boolean. */
export type XlsxValue = string | number | boolean;

export interface XlsxRow {
  /** The row number shown in Excel (1 = the header row of a template). */
  row: number;
  /** Values by column, 0 = column A; empty cells are holes. */
  values: (XlsxValue | undefined)[];
}

/** The file is not a readable .xlsx workbook (not a zip, corrupted, or too big when inflated). */
export class XlsxError extends Error {}

/**
 * Zip-bomb guards. A worksheet of Excel's 1,048,576-row limit with a handful of text columns
 * inflates to well under 512 MiB; the shared strings are held in memory, so their count and
 * total length are capped too (4 Mi strings of up to 64 Mi characters in all: under ~300 MB).
 */
const MAX_PART_BYTES = 512 * 1024 * 1024;
const MAX_SMALL_PART_BYTES = 16 * 1024 * 1024;
const MAX_SHARED_STRINGS = 4 * 1024 * 1024;
const MAX_SHARED_STRING_CHARS = 64 * 1024 * 1024;
/** One row (or shared string) waiting for its end tag longer than this is not a real row. */
const MAX_ELEMENT_CHARS = 16 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

/** Streams the rows of the workbook's first worksheet (first tab) that have at least one cell element. */
export async function* readFirstSheet(file: string): AsyncGenerator<XlsxRow> {
  const zip = await openZip(file);
  const parts = await locateParts(zip);
  const shared = parts.sharedStrings ? await readSharedStrings(zip, parts.sharedStrings) : [];
  const scanner = new SheetScanner(shared);
  for await (const text of partText(zip, parts.sheet, MAX_PART_BYTES)) {
    for (const row of scanner.push(text)) yield row;
  }
  scanner.finish();
}

// ---------------------------------------------------------------------------------------------
// zip container

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

interface Zip {
  file: string;
  size: number;
  /** By lower-cased name: OPC part names are case-insensitive. */
  entries: Map<string, ZipEntry>;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  if (bytesRead !== length) throw new XlsxError('zip: unexpected end of file');
  return buf;
}

async function openZip(file: string): Promise<Zip> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    if (tailLength < 22) throw new XlsxError('zip: too short');
    const tail = await readAt(handle, size - tailLength, tailLength);
    let at = tail.length - 22;
    while (at >= 0 && tail.readUInt32LE(at) !== EOCD) at--;
    if (at < 0) throw new XlsxError('zip: no end of central directory');
    let count = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const locatorAt = size - tailLength + at - 20;
      const locator = locatorAt >= 0 ? await readAt(handle, locatorAt, 20) : null;
      if (!locator || locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new XlsxError('zip64: no locator');
      const record = await readAt(handle, safeNumber(locator.readBigUInt64LE(8)), 56);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new XlsxError('zip64: no end record');
      count = safeNumber(record.readBigUInt64LE(32));
      cdSize = safeNumber(record.readBigUInt64LE(40));
      cdOffset = safeNumber(record.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size || cdSize > MAX_SMALL_PART_BYTES) throw new XlsxError('zip: central directory out of bounds');
    const cd = await readAt(handle, cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_HEADER) throw new XlsxError('zip: bad central directory');
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        name: cd.toString('utf8', p + 46, p + 46 + nameLength),
        flags: cd.readUInt16LE(p + 8),
        method: cd.readUInt16LE(p + 10),
        crc: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
      };
      applyZip64Extra(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
      entries.set(entry.name.toLowerCase(), entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
    return { file, size, entries };
  } finally {
    await handle.close();
  }
}

/** Sizes and offsets of 0xFFFFFFFF live in the zip64 extra field, in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer) {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + length) throw new XlsxError('zip64: short extra field');
        const value = safeNumber(extra.readBigUInt64LE(q));
        q += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    p += 4 + length;
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new XlsxError('zip64: size out of range');
  return Number(value);
}

/** The inflated bytes of one part, checked against its declared size and CRC-32 as they stream. */
async function* partBytes(zip: Zip, entry: ZipEntry, limit: number): AsyncGenerator<Buffer> {
  if (entry.flags & 0x1) throw new XlsxError(`${entry.name}: encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxError(`${entry.name}: unsupported compression ${entry.method}`);
  if (entry.size > limit) throw new XlsxError(`${entry.name}: ${entry.size} bytes inflated is more than ${limit}`);
  const start = await dataOffset(zip, entry);
  if (start + entry.compressedSize > zip.size) throw new XlsxError(`${entry.name}: data out of bounds`);
  let total = 0;
  let crc = 0;
  if (entry.compressedSize > 0) {
    const raw = fs.createReadStream(zip.file, { start, end: start + entry.compressedSize - 1, highWaterMark: CHUNK_BYTES });
    const inflated = entry.method === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: CHUNK_BYTES })) : raw;
    raw.on('error', (err) => inflated.destroy(err));
    try {
      for await (const chunk of inflated as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > entry.size) throw new XlsxError(`${entry.name}: inflates past its declared size`);
        crc = zlib.crc32(chunk, crc);
        yield chunk;
      }
    } catch (err) {
      throw err instanceof XlsxError ? err : new XlsxError(`${entry.name}: ${(err as Error).message}`);
    } finally {
      raw.destroy();
      inflated.destroy();
    }
  }
  if (total !== entry.size || crc !== entry.crc) throw new XlsxError(`${entry.name}: corrupted (size or CRC-32 mismatch)`);
}

async function dataOffset(zip: Zip, entry: ZipEntry): Promise<number> {
  const handle = await fs.promises.open(zip.file, 'r');
  try {
    const header = await readAt(handle, entry.localOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new XlsxError(`${entry.name}: bad local header`);
    return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

/** A part's text in chunks; a character split between two chunks is carried to the next. */
async function* partText(zip: Zip, entry: ZipEntry, limit: number): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of partBytes(zip, entry, limit)) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function smallPart(zip: Zip, name: string): Promise<string | null> {
  const entry = zip.entries.get(name.toLowerCase());
  if (!entry) return null;
  let text = '';
  for await (const chunk of partText(zip, entry, MAX_SMALL_PART_BYTES)) text += chunk;
  return text;
}

// ---------------------------------------------------------------------------------------------
// workbook structure: which part is the first sheet, which holds the shared strings

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationships(xml: string, base: string): Relationship[] {
  const out: Relationship[] = [];
  for (const [tag] of xml.matchAll(startTags(xml, RELATIONSHIPS_NS, 'Relationship'))) {
    const id = attribute(tag, 'Id');
    const type = attribute(tag, 'Type');
    const target = attribute(tag, 'Target');
    if (id === undefined || type === undefined || target === undefined || attribute(tag, 'TargetMode') === 'External') continue;
    const resolved = target.startsWith('/') ? target.slice(1) : path.normalize(path.join(base, decodeXml(target)));
    out.push({ id, type, target: resolved });
  }
  return out;
}

/** Every start tag `<name …>` of a small part, named with the prefix its root element uses. */
function startTags(xml: string, namespaces: readonly string[], name: string): RegExp {
  const prefix = rootOf(xml, 0, namespaces)?.prefix ?? '';
  return new RegExp(`<${prefix.replaceAll('.', '\\.')}${name}\\b[^>]*>`, 'g');
}

/** A relationship's part name from `dir/_rels/name.rels`, relative to the zip root. */
function relsOf(part: string) {
  return path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
}

async function locateParts(zip: Zip): Promise<{ sheet: ZipEntry; sharedStrings: ZipEntry | null }> {
  const rootRels = await smallPart(zip, '_rels/.rels');
  const workbookName = (rootRels && relationships(rootRels, '').find((r) => r.type.endsWith('/officeDocument'))?.target) || 'xl/workbook.xml';
  const workbook = await smallPart(zip, workbookName);
  const bookRels = await smallPart(zip, relsOf(workbookName));
  if (workbook === null || bookRels === null) throw new XlsxError('not an xlsx workbook');
  const rels = relationships(bookRels, path.dirname(workbookName));
  // The first tab that is a worksheet (a chart sheet can come first); sheets name their part by r:id.
  const sheets = [...workbook.matchAll(startTags(workbook, SPREADSHEETML_NS, 'sheet'))].map(([tag]) => /\s[\w.-]+:id\s*=\s*(["'])(.*?)\1/.exec(tag)?.[2]);
  const sheetName = sheets.map((id) => rels.find((r) => r.id === id && r.type.endsWith('/worksheet'))).find(Boolean)?.target;
  const sheet = sheetName && zip.entries.get(sheetName.toLowerCase());
  if (!sheet) throw new XlsxError('workbook has no worksheet');
  const sharedName = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
  return { sheet, sharedStrings: (sharedName && zip.entries.get(sharedName.toLowerCase())) || null };
}

// ---------------------------------------------------------------------------------------------
// XML scanning: string searches over well-formed SpreadsheetML, never a general parser

const XML_ENTITY = /&(?:(amp)|(lt)|(gt)|(quot)|(apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED = ['&', '<', '>', '"', "'"];
/** OOXML escapes control characters in text as _xHHHH_ (ECMA-376 ST_Xstring). */
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXml(text: string): string {
  if (text.includes('&')) {
    text = text.replace(XML_ENTITY, (_m, ...g: (string | undefined)[]) => {
      for (let i = 0; i < 5; i++) if (g[i]) return NAMED[i];
      return String.fromCodePoint(g[5] ? Number(g[5]) : parseInt(g[6]!, 16));
    });
  }
  if (text.includes('_x')) text = text.replace(XSTRING_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return text;
}

/** True for the character after a tag name: whitespace, `>` or `/`. */
function endsName(code: number) {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/** The raw value of attribute `name` in s[from, to) (inside one start tag), without allocating names. */
function attributeIn(s: string, from: number, to: number, name: string): string | undefined {
  let i = from;
  for (;;) {
    const eq = s.indexOf('=', i);
    if (eq === -1 || eq >= to) return undefined;
    let nameEnd = eq;
    while (nameEnd > i && s.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    let nameStart = nameEnd;
    while (nameStart > i && s.charCodeAt(nameStart - 1) > 32) nameStart--;
    let q = eq + 1;
    while (q < to && s.charCodeAt(q) <= 32) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = s.indexOf(quote, q + 1);
    if (close === -1 || close >= to) return undefined;
    if (nameEnd - nameStart === name.length && s.startsWith(name, nameStart)) return s.slice(q + 1, close);
    i = close + 1;
  }
}

function attribute(tag: string, name: string): string | undefined {
  return attributeIn(tag, 0, tag.length, name);
}

/** SpreadsheetML's main namespace, transitional and strict. */
const SPREADSHEETML_NS = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'] as const;
/** The namespace of `.rels` parts (the same in strict Open XML). */
const RELATIONSHIPS_NS = ['http://schemas.openxmlformats.org/package/2006/relationships'] as const;

/**
 * The prefix (with its colon) of a part's elements, read from its root start tag in s[from…), and
 * where that tag ends; null while the tag has not arrived yet. Excel writes the namespace as the
 * default one (prefix ''); the OpenXML SDK, ClosedXML and some WPS exports bind it to a prefix
 * (`<x:worksheet xmlns:x="…/spreadsheetml/2006/main">`), and every element of the part carries it.
 * A prefixed root in another namespace is not a part this reader knows.
 */
function rootOf(s: string, from: number, namespaces: readonly string[]): { prefix: string; end: number } | null {
  let p = from;
  for (;;) {
    const lt = s.indexOf('<', p);
    if (lt === -1) return null;
    const next = s.charCodeAt(lt + 1);
    if (next === 63 /* ? */ || next === 33 /* ! */) {
      // The XML declaration, comments and a doctype come before the root.
      const close = next === 63 ? '?>' : s.startsWith('<!--', lt) ? '-->' : '>';
      const end = s.indexOf(close, lt + 2);
      if (end === -1) return null;
      p = end + close.length;
      continue;
    }
    const gt = s.indexOf('>', lt);
    if (gt === -1) return null;
    let nameEnd = lt + 1;
    while (nameEnd < gt && !endsName(s.charCodeAt(nameEnd))) nameEnd++;
    const name = s.slice(lt + 1, nameEnd);
    const colon = name.indexOf(':');
    if (colon === -1) return { prefix: '', end: gt + 1 };
    const prefix = name.slice(0, colon);
    const namespace = attributeIn(s, nameEnd, gt, `xmlns:${prefix}`);
    if (namespace === undefined || !namespaces.includes(namespace)) throw new XlsxError(`<${name}> is not in a known Open XML namespace`);
    return { prefix: `${prefix}:`, end: gt + 1 };
  }
}

/** The start tags (without their `>`) and end tags the scanners search for, with the part's prefix. */
function tagsOf(prefix: string) {
  const start = (name: string) => `<${prefix}${name}`;
  const end = (name: string) => `</${prefix}${name}>`;
  return {
    /** Where a tag's local name starts, after `<` and the prefix. */
    name: 1 + prefix.length,
    prefixed: prefix !== '',
    si: start('si'),
    siEnd: end('si'),
    t: start('t'),
    tEnd: end('t'),
    rPh: start('rPh'),
    rPhEnd: end('rPh'),
    sheetData: start('sheetData'),
    sheetDataEnd: `</${prefix}sheetData`,
    row: start('row'),
    rowEnd: end('row'),
    c: start('c'),
    cEnd: end('c'),
    v: start('v'),
    vEnd: end('v'),
  };
}

type Tags = ReturnType<typeof tagsOf>;

/**
 * s.startsWith(tag, at), by char codes from the tag's last one (its name's, the most telling):
 * V8 inlines startsWith only for a constant tag and calls a builtin for these per-part ones.
 */
function isTagAt(s: string, at: number, tag: string): boolean {
  for (let i = tag.length - 1; i >= 0; i--) if (s.charCodeAt(at + i) !== tag.charCodeAt(i)) return false;
  return true;
}

/**
 * The text of a string item (`<si>` or `<is>`) in s[from, to): its `<t>`, or every run's `<t>`
 * joined, leaving out phonetic guides (`<rPh>`). Not yet entity-decoded.
 */
function runText(s: string, from: number, to: number, tags: Tags): string {
  let out = '';
  let p = from;
  for (;;) {
    const lt = s.indexOf('<', p);
    if (lt === -1 || lt >= to) return out;
    const gt = s.indexOf('>', lt);
    if (gt === -1 || gt >= to) return out;
    // The local name's first letter sorts most tags out; only then is the prefix compared.
    const name = s.charCodeAt(lt + tags.name);
    if (name === 116 /* t */ && endsName(s.charCodeAt(lt + tags.t.length)) && s.charCodeAt(gt - 1) !== 47 && (!tags.prefixed || isTagAt(s, lt, tags.t))) {
      const close = s.indexOf(tags.tEnd, gt);
      if (close === -1 || close >= to) throw new XlsxError(`unclosed ${tags.t}>`);
      out += s.slice(gt + 1, close);
      p = close + tags.tEnd.length;
    } else if (name === 114 /* r */ && isTagAt(s, lt, tags.rPh) && endsName(s.charCodeAt(lt + tags.rPh.length)) && s.charCodeAt(gt - 1) !== 47) {
      const close = s.indexOf(tags.rPhEnd, gt);
      if (close === -1 || close >= to) throw new XlsxError(`unclosed ${tags.rPh}>`);
      p = close + tags.rPhEnd.length;
    } else {
      p = gt + 1;
    }
  }
}

/** Column index (0 = A) of a cell reference like `AB12`, or -1 without letters. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return i === 0 ? -1 : n - 1;
}

/**
 * Text chunks in, complete elements out: keeps the unfinished tail between chunks. The root start
 * tag comes first and names the prefix of the tags the scanner searches for.
 */
abstract class ChunkScanner {
  private carry = '';
  /** Null until the root start tag has been read. */
  private tags: Tags | null = null;

  /** The elements of s from `from` on; returns where the unfinished tail starts. */
  protected abstract scan(s: string, from: number, tags: Tags): number;

  protected take(text: string) {
    const s = this.carry ? this.carry + text : text;
    let used = 0;
    if (this.tags) used = this.scan(s, 0, this.tags);
    else {
      const root = rootOf(s, 0, SPREADSHEETML_NS);
      if (root) {
        this.tags = tagsOf(root.prefix);
        used = this.scan(s, root.end, this.tags);
      }
    }
    this.carry = used < s.length ? s.slice(used) : '';
    if (this.carry.length > MAX_ELEMENT_CHARS) throw new XlsxError('an element is too long');
  }
}

/** `<si>` items of xl/sharedStrings.xml, in order. */
class SharedStringsScanner extends ChunkScanner {
  readonly strings: string[] = [];
  private chars = 0;

  push(text: string) {
    this.take(text);
  }

  protected scan(s: string, from: number, tags: Tags): number {
    const open = tags.si.length;
    let p = from;
    for (;;) {
      const lt = s.indexOf(tags.si, p);
      if (lt === -1) return Math.max(p, s.length - open);
      if (!endsName(s.charCodeAt(lt + open))) {
        if (lt + open >= s.length) return lt;
        p = lt + open;
        continue;
      }
      const gt = s.indexOf('>', lt);
      if (gt === -1) return lt;
      let text = '';
      if (s.charCodeAt(gt - 1) === 47) p = gt + 1;
      else {
        const close = s.indexOf(tags.siEnd, gt);
        if (close === -1) return lt;
        text = decodeXml(runText(s, gt + 1, close, tags));
        p = close + tags.siEnd.length;
      }
      this.add(text);
    }
  }

  private add(text: string) {
    this.chars += text.length;
    if (this.strings.length >= MAX_SHARED_STRINGS || this.chars > MAX_SHARED_STRING_CHARS) throw new XlsxError('too many shared strings');
    this.strings.push(text);
  }
}

async function readSharedStrings(zip: Zip, entry: ZipEntry): Promise<string[]> {
  const scanner = new SharedStringsScanner();
  for await (const text of partText(zip, entry, MAX_PART_BYTES)) scanner.push(text);
  return scanner.strings;
}

/** `<row>`s of `<sheetData>` in a worksheet part, each cut into its cells' values. */
class SheetScanner extends ChunkScanner {
  private phase: 'before' | 'rows' | 'after' = 'before';
  private lastRow = 0;
  private rows: XlsxRow[] = [];

  constructor(private readonly shared: string[]) {
    super();
  }

  push(text: string): XlsxRow[] {
    this.rows = [];
    this.take(text);
    return this.rows;
  }

  finish() {
    if (this.phase !== 'after') throw new XlsxError('worksheet has no complete <sheetData>');
  }

  protected scan(s: string, from: number, tags: Tags): number {
    let p = from;
    if (this.phase === 'before') {
      const start = s.indexOf(tags.sheetData, p);
      if (start === -1) return Math.max(p, s.length - tags.sheetData.length);
      const gt = s.indexOf('>', start);
      if (gt === -1) return start;
      this.phase = s.charCodeAt(gt - 1) === 47 ? 'after' : 'rows';
      p = gt + 1;
    }
    const open = tags.row.length;
    while (this.phase === 'rows') {
      const lt = s.indexOf('<', p);
      if (lt === -1) return s.length;
      const gt = s.indexOf('>', lt);
      if (gt === -1) return lt;
      if (isTagAt(s, lt, tags.row) && endsName(s.charCodeAt(lt + open))) {
        if (s.charCodeAt(gt - 1) === 47) {
          this.rowNumber(s, lt + open, gt);
          p = gt + 1;
          continue;
        }
        const end = s.indexOf(tags.rowEnd, gt);
        if (end === -1) return lt;
        this.rows.push({ row: this.rowNumber(s, lt + open, gt), values: this.cells(s, gt + 1, end, tags) });
        p = end + tags.rowEnd.length;
      } else if (isTagAt(s, lt, tags.sheetDataEnd)) {
        this.phase = 'after';
        p = gt + 1;
      } else {
        p = gt + 1;
      }
    }
    return s.length;
  }

  /** The row's `r`, or the one after the previous row when a writer leaves `r` out. */
  private rowNumber(s: string, from: number, to: number): number {
    const r = attributeIn(s, from, to, 'r');
    this.lastRow = r === undefined ? this.lastRow + 1 : parseInt(r, 10);
    if (!(this.lastRow > 0)) throw new XlsxError(`bad row number ${r}`);
    return this.lastRow;
  }

  private cells(s: string, from: number, to: number, tags: Tags): (XlsxValue | undefined)[] {
    const values: (XlsxValue | undefined)[] = [];
    const open = tags.c.length;
    let column = -1;
    let p = from;
    for (;;) {
      const lt = s.indexOf(tags.c, p);
      if (lt === -1 || lt >= to) return values;
      const gt = s.indexOf('>', lt);
      if (gt === -1 || gt > to) throw new XlsxError('unclosed tag in a row');
      if (!endsName(s.charCodeAt(lt + open))) {
        p = gt + 1;
        continue;
      }
      const ref = attributeIn(s, lt + open, gt, 'r');
      column = ref === undefined ? column + 1 : columnOf(ref);
      if (column < 0) throw new XlsxError(`bad cell reference ${ref}`);
      if (s.charCodeAt(gt - 1) === 47) {
        p = gt + 1;
        continue;
      }
      const close = s.indexOf(tags.cEnd, gt);
      if (close === -1 || close > to) throw new XlsxError(`unclosed ${tags.c}>`);
      const value = this.value(s, gt + 1, close, attributeIn(s, lt + open, gt, 't'), tags);
      if (value !== undefined) values[column] = value;
      p = close + tags.cEnd.length;
    }
  }

  /** A cell's value by its type `t`; the cached result of a formula counts as the value. */
  private value(s: string, from: number, to: number, type: string | undefined, tags: Tags): XlsxValue | undefined {
    if (type === 'inlineStr') return decodeXml(runText(s, from, to, tags));
    const v = elementText(s, from, to, tags.v, tags.vEnd);
    if (v === undefined) return undefined;
    switch (type) {
      case 's':
        return this.shared[parseInt(v, 10)];
      case 'str':
        return decodeXml(v);
      case 'b':
        return parseInt(v, 10) !== 0;
      case 'e':
        return undefined;
      case 'd':
        // An ISO 8601 date (strict Open XML); the day is what an import needs.
        return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : decodeXml(v);
      default:
        return parseFloat(v);
    }
  }
}

/**
 * The raw text of the first element in s[from, to) with start tag `open` (no `>`) and end tag
 * `close`, or undefined when absent or empty.
 */
function elementText(s: string, from: number, to: number, open: string, close: string): string | undefined {
  let p = from;
  for (;;) {
    const lt = s.indexOf(open, p);
    if (lt === -1 || lt >= to) return undefined;
    const gt = s.indexOf('>', lt);
    if (gt === -1 || gt > to) throw new XlsxError(`unclosed ${open}>`);
    if (!endsName(s.charCodeAt(lt + open.length))) {
      p = gt + 1;
      continue;
    }
    if (s.charCodeAt(gt - 1) === 47) return undefined;
    const end = s.indexOf(close, gt);
    if (end === -1 || end > to) throw new XlsxError(`unclosed ${open}>`);
    return s.slice(gt + 1, end);
  }
}
