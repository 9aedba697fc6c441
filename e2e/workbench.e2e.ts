import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectChineseRenders, useE2E } from './harness.ts';

/**
 * 工作台与通知: a street cadre opens the console and lands on the workbench, sees the applications
 * waiting for them (one overdue) and, in the bell, the escalation of the overdue one, which leads
 * to the filtered list; a worker hears on the phone that an activity they signed up for was
 * cancelled, and the notice leads to 我的报名.
 */

const timeout = 15_000;
const HOUR = 3_600_000;
const TITLE = '职工书法培训班（e2e）';

const passwordInput = (page: Page) => page.getByLabel('密码', { exact: true }).and(page.locator('input'));

/** Logs a page's context in through the API; answers a JSON POST with the CSRF token. */
async function apiSession(page: Page, username: string) {
  const res = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  const { csrfToken, user } = (await res.json()) as { csrfToken: string; user: { grants: { orgId: number | null }[] } };
  const post = async (url: string, data?: unknown) => {
    const answer = await page.request.post(url, { data, headers: { 'x-csrf-token': csrfToken } });
    expect(answer.ok(), await answer.text()).toBe(true);
    return answer.json();
  };
  return { orgId: user.grants.find((g) => g.orgId !== null)?.orgId ?? null, post };
}

describe('the workbench and the bell', () => {
  const e2e = useE2E({ demo: true });

  it('a street cadre lands on the workbench, sees what waits, and follows the bell to the overdue application', async () => {
    const desk = await e2e.desktopPage();
    await desk.goto('/');
    await desk.getByLabel('用户名').fill('weitang');
    await desk.getByLabel('密码').fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: '登录', exact: true }).click();

    await desk.getByRole('heading', { name: '韩玲玉，您好' }).waitFor({ timeout });
    expect(new URL(desk.url()).pathname).toBe('/workbench');
    const applications = desk.getByRole('group', { name: '待审批入会申请' });
    await applications.getByText('超期 1').waitFor({ timeout });
    expect(await applications.locator('.ant-statistic-content-value').innerText()).toBe('3');
    await expectChineseRenders(desk, 'h1');

    // The bell: unread notices, among them the escalation of the application left 30 days (other
    // modules' demo data — a rights case, a hardship re-check — may have told the street more).
    const bell = desk.getByRole('button', { name: /^通知（\d+ 条未读）$/ });
    await bell.click();
    const popover = desk.locator('.ant-popover');
    await popover.getByText('入会申请超期未审批').click();
    await desk.waitForURL((url) => url.pathname === '/members/applications' && url.searchParams.get('overdue') === 'true', { timeout });
    // The list opens filtered as the link says: only the overdue one.
    expect(await desk.getByRole('checkbox', { name: '只看逾期' }).isChecked()).toBe(true);
    await desk.getByRole('cell', { name: '吴佳怡' }).waitFor({ timeout });
    expect(await desk.getByRole('cell', { name: '周晓梅' }).count()).toBe(0);
    // read now: one unread fewer (the demo's other notices to the street may remain)
    await desk.getByRole('button', { name: /^通知/ }).waitFor({ timeout });

    // Back on the workbench, 去处理 opens the pending applications.
    await desk.getByRole('menuitem', { name: '工作台' }).click();
    await applications.getByRole('button', { name: '去处理' }).click();
    await desk.waitForURL((url) => url.pathname === '/members/applications' && url.searchParams.get('status') === 'pending', { timeout });
  });

  it('a worker hears on the phone that an activity was cancelled, and the notice leads to 我的报名', async () => {
    const phone = await e2e.phonePage();
    const county = await apiSession(await e2e.desktopPage(), 'jiashan');
    const { id } = (await county.post('/api/activities', {
      orgId: county.orgId,
      title: TITLE,
      kind: 'training',
      place: '嘉善县职工服务中心',
      startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
      endsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
      capacity: 20,
    })) as { id: number };
    const worker = await apiSession(await e2e.desktopPage(), 'worker');
    await worker.post(`/api/activities/${id}/registrations`);
    await county.post(`/api/activities/${id}/cancel`);

    await phone.goto('/m/login');
    await phone.getByRole('textbox', { name: '用户名' }).fill('worker');
    await passwordInput(phone).fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    const bell = phone.getByRole('link', { name: /^通知（\d+ 条未读）$/ });
    await bell.click();
    const notice = phone.getByText(`您报名的活动“${TITLE}”`, { exact: false });
    await notice.waitFor({ timeout });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await notice.click();
    await phone.waitForURL((url) => url.pathname === '/m/activities/mine', { timeout });

    // Whatever else was unread (a demo reminder), 全部已读 clears it: the bell on the home page no longer counts.
    await phone.goto('/m/notifications');
    await phone.getByText(`您报名的活动“${TITLE}”`, { exact: false }).waitFor({ timeout });
    const readAll = phone.getByRole('button', { name: '全部已读' });
    if (await readAll.count()) {
      await readAll.click();
      await readAll.waitFor({ state: 'detached', timeout });
    }
    await phone.goto('/m');
    await phone.getByRole('link', { name: '通知', exact: true }).waitFor({ timeout });
  });
});
