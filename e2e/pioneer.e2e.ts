import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { ADMIN_PASSWORD, DEMO_PASSWORD, chooseOption, downloadExport, expectChineseRenders, useE2E } from './harness.ts';

/**
 * Workers' Pioneer (工人先锋号), one campaign from opening to certificate: the county cadre opens a
 * campaign and registers a team (申报) in the console; the team's self-assessment and evidence go
 * in through the API; the cadre closes registration, is refused a judge from the team's own union
 * and assigns two others; both judges score on their phones (评审打分); after publicity the cadre
 * names the team (命名) and its certificate prints on A4 without the console around it.
 */

const timeout = 15_000;
const TEAM = '电e2e先锋班组';
const CAMPAIGN = '2026年度嘉善县“五型工人先锋号”创建活动（复评）';
const DAY = 24 * 3600_000;
/** A small but real PDF, for the evidence. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The server's clock: real time, moved forward to wait out publicity. */
let offset = 0;
const clock = () => new Date(Date.now() + offset);
const day = (from: number) => new Date(clock().getTime() + from * DAY + 8 * 3600_000).toISOString().slice(0, 10);

/** An API session: a browser context's request client (its cookie jar) and the CSRF token. */
interface Session {
  request: APIRequestContext;
  csrf: string;
}

