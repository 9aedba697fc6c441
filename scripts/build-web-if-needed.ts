/**
 * Builds the web app (vite build) only when web/dist/index.html is missing or older than any
 * source file under web/, so `npm run demo` starts fast when nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const built = path.join(web, 'dist', 'index.html');
const skip = new Set([path.join(web, 'dist'), path.join(web, 'node_modules')]);

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.has(full)) continue;
    const time = entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
if (builtAt > newestChange(web)) {
  console.log('web/dist is up to date');
} else {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
