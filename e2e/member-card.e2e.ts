import { describe, expect, it } from 'vitest';
import { expectChineseRenders, phoneLogIn, useE2E } from './harness.ts';

/**
 * The verifiable e-card on phones (issue #11 §3): a worker of the demo county shows the dynamic QR
 * code of their e-card; a street cadre opens 会员卡核验 on their own phone, enters the code under
 * the QR (the typed fallback: the test browser has no camera) and sees a valid member with the
 * name masked; an altered code is refused as forged, in Chinese.
 */

const timeout = 15_000;


describe('the e-card and its check on a phone', () => {
  const e2e = useE2E({ demo: true });

  it('a cadre verifies a worker’s e-card by the code under its QR, and is refused an altered one', async () => {
    // The worker's card: a dynamic QR code with its code printed beneath, and no tile to check others' cards.
    const worker = await e2e.phonePage();
    await phoneLogIn(worker, 'worker');
    expect(await worker.getByText('会员卡核验').count()).toBe(0);
    await worker.getByText('电子会员卡').first().click();
    await worker.getByText('动态码 每5分钟更新').waitFor({ timeout });
    await worker.getByText(/\d:\d\d 后失效/).waitFor({ timeout });
    const code = (await worker.locator('.gh-ecard-token').innerText()).trim();
    expect(code).toMatch(/^GH1\.\d+\.\d+\.[A-Za-z0-9_-]{22}$/);
    expect(code).not.toContain('202600000001');

    // The street cadre finds 会员卡核验 among their services.
    const cadre = await e2e.phonePage();
    await phoneLogIn(cadre, 'weitang');
    await cadre.getByText('会员卡核验').click();
    await expect.poll(() => new URL(cadre.url()).pathname, { timeout }).toBe('/m/verify');
    await cadre.getByRole('textbox', { name: '会员码' }).fill(code);
    await cadre.getByRole('button', { name: '核验', exact: true }).click();
    const valid = cadre.getByRole('status', { name: '有效会员' });
    await valid.waitFor({ timeout });
    expect(await valid.innerText()).toContain('李*芳');
    expect(await valid.innerText()).toContain('浙江亿力清洁有限公司工会');
    expect(await cadre.content()).not.toContain('李小芳');
    await expectChineseRenders(cadre);

    // The next card: the same code with its last character changed is a forgery.
    await cadre.getByRole('button', { name: '核验下一张' }).click();
    const forged = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    await cadre.getByRole('textbox', { name: '会员码' }).fill(forged);
    await cadre.getByRole('button', { name: '核验', exact: true }).click();
    const refused = cadre.getByRole('status', { name: '核验未通过' });
    await refused.waitFor({ timeout });
    expect(await refused.innerText()).toContain('不是本平台签发的电子会员卡，或已被篡改');

    // It fits the phone: nothing wider than the 390 px screen.
    expect(await cadre.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
