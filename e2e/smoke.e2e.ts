import { describe, expect, it } from 'vitest';
import { expectChineseRenders, useE2E } from './harness.ts';

describe('the built platform in a browser', () => {
  const e2e = useE2E();

  it('serves the health check through the real server', async () => {
    const page = await e2e.desktopPage();
    const res = await page.request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'sqlite' });
  });

  it('serves the console at / and the member portal at /m as HTML pages', async () => {
    const page = await e2e.desktopPage();
    for (const pathname of ['/', '/m']) {
      const res = await page.request.get(pathname);
      expect(res.status(), pathname).toBe(200);
      expect(res.headers()['content-type'], pathname).toContain('text/html');
      expect(await res.text(), pathname).toMatch(/<div id="root">/);
    }
  });

  it('shows the console login page in Chinese, drawn with a real CJK font', async () => {
    const page = await e2e.desktopPage();
    await page.goto('/');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toMatch(/\p{Script=Han}/u);
    await expectChineseRenders(page);
  });
});
