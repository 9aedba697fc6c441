/**
 * The layer rules of docs/architecture.md, checked by `npm run lint:layers` (part of `npm test`).
 *
 * Server layers, lowest first — a layer may import its own and lower layers, never a higher one:
 *   1. server/config.ts, server/db/**       settings, the Kysely instance, migrations
 *   2. server/platform/**                   mechanisms every module shares
 *   3. server/modules/**                    one bounded context per folder
 *   4. server/app.ts                        builds Fastify from the module list
 *   5. entry points: server/main.ts, server/demo/**, server/ops/**, scripts/, bench/, e2e/
 * Type-only imports count (tsPreCompilationDeps), since a type import still couples the layers.
 * Test files (*.test.ts) are not part of a layer: an integration test drives the whole app through
 * server/test/harness.ts whichever folder it sits in, and nothing imports a test.
 */

/** Test files: exempt from the layer and module-boundary rules (see above). */
const TEST_FILE = '\\.test\\.ts$';
/** What sits above server/modules/: app.ts and every entry point. */
const ABOVE_MODULES = '^(server/(app|main)\\.ts$|server/(demo|ops)/|scripts/|bench/|e2e/)';
/** What sits above server/platform/: the modules and everything above them. */
const ABOVE_PLATFORM = `^server/modules/|${ABOVE_MODULES}`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'db-is-the-bottom-layer',
      comment:
        'server/config.ts and server/db/** are the lowest layer: the database code must work without the ' +
        'platform, the modules or the app above it (and must not be a way for them to reach each other). ' +
        'Operations commands that need more (backup/restore needs pii) live in server/ops/.',
      severity: 'error',
      from: { path: '^server/(db/|config\\.ts$)', pathNot: TEST_FILE },
      to: { path: `^server/platform/|${ABOVE_PLATFORM}` },
    },
    {
      name: 'platform-never-imports-a-module',
      comment:
        'server/platform/** holds the mechanisms every module uses and none owns: it never imports a module, ' +
        'the app or an entry point. A module extends the platform by registering with it or by augmenting ' +
        'its types with `declare module` (an import from the module down, which is allowed).',
      severity: 'error',
      from: { path: '^server/platform/', pathNot: TEST_FILE },
      to: { path: ABOVE_PLATFORM },
    },
    {
      name: 'modules-never-import-the-app',
      comment:
        'A module is registered by the app, not the other way round: server/modules/** never imports ' +
        'server/app.ts, server/main.ts, server/demo/**, server/ops/**, scripts/, bench/ or e2e/.',
      severity: 'error',
      from: { path: '^server/modules/', pathNot: TEST_FILE },
      to: { path: ABOVE_MODULES },
    },
    {
      name: 'app-never-imports-an-entry-point',
      comment:
        'server/app.ts builds the Fastify app for every entry point (main, tests, scripts, bench); ' +
        'it never imports one of them.',
      severity: 'error',
      from: { path: '^server/app\\.ts$' },
      to: { path: '^(server/main\\.ts$|server/(demo|ops)/|scripts/|bench/|e2e/)' },
    },
    {
      name: 'modules-meet-through-public-entries',
      comment:
        'A module uses another only through its public entry server/modules/<module>/index.ts, so a module ' +
        'can change its internals (store, rules, routes) without breaking its neighbours. Test files are ' +
        'exempt; so is the module list server/modules/index.ts (it is not inside a module folder), which ' +
        'imports each server/modules/<module>/module.ts.',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/', pathNot: TEST_FILE },
      to: { path: '^server/modules/', pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'migrations-import-only-db',
      comment:
        'A shipped migration must never change. If it imported live module or platform code, editing that ' +
        'code would silently change what the migration does on the next fresh install: migrations import ' +
        'only server/db/** and node/npm packages, and freeze any data they seed as literals.',
      severity: 'error',
      from: { path: ['^server/db/migrations/', '^server/modules/[^/]+/migrations/'] },
      to: {
        pathNot: '^server/db/',
        dependencyTypesNot: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'],
      },
    },
    {
      name: 'web-never-imports-server',
      comment:
        'The web app runs in the browser and is built separately: it gets the server\'s types only through ' +
        'the generated web/src/api/schema.d.ts (npm run gen), never by importing server code.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
    {
      name: 'web-ui-is-shared',
      comment:
        'web/src/ui/** holds components shared by the cadre console and the member portal; importing ' +
        'either app from it would drag one app\'s code (and antd or antd-mobile) into the other\'s bundle.',
      severity: 'error',
      from: { path: '^web/src/ui/' },
      to: { path: '^web/src/(console|mobile)/' },
    },
    {
      name: 'no-circular-server',
      comment:
        'A cycle inside server/ means two files cannot be understood, tested or loaded apart, and ESM ' +
        'cycles can meet a binding before it is initialised. Type-only imports count.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^server/', circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'Every relative import must resolve to a file; one that does not would make the rules above ' +
        'silently check nothing (e.g. a broken TypeScript path resolution). Vite\'s virtual modules ' +
        '(virtual:pwa-register, made by vite-plugin-pwa at build time) exist only inside the build.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '^web/dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.jsx', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
