import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeIdNumber } from '../server/platform/identity.ts';
import type { SmsSender } from '../server/platform/sms.ts';
import { DEMO_PASSWORD, downloadExport, expectChineseRenders, useE2E } from './harness.ts';

/**
 * Joining online (线上入会): a worker signs up on their phone with an SMS code and applies to the
 * building joint union of 魏塘街道; the street's cadre approves in the console; the worker then
 * shows their e-card with the new member number. Driven by what people see: labels and buttons.
 */

const WORKER = { name: '沈一鸣', phone: '13955550001', password: 'Shen-Yiming-2026', employer: '嘉善数联电子商务有限公司' };
const UNION = '坤和大厦楼宇联合工会';
const ID_NUMBER = makeIdNumber('330421', '1995-06-15', 777);
/** The same number with its check digit changed: refused by the server, under the field. */
const BAD_ID_NUMBER = ID_NUMBER.slice(0, 17) + (ID_NUMBER.endsWith('1') ? '2' : '1');
/** 18 characters, the last a letter other than X: told what is wrong, not "enter 18". */
const LETTER_ID_NUMBER = `${ID_NUMBER.slice(0, 17)}A`;

const timeout = 15_000;

/** The sign-up codes the server texted, newest last. */
const outbox: { phone: string; text: string }[] = [];
const smsSender: SmsSender = { name: 'e2e-outbox', usable: () => true, send: async (phone, text) => void outbox.push({ phone, text }) };

async function codeSentTo(phone: string): Promise<string> {
  await expect.poll(() => outbox.filter((m) => m.phone === phone).length, { timeout }).toBeGreaterThan(0);
  const text = outbox.filter((m) => m.phone === phone).at(-1)!.text;
  return /验证码是 (\d{6})/.exec(text)![1];
}

