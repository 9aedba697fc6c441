import zlib from 'node:zlib';

/**
 * Workbooks written byte by byte, for tests of the .xlsx reader and of imports: shaped the way
 * other writers (Excel, WPS, the OpenXML SDK) or attackers shape them, which exceljs cannot do.
 */

export interface ZipPart {
  name: string;
  data: string | Buffer;
  /** Declared uncompressed size, when a test wants the central directory to lie. */
  declaredSize?: number;
}

/** A minimal deflate zip. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.from(part.data);
    const body = zlib.deflateRawSync(data);
    const name = Buffer.from(part.name);
    const head = (size: number) => {
      const b = Buffer.alloc(26);
      b.writeUInt16LE(20, 0);
      b.writeUInt16LE(0x800, 2);
      b.writeUInt16LE(8, 4);
      b.writeUInt32LE(zlib.crc32(data), 10);
      b.writeUInt32LE(body.length, 14);
      b.writeUInt32LE(size, 18);
      b.writeUInt16LE(name.length, 22);
      return b;
    };
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), head(data.length), name, body]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    head(part.declaredSize ?? data.length).copy(central, 6);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * The same XML with its default namespace bound to `prefix` and every unprefixed element named
 * with it, as the OpenXML SDK, ClosedXML and some WPS exports write parts
 * (`<x:worksheet xmlns:x="…"><x:sheetData>…`). Attributes keep their names. Relies on the XML
 * having no raw `<` outside markup, which well-formed XML guarantees.
 */
export function withPrefix(xml: string, prefix: string): string {
  return xml.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${prefix}:$2`).replace(/(\s)xmlns=/g, `$1xmlns:${prefix}=`);
}

/**
 * A cell of `workbook`: a string goes to the shared strings, `{ inline }` stays in the sheet as an
 * inline string, `{ rich }` is a shared rich-text string of runs (the second one bold); null is an
 * empty cell.
 */
export type FixtureCell = string | number | boolean | null | { inline: string } | { rich: string[] };

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const textElement = (text: string) => `<t xml:space="preserve">${escapeXml(text)}</t>`;
const column = (i: number): string => (i >= 26 ? column(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

/**
 * A one-sheet workbook holding `rows` from row 1, with every part as small as Excel accepts. With
 * `prefix`, every part (content types, relationships, workbook, sheet, shared strings) binds its
 * namespace to that prefix instead of the default namespace.
 */
export function workbook(rows: FixtureCell[][], opts: { prefix?: string; sheetName?: string } = {}): Buffer {
  const shared: string[] = [];
  const cell = (value: FixtureCell, ref: string): string => {
    if (value === null) return '';
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
    if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    if (typeof value === 'object' && 'inline' in value) return `<c r="${ref}" t="inlineStr"><is>${textElement(value.inline)}</is></c>`;
    const item =
      typeof value === 'string'
        ? `<si>${textElement(value)}</si>`
        : `<si>${value.rich.map((text, i) => `<r>${i === 1 ? '<rPr><b/></rPr>' : ''}${textElement(text)}</r>`).join('')}</si>`;
    shared.push(item);
    return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
  };
  const sheetRows = rows.map((values, r) => `<row r="${r + 1}">${values.map((v, i) => cell(v, `${column(i)}${r + 1}`)).join('')}</row>`);
  const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT_TYPE}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT_TYPE}.sharedStrings+xml"/></Types>`,
    },
    { name: '_rels/.rels', data: `<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_REL}"><sheets><sheet name="${escapeXml(opts.sheetName ?? 'Sheet1')}" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${OFFICE_REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${OFFICE_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet xmlns="${MAIN}" xmlns:r="${OFFICE_REL}"><sheetData>${sheetRows.join('')}</sheetData></worksheet>` },
    { name: 'xl/sharedStrings.xml', data: `<sst xmlns="${MAIN}" count="${shared.length}" uniqueCount="${shared.length}">${shared.join('')}</sst>` },
  ];
  const { prefix } = opts;
  return zip(parts.map((p) => ({ name: p.name, data: declaration + (prefix ? withPrefix(p.data as string, prefix) : p.data) })));
}
