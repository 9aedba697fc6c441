import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionsDocPath, renderPermissionsDoc } from '../../scripts/permissions-doc.ts';
import { permissions } from './access.ts';

describe('docs/permissions.md', () => {
  it('matches the route table and role table exactly (if not: run `npm run gen` and review the diff)', async () => {
    const fresh = await renderPermissionsDoc();
    const committed = fs.existsSync(permissionsDocPath) ? fs.readFileSync(permissionsDocPath, 'utf8') : '';
    expect(committed === fresh, 'docs/permissions.md is out of date: run `npm run gen` and review the diff as a permission change').toBe(true);
  });

  it('lists every permission and the core routes with their access', async () => {
    const doc = await renderPermissionsDoc();
    for (const p of permissions()) expect(doc).toContain(`| \`${p}\` |`);
    expect(doc).toContain('| GET | `/api/health` | public |');
    expect(doc).toContain('| POST | `/api/orgs` | `org.write` |');
    expect(doc).toContain('| GET | `/api/me` | authenticated |');
  });
});
