import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { permissions, rolePermissions } from '../platform/access.ts';
import { translate } from '../platform/i18n.ts';
import { installModules } from '../platform/module.ts';
import { modules } from './index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const folders = fs.readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('the module list', () => {
  it('lists every folder under server/modules once, by its own name, each with a module.ts', () => {
    expect(modules.map((m) => m.name).sort()).toEqual([...folders].sort());
    for (const name of folders) expect(fs.existsSync(path.join(here, name, 'module.ts')), `${name}/module.ts`).toBe(true);
  });

  it('installs without two modules claiming one code, label, field name, permission or migration', () => {
    expect(() => installModules(modules)).not.toThrow();
    const migrations = modules.flatMap((m) => Object.keys(m.migrations ?? {}));
    expect(new Set(migrations).size).toBe(migrations.length);
  });

  it('makes every module’s codes and permissions known once installed', () => {
    installModules(modules);
    expect(translate('pioneer_quota_exceeded', 'zh', { quota: 3, count: 4 })).toBe('超出命名名额：名额 3 个，拟命名 4 个');
    expect(translate('not_found', 'en', { entity: 'activity' })).toBe('This activity does not exist or is outside your scope');
    expect(permissions()).toEqual(expect.arrayContaining(['org.read', 'member.pii', 'pioneer.write', 'activity.read', 'audit.read']));
    expect(rolePermissions('viewer')).not.toContain('member.pii');
  });
});
