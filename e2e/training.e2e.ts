import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOrg, DEMO_PASSWORD, downloadExport, expectChineseRenders, phoneLogIn, useE2E } from './harness.ts';

/**
 * 职工培训 (issue #15 §2): the demo worker `egang` enrols in 信息港's second 技能培训班 on her
 * phone and finds its handout (打开课件) among her courses; the 信息港 cadre `xinxigang` finds the
 * course on the console, sees her enrolment and exports the attendance; a session ending before it
 * starts is refused under that session's own field.
 */

const timeout = 15_000;
const COURSE = '信息港技能培训班（第二期）';

async function logIn(page: Page, username: string) {
  const res = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
}

describe('training', () => {
  const e2e = useE2E({ demo: true });

  it('a worker enrols on her phone; the cadre sees her on the console and exports the attendance', async () => {
    const phone = await e2e.phonePage();
    await phoneLogIn(phone, 'egang');
    await phone.getByRole('link', { name: '职工培训', exact: true }).click();
    const course = phone.getByTestId('course').filter({ hasText: COURSE });
    await course.waitFor({ timeout });
    await course.getByRole('button', { name: '报名' }).click();
    await phone.getByText('报名成功').waitFor({ timeout });
    await course.getByText('已确认').waitFor({ timeout });
    await phone.getByRole('tab', { name: '我的培训' }).click();
    const mine = phone.getByTestId('my-course').filter({ hasText: COURSE });
    await mine.getByRole('link', { name: '打开课件' }).waitFor({ timeout });
    await expectChineseRenders(phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const desk = await e2e.desktopPage();
    await logIn(desk, 'xinxigang');
    await desk.goto('/training');
    await desk.getByPlaceholder('按培训名称搜索').fill('第二期');
    await desk.getByPlaceholder('按培训名称搜索').press('Enter');
    const row = desk.getByTestId('courses').getByRole('row').filter({ hasText: COURSE });
    await row.waitFor({ timeout });
    await expect.poll(() => desk.getByTestId('courses').getByRole('row').count(), { timeout }).toBe(2);
    await row.click();
    const drawer = desk.getByRole('dialog').filter({ hasText: '报名学员' });
    const trainee = drawer.getByTestId('course-enrolments').getByRole('row').filter({ hasText: '陈思远' });
    await trainee.getByText('已确认').waitFor({ timeout });
    await drawer.getByTestId('course-lessons').getByText('安全生产与职业健康讲义.pdf').waitFor({ timeout });
    const { rows } = await downloadExport(desk, drawer);
    expect(rows[0]).toContain('姓名');
    expect(rows.some((r) => r.includes('陈思远') && r.includes('已确认'))).toBe(true);
    await expectChineseRenders(desk);
  });

  it('refuses a session that ends before it starts under that session’s end', async () => {
    const desk = await e2e.desktopPage();
    await logIn(desk, 'xinxigang');
    await desk.goto('/training');
    await desk.getByRole('button', { name: '新建培训' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByLabel('培训名称').fill('倒序场次');
    await chooseOrg(dialog, desk, '主办工会', '杭州湾信息港基层工会联合会');
    await dialog.getByRole('button', { name: '添加场次' }).click();
    const session = dialog.getByTestId('session-row');
    for (const [label, value] of [
      ['开始时间', '2030-05-20 15:00'],
      ['结束时间', '2030-05-20 14:00'],
    ]) {
      await session.getByLabel(label).click();
      await session.getByLabel(label).fill(value);
      await session.getByLabel(label).press('Enter');
    }
    await session.getByLabel('地点').fill('信息港小镇会议中心 201 室');
    await session.getByLabel('名额').fill('20');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const end = session.locator('.ant-form-item').filter({ has: desk.getByLabel('结束时间') });
    await end.getByText('结束时间须晚于开始时间').waitFor({ timeout });
  });
});
