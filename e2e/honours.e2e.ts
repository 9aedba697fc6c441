import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectChineseRenders, useE2E } from './harness.ts';

/**
 * 劳模工匠: the county cadre finds on the workbench the model worker not yet verified this year,
 * records the yearly verification (alive, in post), runs the month's allowances for the county,
 * watches the run finish, and sees the month's entry in that model worker's ledger.
 */

const timeout = 20_000;

describe('model workers and their allowance', () => {
  const e2e = useE2E({ demo: true });

  it('a cadre verifies a model worker, runs the month’s allowance and sees it in the ledger', async () => {
    const desk = await e2e.desktopPage();
    await desk.goto('/');
    await desk.getByLabel('用户名').fill('jiashan');
    await desk.getByLabel('密码').fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: '登录', exact: true }).click();

    // The workbench lists the one model worker still to verify, and leads to the filtered list.
    const todo = desk.getByRole('group', { name: '劳模待年度核查（核查后方可发放津贴）' });
    await todo.waitFor({ timeout });
    expect(await todo.locator('.ant-statistic-content-value').innerText()).toBe('1');
    await todo.getByRole('button', { name: '去处理' }).click();
    await desk.waitForURL((url) => url.pathname === '/honours/model-workers' && url.searchParams.get('unverified') === 'true', { timeout });
    const list = desk.locator('.ant-card').first();
    const row = list.locator('.ant-table-row').filter({ hasText: '未核查' });
    await row.waitFor({ timeout });
    expect(await list.locator('.ant-table-row').count()).toBe(1);
    const name = (await row.locator('td').first().locator('a').innerText()).trim();
    await expectChineseRenders(desk, 'h1');

    await row.getByRole('button', { name: '年度核查' }).click();
    const verify = desk.locator('.ant-modal').filter({ hasText: '年度核查' });
    await verify.getByRole('button', { name: '年度核查' }).click();
    await desk.getByText('核查已记录').waitFor({ timeout });
    await list.locator('.ant-table-placeholder').waitFor({ timeout });

    // The month's run for the county: queued as a job, done by the worker, listed with its figures.
    await desk.getByRole('switch', { name: '只看未核查' }).click();
    await desk.getByRole('button', { name: '发放月津贴' }).click();
    const run = desk.locator('.ant-modal').filter({ hasText: '同一月份只发放一次' });
    await run.getByRole('button', { name: '发放月津贴' }).click();
    await desk.getByText('已提交发放任务，稍后自动完成').waitFor({ timeout });
    const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
    const runs = desk.locator('.ant-card').filter({ hasText: '发放记录' });
    await runs.getByRole('row', { name: new RegExp(`^${month} 嘉善县总工会 已完成`) }).waitFor({ timeout });

    // Her ledger: this month's ¥100.00 (a county model worker's allowance by the rules' defaults).
    await list.locator('.ant-table-row').filter({ hasText: name }).getByRole('button', { name: '津贴台账' }).click();
    const drawer = desk.locator('.ant-drawer').filter({ hasText: `${name} · 津贴台账` });
    const entry = drawer.getByRole('row', { name: new RegExp(`^${month} `) });
    await entry.waitFor({ timeout });
    expect(await entry.innerText()).toContain('¥100.00');
    expect(await drawer.getByText(`${new Date().getFullYear()} · 健在 是 · 在岗 是`).count()).toBe(1);
  });
});
