import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ADMIN_PASSWORD, chooseOrg, DEMO_PASSWORD, expectChineseRenders, resultsDir, useE2E } from './harness.ts';

/**
 * The backbone story: the platform admin builds part of the union tree and appoints a street
 * cadre in the console; the cadre then sees their street and what lies under it, and nothing
 * beside it. Driven only through what a person sees: labels, roles, button text.
 */

const STREET = '春风街道总工会';
const UNION = '春风五金制品厂工会';
const SIBLING = '秋实街道总工会';
const CADRE = { username: 'chunfeng.cadre', displayName: '周春华', password: 'Chunfeng-Cadre-2026' };

const timeout = 15_000;

async function logIn(page: Page, username: string, password: string) {
  await page.goto('/orgs');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** The open modal dialog (antd keeps closed ones in the DOM, hidden). */
const dialog = (page: Page) => page.getByRole('dialog').filter({ visible: true });

/** A node of the union tree on the left of 组织架构. */
const treeNode = (page: Page, name: string) => page.getByRole('tree').getByText(name, { exact: true });

/**
 * Picks an option in an antd Select opened from its field label, and checks the field shows it.
 * The visible options carry their label as `title` (antd's role="option" list is a hidden one for
 * screen readers). A click that lands while the popup is still opening is retried.
 */
async function choose(scope: Locator, page: Page, label: string, option: string) {
  const item = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label) });
  const shown = () => item.locator('.ant-select-content').getAttribute('title');
  await expect
    .poll(
      async () => {
        if ((await shown()) === option) return option;
        await scope.getByLabel(label).click();
        await page.locator(`.ant-select-item-option[title="${option}"]`).filter({ visible: true }).click({ timeout: 5_000 });
        return shown();
      },
      { timeout },
    )
    .toBe(option);
}


/**
 * Presses a dialog's submit button and waits for the confirmation message. When none comes, the
 * failure quotes what the dialog says instead (a field error, a refusal), since CI keeps only the log.
 */
async function submit(page: Page, form: Locator, button: string, confirmation: string) {
  await form.getByRole('button', { name: button, exact: true }).click();
  try {
    await page.getByText(confirmation).waitFor({ timeout });
  } catch (error) {
    const said = (await form.isVisible()) ? await form.innerText() : '(the dialog has closed)';
    throw new Error(`no 「${confirmation}」 after 「${button}」; the dialog says:\n${said}`, { cause: error });
  }
}

/** 新建下级组织 under the org shown on the right; waits for the confirmation. */
async function createChild(page: Page, parent: string, kind: string, name: string, level?: string) {
  await treeNode(page, parent).click();
  await expect.poll(() => page.getByRole('heading', { name: parent }).isVisible(), { timeout }).toBe(true);
  await page.getByRole('button', { name: '新建下级组织' }).click();
  const form = dialog(page);
  await choose(form, page, '组织类型', kind);
  if (level) await choose(form, page, '级别', level);
  await form.getByLabel('组织名称').fill(name);
  await submit(page, form, '新建', `已新建「${name}」`);
  await form.waitFor({ state: 'hidden', timeout });
}

