import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOrg, DEMO_PASSWORD, expectChineseRenders, useE2E } from './harness.ts';

/**
 * 共建 (#16 §1): 天水's cadre publishes a need on the console; the bank's contact (`wlbank`) claims
 * it, does the work and finishes it with a photo and a note; the cadre sees the claim and the
 * photo, and rates the work.
 */

const timeout = 15_000;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

async function logIn(page: Page, username: string) {
  const res = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}


describe('co-building', () => {
  const e2e = useE2E({ demo: true });

  it('the 天水 cadre publishes a need, a partner claims and finishes it, the cadre rates it', async () => {
    const desk = await e2e.desktopPage();
    await logIn(desk, 'tianshui');
    await desk.goto('/cobuilding');
    await desk.getByRole('button', { name: '发布清单事项' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByLabel('事项').fill('楼宇职工法律咨询');
    await chooseOrg(dialog, desk, '工会', '天水街道总工会');
    await dialog.getByLabel('说明').fill('每月一次为商圈楼宇职工提供法律咨询。');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = desk.getByRole('row').filter({ hasText: '楼宇职工法律咨询' });
    await row.getByText('待认领').waitFor({ timeout });

    // --- The bank's contact claims it, starts and finishes it with a photo (through the API: partners have no console page).
    const bank = await e2e.desktopPage();
    const csrf = await logIn(bank, 'wlbank');
    const board = (await (await bank.request.get('/api/list-items/board?list=need')).json()) as { items: { id: number; title: string; actions: string[] }[] };
    const item = board.items.find((i) => i.title === '楼宇职工法律咨询')!;
    expect(item.actions).toEqual(['claim']);
    const headers = { 'x-csrf-token': csrf };
    expect((await bank.request.post(`/api/list-items/${item.id}/claims`, { headers })).status()).toBe(201);

    await desk.reload();
    await row.getByText('武林商圈某银行支行').waitFor({ timeout });
    await row.getByText('已认领').waitFor({ timeout });

    expect((await bank.request.post(`/api/list-items/${item.id}/start`, { headers })).status()).toBe(200);
    const finished = await bank.request.post(`/api/list-items/${item.id}/finish`, { headers, multipart: { note: '已开展 2 场，服务 46 人', file: { name: 'done.png', mimeType: 'image/png', buffer: PNG } } });
    expect(finished.status(), await finished.text()).toBe(200);

    // --- The cadre is told, sees the photo and the note, and rates.
    await desk.reload();
    await row.getByText('已完成').waitFor({ timeout });
    await row.getByRole('button', { name: '评价' }).click();
    const rating = desk.getByRole('dialog');
    await rating.getByText('已开展 2 场，服务 46 人').waitFor({ timeout });
    await rating.getByRole('radio').nth(3).click();
    await rating.getByLabel('评语').fill('服务细致');
    await rating.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('已评价').waitFor({ timeout });
    await expectChineseRenders(desk);
  });
});
