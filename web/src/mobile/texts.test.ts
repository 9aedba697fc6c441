import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A portal module's namespace is registered only when a file importing its `texts.ts` loads
 * (web/src/i18n/add-texts.ts). A page that reads `members.…` without importing members' texts
 * would show raw keys whenever it is the first page opened: every such file must import them.
 */
const root = path.dirname(fileURLToPath(import.meta.url));
const modules = fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, 'texts.ts')));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.ts$|messages\.ts$|texts\.ts$|tiles\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('portal module texts', () => {
  it('has modules that register their texts lazily', () => {
    expect(modules).toEqual(expect.arrayContaining(['members', 'activities', 'notifications']));
  });

  it('every file reading a module namespace imports that module’s texts', () => {
    const missing: string[] = [];
    for (const file of sources(root)) {
      const source = fs.readFileSync(file, 'utf8');
      for (const name of modules) {
        if (!new RegExp(`['\`]${name}\\.[a-zA-Z]`).test(source)) continue;
        const texts = path.relative(path.dirname(file), path.join(root, name, 'texts')).replace(/^(?!\.)/, './');
        if (!source.includes(`import '${texts}';`) && !source.includes(` from '${texts}';`)) missing.push(`${path.relative(root, file)} → import '${texts}';`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps module texts out of module.tsx, which is in the first load', () => {
    const offenders = modules.filter((name) => /from '\.\/messages'/.test(fs.readFileSync(path.join(root, name, 'module.tsx'), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
