import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, useE2E } from './harness.ts';

/**
 * 职工疗休养 (#15 §1): a member of 开化's 华埠电子 opens 疗休养 on their phone, applies for the
 * 钱江源 trip their union holds places of, and sees it pending; 开化's cadre finds it under 报名审核
 * and approves it.
 */

const timeout = 15_000;
const passwordInput = (page: Page) => page.getByLabel('密码', { exact: true }).and(page.locator('input'));

async function logInAt(page: Page, path: string, username: string) {
  await page.goto(path);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

describe('recuperation', () => {
  const e2e = useE2E({ demo: true });

  it('a member applies for a trip on the phone and the county cadre approves it', async () => {
    const phone = await e2e.phonePage();
    await phone.goto('/m/login');
    await phone.getByRole('textbox', { name: '用户名' }).fill('kaihuaworker');
    await passwordInput(phone).fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByRole('link', { name: '疗休养', exact: true }).click();
    const batch = phone.getByTestId('recuperation-batch').filter({ hasText: '钱江源国家公园' });
    await batch.waitFor({ timeout });
    expect(await batch.innerText()).toContain('余 10 个名额');
    await batch.getByRole('button', { name: '报名' }).click();
    await phone.locator('.adm-dialog').getByText('报名', { exact: true }).last().click();
    await phone.getByText('已提交：待审核').waitFor({ timeout });
    await batch.getByText('待审核').waitFor({ timeout });

    const desk = await e2e.desktopPage();
    await logInAt(desk, '/recuperation/applications', 'kaihua');
    const row = desk.locator('.ant-table-row').filter({ hasText: '徐燕芳' });
    await row.waitFor({ timeout });
    await row.getByRole('button', { name: '批准' }).click();
    await row.getByText('已批准').waitFor({ timeout });
  });
});
