/**
 * Draws the member portal's app icons (web/public/m/*.png) from the 工 mark of web/public/favicon.svg.
 * The PNGs are committed; run this again only when the mark changes: `npx tsx scripts/portal-icons.ts`.
 *
 * - icon-192.png, icon-512.png: the rounded red tile, as the favicon (purpose "any").
 * - icon-maskable-512.png: full-bleed red with the mark inside the central 80 % safe zone, so a
 *   launcher may cut it to a circle or squircle (purpose "maskable").
 * - apple-touch-icon.png (180 px): opaque and square; iOS rounds the corners itself.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/public/m');
const red = '#c8161d';
/** The 工 of the favicon, on a 64-unit grid. */
const mark = '<path d="M16 18h32v6H35v16h15v6H14v-6h15V24H16z" fill="#fff"/>';

const rounded = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${red}"/>${mark}</svg>`;
// The mark scaled to 70 % around the centre keeps it well inside the maskable safe zone.
const fullBleed = (scale: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${red}"/><g transform="translate(32 32) scale(${scale}) translate(-32 -32)">${mark}</g></svg>`;

const icons: [file: string, svg: string, size: number][] = [
  ['icon-192.png', rounded, 192],
  ['icon-512.png', rounded, 512],
  ['icon-maskable-512.png', fullBleed(0.7), 512],
  ['apple-touch-icon.png', fullBleed(0.85), 180],
];

for (const [file, svg, size] of icons) {
  await sharp(Buffer.from(svg), { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(path.join(out, file));
  console.log(`${file} ${size}×${size}`);
}
