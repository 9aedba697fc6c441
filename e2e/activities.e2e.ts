import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, downloadExport, expectChineseRenders, useE2E } from './harness.ts';

/**
 * 活动报名与签到: the county publishes a youth social; a member of 浙江亿力清洁有限公司工会 signs up on
 * their phone and shows the QR code under 我的报名; a cadre, on a phone too, checks them in by
 * typing the code on the console's 签到 page; a second try says 已签到.
 */

const timeout = 15_000;
const HOUR = 3_600_000;
const TITLE = '青年交友联谊会（e2e）';

const passwordInput = (page: Page) => page.getByLabel('密码', { exact: true }).and(page.locator('input'));
const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Logs a page's context in through the API, and gives its first granted org and a JSON POST with the CSRF token. */
async function apiSession(page: Page, username: string) {
  const res = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  const { csrfToken, user } = (await res.json()) as { csrfToken: string; user: { grants: { orgId: number | null }[] } };
  const post = async (url: string, data: unknown) => {
    const answer = await page.request.post(url, { data, headers: { 'x-csrf-token': csrfToken } });
    expect(answer.status(), await answer.text()).toBe(201);
    return answer.json();
  };
  return { orgId: user.grants.find((g) => g.orgId !== null)!.orgId!, post };
}

describe('signing up for an activity and checking in', () => {
  const e2e = useE2E({ demo: true });

  it('a member signs up on a phone and shows the QR code; the cadre checks them in by typing the code', async () => {
    // --- The county federation publishes an activity for its whole subtree, starting in an hour.
    const desk = await e2e.phonePage();
    const county = await apiSession(desk, 'jiashan');
    const now = Date.now();
    const { id: activityId } = (await county.post('/api/activities', {
      orgId: county.orgId,
      title: TITLE,
      kind: 'youth_social',
      place: '嘉善县职工服务中心',
      startsAt: new Date(now + HOUR).toISOString(),
      endsAt: new Date(now + 3 * HOUR).toISOString(),
      capacity: 20,
    })) as { id: number };

    // --- The member finds it under 活动报名 on the portal's home page and signs up.
    const phone = await e2e.phonePage();
    await phone.goto('/m/login');
    await phone.getByRole('textbox', { name: '用户名' }).fill('worker');
    await passwordInput(phone).fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByRole('link', { name: '活动报名', exact: true }).click();
    const card = phone.getByRole('article', { name: TITLE });
    await card.getByText('青年交友', { exact: true }).waitFor({ timeout });
    await card.getByRole('button', { name: '报名', exact: true }).click();
    await card.getByText('已报名').waitFor({ timeout });
    expect(await fitsPhone(phone)).toBeLessThanOrEqual(390);

    // --- 我的报名: a QR code of the registration and its code in text, to read out.
    await phone.getByRole('button', { name: '我的报名' }).click();
    await phone.getByRole('heading', { name: '我的报名' }).waitFor({ timeout });
    const mine = phone.getByRole('article', { name: TITLE });
    await mine.locator('svg').first().waitFor({ timeout });
    const code = (await mine.getByLabel('签到码', { exact: true }).innerText()).trim();
    expect(code).toMatch(/^[0-9A-F]{12}$/);
    expect(await fitsPhone(phone)).toBeLessThanOrEqual(390);
    await expectChineseRenders(phone, 'h1');

    // --- The cadre (logged in on their phone) opens 签到 and types the code.
    await desk.goto(`/checkin/${activityId}`);
    await desk.getByRole('heading', { name: TITLE }).waitFor({ timeout });
    expect(await fitsPhone(desk)).toBeLessThanOrEqual(390);
    await desk.getByLabel('签到码').fill(code.toLowerCase());
    // The 签到 button submits the form; Enter in the code field does the same, as a hardware
    // keyboard or a scanner gun would (a pointer click on the button timed out on a loaded machine).
    await desk.getByRole('button', { name: '签到', exact: true }).waitFor({ timeout });
    await desk.getByLabel('签到码').press('Enter');
    await desk.getByRole('status').getByText('李小芳 签到成功').waitFor({ timeout });
    await desk.getByText('已签到 1 / 已确认 1').waitFor({ timeout });

    // The same code again is refused as 已签到.
    await desk.getByLabel('签到码').fill(code);
    await desk.getByLabel('签到码').press('Enter');
    await desk.getByRole('alert').getByText('已签到', { exact: true }).waitFor({ timeout });

    // --- At a desk, the registrations exported from the console: the member's real name.
    const office = await e2e.desktopPage();
    await apiSession(office, 'jiashan');
    await office.goto('/activities');
    await office.getByRole('row').filter({ hasText: TITLE }).getByRole('button', { name: '报名名单' }).click();
    const drawer = office.getByRole('dialog').filter({ visible: true });
    await drawer.getByText('李小芳').waitFor({ timeout });
    const registrations = await downloadExport(office, drawer);
    expect(registrations.name).toMatch(/^报名名单（青年交友联谊会（e2e））-嘉善县总工会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(registrations.rows[1][0]).toBe('李小芳');

    // --- Back on the phone, the registration shows it was checked in and hides the code.
    await phone.reload();
    await phone.getByRole('article', { name: TITLE }).getByText(/已于 .* 签到/).waitFor({ timeout });
  });
});
