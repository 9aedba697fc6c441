/**
 * Which built files belong to the member portal, read from Vite's build manifest
 * (web/dist/.vite/manifest.json). The console and the portal are one build with two HTML inputs
 * and share web/dist/assets/, so file names cannot tell them apart; the import graph can.
 *
 * Used at build time (web/vite.config.ts: the service worker precaches only the portal) and by
 * scripts/portal-size.ts (the portal's first-load budget). Runs in Node, never in the browser.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One entry of Vite's manifest.json, keyed by the source path relative to web/ (or `_name.js`). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
export type ViteManifest = Record<string, ManifestChunk>;

/** The portal's HTML input, the key of its entry in the manifest. */
export const PORTAL_ENTRY = 'm/index.html';

export function readViteManifest(dist: string): ViteManifest {
  return JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
}

/**
 * The files (paths relative to dist) reached from `starts` through static imports, and through
 * dynamic imports too when `lazy` — with every CSS file and asset they import.
 */
export function reachableFiles(manifest: ViteManifest, starts: string[], { lazy }: { lazy: boolean }): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    files.add(chunk.file);
    for (const f of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(f);
    for (const k of chunk.imports ?? []) visit(k);
    if (lazy) for (const k of chunk.dynamicImports ?? []) visit(k);
  };
  starts.forEach(visit);
  return files;
}

/** Everything the portal can load: its HTML, every chunk of every portal page, their CSS and assets. */
export function portalFiles(manifest: ViteManifest): Set<string> {
  return reachableFiles(manifest, [PORTAL_ENTRY], { lazy: true });
}
