import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, type TestContext } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, webDist } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type Database } from '../server/db/database.ts';
import { migrateToLatest } from '../server/migrations.ts';
import { ensureAdmin } from '../server/modules/accounts/index.ts';
import { DEMO_PASSWORD, loadDemo } from '../server/demo/load.ts';
import type { SmsSender } from '../server/platform/sms.ts';
import { readFirstSheet } from '../server/platform/xlsx-reader.ts';

/**
 * The browser-test harness: the real server in-process (buildApp, serving the built web app) on a
 * fresh SQLite data dir and a free port, driven by Debian's Chromium through playwright-core.
 *
 *   const e2e = useE2E();                       // server + browser for this file
 *   const page = await e2e.desktopPage();       // 1440×900, zh-CN
 *   const phone = await e2e.phonePage();        // 390×844, touch, isMobile
 *   await page.goto('/m');                      // pages resolve paths against the test server
 *
 * A failing test leaves a full-page screenshot of every page it opened under test-results/.
 */

export const ADMIN_PASSWORD = 'E2e-Admin-Pass-2025';
export { DEMO_PASSWORD };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const resultsDir = path.join(root, 'test-results');

/** Debian's chromium, never a downloaded browser: `.ci/run` installs it with fonts-wqy-zenhei. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * The flags known to work on these machines (docs: ENGINEERING.md). Playwright adds
 * `--user-data-dir` itself, pointing at a fresh temporary profile it deletes on close; passing our
 * own would be refused, so every launch already starts from an empty profile.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const locale: BrowserContextOptions = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
export const DESKTOP: BrowserContextOptions = { ...locale, viewport: { width: 1440, height: 900 } };
export const PHONE: BrowserContextOptions = {
  ...locale,
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

export interface TestServer {
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  origin: string;
  close(): Promise<void>;
}

/** Fails with a clear message when the web app was not built (npm test builds it first). */
export function requireBuiltWeb(): void {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(`The web app is not built: ${index} is missing. Run \`npm run build:web\` (npm test and npm run test:e2e do it first).`);
  }
}

export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's browser and a CJK font with \`apt-get install -y chromium fonts-wqy-zenhei\` (.ci/run does).`);
  }
}

export interface ServerOptions {
  demo?: boolean;
  /** Where text messages go, e.g. an outbox the test reads sign-up codes from (default: the log). */
  smsSender?: SmsSender;
  /** The server's clock (default: the real time), for journeys that wait out a period. */
  clock?: () => Date;
}

