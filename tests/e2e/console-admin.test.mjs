// The admins' areas of the editors' console in a real browser against the real server: friend
// links, site settings and user accounts. Friend links and site settings show on every page,
// so those two tests run on a server of their own (`privateSite`): what they change no other
// test sees, and their checks of the whole list and of the restored settings hold whatever runs
// beside them. The user accounts test makes its own editor on the shared server.

import {
  consoleNav,
  expect,
  fillLogin,
  getJson,
  logIn,
  squash,
  strongPassword,
  test,
} from './fixtures.mjs';

// Pages of these tests go to the test's own server.
const ownSiteTest = test.extend({
  baseURL: async ({ privateSite }, use) => {
    await use(privateSite.url);
  },
});

/** Accepts the console's confirmations, and answers its prompts (a new password) with `answer`. */
function answerDialogs(page, answer = () => '') {
  page.on('dialog', (dialog) =>
    dialog.type() === 'prompt' ? dialog.accept(answer(dialog.message())) : dialog.accept(),
  );
}

/** Opens the portal's home page in a fresh browser (no cached site settings or links). */
async function asReader(openPerson, check) {
  const { context, page } = await openPerson();
  try {
    await page.goto('/');
    await check(page);
  } finally {
    await context.close();
  }
}

test.describe('the admins\' areas of the console', () => {
  ownSiteTest('the admin adds a friend link, changes it, sees it in the portal footer and deletes it', async ({ page, privateSite, openPerson, unique }) => {
    const site = privateSite.url;
    const demo = await getJson(site, '/api/v1/friend-links');
    const name = `新洲区法律援助中心 ${unique}`;
    const renamed = `新洲区公共法律服务中心 ${unique}`;
    const url = `https://legal-aid.example.org/${unique}`;
    const changedUrl = `https://legal-service.example.org/${unique}`;
    answerDialogs(page);
    await logIn(page, 'admin', privateSite.adminPassword);
    await consoleNav(page).getByRole('link', { name: '友情链接' }).click();
    await page.waitForURL('**/admin/friend-links');
    const table = page.locator('.data-table');
    for (const link of demo) await table.locator('tr', { hasText: link.name }).waitFor();

    const add = page.locator('section.panel', { has: page.getByRole('heading', { name: '添加友情链接' }) });
    await add.getByLabel('名称', { exact: true }).fill(name);
    await add.getByLabel('网址').fill(url);
    await add.getByLabel('排序').fill('99');
    await add.getByRole('button', { name: '添加链接' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已保存 ${name}` })).toBeVisible();
    const row = table.locator('tr', { hasText: name });
    await expect(row.getByRole('link', { name: url })).toHaveAttribute('href', url);
    await expect(add.getByLabel('名称', { exact: true }), 'the form is emptied').toHaveValue('');

    await row.getByRole('button', { name: '修改' }).click();
    const editing = table.locator('tr.editing');
    await expect(editing.getByLabel('名称', { exact: true })).toHaveValue(name);
    await expect(editing.getByLabel('网址')).toHaveValue(url);
    await expect(editing.getByLabel('排序')).toHaveValue('99');
    await editing.getByLabel('名称', { exact: true }).fill(renamed);
    await editing.getByLabel('网址').fill(changedUrl);
    await editing.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `已保存 ${renamed}` })).toBeVisible();
    const changed = table.locator('tr', { hasText: renamed });
    await changed.waitFor();
    await expect(editing, 'the row is back to reading').toHaveCount(0);
    await expect(table.locator('tr', { hasText: name })).toHaveCount(0);
    expect(squash(await changed.innerText())).toMatch(new RegExp(`${changedUrl} 99`));

    await asReader(openPerson, async (reader) => {
      const section = reader.getByRole('contentinfo').getByRole('region', { name: '友情连接' });
      const link = section.getByRole('link', { name: renamed });
      await expect(link).toHaveAttribute('href', changedUrl);
      await expect(link).toHaveAttribute('target', '_blank');
      expect((await link.getAttribute('rel')).split(/\s+/), 'rel has noopener').toContain('noopener');
      await expect(section.getByRole('link', { name }), 'the old name is gone').toHaveCount(0);
      await expect(section.getByRole('link')).toHaveText([...demo.map((each) => each.name), renamed]);
    });

    await changed.getByRole('button', { name: '删除' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已删除 ${renamed}` })).toBeVisible();
    await table.locator('tr', { hasText: renamed }).waitFor({ state: 'detached' });
    expect(
      (await getJson(site, '/api/v1/friend-links')).map((link) => link.name),
      'only the demo links are left',
    ).toEqual(demo.map((link) => link.name));
    await asReader(openPerson, async (reader) => {
      const section = reader.getByRole('contentinfo').getByRole('region', { name: '友情连接' });
      await expect(section.getByRole('link', { name: demo[0].name })).toBeVisible();
      await expect(section.getByRole('link', { name: renamed })).toHaveCount(0);
    });
  });

  ownSiteTest('the admin renames the site and changes its ICP number, readers see them, then they are restored', async ({ page, privateSite, openPerson, unique }) => {
    const site = privateSite.url;
    const { updated_at: _, ...original } = await getJson(site, '/api/v1/site');
    const siteName = `新洲区普法网 ${unique}`;
    const icpNumber = `鄂ICP备${String(Date.now()).slice(-8)}号-1`;
    await logIn(page, 'admin', privateSite.adminPassword);
    await consoleNav(page).getByRole('link', { name: '站点设置' }).click();
    await page.waitForURL('**/admin/site');
    const nameField = page.getByLabel('站点名称');
    const icpField = page.getByLabel('ICP 备案号');
    await expect(nameField).toHaveValue(original.site_name);
    await expect(icpField).toHaveValue(original.icp_number);
    await nameField.fill(siteName);
    await icpField.fill(icpNumber);
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByRole('status').filter({ hasText: '站点设置已保存' })).toBeVisible();

    // Saved on the server: the form shows the new values after a reload.
    await page.reload();
    await expect(nameField).toHaveValue(siteName);
    await expect(icpField).toHaveValue(icpNumber);
    await expect(page.getByLabel('版权信息'), 'the rest is kept').toHaveValue(original.copyright);

    await asReader(openPerson, async (reader) => {
      await expect(reader.locator('a.brand').filter({ hasText: siteName })).toBeVisible();
      await expect(reader.locator('.brand-name')).toHaveText(siteName, { useInnerText: true });
      await expect(reader.locator('.welcome')).toHaveText(`欢迎访问${siteName}`, { useInnerText: true });
      await expect(reader).toHaveTitle(siteName);
      const footer = reader.getByRole('contentinfo');
      const icp = footer.getByRole('link', { name: icpNumber });
      await expect(icp).toHaveAttribute('target', '_blank');
      if (original.icp_number) {
        expect(squash(await footer.innerText()), 'the old number is gone').not.toContain(original.icp_number);
      }
    });

    await nameField.fill(original.site_name);
    await icpField.fill(original.icp_number);
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByRole('status').filter({ hasText: '站点设置已保存' })).toBeVisible();
    const { updated_at: __, ...restored } = await getJson(site, '/api/v1/site');
    expect(restored, 'the settings are as they were').toEqual(original);

    await asReader(openPerson, async (reader) => {
      await expect(reader.locator('a.brand').filter({ hasText: original.site_name })).toBeVisible();
      const footer = reader.getByRole('contentinfo');
      if (original.icp_number) {
        await expect(footer.getByRole('link', { name: original.icp_number })).toBeVisible();
      } else {
        // The demo site carries no number, and the footer shows no link without one.
        await expect(footer.getByText(original.copyright)).toBeVisible();
        await expect(footer.locator('a[href="https://beian.miit.gov.cn/"]')).toHaveCount(0);
      }
      await expect(reader).toHaveTitle(original.site_name);
    });
  });

  test('the admin resets an editor\'s password, disables the account and enables it again', async ({ page, admin, openPerson, unique }) => {
    const editor = `e2e-reset-${unique}`;
    const oldPassword = strongPassword();
    const newPassword = strongPassword();
    await admin.createUser({ username: editor, password: oldPassword, role: 'editor' });
    const asked = [];
    answerDialogs(page, (question) => {
      asked.push(question);
      return newPassword;
    });

    /** Logs in as `username` in a fresh browser; the console opens or the form says why not. */
    async function tryLogIn(username, password) {
      const { context, page: other } = await openPerson();
      try {
        await fillLogin(other, username, password);
        const refused = other.getByRole('alert').filter({ hasText: '用户名或密码错误' });
        await expect(consoleNav(other).or(refused)).toBeVisible();
        return (await consoleNav(other).count()) > 0 ? 'in' : 'refused';
      } finally {
        await context.close();
      }
    }

    expect(await tryLogIn(editor, oldPassword), 'the editor can log in at first').toBe('in');

    await logIn(page, 'admin', process.env.PORTAL_E2E_ADMIN_PASSWORD);
    await consoleNav(page).getByRole('link', { name: '用户管理' }).click();
    await page.waitForURL('**/admin/users');
    const row = page.locator('.users-table tbody tr', { hasText: editor });
    await expect(row).toHaveText(/编辑\s+正常/, { useInnerText: true });

    await row.getByRole('button', { name: '重置密码' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已重置 ${editor} 的密码` })).toBeVisible();
    expect(asked).toEqual([`为 ${editor} 设置新密码(至少 10 个字符):`]);
    expect(await tryLogIn(editor, oldPassword), 'the old password is refused').toBe('refused');
    expect(await tryLogIn(editor, newPassword), 'the new password works').toBe('in');

    await row.getByRole('button', { name: '停用' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已停用 ${editor}` })).toBeVisible();
    await expect(row.filter({ hasText: '已停用' })).toBeVisible();
    await expect(row).toHaveClass(/\bdisabled\b/);
    expect(await tryLogIn(editor, newPassword), 'a disabled editor cannot log in').toBe('refused');

    await row.getByRole('button', { name: '启用' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已启用 ${editor}` })).toBeVisible();
    await expect(row.filter({ hasText: '正常' })).toBeVisible();
    expect(await tryLogIn(editor, newPassword), 'enabled again, the editor can log in').toBe('in');
  });
});