const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('joining the union online', () => {
  const e2e = useE2E({ demo: true, smsSender });

  it('a worker signs up and applies on a phone, the street cadre approves, the worker shows the e-card', async () => {
    // --- Not logged in, the worker finds their building's union on the portal's home page; joining
    // it asks them to log in, and they sign up with their phone number and an SMS code.
    const phone = await e2e.phonePage();
    await phone.goto('/m');
    await phone.getByRole('searchbox').or(phone.getByPlaceholder('搜索工会名称或地区')).first().fill('坤和');
    await phone.getByTestId('home-directory').getByRole('button', { name: new RegExp(UNION) }).click();
    await expect.poll(() => new URL(phone.url()).pathname, { timeout }).toBe('/m/login');
    await phone.getByRole('link', { name: '注册' }).click();
    await phone.getByLabel('手机号').fill(WORKER.phone);
    await phone.getByRole('button', { name: '获取验证码' }).click();
    await phone.getByLabel('验证码').fill(await codeSentTo(WORKER.phone));
    await phone.getByLabel('设置密码').fill(WORKER.password);
    await phone.getByRole('button', { name: '注册', exact: true }).click();

    // --- Logged in, straight to the application form.
    await expect.poll(() => new URL(phone.url()).pathname, { timeout }).toBe('/m/join');
    await phone.getByLabel('姓名').fill(WORKER.name);
    await phone.getByLabel('身份证号').fill(LETTER_ID_NUMBER);
    await phone.getByLabel('手机号').fill(WORKER.phone);
    // The union chosen on the home page is already filled in.
    await phone.locator('.adm-form-item').filter({ hasText: '工会' }).getByText(UNION).first().waitFor({ timeout });
    await phone.getByLabel('工作单位').fill(WORKER.employer);
    await phone.getByText('快递员', { exact: true }).click();
    await phone.getByText('我已阅读并同意《个人信息处理说明》').click();
    expect(await fitsPhone(phone)).toBeLessThanOrEqual(390);
    await phone.getByRole('button', { name: '提交申请' }).click();

    // Each wrong ID number is told what is wrong under the field; corrected, the application goes in.
    await phone.getByText('身份证号最后一位须为数字或 X').waitFor({ timeout });
    await phone.getByLabel('身份证号').fill(BAD_ID_NUMBER);
    await phone.getByRole('button', { name: '提交申请' }).click();
    await phone.getByText('身份证号校验位不符，请核对是否输错了数字').waitFor({ timeout });
    await phone.getByLabel('身份证号').fill(ID_NUMBER);
    await phone.getByRole('button', { name: '提交申请' }).click();
    const mine = phone.locator('.adm-list-item').filter({ hasText: UNION });
    await mine.getByText('审核中').waitFor({ timeout });

    // --- The street cadre of 魏塘 approves in the console; the ID number stays masked there.
    const desk = await e2e.desktopPage();
    await desk.goto('/members/applications');
    await desk.getByLabel('用户名').fill('weitang');
    await desk.getByLabel('密码').fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: '登录', exact: true }).click();
    await desk.getByRole('heading', { name: '入会审批' }).waitFor({ timeout });
    const row = desk.getByRole('row').filter({ hasText: WORKER.name });
    await row.waitFor({ timeout });
    expect(await row.innerText()).not.toContain(ID_NUMBER);
    // The application opens in a drawer with all its fields, masked, and is decided there.
    await row.getByRole('button', { name: '查看' }).click();
    const drawer = desk.getByRole('dialog').filter({ hasText: '入会申请详情' });
    await drawer.getByText(WORKER.employer).waitFor({ timeout });
    await drawer.getByText(`${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}`).waitFor({ timeout });
    expect(await drawer.innerText()).not.toContain(ID_NUMBER);
    await drawer.getByRole('button', { name: '通过' }).click();
    await desk.locator('.ant-modal-confirm').getByRole('button', { name: '通过' }).click();
    const approved = desk.getByText(/已通过，会员编号 \d+/).filter({ visible: true });
    await approved.waitFor({ timeout });
    const memberNo = /会员编号 (\d+)/.exec(await approved.innerText())![1];

    // --- The roll, searched for the new member, exported to Excel: the ID number stays masked.
    await desk.goto('/members/roll');
    await desk.getByRole('searchbox', { name: '姓名、会员编号、身份证号、手机号或尾号' }).fill(WORKER.name);
    await desk.getByRole('searchbox', { name: '姓名、会员编号、身份证号、手机号或尾号' }).press('Enter');
    await desk.getByRole('row').filter({ hasText: memberNo }).waitFor({ timeout });
    const roll = await downloadExport(desk);
    expect(roll.name).toMatch(/^会员名册-魏塘街道总工会-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(roll.rows.slice(1).map((r) => r.slice(0, 2))).toEqual([[memberNo, WORKER.name]]);
    expect(roll.rows[1]).toContain(`${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}`);

    // --- Back on the phone: the application is approved and the e-card shows the member number.
    await phone.goto('/m/join');
    await mine.getByText('已通过').waitFor({ timeout });
    await phone.goto('/m');
    await phone.getByRole('link', { name: '电子会员卡', exact: true }).click();
    await phone.getByRole('heading', { name: '电子会员卡' }).waitFor({ timeout });
    const card = phone.getByRole('region', { name: '电子会员卡' });
    await card.getByText(WORKER.name).waitFor({ timeout });
    await card.getByText(memberNo).waitFor({ timeout });
    await card.getByText(UNION).waitFor({ timeout });
    await expect.poll(() => phone.locator('.gh-ecard-qr svg').count(), { timeout }).toBe(1);
    expect(await fitsPhone(phone)).toBeLessThanOrEqual(390);
    await expectChineseRenders(phone, '.gh-ecard');

    // --- The portal knows them as a member now: greeted by their real name (not the account's
    // nickname) under their union, and never offered the join form again.
    await phone.goto('/m');
    await phone.getByRole('heading', { name: `${WORKER.name}，您好` }).waitFor({ timeout });
    await phone.locator('.gh-hero').getByText(UNION).waitFor({ timeout });
    expect(await phone.getByText('尚未加入工会').count()).toBe(0);
    expect(await phone.getByRole('link', { name: '线上入会' }).count()).toBe(0);
    await phone.goto('/m/join');
    await phone.getByText('您已是会员').waitFor({ timeout });
    expect(await phone.getByRole('button', { name: '提交申请' }).count()).toBe(0);
  });
});
