import zlib from 'node:zlib';

/**
 * The demo's files, drawn here rather than shipped as binaries: a cover image (a PNG banner in the
 * union's red and orange, with a rising sun) and a one-page PDF of the policy it illustrates.
 */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A 640×360 banner: a diagonal red-to-orange gradient, a pale sun and a horizon line. */
export function demoCoverPng(): Buffer {
  const [w, h] = [640, 360];
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      const t = (x / w + y / h) / 2;
      let [r, g, b] = [200 + 45 * t, 16 + 150 * t, 46 - 10 * t];
      const d = Math.hypot(x - 470, y - 250);
      if (d < 90) [r, g, b] = [255, 236 - d / 3, 200 - d];
      else if (d < 110) [r, g, b] = [r + (255 - r) * 0.4, g + (236 - g) * 0.4, b + (200 - b) * 0.4];
      if (y > 250) [r, g, b] = [r * 0.78, g * 0.7, b * 0.7];
      row.set([r, g, b].map((v) => Math.max(0, Math.min(255, Math.round(v)))), 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Chinese text in a PDF without embedding a font: the standard STSong-Light, UCS-2 encoded. */
const ucs2 = (text: string) => `<${[...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;

/** A one-page PDF: a title and lines of text, in the standard Chinese font every PDF reader has. */
export function demoPolicyPdf(title: string, lines: string[]): Buffer {
  const text = [`BT /F1 18 Tf 56 780 Td ${ucs2(title)} Tj ET`, ...lines.map((line, i) => `BT /F1 12 Tf 56 ${740 - i * 22} Td ${ucs2(line)} Tj ET`)].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
