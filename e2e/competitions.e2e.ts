import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { makeIdNumber } from '../server/platform/identity.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, expectChineseRenders, useE2E } from './harness.ts';

/**
 * Skill contests (技能竞赛), one event from entry to certificate: the county federation runs a
 * contest (set up through the API); a young worker enters 五金工艺 on the phone; two judges mark
 * every competitor on their phones; the chief judge locks the marks and publishes the results on
 * the phone; the county cadre prints the winner's A4 certificate in the console.
 */

const timeout = 15_000;
const CONTEST = '第二届“匠人新秀”技能大比武（e2e）';
const EVENT = '五金工艺';

interface Session {
  request: APIRequestContext;
  csrf: string;
}

describe('skill contests', () => {
  const e2e = useE2E({ demo: true });

  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const { request } = await e2e.desktopPage();
    const r = await request.post('/api/auth/login', { data: { username, password } });
    expect(r.status(), `login ${username}`).toBe(200);
    return { request, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
  }

  async function call<T = any>(as: Session, method: string, path: string, body?: object): Promise<T> {
    const r = await as.request.fetch(path, { method, headers: { 'x-csrf-token': as.csrf }, data: body });
    const text = await r.text();
    expect(r.ok(), `${method} ${path} answered ${r.status()}: ${text}`).toBe(true);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** A young worker with an account, joined to `orgId` and approved: a member who may enter. */
  async function youngMember(admin: Session, username: string, name: string, orgId: number, n: number) {
    const { id } = await call(admin, 'POST', '/api/users', { username, displayName: name, password: DEMO_PASSWORD });
    const me = await login(username);
    const application = await call(me, 'POST', '/api/join-applications', {
      name,
      idNumber: makeIdNumber('330421', '1999-05-0' + n, 700 + n),
      phone: `1375550000${n}`,
      orgId,
      employerName: '浙江亿力清洁有限公司',
      consent: true,
    });
    const { memberId } = await call(admin, 'POST', `/api/join-applications/${application.id}/approve`);
    return { userId: id as number, memberId: memberId as number };
  }

  async function phoneLogin(username: string): Promise<Page> {
    const phone = await e2e.phonePage();
    await phone.goto('/m/login');
    await phone.getByRole('textbox', { name: '用户名' }).fill(username);
    await phone.getByLabel('密码', { exact: true }).and(phone.locator('input')).fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByRole('link', { name: '技能竞赛' }).click();
    await phone.getByRole('heading', { name: '技能竞赛' }).waitFor({ timeout });
    return phone;
  }

  /** A judge marks every competitor of the event on a phone: measurement, then the two judgement criteria. */
  async function markOnPhone(username: string, marks: Record<string, [number, number, number]>) {
    const phone = await phoneLogin(username);
    await phone.getByText('我的评分任务').click();
    await phone.getByRole('heading', { name: '技能竞赛评分' }).waitFor({ timeout });
    for (const [name, values] of Object.entries(marks)) {
      await phone.locator('.adm-list-item').filter({ hasText: name }).click();
      await phone.getByText('尺寸与精度').waitFor({ timeout });
      await phone.getByRole('button', { name: '提交评分' }).click();
      await phone.getByRole('alert').getByText(/还有 \d+ 项未评分/).waitFor({ timeout });
      const inputs = phone.locator('.adm-stepper input');
      expect(await inputs.count()).toBe(3);
      for (const [i, v] of values.entries()) {
        await inputs.nth(i).fill(String(v));
        await inputs.nth(i).blur();
      }
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await phone.getByRole('button', { name: '提交评分' }).click();
      await phone.locator('.adm-list-item').filter({ hasText: name }).getByText('已评').waitFor({ timeout });
    }
    await expectChineseRenders(phone, '.adm-list-item');
    return phone;
  }

  it('a worker enters on the phone, two judges mark on phones, the chief judge publishes, the certificate prints', async () => {
    // --- The world through the API: the county's contest with one event, two judges (one the chief), a second competitor.
    const admin = await login('admin', ADMIN_PASSWORD);
    const county = (await call(admin, 'GET', '/api/orgs/roots')).items[0].id as number;
    const union = (await call(admin, 'GET', `/api/enterprises?q=${encodeURIComponent('亿力')}`)).items[0].orgId as number;
    const now = Date.now();
    const contest = await call(admin, 'POST', '/api/skill-contests', {
      orgId: county,
      title: CONTEST,
      year: new Date().getFullYear(),
      registrationOpensAt: new Date(now - 3600_000).toISOString(),
      registrationClosesAt: new Date(now + 7 * 24 * 3600_000).toISOString(),
      events: [
        {
          name: EVENT,
          maxAge: 35,
          awards: { by: 'count', first: 1, second: 1, third: 1 },
          criteria: [
            { name: '尺寸与精度', weight: 50, kind: 'measurement', maxMarks: 50 },
            { name: '工艺与美观', weight: 30, kind: 'judgement' },
            { name: '安全文明操作', weight: 20, kind: 'judgement' },
          ],
        },
      ],
    });
    const eventId = contest.events[0].id as number;
    for (const [username, name, chief] of [['judge.zhao', '赵评委', true], ['judge.qian', '钱评委', false]] as const) {
      const { id } = await call(admin, 'POST', '/api/users', { username, displayName: name, password: DEMO_PASSWORD, orgId: county });
      await call(admin, 'POST', `/api/skill-contests/${contest.id}/judges`, { eventId, userId: id, chief });
    }
    await youngMember(admin, 'xiaoming', '陈小明', union, 1);
    const rival = await youngMember(admin, 'xiaohong', '林小红', union, 2);
    await call(admin, 'POST', `/api/skill-contests/${contest.id}/entries`, { eventId, memberId: rival.memberId });

    // --- The worker enters 五金工艺 on the phone.
    const worker = await phoneLogin('xiaoming');
    const card = worker.locator('.adm-list').filter({ hasText: CONTEST });
    await card.locator('.adm-list-item').filter({ hasText: EVENT }).getByRole('button', { name: '报名' }).click();
    await worker.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await card.locator('.adm-list-item').filter({ hasText: EVENT }).getByText('已报名').waitFor({ timeout });
    await worker.locator('.adm-list').filter({ hasText: '我的参赛' }).getByText('成绩未发布').waitFor({ timeout });
    await expectChineseRenders(worker, '.adm-list');

    // --- Two judges mark both competitors on their phones.
    await markOnPhone('judge.qian', { 陈小明: [45, 3, 2], 林小红: [40, 2, 2] });
    const chief = await markOnPhone('judge.zhao', { 陈小明: [44, 3, 3], 林小红: [42, 2, 1] });

    // --- The chief judge locks the marks and publishes on the phone.
    await chief.getByRole('button', { name: '锁定评分' }).click();
    await chief.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await chief.getByRole('button', { name: '发布成绩' }).waitFor({ timeout });
    await chief.getByRole('button', { name: '发布成绩' }).click();
    await chief.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await chief.getByText(/1\. 陈小明 .* 一等奖/).waitFor({ timeout });

    // --- The worker sees the result.
    await worker.reload();
    await worker.locator('.adm-list').filter({ hasText: '我的参赛' }).getByText('一等奖').waitFor({ timeout });

    // --- The county cadre prints the winner's certificate in the console.
    const desk = await e2e.desktopPage();
    await desk.goto('/competitions');
    await desk.getByLabel('用户名').fill('jiashan');
    await desk.getByLabel('密码').fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: '登录', exact: true }).click();
    await desk.getByRole('link', { name: CONTEST }).click();
    await desk.getByRole('heading', { name: CONTEST }).waitFor({ timeout });
    await desk.getByText('成绩已发布').first().waitFor({ timeout });
    await desk.getByRole('link', { name: '打印证书' }).first().click();
    const sheet = desk.getByRole('article', { name: '技能竞赛获奖证书' });
    await sheet.getByRole('heading', { name: '荣誉证书' }).waitFor({ timeout });
    await desk.getByRole('button', { name: '打印证书' }).waitFor({ timeout });
    await desk.emulateMedia({ media: 'print' });
    expect(await sheet.getByText('陈小明').isVisible()).toBe(true);
    expect(await sheet.getByText(/荣获一等奖/).isVisible()).toBe(true);
    expect(await desk.getByRole('button', { name: '打印证书' }).isVisible()).toBe(false);
    expect(await desk.getByRole('menu').first().isVisible()).toBe(false);
    await expectChineseRenders(desk, '.gh-certificate-heading');
  });
});
