/**
 * Renders docs/permissions.md from the running app's route table and the role → permission table
 * in server/platform/access.ts. The app is built in-process on an in-memory SQLite database (no
 * port, nothing written). scripts/gen-permissions.ts writes the file; a test fails when the
 * committed file differs, so a diff of docs/permissions.md is always a reviewed permission change.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openSqliteFile } from '../server/db/database.ts';
import { migrateToLatest } from '../server/migrations.ts';
import { permissionOwner, permissions, rolePermissions, roles } from '../server/platform/access.ts';
import type { RouteInfo } from '../server/platform/http.ts';

export const permissionsDocPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/permissions.md');

async function routeTable(): Promise<RouteInfo[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-gen-'));
  const database = openSqliteFile(':memory:');
  try {
    await migrateToLatest(database.db);
    // A fixed key: the route table does not depend on it, and no key file gets written.
    const config = loadConfig({ GONGHUI_DATA_DIR: dataDir, GONGHUI_LOG_LEVEL: 'silent', GONGHUI_ENCRYPTION_KEY: '0'.repeat(64) });
    const app = await buildApp({ config, database, serveWeb: false });
    await app.ready();
    const table = app.routeTable.filter((r) => r.url.startsWith('/api/'));
    await app.close();
    return table;
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** What a user holding only `role` gets from a route with `access` (see the legend in roleScopeTable). */
function answer({ access, verdict }: RouteInfo, role: (typeof roles)[number] | 'anonymous'): string {
  if (access === 'public') return 'any';
  if (role === 'anonymous') return '401';
  if (access === 'authenticated') return 'own';
  if (role === 'admin') return 'all';
  if (!rolePermissions(role).includes(access)) return '403';
  return verdict ? 'verdict' : 'subtree';
}

/**
 * Every route × every role, with the scope each reaches, as the permission matrix
 * (server/platform/permission-matrix.api.test.ts) checks it.
 */
function roleScopeTable(routes: RouteInfo[]): string[] {
  const who = ['anonymous', ...roles] as const;
  return [
    '## Who may call what: role × scope',
    '',
    'What a user holding only one role gets, for a record of street A, by where the role is granted:',
    'on street A (own scope), on the county above it (parent scope) or on the neighbouring street B',
    '(sibling scope).',
    '',
    '| cell | own scope | parent scope | sibling scope |',
    '|---|---|---|---|',
    '| `subtree` | allowed | allowed | 404, as if it did not exist; lists leave it out |',
    '| `verdict` | allowed | allowed | refused in the answer, as if not there: an e-card of a member outside the subtree is `valid: false`, `not_member`, like a member who left |',
    '| `all` | allowed | allowed | allowed (the platform admin is granted on no organisation) |',
    '| `own` | only the caller’s own or assigned records | same | same |',
    '| `any` | allowed, logged in or not | same | same |',
    '| `403` | refused: the role lacks the permission | same | same |',
    '| `401` | refused: no session | same | same |',
    '',
    'Allowed means the permission and scope let the request through; the record’s state may still',
    'refuse it (409/422). Records shared by the whole tree under a county (its campaigns, the built-in',
    'standards, import templates) are read alike from every street; what only the county decides (a',
    'campaign’s transitions, judges, awards and objections) is in the county’s scope, not a street’s.',
    '',
    `| method | path | ${who.join(' | ')} |`,
    `|---|---|${who.map(() => '---').join('|')}|`,
    ...routes.map((r) => `| ${r.method} | \`${r.url}\` | ${who.map((role) => answer(r, role)).join(' | ')} |`),
    '',
  ];
}

/** One table per module, headed by its name and route count. */
function routesByModule(routes: RouteInfo[]): string[] {
  const groups = new Map<string, RouteInfo[]>();
  for (const r of routes) {
    const module = r.module ?? 'platform';
    if (!groups.has(module)) groups.set(module, []);
    groups.get(module)!.push(r);
  }
  return [...groups].flatMap(([module, rs]) => [
    `### ${module} (${rs.length})`,
    '',
    '| method | path | access | summary |',
    '|---|---|---|---|',
    ...rs.map((r) => `| ${r.method} | \`${r.url}\` | ${r.access === 'public' || r.access === 'authenticated' ? r.access : `\`${r.access}\``} | ${cell(r.summary)} |`),
    '',
  ]);
}

export async function renderPermissionsDoc(): Promise<string> {
  const routes = await routeTable();
  const lines = [
    '# Permissions',
    '',
    '<!-- Generated by scripts/gen-permissions.ts from the route table. Do not edit: run `npm run gen`. -->',
    '',
    'Who may call what. A change to this file is a permission change: review it as one.',
    '',
    '- `public`: anyone, without logging in.',
    '- `authenticated`: any logged-in user; such routes act on the caller’s own records only.',
    '- a permission (`org.read`, …): a role grant carrying it (table below), over the whole subtree of',
    '  the organisation the role is granted on. Anything outside that subtree answers 404, exactly as',
    '  if it did not exist (a `verdict` route refuses it in its answer instead, below). The platform',
    '  admin role reaches every organisation.',
    '',
    `## Routes (${routes.length})`,
    '',
    'By module (server/modules/index.ts), in menu order.',
    '',
    ...routesByModule(routes),
    '## Roles',
    '',
    `| permission | ${roles.join(' | ')} | module |`,
    `|---|${roles.map(() => '---').join('|')}|---|`,
    ...permissions().map((p) => `| \`${p}\` | ${roles.map((role) => (rolePermissions(role).includes(p) ? '✓' : '')).join(' | ')} | ${permissionOwner(p)} |`),
    '',
    'Roles without a permission (judges, members) act only through `authenticated` routes on what is',
    'their own or assigned to them; their modules check that. A card verifier (核验员) is the account',
    'of a partner merchant or venue: granted on a federation, it checks the e-cards of that',
    'federation’s members (`card.verify`, like every role that reads the roll) and nothing else.',
    '',
    ...roleScopeTable(routes),
  ];
  return lines.join('\n');
}
