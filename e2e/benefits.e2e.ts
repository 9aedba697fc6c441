import { describe, expect, it } from 'vitest';
import { expectChineseRenders, phoneLogIn, useE2E } from './harness.ts';

/**
 * Claiming a benefit (issue #16 §5): the demo worker opens 福利 on her phone, claims 夏季送清凉 and
 * gets its redemption code; the partner venue's verifier opens 福利核销 and redeems that code once —
 * a second try is refused.
 */

const timeout = 15_000;


describe('claiming a benefit on a phone', () => {
  const e2e = useE2E({ demo: true });

  it('a worker claims 夏季送清凉 and the venue redeems her code once', async () => {
    const worker = await e2e.phonePage();
    await phoneLogIn(worker, 'worker');
    await worker.getByRole('link', { name: '福利', exact: true }).click();
    const summer = worker.getByTestId('benefit').filter({ hasText: '夏季送清凉' });
    await summer.waitFor({ timeout });
    await summer.getByRole('button', { name: '领取' }).click();
    const shown = summer.getByTestId('benefit-code');
    await shown.waitFor({ timeout });
    const code = (await shown.innerText()).trim();
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    await expectChineseRenders(worker);

    const venue = await e2e.phonePage();
    await phoneLogIn(venue, 'venue');
    await venue.getByRole('link', { name: '福利核销' }).click();
    await venue.getByPlaceholder('输入职工出示的兑换码').fill(code);
    await venue.getByRole('button', { name: '核销', exact: true }).click();
    await venue.getByText(/核销成功：夏季送清凉（李\*芳/).waitFor({ timeout });
    await venue.getByPlaceholder('输入职工出示的兑换码').fill(code);
    await venue.getByRole('button', { name: '核销', exact: true }).click();
    await venue.getByText(/^已于 .* 核销$/).waitFor({ timeout });
    expect(await venue.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
