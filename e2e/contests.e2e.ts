import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { makeIdNumber } from '../server/platform/identity.ts';
import type { SmsSender } from '../server/platform/sms.ts';
import { DEMO_PASSWORD, downloadExport, useE2E } from './harness.ts';

/**
 * 随手拍: the county opens a photo contest; a member enters a photo on their phone; the county's
 * cadre approves it in the console's moderation queue (with its thumbnail); another member, who
 * joined online, votes for it on their phone and sees it first in the results.
 */

const timeout = 15_000;
const HOUR = 3_600_000;
const CONTEST = '「秋」随手拍（e2e）';
const ENTRY = '稻田里的秋天';
const VOTER = { name: '钱秋实', phone: '13955550077', password: 'Qian-Qiushi-2026' };

const outbox: { phone: string; text: string }[] = [];
const smsSender: SmsSender = { name: 'e2e-outbox', usable: () => true, send: async (phone, text) => void outbox.push({ phone, text }) };

const passwordInput = (page: Page) => page.getByLabel('密码', { exact: true }).and(page.locator('input'));
const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** A page's context logged in through the API: JSON calls carry its CSRF token. */
async function apiSession(page: Page, username: string, password = DEMO_PASSWORD) {
  const res = await page.request.post('/api/auth/login', { data: { username, password } });
  expect(res.status()).toBe(200);
  const { csrfToken, user } = (await res.json()) as { csrfToken: string; user: { grants: { orgId: number | null }[] } };
  const call = async (method: 'GET' | 'POST', url: string, data?: unknown) => {
    const answer = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': csrfToken } });
    expect(answer.ok(), `${method} ${url}: ${await answer.text()}`).toBe(true);
    return answer.json();
  };
  return { orgId: user.grants.find((g) => g.orgId !== null)?.orgId ?? null, call };
}

/** A worker signs up with an SMS code, applies to `orgId`, and the cadre approves: a member, made as real ones are. */
async function joinOnline(page: Page, approve: (applicationId: number) => Promise<unknown>, orgId: number) {
  expect((await page.request.post('/api/auth/sms-codes', { data: { phone: VOTER.phone } })).status()).toBe(204);
  // The text goes out from the server's job worker, a moment after the answer.
  await expect.poll(() => outbox.filter((m) => m.phone === VOTER.phone).length, { timeout }).toBeGreaterThan(0);
  const code = /验证码是 (\d{6})/.exec(outbox.filter((m) => m.phone === VOTER.phone).at(-1)!.text)![1];
  expect((await page.request.post('/api/auth/signup', { data: { phone: VOTER.phone, code, password: VOTER.password } })).status()).toBe(201);
  const voter = await apiSession(page, VOTER.phone, VOTER.password);
  const idNumber = makeIdNumber('330421', '1992-10-01', 4242);
  const { id } = (await voter.call('POST', '/api/join-applications', { name: VOTER.name, idNumber, phone: VOTER.phone, orgId, employerName: '嘉善数联电子商务有限公司', consent: true })) as { id: number };
  await approve(id);
}

/** A small real photo: an orange autumn field over a blue sky. */
function autumnPhoto(): Promise<Buffer> {
  const sky = { input: { create: { width: 320, height: 90, channels: 3 as const, background: { r: 90, g: 150, b: 220 } } }, top: 0, left: 0 };
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 214, g: 140, b: 40 } } })
    .composite([sky])
    .png()
    .toBuffer();
}

describe('a photo contest', () => {
  const e2e = useE2E({ demo: true, smsSender });

  it('a member enters a photo, the cadre approves it, another member votes for it', async () => {
    // --- The county opens a photo contest, taking entries and votes from now on.
    const desk = await e2e.desktopPage();
    const county = await apiSession(desk, 'jiashan');
    const now = Date.now();
    const { id: contestId } = (await county.call('POST', '/api/contests', {
      orgId: county.orgId,
      title: CONTEST,
      theme: '秋',
      entryKind: 'photo',
      submitOpensAt: new Date(now - HOUR).toISOString(),
      submitClosesAt: new Date(now + 24 * HOUR).toISOString(),
      voteOpensAt: new Date(now - HOUR).toISOString(),
      voteClosesAt: new Date(now + 48 * HOUR).toISOString(),
    })) as { id: number };

    // --- The member finds it from the portal's home page (投票评选) and enters a photo.
    const author = await e2e.phonePage();
    await author.goto('/m/login');
    await author.getByRole('textbox', { name: '用户名' }).fill('worker');
    await passwordInput(author).fill(DEMO_PASSWORD);
    await author.getByRole('button', { name: '登录' }).click();
    await author.getByRole('link', { name: '投票评选', exact: true }).click();
    await author.getByRole('link', { name: CONTEST }).click();
    await author.getByRole('button', { name: '提交作品' }).click();
    await author.getByLabel('作品标题').fill(ENTRY);
    await author.getByLabel('照片').setInputFiles({ name: 'autumn.png', mimeType: 'image/png', buffer: await autumnPhoto() });
    await author.getByRole('button', { name: '提交', exact: true }).click();
    await author.getByText('已提交，审核通过后展示').waitFor({ timeout });
    // It waits for review on the author's 我的作品 tab.
    await author.getByRole('article', { name: ENTRY }).getByText('待审核').waitFor({ timeout });
    expect(await fitsPhone(author)).toBeLessThanOrEqual(390);

    // --- The cadre approves it in the moderation queue, where its thumbnail shows.
    await desk.goto(`/contests/${contestId}`);
    await desk.getByRole('heading', { name: CONTEST }).waitFor({ timeout });
    const row = desk.getByRole('row').filter({ hasText: ENTRY });
    await row.getByRole('img', { name: ENTRY }).waitFor({ timeout });
    expect(await row.getByRole('img', { name: ENTRY }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await row.getByRole('button', { name: '通过' }).click();
    await desk.getByText('已通过，作品进入展示区').waitFor({ timeout });
    await desk.getByRole('tab', { name: '已通过' }).click();
    const entries = await downloadExport(desk);
    expect(entries.name).toMatch(/^参赛作品（.+）-嘉善县总工会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(entries.rows[1][0]).toBe(ENTRY);

    // --- Another member, who joined online, votes for it on their phone.
    const orgs = (await county.call('GET', `/api/orgs?q=${encodeURIComponent('亿力清洁')}`)) as { items: { id: number }[] };
    const phone = await e2e.phonePage();
    await joinOnline(phone, (id) => county.call('POST', `/api/join-applications/${id}/approve`), orgs.items[0]!.id);
    await phone.goto(`/m/contests/${contestId}`);
    const tile = phone.getByRole('article', { name: ENTRY });
    await tile.getByRole('img', { name: ENTRY }).waitFor({ timeout });
    await tile.getByRole('button', { name: '投票' }).click();
    await tile.getByRole('button', { name: '已投票' }).waitFor({ timeout });
    await tile.getByText('1 票').waitFor({ timeout });
    expect(await fitsPhone(phone)).toBeLessThanOrEqual(390);

    // The results rank it first; the author cannot vote for their own entry.
    await phone.getByRole('tab', { name: '结果' }).click();
    await phone.getByRole('article', { name: ENTRY }).getByText('第 1 名').waitFor({ timeout });
    await author.goto(`/m/contests/${contestId}`);
    await author.getByRole('article', { name: ENTRY }).getByText('我的作品').waitFor({ timeout });
  });
});