describe('the union tree and a street cadre’s scope, in the console', () => {
  const e2e = useE2E({ demo: true });

  it('an admin builds a street with a union, appoints its cadre, and the cadre sees that street and not its sibling', async () => {
    // ---- the platform admin, on the county the demo loaded
    const admin = await e2e.desktopPage();
    await logIn(admin, 'admin', ADMIN_PASSWORD);
    await treeNode(admin, '嘉善县总工会').waitFor({ timeout });

    await createChild(admin, '嘉善县总工会', '总工会', STREET, '街道总工会');
    // The street's dialog starts from a street's choices, not from the county's last dialog.
    await treeNode(admin, STREET).click();
    await expect.poll(() => admin.getByRole('heading', { name: STREET }).isVisible(), { timeout }).toBe(true);
    await admin.getByRole('button', { name: '新建下级组织' }).click();
    await expect.poll(() => dialog(admin).innerText(), { timeout }).toContain('联合工会');
    expect(await dialog(admin).innerText()).not.toContain('级别');
    await dialog(admin).getByRole('button', { name: /取\s*消/ }).click();
    await dialog(admin).waitFor({ state: 'hidden', timeout });
    await createChild(admin, STREET, '基层工会', UNION);
    await createChild(admin, '嘉善县总工会', '总工会', SIBLING, '街道总工会');
    await treeNode(admin, UNION).waitFor({ timeout });

    // ---- a new account for the street, then the cadre role on it
    await admin.getByRole('menuitem', { name: '用户与授权' }).click();
    await admin.getByRole('button', { name: '新建用户' }).click();
    const create = dialog(admin);
    await create.getByLabel('姓名').fill(CADRE.displayName);
    await create.getByLabel('用户名').fill(CADRE.username);
    await create.getByLabel('初始密码').fill(CADRE.password);
    await create.getByLabel('手机号').fill('13912345678');
    await chooseOrg(create, admin, '所属组织', STREET);
    await submit(admin, create, '新建', `已新建用户「${CADRE.displayName}」`);

    // the demo has more accounts than a page holds: find the new one as a cadre would, by searching
    const userSearch = admin.getByRole('searchbox', { name: '姓名、用户名或手机号' });
    await userSearch.fill(CADRE.username);
    await userSearch.press('Enter');
    const row = admin.getByRole('row').filter({ hasText: CADRE.username });
    await expect.poll(() => row.getByText('139****5678').isVisible(), { timeout }).toBe(true);
    await row.getByRole('button', { name: '授权', exact: true }).click();
    const grant = dialog(admin);
    await choose(grant, admin, '角色', '工会干部');
    await chooseOrg(grant, admin, '授权组织', STREET);
    await submit(admin, grant, '授权', '已授权');
    await expect.poll(() => row.innerText(), { timeout }).toContain(STREET);

    // The sibling's id, as the admin sees it, for the cadre's direct API call below.
    const search = await admin.request.get(`/api/orgs?q=${encodeURIComponent(SIBLING)}`);
    expect(search.status()).toBe(200);
    const [sibling] = (await search.json()).items as { id: number; name: string }[];
    expect(sibling.name).toBe(SIBLING);

    // ---- the cadre, on their own browser
    const cadre = await e2e.desktopPage();
    await logIn(cadre, CADRE.username, CADRE.password);
    const tree = cadre.getByRole('tree');
    await treeNode(cadre, STREET).waitFor({ timeout });
    await treeNode(cadre, UNION).waitFor({ timeout });
    const seen = await tree.innerText();
    expect(seen).not.toContain(SIBLING);
    expect(seen).not.toContain('嘉善县总工会');
    expect(seen).not.toContain('魏塘街道总工会');
    expect(await cadre.getByRole('heading', { name: STREET }).isVisible()).toBe(true);

    // Asking for the sibling directly answers exactly like a missing org.
    const direct = await cadre.request.get(`/api/orgs/${sibling.id}`);
    expect(direct.status()).toBe(404);
    expect(await direct.json()).toMatchObject({ code: 'not_found', status: 404 });
    const children = await cadre.request.get(`/api/orgs/${sibling.id}/children`);
    expect(children.status()).toBe(404);

    // And the page shows it: a deep link to the sibling finds nothing.
    await cadre.goto(`/orgs/${sibling.id}`);
    await expect.poll(() => cadre.locator('main').innerText(), { timeout }).toContain('不在您的管辖范围内');
    expect(await cadre.locator('main').innerText()).not.toContain(SIBLING);

    // ---- Chinese is drawn with a real CJK font, not boxes; keep a picture of the cadre's view
    await treeNode(cadre, STREET).click();
    await expectChineseRenders(cadre, '[role="tree"]');
    fs.mkdirSync(resultsDir, { recursive: true });
    await cadre.screenshot({ path: path.join(resultsDir, 'backbone-cadre-view.png'), fullPage: true });
  });

  it('a demo street cadre logs in with the demo password and sees only their street', async () => {
    const page = await e2e.desktopPage();
    await logIn(page, 'weitang', DEMO_PASSWORD);
    await treeNode(page, '魏塘街道总工会').waitFor({ timeout });
    await treeNode(page, '坤和大厦楼宇联合工会').waitFor({ timeout });
    const seen = await page.getByRole('tree').innerText();
    expect(seen).not.toContain('罗星街道总工会');
    expect(seen).not.toContain('嘉善县总工会');
  });

  it('a cadre on a phone gets a header that fits 390 px, the menu in a drawer and 退出登录 under their avatar', async () => {
    const page = await e2e.phonePage();
    await logIn(page, 'weitang', DEMO_PASSWORD);
    await treeNode(page, '魏塘街道总工会').waitFor({ timeout });
    const header = page.locator('.ant-layout-header');
    expect(await header.evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.locator('.ant-drawer').getByText('入会审批').click();
    await page.getByRole('heading', { name: '入会审批' }).waitFor({ timeout });

    // A click that lands while the account menu is still opening (a slow CI) is tried again.
    await expect
      .poll(
        async () => {
          if (new URL(page.url()).pathname === '/login') return '/login';
          const item = page.getByRole('menuitem', { name: '退出登录' });
          if (!(await item.isVisible())) await page.getByRole('button', { name: '账号' }).click();
          await item.click({ timeout: 5_000 }).catch(() => {});
          await page.waitForURL((url) => url.pathname === '/login', { timeout: 3_000 }).catch(() => {});
          return new URL(page.url()).pathname;
        },
        { timeout },
      )
      .toBe('/login');
  });
});
