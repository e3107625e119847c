// The admins' areas of the editors' console in a real browser against the real server: friend
// links, site settings and user accounts. Each test sets up what it needs and puts everything
// back (through the API too, should it fail half-way), so the portal tests see the demo friend
// links and site settings as they were, whatever order the tests run in.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, adminToken, consoleNav, fillLogin, logIn, openPerson } from './console-support.mjs';
import { api, baseUrl, launch, squash } from './support.mjs';

const stamp = Date.now().toString(36);

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Sends a request as the admin; returns the response. */
async function asAdmin(method, path, body) {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: {
      Authorization: `Bearer ${await adminToken()}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response;
}

/** A fresh browser for one person; closed by the caller. */
const open = () => openPerson(browser);

/** Accepts the console's confirmations, and answers its prompts (a new password) with `answer`. */
function answerDialogs(page, answer = () => '') {
  page.on('dialog', (dialog) =>
    dialog.type() === 'prompt' ? dialog.accept(answer(dialog.message())) : dialog.accept(),
  );
}

/** Logs in as `username` in a fresh browser; the console opens or the form says why not. */
async function tryLogIn(username, password) {
  const { context, page, errors } = await open();
  try {
    await fillLogin(page, username, password);
    const refused = page.getByRole('alert').filter({ hasText: '用户名或密码错误' });
    await Promise.race([consoleNav(page).waitFor(), refused.waitFor()]);
    assert.deepEqual(errors, []);
    return (await consoleNav(page).count()) > 0 ? 'in' : 'refused';
  } finally {
    await context.close();
  }
}

/** Opens the portal's home page in a fresh browser (no cached site settings or links). */
async function asReader(check) {
  const { context, page, errors } = await open();
  try {
    await page.goto('/');
    await check(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

describe('the admins\' areas of the console', () => {
  test('the admin adds a friend link, changes it, sees it in the portal footer and deletes it', async () => {
    const demo = await api('/api/v1/friend-links');
    const name = `新洲区法律援助中心 ${stamp}`;
    const renamed = `新洲区公共法律服务中心 ${stamp}`;
    const url = `https://legal-aid.example.org/${stamp}`;
    const changedUrl = `https://legal-service.example.org/${stamp}`;
    const { context, page, errors } = await open();
    answerDialogs(page);
    try {
      await logIn(page, 'admin', ADMIN_PASSWORD);
      await consoleNav(page).getByRole('link', { name: '友情链接' }).click();
      await page.waitForURL('**/admin/friend-links');
      const table = page.locator('.data-table');
      for (const link of demo) await table.locator('tr', { hasText: link.name }).waitFor();

      const add = page.locator('section.panel', { has: page.getByRole('heading', { name: '添加友情链接' }) });
      await add.getByLabel('名称', { exact: true }).fill(name);
      await add.getByLabel('网址').fill(url);
      await add.getByLabel('排序').fill('99');
      await add.getByRole('button', { name: '添加链接' }).click();
      await page.getByRole('status').filter({ hasText: `已保存 ${name}` }).waitFor();
      const row = table.locator('tr', { hasText: name });
      await row.waitFor();
      assert.equal(await row.getByRole('link', { name: url }).getAttribute('href'), url);
      assert.equal(await add.getByLabel('名称', { exact: true }).inputValue(), '', 'the form is emptied');

      await row.getByRole('button', { name: '修改' }).click();
      const editing = table.locator('tr.editing');
      assert.equal(await editing.getByLabel('名称', { exact: true }).inputValue(), name);
      assert.equal(await editing.getByLabel('网址').inputValue(), url);
      assert.equal(await editing.getByLabel('排序').inputValue(), '99');
      await editing.getByLabel('名称', { exact: true }).fill(renamed);
      await editing.getByLabel('网址').fill(changedUrl);
      await editing.getByRole('button', { name: '保存', exact: true }).click();
      await page.getByRole('status').filter({ hasText: `已保存 ${renamed}` }).waitFor();
      const changed = table.locator('tr', { hasText: renamed });
      await changed.waitFor();
      assert.equal(await editing.count(), 0, 'the row is back to reading');
      assert.equal(await table.locator('tr', { hasText: name }).count(), 0);
      assert.match(squash(await changed.innerText()), new RegExp(`${changedUrl} 99`));

      await asReader(async (reader) => {
        const section = reader.getByRole('contentinfo').getByRole('region', { name: '友情连接' });
        const link = section.getByRole('link', { name: renamed });
        await link.waitFor();
        assert.equal(await link.getAttribute('href'), changedUrl);
        assert.equal(await link.getAttribute('target'), '_blank');
        assert.ok((await link.getAttribute('rel')).split(/\s+/).includes('noopener'), 'rel has noopener');
        assert.equal(await section.getByRole('link', { name }).count(), 0, 'the old name is gone');
        const names = await section.getByRole('link').allInnerTexts();
        assert.deepEqual(names, [...demo.map((each) => each.name), renamed]);
      });

      await changed.getByRole('button', { name: '删除' }).click();
      await page.getByRole('status').filter({ hasText: `已删除 ${renamed}` }).waitFor();
      await table.locator('tr', { hasText: renamed }).waitFor({ state: 'detached' });
      assert.deepEqual(
        (await api('/api/v1/friend-links')).map((link) => link.name),
        demo.map((link) => link.name),
        'only the demo links are left',
      );
      await asReader(async (reader) => {
        const section = reader.getByRole('contentinfo').getByRole('region', { name: '友情连接' });
        await section.getByRole('link', { name: demo[0].name }).waitFor();
        assert.equal(await section.getByRole('link', { name: renamed }).count(), 0);
      });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      // Should the test have stopped half-way, take its link away.
      for (const link of await api('/api/v1/friend-links')) {
        if (link.name.includes(stamp)) await asAdmin('DELETE', `/api/v1/friend-links/${link.id}`);
      }
    }
  });

  test('the admin renames the site and changes its ICP number, readers see them, then they are restored', async () => {
    const { updated_at: _, ...original } = await api('/api/v1/site');
    const siteName = `新洲区普法网 ${stamp}`;
    const icpNumber = `鄂ICP备${String(Date.now()).slice(-8)}号-1`;
    const { context, page, errors } = await open();
    try {
      await logIn(page, 'admin', ADMIN_PASSWORD);
      await consoleNav(page).getByRole('link', { name: '站点设置' }).click();
      await page.waitForURL('**/admin/site');
      const nameField = page.getByLabel('站点名称');
      const icpField = page.getByLabel('ICP 备案号');
      await nameField.waitFor();
      assert.equal(await nameField.inputValue(), original.site_name);
      assert.equal(await icpField.inputValue(), original.icp_number);
      await nameField.fill(siteName);
      await icpField.fill(icpNumber);
      await page.getByRole('button', { name: '保存设置' }).click();
      await page.getByRole('status').filter({ hasText: '站点设置已保存' }).waitFor();

      // Saved on the server: the form shows the new values after a reload.
      await page.reload();
      await nameField.waitFor();
      assert.equal(await nameField.inputValue(), siteName);
      assert.equal(await icpField.inputValue(), icpNumber);
      assert.equal(await page.getByLabel('版权信息').inputValue(), original.copyright, 'the rest is kept');

      await asReader(async (reader) => {
        await reader.locator('a.brand').filter({ hasText: siteName }).waitFor();
        assert.equal(await reader.locator('.brand-name').innerText(), siteName);
        assert.equal(await reader.locator('.welcome').innerText(), `欢迎访问${siteName}`);
        assert.equal(await reader.title(), siteName);
        const footer = reader.getByRole('contentinfo');
        const icp = footer.getByRole('link', { name: icpNumber });
        await icp.waitFor();
        assert.equal(await icp.getAttribute('target'), '_blank');
        if (original.icp_number) {
          assert.ok(!squash(await footer.innerText()).includes(original.icp_number), 'the old number is gone');
        }
      });

      await nameField.fill(original.site_name);
      await icpField.fill(original.icp_number);
      await page.getByRole('button', { name: '保存设置' }).click();
      await page.getByRole('status').filter({ hasText: '站点设置已保存' }).waitFor();
      const { updated_at: __, ...restored } = await api('/api/v1/site');
      assert.deepEqual(restored, original, 'the settings are as they were');

      await asReader(async (reader) => {
        await reader.locator('a.brand').filter({ hasText: original.site_name }).waitFor();
        const footer = reader.getByRole('contentinfo');
        if (original.icp_number) {
          await footer.getByRole('link', { name: original.icp_number }).waitFor();
        } else {
          // The demo site carries no number, and the footer shows no link without one.
          await footer.getByText(original.copyright).waitFor();
          assert.equal(await footer.locator('a[href="https://beian.miit.gov.cn/"]').count(), 0);
        }
        assert.equal(await reader.title(), original.site_name);
      });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      // Should the test have stopped half-way, put the settings back.
      const response = await asAdmin('PATCH', '/api/v1/site', original);
      assert.equal(response.status, 200, 'the settings are restored');
    }
  });

  test('the admin resets an editor\'s password, disables the account and enables it again', async () => {
    const editor = `e2e-reset-${stamp}`;
    const oldPassword = 'old-password-4242';
    const newPassword = 'new-password-8686';
    const created = await asAdmin('POST', '/api/v1/users', {
      username: editor,
      password: oldPassword,
      role: 'editor',
    });
    assert.equal(created.status, 201, 'the editor account is created');
    const { id } = await created.json();
    const { context, page, errors } = await open();
    const asked = [];
    answerDialogs(page, (question) => {
      asked.push(question);
      return newPassword;
    });
    try {
      assert.equal(await tryLogIn(editor, oldPassword), 'in', 'the editor can log in at first');

      await logIn(page, 'admin', ADMIN_PASSWORD);
      await consoleNav(page).getByRole('link', { name: '用户管理' }).click();
      await page.waitForURL('**/admin/users');
      const row = page.locator('.users-table tbody tr', { hasText: editor });
      await row.waitFor();
      assert.match(await row.innerText(), /编辑\s+正常/);

      await row.getByRole('button', { name: '重置密码' }).click();
      await page.getByRole('status').filter({ hasText: `已重置 ${editor} 的密码` }).waitFor();
      assert.deepEqual(asked, [`为 ${editor} 设置新密码(至少 10 个字符):`]);
      assert.equal(await tryLogIn(editor, oldPassword), 'refused', 'the old password is refused');
      assert.equal(await tryLogIn(editor, newPassword), 'in', 'the new password works');

      await row.getByRole('button', { name: '停用' }).click();
      await page.getByRole('status').filter({ hasText: `已停用 ${editor}` }).waitFor();
      await row.filter({ hasText: '已停用' }).waitFor();
      assert.match(await row.getAttribute('class'), /\bdisabled\b/);
      assert.equal(await tryLogIn(editor, newPassword), 'refused', 'a disabled editor cannot log in');

      await row.getByRole('button', { name: '启用' }).click();
      await page.getByRole('status').filter({ hasText: `已启用 ${editor}` }).waitFor();
      await row.filter({ hasText: '正常' }).waitFor();
      assert.equal(await tryLogIn(editor, newPassword), 'in', 'enabled again, the editor can log in');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      const removed = await asAdmin('DELETE', `/api/v1/users/${id}`);
      assert.ok([204, 200].includes(removed.status), `the editor account is deleted (${removed.status})`);
    }
  });
});
