import { describe, expect, it } from 'vitest';
import { expectChineseRenders, phoneLogIn, useE2E } from './harness.ts';

/**
 * Claiming a wish (issue #16 §3): `aixin`, a 云创 worker, claims 给孩子一套课外读物 on the phone's
 * wish wall and fulfils it with a photo; its wisher `yunchuang` confirms it came true; aixin then
 * finds the love points of the fulfilled wish in her ledger.
 */

const timeout = 15_000;
// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const WISH = '给孩子一套课外读物';


describe('claiming a wish on a phone', () => {
  const e2e = useE2E({ demo: true });

  it('a member claims a wish, fulfils it with a photo, the wisher confirms, the claimer earns love points', async () => {
    const claimer = await e2e.phonePage();
    await phoneLogIn(claimer, 'aixin');
    await claimer.goto('/m/wishes');
    const onWall = claimer.getByTestId('wish').filter({ hasText: WISH });
    await onWall.waitFor({ timeout });
    expect(await onWall.innerText()).toMatch(/^\S\*/m);
    await onWall.getByRole('button', { name: '认领' }).click();
    await onWall.getByText('已认领').waitFor({ timeout });

    await claimer.getByRole('tab', { name: '我的心愿' }).click();
    const mine = claimer.getByTestId('my-wish').filter({ hasText: WISH });
    await mine.getByRole('button', { name: '提交完成' }).click();
    await mine.getByText('请选择一张完成照片').waitFor({ timeout });
    await mine.getByLabel('完成照片').setInputFiles({ name: 'books.png', mimeType: 'image/png', buffer: PNG });
    await mine.getByRole('textbox', { name: '留言' }).fill('书已送到孩子手中');
    await mine.getByRole('button', { name: '提交完成' }).click();
    await mine.getByText('待确认').waitFor({ timeout });
    await expectChineseRenders(claimer);
    expect(await claimer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const wisher = await e2e.phonePage();
    await phoneLogIn(wisher, 'yunchuang');
    await wisher.goto('/m/wishes');
    await wisher.getByTestId('wish').first().waitFor({ timeout });
    await wisher.getByText('我的心愿', { exact: true }).click();
    const hers = wisher.getByTestId('my-wish').filter({ hasText: WISH });
    await hers.getByText('书已送到孩子手中').waitFor({ timeout });
    await hers.getByRole('button', { name: '确认圆梦' }).click();
    await hers.getByText('已圆梦').waitFor({ timeout });

    await claimer.goto('/m/volunteer');
    await claimer.getByText(`圆梦微心愿“${WISH}”`).waitFor({ timeout });
    await claimer.getByText('+20').first().waitFor({ timeout });
  });
});
