import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectChineseRenders, useE2E } from './harness.ts';

/**
 * The member portal on a phone (指尖上的工会): a worker of the demo county logs in with their phone
 * number and finds themselves under 我的, with the phone number masked.
 */

const timeout = 15_000;

/** A password field has no ARIA role: the input labelled 密码. */
const passwordInput = (page: Page) => page.getByLabel('密码', { exact: true }).and(page.locator('input'));

describe('the member portal /m on a phone', () => {
  const e2e = useE2E({ demo: true });

  it('a worker logs in with their phone number and sees 我的 with the number masked', async () => {
    const page = await e2e.phonePage();
    // A visitor's home page offers 登录.
    await page.goto('/m');
    await page.locator('.gh-hero').getByRole('link', { name: '登录' }).click();
    await page.getByRole('textbox', { name: '用户名' }).fill('13800000001');
    await passwordInput(page).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();

    // 首页: greeted by name, under their union.
    await page.getByText('李小芳，您好').waitFor({ timeout });
    await page.getByText('浙江亿力清洁有限公司工会').first().waitFor({ timeout });

    await page.getByText('我的', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout }).toBe('/m/me');
    await page.getByText('138****0001').first().waitFor({ timeout });
    // Their membership is read from their member record: its number, not 尚未加入工会.
    await page.getByText('会员编号').waitFor({ timeout });
    expect(await page.getByText('尚未加入工会').count()).toBe(0);
    const html = await page.content();
    expect(html).not.toContain('13800000001');

    // It fits the phone: nothing wider than the 390 px screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await expectChineseRenders(page);
  });

  it('a wrong password is refused in Chinese and leaves the worker on the login page', async () => {
    const page = await e2e.phonePage();
    await page.goto('/m/login');
    await page.getByRole('textbox', { name: '用户名' }).fill('worker');
    await passwordInput(page).fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout }).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/m/login');
  });
});
