import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectChineseRenders, useE2E } from './harness.ts';

/**
 * Skill levels (技能等级, #12 §2): 永康's cadre opens the page on the demo's 安胜科技 figures (812
 * certificates, 43 at 高级工 or above), imports a workbook of two more and sees the stats move; a
 * worker finds 我的技能等级 on their phone.
 */

const timeout = 15_000;
const ANSHENG_UNION = '浙江安胜科技股份有限公司工会';

async function logInAt(page: Page, path: string, username: string) {
  await page.goto(path);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

const statistic = (page: Page, id: string) => page.getByTestId(id).locator('.ant-statistic-content-value');

describe('skill levels', () => {
  const e2e = useE2E({ demo: true });

  it('a cadre sees 安胜科技’s 812 certificates, imports a workbook and sees the stats move', async () => {
    const page = await e2e.desktopPage();
    await logInAt(page, '/skills/levels', 'yongkang');
    await expect.poll(() => statistic(page, 'skill-total').innerText(), { timeout }).toBe('812');
    expect(await statistic(page, 'skill-advanced').innerText()).toBe('43');
    await page.getByRole('menuitem', { name: '技能等级' }).waitFor({ timeout });

    // Two members of 安胜科技's union without a record of these occupations, by member number as the roll gives it.
    const roll = await page.request.get('/api/members?pageSize=2&q=');
    const [m1, m2] = ((await roll.json()) as { items: { name: string; memberNo: string }[] }).items;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('技能等级');
    ws.addRow(['会员编号', '姓名', '职业（工种）', '等级', '证书编号', '发证日期', '评价机构', '评价类型']);
    ws.addRow([m1.memberNo, m1.name, '工具钳工', '三级/高级工', 'E2E2025000001', '2025-10-10', '浙江安胜科技股份有限公司', '企业自主评价']);
    ws.addRow([m2.memberNo, m2.name, '电子商务师', '四级', 'E2E2025000002', '2025-10-10', '金华市职业技能鉴定中心', '评价机构']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    await page.getByRole('tab', { name: '批量导入' }).click();
    const item = page.locator('.ant-form-item').filter({ hasText: '会员所属组织' });
    const field = item.locator('input');
    await expect
      .poll(
        async () => {
          if ((await item.innerText()).includes(ANSHENG_UNION)) return true;
          await field.click();
          await field.fill('安胜');
          await page.getByRole('tree').filter({ visible: true }).getByText(ANSHENG_UNION, { exact: true }).last().click({ timeout: 5_000 });
          return (await item.innerText()).includes(ANSHENG_UNION);
        },
        { timeout },
      )
      .toBe(true);
    await page.locator('input[type=file]').setInputFiles({ name: '技能等级.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('已导入 2 条技能等级记录').waitFor({ timeout });

    await expect.poll(() => statistic(page, 'skill-total').innerText(), { timeout }).toBe('814');
    expect(await statistic(page, 'skill-advanced').innerText()).toBe('44');
    await page.getByRole('tab', { name: '等级记录' }).click();
    await page.getByRole('cell', { name: 'E2E2025000001' }).waitFor({ timeout });
    await expectChineseRenders(page, 'h1');
  });

  it('a worker sees 我的技能等级 on the phone', async () => {
    const phone = await e2e.phonePage();
    await phone.goto('/m/login');
    await phone.getByRole('textbox', { name: '用户名' }).fill('worker');
    await phone.getByLabel('密码', { exact: true }).and(phone.locator('input')).fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByText('李小芳，您好').waitFor({ timeout });
    // 首页 shows the highest level; the tile opens the whole list.
    await phone.getByTestId('home-skills').getByText('最高等级：四级/中级工').waitFor({ timeout });
    await phone.getByText('技能等级', { exact: true }).click();
    await expect.poll(() => new URL(phone.url()).pathname, { timeout }).toBe('/m/skills');
    await phone.getByRole('heading', { name: '我的技能等级' }).waitFor({ timeout });
    await expect.poll(() => phone.getByTestId('skill-record').count(), { timeout }).toBe(2);
    await phone.getByText('保洁员').waitFor({ timeout });
    await phone.getByText('四级/中级工').waitFor({ timeout });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
