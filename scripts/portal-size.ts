/**
 * The member portal's first load in gzip bytes, from the built web/dist (run `npm run build:web`
 * first): what a phone fetches to show /m/login, and /m/ to a visitor and to a logged-in member —
 * the page, its entry script with every module it imports, the route's page chunk and the home
 * page's sections that person sees with their imports, their CSS, and the service worker's
 * registration code (workbox-window, imported as the app starts).
 * The budget is 150 KB (docs/ENGINEERING.md); e2e/portal-offline.e2e.ts fails past it and checks
 * this model against what Chromium really fetched.
 *
 *   npx tsx scripts/portal-size.ts        # a table per route; exits 1 over budget
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { PORTAL_ENTRY, reachableFiles, readViteManifest } from '../web/portal-files.ts';

export const PORTAL_BUDGET_BYTES = 150 * 1024;
export const defaultDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

const home = 'src/mobile/home/home-page.tsx';
/** The first pages people see: where, logged in or not, and the sources of the lazy chunks they show (web/src/mobile/app.tsx, the modules' home sections). */
export const firstPages = {
  login: { path: '/m/login', member: false, chunks: ['src/mobile/login/login-page.tsx'] },
  visitorHome: { path: '/m/', member: false, chunks: [home, 'src/mobile/articles/latest-section.tsx', 'src/mobile/activities/home-sections.tsx', 'src/mobile/members/directory-section.tsx'] },
  memberHome: {
    path: '/m/',
    member: true,
    chunks: [home, 'src/mobile/members/card-section.tsx', 'src/mobile/notifications/unread-section.tsx', 'src/mobile/activities/home-sections.tsx', 'src/mobile/articles/latest-section.tsx'],
  },
} as const;

export interface FirstLoad {
  route: string;
  /** Paths relative to web/dist, with their gzip size (level 9, as a server or CDN would send). */
  files: { file: string; gzip: number }[];
  total: number;
}

export function measureFirstLoad(route: keyof typeof firstPages, dist = defaultDist): FirstLoad {
  const manifest = readViteManifest(dist);
  const atStart = Object.keys(manifest).filter((key) => key.includes('/workbox-window/'));
  const files = [PORTAL_ENTRY, ...reachableFiles(manifest, [PORTAL_ENTRY, ...firstPages[route].chunks, ...atStart], { lazy: false })].map((file) => ({
    file,
    gzip: zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length,
  }));
  files.sort((a, b) => b.gzip - a.gzip);
  return { route, files, total: files.reduce((sum, f) => sum + f.gzip, 0) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let over = false;
  for (const route of Object.keys(firstPages) as (keyof typeof firstPages)[]) {
    const load = measureFirstLoad(route);
    console.log(`${route}: ${kb(load.total)} gzip in ${load.files.length} files (budget ${kb(PORTAL_BUDGET_BYTES)})`);
    for (const f of load.files.slice(0, 12)) console.log(`  ${kb(f.gzip).padStart(9)}  ${f.file}`);
    if (load.files.length > 12) console.log(`  … and ${load.files.length - 12} smaller files`);
    over ||= load.total > PORTAL_BUDGET_BYTES;
  }
  process.exit(over ? 1 : 0);
}