/** The real server on a fresh SQLite data dir, with the admin account and optionally the demo county. */
export async function startServer(opts: ServerOptions = {}): Promise<TestServer> {
  requireBuiltWeb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    GONGHUI_DATA_DIR: dataDir,
    GONGHUI_LOG_LEVEL: process.env.E2E_LOG ?? 'silent',
    // The SQLite read pool is opt-in (docs/architecture.md "Read replica"): E2E_READERS=2 runs the journeys on it.
    GONGHUI_SQLITE_READERS: process.env.E2E_READERS ?? '0',
    // Every journey logs in several times from the same address.
    GONGHUI_AUTH_RATE_LIMIT: '1000',
  });
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  try {
    database = openDatabase({ dataDir: config.dataDir });
    await migrateToLatest(database.db);
    app = await buildApp({ config, database, serveWeb: true, smsSender: opts.smsSender, clock: opts.clock });
    await ensureAdmin(app.deps, ADMIN_PASSWORD);
    if (opts.demo) await loadDemo(app.deps);
    // As `serve` does: due jobs (sign-up codes' text messages among them) run in the background.
    await app.jobWorker.start();
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (err) {
    await app?.close();
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const { port } = app.server.address() as AddressInfo;
  const running = app;
  const db = database;
  return {
    app: running,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await running.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface E2E {
  /** A page in its own fresh context (own cookies): 1440×900 desktop. */
  desktopPage(): Promise<Page>;
  /** A page in its own fresh context: 390×844 phone with touch. */
  phonePage(): Promise<Page>;
}

function fileSafe(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 120);
}

/**
 * Registers the hooks of one e2e file: a server and a browser for the whole file, fresh contexts
 * per page, and screenshots of every open page when a test fails.
 */
export function useE2E(opts: ServerOptions = {}): E2E {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  const pageErrors = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    server = await startServer(opts);
    browser = await launchChromium();
  });

  afterEach(async (ctx: TestContext) => {
    const open = contexts;
    contexts = [];
    if (ctx.task.result?.state === 'fail') {
      fs.mkdirSync(resultsDir, { recursive: true });
      const pages = open.flatMap((c) => c.pages());
      for (const [i, page] of pages.entries()) {
        const file = path.join(resultsDir, `${fileSafe(ctx.task.name)}-${i + 1}.png`);
        try {
          await page.screenshot({ path: file, fullPage: true });
          console.error(`screenshot of ${page.url()} → ${path.relative(root, file)}`);
        } catch (err) {
          console.error(`no screenshot of ${page.url()}: ${(err as Error).message}`);
        }
        const errors = pageErrors.get(page) ?? [];
        if (errors.length) console.error(`errors in ${page.url()}:\n  ${errors.join('\n  ')}`);
      }
    }
    await Promise.all(open.map((c) => c.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newPage(options: BrowserContextOptions): Promise<Page> {
    if (!browser || !server) throw new Error('useE2E: the browser is not running (call pages inside tests)');
    const context = await browser.newContext({ ...options, baseURL: server.origin });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    return page;
  }

  return {
    desktopPage: () => newPage(DESKTOP),
    phonePage: () => newPage(PHONE),
  };
}

/**
 * Picks an organisation in an OrgTreeSelect by typing its name and clicking the match, and checks
 * the field shows it. A click that lands while the options are still loading or the popup is
 * still opening (a slow CI) is retried until the field shows the name.
 */
export async function chooseOrg(scope: Locator, page: Page, label: string, name: string): Promise<void> {
  const field = scope.getByLabel(label);
  const item = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label) });
  await untilShown(item, name, async () => {
    await field.click();
    await field.fill(name);
    await page.getByRole('tree').filter({ visible: true }).getByText(name, { exact: true }).last().click({ timeout: 5_000 });
  });
}

/** Repeats `choose` until `where` shows `name`: a choice on a busy page can be lost to a re-render. */
async function untilShown(where: Locator, name: string, choose: () => Promise<void>): Promise<void> {
  const shown = async () => (await where.innerText()).includes(name);
  await expect
    .poll(
      async () => {
        if (await shown()) return true;
        await choose();
        return shown();
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

/**
 * Chooses `name` in the antd Select labelled `label` within `scope`, until the select shows it: on a
 * busy machine a click on an option can land while the dropdown is still opening, or just before
 * the form re-renders (after a refused action), and the old choice stays.
 */
export async function chooseOption(scope: Locator, page: Page, label: string, name: string): Promise<void> {
  const field = scope.getByLabel(label);
  const select = scope.locator('.ant-select').filter({ has: page.getByLabel(label) });
  await untilShown(select, name, async () => {
    await field.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: name }).first().click({ timeout: 5_000 });
  });
}

/**
 * Signs `username` in on the phone's login page and waits until the portal has taken the session
 * (the page has left /m/login), so the next navigation is made signed in.
 */
export async function phoneLogIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/m/login');
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByLabel('密码', { exact: true }).and(page.locator('input')).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname !== '/m/login', { timeout: 15_000 });
}

/**
 * Asserts that Chinese text in `selector` is drawn with real glyphs, not tofu: with no CJK font
 * every missing glyph is the same empty box, so two different characters rasterise identically.
 * Draws 工 and 会 in the element's own computed font and compares the pixels.
 */
export async function expectChineseRenders(page: Page, selector = 'body'): Promise<void> {
  const text = (await page.locator(selector).first().innerText()).trim();
  expect(text, `no Chinese text in ${selector}`).toMatch(/\p{Script=Han}/u);
  const result = await page.locator(selector).first().evaluate((el) => {
    const style = getComputedStyle(el);
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const g = canvas.getContext('2d')!;
    const draw = (ch: string) => {
      g.clearRect(0, 0, 64, 64);
      g.fillStyle = '#000';
      g.font = `48px ${style.fontFamily}`;
      g.textBaseline = 'top';
      g.fillText(ch, 4, 4);
      return Array.from(g.getImageData(0, 0, 64, 64).data);
    };
    const a = draw('工');
    const b = draw('会');
    const inked = (px: number[]) => px.some((v, i) => i % 4 === 3 && v > 0);
    return { fontFamily: style.fontFamily, inked: inked(a) && inked(b), distinct: a.some((v, i) => v !== b[i]) };
  });
  expect(result.inked, `Chinese glyphs draw nothing in font ${result.fontFamily}`).toBe(true);
  expect(result.distinct, `Chinese renders as identical boxes (tofu) in font ${result.fontFamily}: install fonts-wqy-zenhei`).toBe(true);
}

/**
 * Clicks the list's 导出 button inside `scope` and answers the downloaded file's name and its
 * rows (the header first), read by gonghui's own workbook reader.
 */
export async function downloadExport(page: Page, scope: Page | Locator = page): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name: /导出$/ }).click()]);
  const rows: string[][] = [];
  for await (const { values } of readFirstSheet(await download.path())) rows.push(values.map((v) => (v === undefined ? '' : String(v))));
  return { name: download.suggestedFilename(), rows };
}
