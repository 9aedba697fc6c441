import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, downloadExport, expectChineseRenders, useE2E } from './harness.ts';

/**
 * 资讯发布: the 魏塘 street cadre writes a notice for the street's members in the console's
 * rich-text editor, publishes it and attaches the form as a PDF; 李小芳, a member of a union in
 * 魏塘, opens 工会资讯 on her phone, reads it and downloads the form; someone not logged in does
 * not find it among the public articles, but finds the county's own column 创业扶持.
 */

const timeout = 15_000;
const TITLE = '关于夏季高温津贴发放的通知（e2e）';
const PDF_NAME = '高温津贴申领表.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const passwordInput = (page: Page) => page.getByLabel('密码', { exact: true }).and(page.locator('input'));
const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('news and policies', () => {
  const e2e = useE2E({ demo: true });

  it('a cadre writes and publishes a notice in the console, and a member reads it on the phone', async () => {
    // --- The street cadre writes the notice.
    const desk = await e2e.desktopPage();
    await desk.goto('/articles');
    await desk.getByLabel('用户名').fill('weitang');
    await desk.getByLabel('密码').fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: '登录', exact: true }).click();
    await desk.getByRole('heading', { name: '资讯发布' }).waitFor({ timeout });
    await desk.getByRole('button', { name: '写文章' }).click();
    const drawer = desk.getByRole('dialog').filter({ visible: true });
    await drawer.getByLabel('标题', { exact: true }).fill(TITLE);
    const body = drawer.getByRole('textbox', { name: '正文' });
    await body.click();
    await desk.keyboard.type('各基层工会：');
    await desk.keyboard.press('Enter');
    await drawer.getByRole('button', { name: '加粗' }).click();
    await desk.keyboard.type('7月1日起');
    await drawer.getByRole('button', { name: '加粗' }).click();
    await desk.keyboard.type('按月发放高温津贴。');
    await drawer.getByRole('button', { name: '发布', exact: true }).click();
    await desk.getByText('已发布').filter({ visible: true }).first().waitFor({ timeout });
    const row = desk.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('已发布').waitFor({ timeout });
    await row.getByText('魏塘街道总工会').waitFor({ timeout });
    // --- … and attaches the claim form to it.
    await row.getByRole('button', { name: '编辑' }).click();
    const editing = desk.getByRole('dialog').filter({ visible: true });
    await editing.getByText('编辑文章').waitFor({ timeout });
    await editing.locator('input[type=file][accept=".pdf,.docx,.xlsx"]').setInputFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF });
    await editing.getByRole('link', { name: PDF_NAME }).waitFor({ timeout });
    await editing.getByRole('button', { name: '取消' }).click();
    const exported = await downloadExport(desk);
    expect(exported.name).toMatch(/^资讯-魏塘街道总工会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(exported.rows.some((r) => r[0] === TITLE)).toBe(true);

    // --- The member reads it under 工会资讯 on the phone.
    const phone = await e2e.phonePage();
    await phone.goto('/m/login');
    await phone.getByRole('textbox', { name: '用户名' }).fill('worker');
    await passwordInput(phone).fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByRole('link', { name: '工会资讯', exact: true }).click();
    await phone.getByRole('tab', { name: '通知公告' }).click();
    await phone.getByRole('link', { name: TITLE }).click();
    await phone.getByRole('heading', { name: TITLE }).waitFor({ timeout });
    await phone.locator('.gh-article-body strong', { hasText: '7月1日起' }).waitFor({ timeout });
    await phone.getByText('阅读 1').waitFor({ timeout });
    const attachment = phone.getByRole('link', { name: new RegExp(PDF_NAME) });
    await attachment.waitFor({ timeout });
    const download = await phone.request.get((await attachment.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(await fitsPhone(phone)).toBeLessThanOrEqual(390);
    await expectChineseRenders(phone, 'h1');

    // --- The console counts the read; the cadre's own view counted none.
    await desk.reload();
    await desk.getByRole('row').filter({ hasText: TITLE }).getByRole('cell', { name: '1', exact: true }).waitFor({ timeout });

    // --- Not logged in: the public articles only (the demo's policy digest), not this notice.
    const visitor = await e2e.phonePage();
    await visitor.goto('/m/news');
    await visitor.getByRole('link', { name: /管理办法/ }).waitFor({ timeout });
    expect(await visitor.getByRole('link', { name: TITLE }).count()).toBe(0);
    await visitor.getByRole('tab', { name: '创业扶持' }).click();
    await visitor.getByRole('link', { name: /云创青年小镇出台创业扶持政策/ }).waitFor({ timeout });
  });
});
