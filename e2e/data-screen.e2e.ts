import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectChineseRenders, useE2E } from './harness.ts';

/**
 * 数据大屏 (issue #11 §5): the county cadre opens the data screen from the workbench, in a window of
 * its own, and it shows the county's figures exactly as GET /api/orgs/{id}/overview answers them,
 * with every chart drawn and the whole 1920×1080 stage fitting the window.
 */

const timeout = 15_000;

/** The number a figure tile shows ("1,234", "85.7", "—" for none). */
async function shown(page: Page, figure: string): Promise<number | null> {
  const text = (await page.locator(`[data-figure="${figure}"] [data-value]`).innerText()).trim();
  return text === '—' ? null : Number(text.replace(/,/g, ''));
}

describe('the data screen', () => {
  const e2e = useE2E({ demo: true });

  it('the county cadre opens it from the workbench and reads the same figures as the API', async () => {
    const desk = await e2e.desktopPage();
    await desk.goto('/');
    await desk.getByLabel('用户名').fill('jiashan');
    await desk.getByLabel('密码').fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: '登录', exact: true }).click();
    await desk.getByRole('heading', { name: '沈建华，您好' }).waitFor({ timeout });

    const [screen] = await Promise.all([desk.context().waitForEvent('page'), desk.getByRole('link', { name: /数据大屏/ }).click()]);
    await screen.waitForURL(/\/screen\/\d+$/, { timeout });
    const orgId = Number(new URL(screen.url()).pathname.split('/').at(-1));
    await screen.getByRole('heading', { name: '嘉善县总工会数据大屏' }).waitFor({ timeout });
    await screen.locator('[data-figure="members.total"]').waitFor({ timeout });
    await expectChineseRenders(screen, 'h1');

    const answer = await screen.request.get(`/api/orgs/${orgId}/overview`);
    expect(answer.status()).toBe(200);
    const { figures } = await answer.json();
    expect(await shown(screen, 'members.total')).toBe(figures.members.total);
    expect(await shown(screen, 'members.joinedThisYear')).toBe(figures.members.joinedThisYear);
    expect(await shown(screen, 'members.coverage.unionizationRate')).toBe(figures.members.coverage.unionizationRate);
    expect(await shown(screen, 'members.coverage.membershipRate')).toBe(figures.members.coverage.membershipRate);
    expect(await shown(screen, 'pioneer.activeTitles')).toBe(figures.pioneer.activeTitles);
    expect(await shown(screen, 'activities.activities')).toBe(figures.activities.activities);
    expect(await shown(screen, 'activities.confirmed')).toBe(figures.activities.confirmed);
    expect(await shown(screen, 'activities.checkedIn')).toBe(figures.activities.checkedIn);
    expect(await shown(screen, 'activities.participationRate')).toBe(figures.activities.participationRate);
    expect(await shown(screen, 'contests.contests')).toBe(figures.contests.contests);
    expect(await shown(screen, 'contests.entries')).toBe(figures.contests.entries);
    expect(await shown(screen, 'contests.approvedEntries')).toBe(figures.contests.approvedEntries);
    // The demo county's titles, from the newspaper page: 3 national, 1 provincial, 29 city, 208 county.
    expect(figures.pioneer.byLevel).toEqual({ national: 3, province: 1, city: 29, county: 208 });

    // When the figures were read, in Shanghai time.
    const updated = await screen.getByTestId('screen-updated').innerText();
    expect(updated).toMatch(/^数据更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);

    // Every chart drawn on a canvas, and the stage scaled into the 1440×900 window.
    for (const panel of ['近12个月新入会会员', '下级组织会员排行', '企业建会情况', '工人先锋号（按级别）', '今年活动（按类型）']) {
      await screen.getByRole('region', { name: panel }).locator('canvas').first().waitFor({ timeout });
    }
    const box = (await screen.locator('.screen-stage').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1440.5);
    expect(box.y + box.height).toBeLessThanOrEqual(900.5);
  });

  it('a street cadre cannot open another street’s screen', async () => {
    const page = await e2e.desktopPage();
    const login = await page.request.post('/api/auth/login', { data: { username: 'weitang', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const roots = await (await page.request.get('/api/orgs/roots')).json();
    const street = roots.items[0].id as number;
    const own = await (await page.request.get(`/api/orgs/${street}/overview`)).json();
    await page.goto(`/screen/${street}`);
    await page.locator('[data-figure="members.total"]').waitFor({ timeout });
    expect(await shown(page, 'members.total')).toBe(own.figures.members.total);
    expect((await page.request.get('/api/orgs/1/overview')).status()).toBe(404);
    await page.goto('/screen/1');
    await page.getByText('数据加载失败').waitFor({ timeout });
  });
});
