import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstPages, measureFirstLoad, PORTAL_BUDGET_BYTES } from '../scripts/portal-size.ts';
import { webDist } from '../server/app.ts';
import { DEMO_PASSWORD, resultsDir, useE2E } from './harness.ts';

/**
 * 指尖上的工会 as an installed web app (#11 §4): the portal has a web manifest with icons and a
 * service worker scoped to /m/; a member who opened their e-card and 我的报名 once still opens both
 * with the network gone, with a banner saying it is what was last synced; logging out deletes
 * what was kept. And the portal's first load stays within 150 KB gzip.
 *
 * http://127.0.0.1 is a secure context (as localhost), so service workers and Cache Storage work
 * here without TLS. Every page runs in its own browser context: a service worker installed by one
 * test (or one e2e file) never serves another.
 */

const timeout = 15_000;
const HOUR = 3_600_000;
const TITLE = '职工健步走（离线 e2e）';
const DATA_CACHE = 'gonghui-portal-data';
/** What the service worker may keep of a member's data: the runtimeCaching list of web/vite.config.ts. */
const KEPT_APIS = ['/api/me', '/api/me/member', '/api/members/me/card-token', '/api/registrations/mine'];

const passwordInput = (page: Page) => page.getByLabel('密码', { exact: true }).and(page.locator('input'));

async function logIn(page: Page, username: string) {
  await page.goto('/m/login');
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await passwordInput(page).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('李小芳，您好').waitFor({ timeout });
}

/** Waits until the portal's service worker is active and controls the page. */
async function controlledByWorker(page: Page): Promise<string> {
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout });
  return scope;
}

const cachedPaths = (page: Page) =>
  page.evaluate(async (name) => {
    if (!(await caches.has(name))) return null;
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => new URL(r.url).pathname).sort();
  }, DATA_CACHE);

