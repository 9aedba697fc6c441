import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, expectChineseRenders, useE2E } from './harness.ts';

/**
 * 集体协商 from the proposal to the agreement in force: 信息港's cadre proposes a safety round to
 * one enterprise, records the reply, seats three representatives a side with a chief each, drafts
 * a clause from a template, records the congress's vote (two thirds attending, more than half
 * approving), has the chiefs sign, files it and records the authority's confirmation: the round is
 * in force, and its timeline shows every step with its deadline and article.
 */

const timeout = 20_000;
const ENTERPRISE = '杭州云港软件有限公司';

async function pick(page: Page, dialog: Locator, label: string, option: string) {
  await expect
    .poll(
      async () => {
        await dialog.getByLabel(label, { exact: true }).click();
        await page.locator('.ant-select-item-option').filter({ hasText: option }).filter({ visible: true }).first().click({ timeout: 5_000 });
        return (await dialog.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) }).innerText()).includes(option);
      },
      { timeout },
    )
    .toBe(true);
}

describe('collective bargaining', () => {
  const e2e = useE2E({ demo: true });

  it('a round goes from the proposal to the agreement in force, each step on its statutory timeline', async () => {
    const desk = await e2e.desktopPage();
    await desk.goto('/');
    await desk.getByLabel('用户名').fill('xinxigang');
    await desk.getByLabel('密码').fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: '登录', exact: true }).click();
    await desk.getByRole('menuitem', { name: '集体协商' }).click();
    await desk.getByRole('button', { name: '发出要约' }).click();

    // The proposal: the union, one enterprise, a safety round, today.
    const propose = desk.getByRole('dialog');
    await expect
      .poll(
        async () => {
          const field = propose.getByLabel('工会', { exact: true });
          await field.click();
          await desk.getByRole('tree').filter({ visible: true }).getByText('杭州湾信息港基层工会联合会', { exact: true }).last().click({ timeout: 5_000 });
          return (await propose.locator('.ant-form-item').first().innerText()).includes('杭州湾信息港');
        },
        { timeout },
      )
      .toBe(true);
    await pick(desk, propose, '覆盖企业', ENTERPRISE);
    await desk.keyboard.press('Escape');
    await pick(desk, propose, '类型', '劳动安全卫生专项');
    await propose.getByRole('button', { name: /保\s*存/ }).click();
    await desk.waitForURL((url) => /^\/bargaining\/\d+$/.test(url.pathname), { timeout });
    await desk.getByText('已要约').first().waitFor({ timeout });
    await expectChineseRenders(desk, 'h1');
    const timeline = desk.locator('.ant-card').filter({ hasText: '协商进程与法定期限' });
    expect(await timeline.locator('[data-step="reply"]').innerText()).toContain('art. 32');

    // The reply.
    await desk.getByRole('button', { name: '登记回应' }).click();
    await desk.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await desk.getByText('协商中').first().waitFor({ timeout });

    // Three representatives a side, the first of each the chief.
    for (const side of ['职工方', '企业方']) {
      for (let i = 1; i <= 3; i++) {
        await desk.getByRole('button', { name: '添加代表' }).click();
        const dialog = desk.getByRole('dialog');
        await dialog.getByLabel(side, { exact: true }).check();
        await dialog.getByLabel('姓名', { exact: true }).fill(`${side}代表${i}`);
        if (i === 1) await dialog.getByRole('switch').click();
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await desk.getByRole('cell', { name: `${side}代表${i}` }).waitFor({ timeout });
      }
    }

    // A draft with the safety clause from its template.
    await desk.getByRole('button', { name: '新版本草案' }).click();
    const draft = desk.getByRole('dialog');
    await draft.getByLabel('从模板添加条款').click();
    await desk.locator('.ant-select-item-option').filter({ hasText: '劳动安全卫生' }).filter({ visible: true }).first().click();
    await draft.getByRole('button', { name: /保\s*存/ }).click();
    await desk.getByText('第 1 稿').waitFor({ timeout });

    // The congress: 30 representatives, exactly two thirds attend, 16 approve.
    const adoption = desk.locator('.ant-card').filter({ hasText: '职代会审议（第三十六条）' });
    await adoption.getByLabel('应到人数').fill('30');
    await adoption.getByLabel('出席人数').fill('20');
    await adoption.getByLabel('同意人数').fill('16');
    await adoption.getByRole('button', { name: '登记表决结果' }).click();
    await adoption.getByText('通过：至少 20 人出席、16 人同意（art. 36）').waitFor({ timeout });

    // Signing, filing and the authority's confirmation.
    await desk.getByRole('button', { name: '首席代表签字' }).click();
    await desk.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await desk.getByText(/已签字，须于 \d{4}-\d{2}-\d{2} 前报送审查/).waitFor({ timeout });
    await desk.getByRole('button', { name: '报送审查' }).click();
    const filing = desk.getByRole('dialog').filter({ hasText: '报送审查' });
    await filing.getByRole('button', { name: /保\s*存/ }).click();
    await desk.getByText(/已报送，无异议将于 \d{4}-\d{2}-\d{2} 生效/).waitFor({ timeout });
    await filing.waitFor({ state: 'hidden', timeout });
    await desk.getByRole('button', { name: '登记审查意见' }).click();
    const review = desk.getByRole('dialog').filter({ hasText: '登记审查意见' });
    await review.getByRole('button', { name: /保\s*存/ }).click();
    await review.waitFor({ state: 'hidden', timeout });
    await desk.locator('.ant-tag').filter({ hasText: '已生效' }).first().waitFor({ timeout });

    // The timeline: every step with its article, the filing's 10 days and the term's end.
    for (const [step, article] of [['proposal', 'art. 32'], ['adoption', 'art. 36'], ['filing', 'art. 42'], ['review', 'art. 47'], ['term', 'art. 38'], ['renewal', 'art. 38']]) {
      expect(await timeline.locator(`[data-step="${step}"]`).innerText()).toContain(article);
    }
    expect(await timeline.locator('[data-step="filing"]').innerText()).toMatch(/期限 \d{4}-\d{2}-\d{2}/);
  });
});