describe("Workers' Pioneer", () => {
  const e2e = useE2E({ demo: true, clock });

  /** Logs in through the API in a fresh context of its own. */
  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const { request } = await e2e.desktopPage();
    const r = await request.post('/api/auth/login', { data: { username, password } });
    expect(r.status(), `login ${username}`).toBe(200);
    return { request, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
  }

  /** One API call as `as` (JSON, or multipart with a file); answers the JSON body and fails the test on a refusal. */
  async function call<T = any>(as: Session, method: string, path: string, body?: object, file?: { name: string; mimeType: string; buffer: Buffer }): Promise<T> {
    const r = await as.request.fetch(path, { method, headers: { 'x-csrf-token': as.csrf }, data: body, multipart: file && { file } });
    const text = await r.text();
    expect(r.ok(), `${method} ${path} answered ${r.status()}: ${text}`).toBe(true);
    return (text ? JSON.parse(text) : null) as T;
  }

  async function logInAt(page: Page, path: string, username: string) {
    await page.goto(path);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  }

  /** A judge scores every criterion of their one assignment on a phone. */
  async function scoreOnPhone(username: string, points: (i: number) => number) {
    const phone = await e2e.phonePage();
    await phone.goto('/m/login');
    await phone.getByRole('textbox', { name: '用户名' }).fill(username);
    await phone.getByLabel('密码', { exact: true }).and(phone.locator('input')).fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByRole('link', { name: '评审打分' }).click();
    await phone.getByRole('heading', { name: '评审打分' }).waitFor({ timeout });
    await phone.getByText(TEAM).click();
    await phone.getByText('基础建设').first().waitFor({ timeout });

    // Nothing marked yet: the sheet says what is missing instead of sending.
    await phone.getByRole('button', { name: '提交评分' }).click();
    await phone.getByRole('alert').getByText(/还有 \d+ 项未打分/).waitFor({ timeout });

    const inputs = phone.locator('.adm-stepper input');
    const count = await inputs.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) {
      await inputs.nth(i).fill(String(points(i)));
      await inputs.nth(i).blur();
    }
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.getByRole('button', { name: '提交评分' }).click();
    await phone.locator('.adm-list-item').filter({ hasText: TEAM }).getByText('已完成').waitFor({ timeout });
    await expectChineseRenders(phone, '.adm-list-item');
  }

  it('a cadre opens a campaign, a team applies, two judges score on phones, the cadre names it and prints its certificate', async () => {
    // --- The world through the API: a new team at 浙江亿力清洁有限公司 and three judges.
    const admin = await login('admin', ADMIN_PASSWORD);
    const county = (await call(admin, 'GET', '/api/orgs/roots')).items[0].id as number;
    const enterprise = (await call(admin, 'GET', `/api/enterprises?q=${encodeURIComponent('亿力')}`)).items[0] as { id: number; orgId: number };
    await call(admin, 'POST', '/api/teams', { name: TEAM, kind: 'crew', enterpriseId: enterprise.id });
    const judge = async (username: string, displayName: string, homeOrg: number) => {
      const { id } = await call(admin, 'POST', '/api/users', { username, displayName, password: DEMO_PASSWORD, orgId: homeOrg });
      await call(admin, 'POST', '/api/role-grants', { userId: id, role: 'judge', orgId: county });
    };
    await judge('judge.wang', '王评委', county);
    await judge('judge.li', '李评委', county);
    await judge('judge.own', '本单位评委', enterprise.orgId);

    // --- The county cadre opens the campaign in the console.
    const desk = await e2e.desktopPage();
    await logInAt(desk, '/pioneer/campaigns', 'jiashan');
    await desk.getByRole('button', { name: '新建创建活动' }).click();
    const form = desk.getByRole('dialog');
    await form.getByLabel('活动名称').fill(CAMPAIGN);
    for (const [label, offsetDays] of [['报名截止', 10], ['自评截止', 20], ['评审截止', 30]] as const) {
      await form.getByLabel(label).fill(day(offsetDays));
      await form.getByLabel(label).press('Enter');
    }
    await form.getByLabel('公示天数').fill('1');
    await form.getByLabel('命名名额').fill('5');
    await form.getByRole('button', { name: '新建' }).click();
    await desk.getByRole('heading', { name: CAMPAIGN }).waitFor({ timeout });
    const campaignId = Number(/\/pioneer\/campaigns\/(\d+)/.exec(desk.url())![1]);
    await desk.getByText('报名中').first().waitFor({ timeout });
    // Only the moves legal from registration are offered.
    const moves = desk.getByTestId('campaign-transitions').getByRole('button');
    expect(await moves.allInnerTexts()).toEqual(['截止报名', '终止活动']);
    // A street cadre taking part reads the county's campaign but is offered none of its moves.
    const street = await e2e.desktopPage();
    await logInAt(street, `/pioneer/campaigns/${campaignId}`, 'weitang');
    await street.getByRole('heading', { name: CAMPAIGN }).waitFor({ timeout });
    await street.getByText('报名中').first().waitFor({ timeout });
    expect(await street.getByRole('button', { name: '截止报名' }).count()).toBe(0);
    expect(await street.getByRole('button', { name: '终止活动' }).count()).toBe(0);

    // --- The team applies (申报) as 安全生产型.
    await desk.getByRole('button', { name: '申报' }).click();
    const register = desk.getByRole('dialog');
    await register.getByLabel('班组（车间、科室）').fill('e2e先锋');
    await desk.locator('.ant-select-item-option').filter({ hasText: TEAM }).click();
    await register.getByLabel('创建类型').click();
    await desk.locator('.ant-select-item-option').filter({ hasText: '安全生产型' }).click();
    await register.getByLabel('职工人数').fill('18');
    await register.getByRole('button', { name: '申报' }).click();
    const row = desk.getByRole('row').filter({ hasText: TEAM });
    await row.getByText('已申报').waitFor({ timeout });

    // Its self-assessment and evidence, then submitted (through the API, as its union would).
    const cadre = await login('jiashan');
    const candidateId = (await call(cadre, 'GET', `/api/pioneer/campaigns/${campaignId}/candidates`)).items.find((c: { teamName: string }) => c.teamName === TEAM).id as number;
    const detail = await call(cadre, 'GET', `/api/pioneer/candidates/${candidateId}`);
    await call(cadre, 'PUT', `/api/pioneer/candidates/${candidateId}/self-assessment`, {
      summary: '班组健全安全生产台账，开展“安康杯”竞赛，全年无违章、无隐患、无事故。',
      scores: detail.criteria.map((c: { id: number; maxPoints: number }) => ({ criterionId: c.id, points: c.maxPoints - 1 })),
    });
    await call(cadre, 'POST', `/api/pioneer/candidates/${candidateId}/evidence`, undefined, { name: '安全生产台账.pdf', mimeType: 'application/pdf', buffer: PDF });
    await call(cadre, 'POST', `/api/pioneer/candidates/${candidateId}/submit`);

    // --- The cadre closes registration: confirmed in a dialog, the state moves on.
    await desk.reload();
    await desk.getByRole('button', { name: '截止报名' }).click();
    await desk.getByRole('dialog').getByRole('button', { name: '截止报名' }).click();
    await desk.locator('.ant-card-head').getByText('自评中').waitFor({ timeout });

    // --- Judges: one from the team's own union is refused with the server's reason; two are assigned.
    await row.getByText(TEAM).click();
    const drawer = desk.locator('.ant-drawer');
    await drawer.getByText('尚未指派评委').waitFor({ timeout });
    const assign = async (name: string) => {
      await chooseOption(drawer, desk, '评委', name);
      await drawer.getByRole('button', { name: '指派评委' }).click();
    };
    await assign('本单位评委');
    await drawer.getByText('操作未通过').waitFor({ timeout });
    await assign('王评委');
    await drawer.getByRole('cell', { name: '王评委' }).waitFor({ timeout });
    await assign('李评委');
    await drawer.getByRole('cell', { name: '李评委' }).waitFor({ timeout });
    // The 已指派 toast lies over the close button and stays while the pointer hovers it: move the
    // pointer away, let the toasts go, then close the drawer as a cadre would.
    await desk.mouse.move(0, 0);
    await desk.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout });
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden', timeout });
    await call(cadre, 'POST', `/api/pioneer/campaigns/${campaignId}/transitions`, { transition: 'start_scoring' });

    // --- Both judges score on their phones.
    await scoreOnPhone('judge.wang', (i) => 9 - (i % 2));
    await scoreOnPhone('judge.li', (i) => 8 + (i % 3 === 0 ? 1 : 0));

    // Aggregated and put to publicity for one day (through the API).
    await call(cadre, 'POST', `/api/pioneer/campaigns/${campaignId}/transitions`, { transition: 'aggregate' });
    await call(cadre, 'POST', `/api/pioneer/campaigns/${campaignId}/transitions`, { transition: 'start_publicity', nominees: [candidateId] });

    // On the day of publicity, naming is refused with the server's reason.
    await desk.reload();
    await desk.getByRole('button', { name: '命名' }).click();
    await desk.getByRole('dialog').getByRole('button', { name: '命名' }).click();
    await desk.getByRole('dialog').getByText('操作未通过').waitFor({ timeout });
    await desk.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    // --- Two days later the publicity is over: the cadre (logged in again) names the team.
    offset += 2 * DAY;
    await logInAt(desk, `/pioneer/campaigns/${campaignId}`, 'jiashan');
    await desk.getByRole('heading', { name: CAMPAIGN }).waitFor({ timeout });
    await desk.getByRole('button', { name: '命名' }).click();
    await desk.getByRole('dialog').getByLabel('命名文号').fill('善工〔2026〕18号');
    await desk.getByRole('dialog').getByRole('button', { name: '命名' }).click();
    await desk.locator('.ant-card-head').getByText('已命名').waitFor({ timeout });
    await row.getByText('已命名').waitFor({ timeout });
    const exported = await downloadExport(desk);
    expect(exported.name).toMatch(/^创建单位（.+）-嘉善县总工会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const named = exported.rows.find((r) => r[0] === TEAM)!;
    expect(named[exported.rows[0].indexOf('状态')]).toBe('已命名');
    expect(Number(named[exported.rows[0].indexOf('得分')])).toBeGreaterThan(0);

    // --- The certificate: on screen with its print button, and in print only the A4 sheet.
    const title = (await call(await login('jiashan'), 'GET', `/api/pioneer/titles?q=${encodeURIComponent(TEAM)}`)).items[0] as { id: number; level: string };
    expect(title.level).toBe('county');
    await desk.goto(`/pioneer/titles/${title.id}/certificate`);
    const sheet = desk.getByRole('article', { name: '工人先锋号证书' });
    await sheet.getByRole('heading', { name: '工人先锋号' }).waitFor({ timeout });
    await desk.getByRole('button', { name: '打印证书' }).waitFor({ timeout });
    await desk.emulateMedia({ media: 'print' });
    expect(await sheet.getByText(TEAM).isVisible()).toBe(true);
    expect(await sheet.getByText('浙江亿力清洁有限公司').isVisible()).toBe(true);
    expect(await sheet.getByText('善工〔2026〕18号').isVisible()).toBe(true);
    expect(await desk.getByRole('menu').first().isVisible()).toBe(false);
    expect(await desk.getByRole('button', { name: '打印证书' }).isVisible()).toBe(false);
    expect(await desk.getByTestId('current-user').isVisible()).toBe(false);
    await expectChineseRenders(desk, '.gh-certificate-heading');
  });
});
