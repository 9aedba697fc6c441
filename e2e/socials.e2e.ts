import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectChineseRenders, phoneLogIn, useE2E } from './harness.ts';

/**
 * Youth socials (issue #16 §6): after the demo's 天水 + 武林 青年交友联谊会, 周子豪 (xunyuan1) and
 * 林晓雨 (xunyuan2) each open 心动选择 on their phones and pick the other; each then sees the match
 * with the contact the other left — and nothing before both had picked.
 */

const timeout = 15_000;


async function pick(page: Page, who: string, contact: string) {
  await page.getByRole('link', { name: '青年交友', exact: true }).click();
  await page.getByTestId('social').filter({ hasText: '缘来在武林' }).click();
  const attendee = page.getByTestId('attendee').filter({ hasText: who });
  await attendee.waitFor({ timeout });
  await attendee.locator('.adm-checkbox').click();
  await page.getByRole('textbox', { name: '留给匹配对象的联系方式' }).fill(contact);
  await page.getByRole('button', { name: '提交选择' }).click();
  await page.getByText('已保存，截止前可修改').waitFor({ timeout });
}

describe('youth social picks on a phone', () => {
  const e2e = useE2E({ demo: true });

  it('two attendees pick each other and each sees the other’s contact', async () => {
    const he = await e2e.phonePage();
    await phoneLogIn(he, 'xunyuan1');
    await pick(he, '林*雨', '微信 zihao_wl');
    // one-sided so far: no match
    await he.getByText('暂时还没有双向匹配').waitFor({ timeout });

    const she = await e2e.phonePage();
    await phoneLogIn(she, 'xunyuan2');
    await pick(she, '周*豪', '13800009527');
    await she.getByTestId('match').filter({ hasText: '周*豪' }).filter({ hasText: '微信 zihao_wl' }).waitFor({ timeout });
    await expectChineseRenders(she);
    expect(await she.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await he.reload();
    await he.getByTestId('match').filter({ hasText: '林*雨' }).filter({ hasText: '13800009527' }).waitFor({ timeout });
  });
});
