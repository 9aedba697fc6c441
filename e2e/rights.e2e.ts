import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, useE2E } from './harness.ts';

/**
 * Rights cases (维权, #14 §1): the worker 李小芳 asks for help about unpaid wages on the phone and
 * gets a case number; 魏塘's cadre finds the case in the queue, accepts it, records a mediation and
 * closes it resolved; the worker sees it closed with its steps and rates it.
 */

const timeout = 15_000;

async function phoneLogin(phone: Page) {
  await phone.goto('/m/login');
  await phone.getByRole('textbox', { name: '用户名' }).fill('worker');
  await phone.getByLabel('密码', { exact: true }).and(phone.locator('input')).fill(DEMO_PASSWORD);
  await phone.getByRole('button', { name: '登录' }).click();
  await phone.getByText('李小芳，您好').waitFor({ timeout });
}

describe('rights cases', () => {
  const e2e = useE2E({ demo: true });

  it('a worker files a case on the phone, a cadre closes it, the worker rates it', async () => {
    const phone = await e2e.phonePage();
    await phoneLogin(phone);
    await phone.getByText('维权服务', { exact: true }).click();
    await phone.getByRole('button', { name: '我要维权' }).click();
    await phone.getByText('加班', { exact: true }).click();
    await phone.getByPlaceholder('单位全称').fill('浙江亿力清洁有限公司');
    await phone.getByPlaceholder('时间、经过、诉求').fill('十月份加班工资2400元至今未发放');
    await phone.getByText('我同意工会为办理本案处理上述个人信息').click();
    await phone.getByRole('button', { name: '提交' }).click();
    await phone.getByTestId('case-status').getByText('待受理').waitFor({ timeout });
    const caseNo = (await phone.getByText(/^WQ\d{10}$/).innerText()).trim();

    // The case went to 李小芳's union, under 魏塘街道: its cadre handles it.
    const page = await e2e.desktopPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('weitang');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout });
    await page.goto(`/rights/cases?q=${caseNo}`);
    await page.getByText(caseNo, { exact: true }).click({ timeout });
    await page.getByTestId('narrative').getByText('十月份加班工资2400元至今未发放').waitFor({ timeout });
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByText('已受理', { exact: true }).first().waitFor({ timeout });
    await page.getByPlaceholder('记录内容').fill('已约企业负责人调解，企业同意本周内补发');
    await page.getByRole('button', { name: '记录办理过程' }).click();
    await page.getByText('已约企业负责人调解，企业同意本周内补发').waitFor({ timeout });
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('spinbutton').fill('2400');
    await drawer.getByRole('button', { name: '办结' }).click();
    await page.getByText('已办结', { exact: true }).first().waitFor({ timeout });

    // Back on the phone: closed, the steps shown, and a rating.
    await phone.reload();
    await phone.getByTestId('case-status').getByText('已办结').waitFor({ timeout });
    await phone.getByText('¥2400.00').waitFor({ timeout });
    await phone.getByRole('button', { name: '提交评价' }).click();
    await phone.getByText('您的评价', { exact: true }).waitFor({ timeout });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
