import { describe, expect, it } from 'vitest';
import { expectChineseRenders, phoneLogIn, useE2E } from './harness.ts';

/**
 * Booking a venue (issue #15 §3): the demo worker opens 阵地预约 on her phone, books an hour in the
 * county's 职工书屋 on the next weekday and sees it on the day's schedule; a second booking that
 * overlaps it is refused with a clear message.
 */

const timeout = 15_000;


/** The next weekday (Mon–Fri) after today, as the page labels it (MM-DD, Shanghai). */
function nextWeekday(): string {
  for (let i = 1; i < 7; i++) {
    const date = new Date(Date.now() + 8 * 3600_000 + i * 86_400_000);
    if (date.getUTCDay() >= 1 && date.getUTCDay() <= 5) return date.toISOString().slice(5, 10);
  }
  throw new Error('no weekday');
}

describe('booking a venue on a phone', () => {
  const e2e = useE2E({ demo: true });

  it('a worker books the reading room, sees it on the schedule, and an overlapping booking is refused', async () => {
    const page = await e2e.phonePage();
    await phoneLogIn(page, 'worker');
    await page.getByRole('link', { name: '阵地预约', exact: true }).click();
    await page.getByText('嘉善县总工会职工书屋').first().waitFor({ timeout });
    await page.getByText(nextWeekday(), { exact: true }).click();
    await page.getByLabel('开始').fill('12:00');
    await page.getByLabel('结束').fill('13:00');
    await page.getByRole('button', { name: '预约', exact: true }).click();
    await page.getByText('预约成功').waitFor({ timeout });
    await page.getByTestId('venue-day').getByText('12:00–13:00 阅读').waitFor({ timeout });

    await page.getByLabel('开始').fill('12:30');
    await page.getByLabel('结束').fill('13:30');
    await page.getByRole('button', { name: '预约', exact: true }).click();
    await page.getByText('该时段已被预约，请选择其他时间').waitFor({ timeout });
    await expectChineseRenders(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
