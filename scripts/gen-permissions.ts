/** Writes docs/permissions.md (see scripts/permissions-doc.ts). Run with `npm run gen`. */
import fs from 'node:fs';
import path from 'node:path';
import { permissionsDocPath, renderPermissionsDoc } from './permissions-doc.ts';

fs.mkdirSync(path.dirname(permissionsDocPath), { recursive: true });
fs.writeFileSync(permissionsDocPath, await renderPermissionsDoc());
console.log(`wrote ${path.relative(process.cwd(), permissionsDocPath)}`);