/** Bytes 16–23 of a PNG are its width and height. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('the member portal installed and offline', () => {
  const e2e = useE2E({ demo: true });

  it('is installable: a web manifest with its icons, and a service worker for /m/ only', async () => {
    const phone = await e2e.phonePage();
    await phone.goto('/m/login');
    expect(await phone.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#c8161d');
    const href = (await phone.locator('link[rel="manifest"]').getAttribute('href'))!;
    const answer = await phone.request.get(href);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = (await answer.json()) as { name: string; short_name: string; start_url: string; scope: string; display: string; lang: string; theme_color: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
    expect(manifest).toMatchObject({ short_name: '工会', start_url: '/m/', scope: '/m/', display: 'standalone', lang: 'zh-CN', theme_color: '#c8161d' });
    expect(manifest.name).toContain('工会');
    // What Chromium asks of an installable app: a 192 and a 512 icon, and a maskable one.
    for (const icon of [...manifest.icons, { src: '/m/apple-touch-icon.png', sizes: '180x180', type: 'image/png', purpose: 'any' }]) {
      const png = await phone.request.get(icon.src);
      expect(png.status(), icon.src).toBe(200);
      expect(png.headers()['content-type']).toBe('image/png');
      expect(pngSize(await png.body()).join('x'), icon.src).toBe(icon.sizes);
    }
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);

    const origin = new URL(phone.url()).origin;
    expect(await controlledByWorker(phone)).toBe(`${origin}/m/`);
    // Chromium's own verdict: nothing stands in the way of installing but the test's private window.
    const cdp = await phone.context().newCDPSession(phone);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(parsed).toMatchObject({ url: `${origin}/m/manifest.webmanifest`, errors: [] });
    const worker = await phone.request.get('/m/sw.js');
    expect(worker.headers()['cache-control']).toBe('no-cache');
    expect(worker.headers()['content-type']).toMatch(/^(application|text)\/javascript/);

    // The console, in the same browser, is not the worker's: no controller, no registration for /.
    const desk = await phone.context().newPage();
    await desk.goto('/');
    await desk.getByRole('button', { name: /登\s*录/ }).waitFor({ timeout });
    expect(await desk.evaluate(async () => [navigator.serviceWorker.controller === null, (await navigator.serviceWorker.getRegistration('/')) === undefined])).toEqual([true, true]);
  });

  it('a member opens the e-card and the check-in code offline, and logging out forgets them', async () => {
    // The county publishes an activity (from its own browser); the worker (李小芳) signs up for it.
    const desk = await e2e.desktopPage();
    const login = await desk.request.post('/api/auth/login', { data: { username: 'jiashan', password: DEMO_PASSWORD } });
    const county = (await login.json()) as { csrfToken: string; user: { grants: { orgId: number | null }[] } };
    const created = await desk.request.post('/api/activities', {
      headers: { 'x-csrf-token': county.csrfToken },
      data: {
        orgId: county.user.grants.find((g) => g.orgId !== null)!.orgId,
        title: TITLE,
        kind: 'sports',
        place: '嘉善县体育中心',
        startsAt: new Date(Date.now() + HOUR).toISOString(),
        endsAt: new Date(Date.now() + 3 * HOUR).toISOString(),
        capacity: 50,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const activityId = ((await created.json()) as { id: number }).id;

    const phone = await e2e.phonePage();
    await logIn(phone, 'worker');
    const { csrfToken } = (await (await phone.request.get('/api/me')).json()) as { csrfToken: string };
    const signUp = await phone.request.post(`/api/activities/${activityId}/registrations`, { headers: { 'x-csrf-token': csrfToken } });
    expect(signUp.status(), await signUp.text()).toBe(201);
    const { code } = (await signUp.json()) as { code: string };
    const { name, memberNo } = (await (await phone.request.get('/api/me/member')).json()) as { name: string; memberNo: string };

    // Online: the card, then 我的报名, once the worker controls the page (so their answers are kept).
    await phone.goto('/m/card');
    await controlledByWorker(phone);
    await phone.reload();
    const ecard = phone.getByRole('region', { name: '电子会员卡' });
    await ecard.getByText(memberNo).waitFor({ timeout });
    await phone.goto('/m/activities/mine');
    await phone.getByRole('article', { name: TITLE }).getByText(code).waitFor({ timeout });
    await expect.poll(() => cachedPaths(phone), { timeout }).toEqual(['/api/me', '/api/me/member', '/api/members/me/card-token', '/api/registrations/mine']);
    expect(await phone.getByRole('status').count()).toBe(0);

    // The network goes: the card and the code still open, said to be what was last synced.
    await phone.context().setOffline(true);
    await phone.goto('/m/card');
    await ecard.getByText(name, { exact: true }).waitFor({ timeout });
    await ecard.getByText(memberNo).waitFor({ timeout });
    const banner = phone.getByRole('status').filter({ hasText: '离线，显示的是上次同步的内容' });
    await banner.waitFor({ timeout });
    expect(await banner.innerText()).toMatch(/（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    await phone.goto('/m/activities/mine');
    await phone.getByRole('article', { name: TITLE }).getByText(code).waitFor({ timeout });
    await banner.waitFor({ timeout });
    fs.mkdirSync(resultsDir, { recursive: true });
    await phone.screenshot({ path: path.join(resultsDir, 'portal-offline-registrations.png') });

    // Back online: fresh answers, no banner.
    await phone.context().setOffline(false);
    await phone.goto('/m/card');
    await ecard.getByText(memberNo).waitFor({ timeout });
    await expect.poll(() => phone.getByRole('status').count(), { timeout }).toBe(0);

    // Logging out deletes what was kept; offline, the card is then gone.
    await phone.goto('/m/me');
    await phone.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => new URL(phone.url()).pathname, { timeout }).toBe('/m/login');
    expect(await cachedPaths(phone)).toBeNull();
    await phone.context().setOffline(true);
    await phone.goto('/m/card');
    await phone.getByRole('status').filter({ hasText: '网络已断开' }).waitFor({ timeout });
    expect(await phone.getByText(memberNo).count()).toBe(0);
    await phone.context().setOffline(false);
  });

  it('keeps none of the member’s data but the answers the card and 我的报名 need', async () => {
    const phone = await e2e.phonePage();
    await logIn(phone, 'worker');
    await controlledByWorker(phone);
    await phone.goto('/m/me');
    await phone.getByText('会员编号').waitFor({ timeout });
    await phone.goto('/m/activities');
    await phone.getByRole('heading', { name: '活动报名' }).waitFor({ timeout });
    const kept = (await cachedPaths(phone)) ?? [];
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.filter((p) => !KEPT_APIS.includes(p))).toEqual([]);
  });

  it('a new version waits for the member, keeping a half-filled form, and 新版本可用，点击刷新 applies it', async () => {
    const phone = await e2e.phonePage();
    await logIn(phone, 'worker');
    await controlledByWorker(phone);
    await phone.goto('/m/me/password');
    const current = phone.getByLabel('当前密码', { exact: true }).and(phone.locator('input'));
    await current.fill('half typed');

    // A new build is deployed: a service worker that differs by a byte. Restored afterwards, as
    // every other test reads the same web/dist.
    const sw = path.join(webDist, 'm', 'sw.js');
    const deployed = fs.readFileSync(sw, 'utf8');
    try {
      fs.writeFileSync(sw, `${deployed}\n// the next version\n`);
      await phone.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const refresh = phone.getByRole('button', { name: '新版本可用，点击刷新' });
      await refresh.waitFor({ timeout });
      // Nothing reloaded on its own: what the member typed is still there.
      expect(await current.inputValue()).toBe('half typed');

      await Promise.all([phone.waitForEvent('load', { timeout }), refresh.click()]);
      // The page reloaded into the new version (the form is fresh), with no bar left.
      await current.waitFor({ timeout });
      expect(await current.inputValue()).toBe('');
      expect(await refresh.count()).toBe(0);
      expect(await phone.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull();
      await controlledByWorker(phone);
    } finally {
      fs.writeFileSync(sw, deployed);
    }
  });

  it('first loads within 150 KB gzip, counting everything Chromium fetched', async () => {
    for (const route of Object.keys(firstPages) as (keyof typeof firstPages)[]) {
      const load = measureFirstLoad(route);
      expect(load.total, `${route} first load: ${(load.total / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(PORTAL_BUDGET_BYTES);

      // The measure's model against the real thing: every page, script and style the phone fetched
      // until the page showed (and the worker was registered) is counted.
      const { path: url, member } = firstPages[route];
      const phone = await e2e.phonePage();
      if (member) expect((await phone.request.post('/api/auth/login', { data: { username: 'worker', password: DEMO_PASSWORD } })).status()).toBe(200);
      const fetched = new Set<string>();
      phone.on('response', (res) => {
        const { pathname } = new URL(res.url());
        if (['document', 'script', 'stylesheet'].includes(res.request().resourceType())) fetched.add(pathname === '/m/login' || pathname === '/m/' ? 'm/index.html' : pathname.slice(1));
      });
      await phone.goto(url);
      const shown = { login: phone.getByRole('button', { name: '登录' }), visitorHome: phone.getByText('找到我的工会'), memberHome: phone.getByText('李小芳，您好') };
      await shown[route].waitFor({ timeout });
      await controlledByWorker(phone);
      const counted = new Set(load.files.map((f) => f.file));
      expect([...fetched].filter((f) => !counted.has(f)), `${route}: fetched but not counted`).toEqual([]);
    }
  });
});
