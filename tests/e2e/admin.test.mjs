// The editors' console in a real browser against the real server: an admin creates an editor,
// the editor writes, publishes and schedules articles and reads their statistics, and the
// console keeps editors out of the admins' areas. Tests run in file order and build on each
// other; the articles they write are deleted afterwards so the portal tests see the demo
// content as it was.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, adminToken, consoleNav, logIn, openPerson } from './console-support.mjs';
import { api, baseUrl, eventually, launch, screenshotDir } from './support.mjs';

const EDITOR = 'e2e-editor';
const EDITOR_PASSWORD = 'editor-password-42';
const stamp = Date.now().toString(36);
const PUBLISHED_TITLE = `新洲区开展民法典进社区宣传活动 ${stamp}`;
const SCHEDULED_TITLE = `新洲区宪法宣传周活动预告 ${stamp}`;
const MEDIA_TITLE = `新洲区普法宣传栏更新(示例) ${stamp}`;
const IMAGE_ALT = '宣传栏照片 示例';
const ATTACHMENT_NAME = '关于开展宪法宣传周活动的通知(示例).pdf';
const FORM_NAME = '报名表(示例).txt';
const LIST_NAME = '宣传资料清单(示例).txt';

let browser;
const written = [];

before(async () => {
  browser = await launch();
  mkdirSync(screenshotDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  // Leave the demo content as the portal tests expect it.
  if (written.length > 0) {
    const token = await adminToken();
    for (const id of written) {
      await fetch(new URL(`/api/v1/articles/${id}`, baseUrl), {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}` },
      });
    }
  }
});

/** A fresh browser for one person; closed by the caller. */
const open = () => openPerson(browser);

async function screenshot(page, name) {
  await page.mouse.move(0, 799);
  await page.screenshot({ path: join(screenshotDir, name) });
}

/** Writes an article in the editor; `publish` is the label of the publish choice. */
async function write(page, { title, publish, when }) {
  await consoleNav(page).getByRole('link', { name: '写文章' }).click();
  await page.waitForURL('**/admin/articles/new');
  await page.getByLabel('标题', { exact: true }).fill(title);
  const xinzhou = await api('/api/v1/categories/xinzhou');
  await page.getByLabel('栏目').selectOption(String(xinzhou.category.id));
  await page.getByLabel('来源').fill('新洲区司法局');
  await page.getByLabel('作者').fill('普法办');
  const body = page.locator('#article-body');
  await body.click();
  await page.keyboard.type('民法典宣传小分队走进社区,');
  await page.getByRole('button', { name: '加粗' }).click();
  await page.keyboard.type('为居民现场答疑');
  await page.getByRole('button', { name: '加粗' }).click();
  await page.keyboard.type('。');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '项目列表' }).click();
  await page.keyboard.type('发放宣传资料三百余份');
  await page.getByLabel(publish, { exact: true }).check();
  if (when) await page.getByLabel('定时发布时间').fill(when);
}

async function save(page, title) {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.waitForURL('**/admin/articles');
  const row = page.locator('tr', { hasText: title });
  await row.waitFor();
  const id = Number((await row.getByRole('link', { name: '编辑' }).getAttribute('href')).split('/').pop());
  written.push(id);
  return { row, id };
}

describe('the editors\' console', () => {
  test('a wrong password is refused with a message', async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto('/admin/articles');
      await page.getByRole('heading', { name: '管理后台登录' }).waitFor();
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill('not-the-password');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
      assert.equal(await consoleNav(page).count(), 0, 'the console stays closed');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the admin creates an editor account', async () => {
    const { context, page, errors } = await open();
    try {
      await logIn(page, 'admin', ADMIN_PASSWORD);
      await consoleNav(page).getByRole('link', { name: '用户管理' }).click();
      await page.waitForURL('**/admin/users');
      await page.getByLabel('用户名').fill(EDITOR);
      await page.getByLabel('初始密码').fill('short');
      await page.getByRole('button', { name: '创建用户' }).click();
      await page.locator('.field-error', { hasText: '至少 10 个字符' }).waitFor();
      await page.getByLabel('初始密码').fill(EDITOR_PASSWORD);
      await page.getByRole('button', { name: '创建用户' }).click();
      await page.getByRole('status').filter({ hasText: `已创建用户 ${EDITOR}` }).waitFor();
      const row = page.locator('tbody tr', { hasText: EDITOR });
      assert.match(await row.innerText(), /编辑\s+正常/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the editor publishes an article in 新洲区 and readers find it on the portal', async () => {
    const { context, page, errors } = await open();
    try {
      await logIn(page, EDITOR, EDITOR_PASSWORD);
      await write(page, { title: PUBLISHED_TITLE, publish: '立即发布' });
      assert.match(await page.locator('#article-body').innerHTML(), /<b>为居民现场答疑<\/b>|<strong>/);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'editor.png');

      await page.getByRole('button', { name: '预览' }).click();
      const preview = page.locator('.preview');
      await preview.getByRole('heading', { name: PUBLISHED_TITLE }).waitFor();
      assert.match(await preview.innerText(), /来源: 新洲区司法局/);
      await page.getByRole('button', { name: '返回编辑' }).click();

      // The preview shows what the server's sanitiser keeps, not what was typed.
      await page.locator('#article-body').evaluate((area) => {
        area.insertAdjacentHTML(
          'beforeend',
          '<p onclick="window.clicked = 1">预览净化<img src="/nothing.png" alt="x" onerror="window.ran = 1"></p>',
        );
        area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      });
      await page.getByRole('button', { name: '预览' }).click();
      const previewBody = preview.locator('.article-body');
      await previewBody.getByText('预览净化').waitFor();
      const previewHtml = await previewBody.innerHTML();
      assert.doesNotMatch(previewHtml, /onclick|onerror/);
      assert.match(previewHtml, /referrerpolicy="no-referrer"/);
      // In the editing area itself the pasted handler is still there, and the page's
      // Content-Security-Policy refuses to run it: that refusal is the one expected error.
      const refused = errors.filter((message) => /violates the following Content Security Policy/.test(message));
      assert.ok(refused.length >= 1, 'the CSP refused the inline handler');
      assert.equal(await page.evaluate(() => window.ran), undefined);
      errors.splice(0, errors.length, ...errors.filter((message) => !refused.includes(message)));
      await page.getByRole('button', { name: '返回编辑' }).click();

      const { row, id } = await save(page, PUBLISHED_TITLE);
      assert.match(await row.innerText(), /新洲区\s+已发布/);

      // A reader, on the portal.
      await page.goto('/category/xinzhou');
      const link = page.locator('.article-list').getByRole('link', { name: PUBLISHED_TITLE });
      await link.click();
      await page.waitForURL(`**/article/${id}`);
      await page.getByRole('heading', { level: 1, name: PUBLISHED_TITLE }).waitFor();
      assert.match(await page.locator('.article-body').innerHTML(), /<(b|strong)>为居民现场答疑<\/(b|strong)>/);
      assert.match(await page.locator('.article-body').innerHTML(), /<li>发放宣传资料三百余份<\/li>/);
      await page.waitForFunction(() => {
        const hits = document.querySelector('.article-meta .views .hits');
        return hits && !hits.classList.contains('counting');
      });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the editor puts a photo and a PDF into an article, and readers see and download them', async () => {
    const { context, page, errors } = await open();
    try {
      await logIn(page, EDITOR, EDITOR_PASSWORD);
      await write(page, { title: MEDIA_TITLE, publish: '立即发布' });
      // A picture as a browser draws it, and a small PDF.
      const png = Buffer.from(
        await page.evaluate(async () => {
          const canvas = Object.assign(document.createElement('canvas'), { width: 1200, height: 600 });
          const context = canvas.getContext('2d');
          context.fillStyle = '#b71c1c';
          context.fillRect(0, 0, 600, 600);
          context.fillStyle = '#f4e3c1';
          context.fillRect(600, 0, 600, 600);
          const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
          return Array.from(new Uint8Array(await blob.arrayBuffer()));
        }),
      );
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      const picker = page.locator('.rich-text input[type=file]');
      const status = page.locator('.upload-status');

      // An image needs its alt text: without one it is not put in.
      page.once('dialog', (dialog) => dialog.dismiss());
      await picker.setInputFiles({ name: '宣传栏.png', mimeType: 'image/png', buffer: png });
      await status.filter({ hasText: '图片需要替代文字' }).waitFor();
      page.once('dialog', (dialog) => dialog.accept(IMAGE_ALT));
      await picker.setInputFiles({ name: '宣传栏.png', mimeType: 'image/png', buffer: png });
      await status.filter({ hasText: '已插入「宣传栏.png」' }).waitFor();
      const html = await page.locator('#article-body').innerHTML();
      assert.match(html, /<\/div><p><img src="\/media\/[0-9a-f]{64}\/[^"]+" srcset="[^"]*480w[^"]*" sizes="[^"]+" alt="宣传栏照片 示例" width="1200" height="600"><\/p>$/);
      // Attachments go into the list under the text, not into the text.
      await picker.setInputFiles({ name: ATTACHMENT_NAME, mimeType: 'application/pdf', buffer: pdf });
      await status.filter({ hasText: `已加入文末附件列表:「${ATTACHMENT_NAME}」` }).waitFor();
      await picker.setInputFiles({ name: FORM_NAME, mimeType: 'text/plain', buffer: Buffer.from('姓名:\n单位:\n') });
      await status.filter({ hasText: `「${FORM_NAME}」` }).waitFor();
      const listed = page.locator('.attachment-list li');
      await listed.nth(1).waitFor();
      assert.equal(await page.locator('#article-body').innerHTML(), html);
      await page.getByRole('button', { name: `上移附件「${FORM_NAME}」` }).click();
      assert.match(await listed.nth(0).innerText(), /报名表\(示例\)\.txt \(文本,\d+ 字节\)/);
      assert.match(await listed.nth(1).innerText(), /通知\(示例\)\.pdf \(PDF,77 字节\)/);
      const { id } = await save(page, MEDIA_TITLE);

      // A reader, on the server-rendered page.
      await page.goto(`/article/${id}`);
      const image = page.locator('.article-body img');
      await image.waitFor();
      assert.equal(await image.getAttribute('alt'), IMAGE_ALT);
      assert.equal(await image.getAttribute('loading'), 'lazy');
      await image.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => {
        const shown = document.querySelector('.article-body img');
        return shown && shown.complete && shown.naturalWidth > 0;
      });
      const attachments = page.locator('section.attachments');
      assert.equal(await attachments.getByRole('heading', { level: 2 }).innerText(), '附件');
      const files = attachments.locator('li');
      assert.equal(await files.count(), 2);
      assert.match(await files.nth(0).innerText(), /^报名表\(示例\)\.txt（文本，\d+ 字节）$/);
      assert.match(await files.nth(1).innerText(), /^关于开展宪法宣传周活动的通知\(示例\)\.pdf（PDF，77 字节）$/);
      const link = attachments.getByRole('link', { name: ATTACHMENT_NAME });
      const href = await link.getAttribute('href');
      const download = await fetch(new URL(href, baseUrl));
      assert.equal(download.status, 200);
      assert.match(download.headers.get('content-disposition'), /^attachment; filename\*=UTF-8''/);
      assert.equal(Buffer.from(await download.arrayBuffer()).toString(), pdf.toString());
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the media library finds, uploads with a progress bar and deletes files, keeping one an article lists', async () => {
    const { context, page, errors } = await open();
    try {
      await logIn(page, EDITOR, EDITOR_PASSWORD);
      await consoleNav(page).getByRole('link', { name: '媒体库' }).click();
      await page.waitForURL('**/admin/media');
      const table = page.locator('.media-table');
      await table.waitFor();
      // Images show a preview; the filter keeps attachments only.
      assert.ok((await table.locator('img.media-thumb').count()) > 0);
      await page.getByLabel('类型').selectOption('attachment');
      await table.locator('tr', { hasText: ATTACHMENT_NAME }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.media-table img.media-thumb').length === 0);

      // A list of 1.5 MB: the bar appears while it goes up.
      await page.evaluate(() => {
        window.sawProgress = false;
        new MutationObserver(() => {
          if (document.querySelector('progress.upload-progress')) window.sawProgress = true;
        }).observe(document.body, { subtree: true, childList: true });
      });
      const list = Buffer.from('示例：宣传资料清单\n'.repeat(60000));
      await page.locator('.upload-button input[type=file]').setInputFiles({ name: LIST_NAME, mimeType: 'text/plain', buffer: list });
      await page.locator('.notice', { hasText: `已上传 1 个文件:「${LIST_NAME}」` }).waitFor();
      assert.equal(await page.evaluate(() => window.sawProgress), true);
      assert.equal(await page.locator('progress.upload-progress').count(), 0);

      await page.getByLabel('关键词').fill('宣传资料清单');
      await page.getByRole('button', { name: '筛选' }).click();
      const row = table.locator('tr', { hasText: LIST_NAME });
      await row.waitFor();
      assert.match(await row.innerText(), /1\.6 MB|1\.5 MB/);
      await page.waitForFunction(() => document.querySelectorAll('.media-table tbody tr').length === 1);
      page.once('dialog', (dialog) => dialog.accept());
      await row.getByRole('button', { name: '删除' }).click();
      await page.locator('.notice', { hasText: `已删除「${LIST_NAME}」` }).waitFor();
      await page.getByText('没有找到文件。').waitFor();

      // Dropped anywhere on the page, a file goes up like a picked one.
      const dropped = '拖入的清单.txt';
      await page.evaluate((name) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['示例：拖入上传的清单\n'], name, { type: 'text/plain' }));
        const target = document.querySelector('section.drop-target');
        for (const type of ['dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
      }, dropped);
      await page.locator('.notice', { hasText: `已上传 1 个文件:「${dropped}」` }).waitFor();
      await page.getByLabel('关键词').fill('拖入的清单');
      await page.getByRole('button', { name: '筛选' }).click();
      const droppedRow = table.locator('tr', { hasText: dropped });
      await droppedRow.waitFor();
      page.once('dialog', (dialog) => dialog.accept());
      await droppedRow.getByRole('button', { name: '删除' }).click();
      await page.getByText('没有找到文件。').waitFor();

      // The PDF is listed under the article of the test before: it stays, and the editor is told why.
      await page.getByLabel('关键词').fill('宪法宣传周');
      await page.getByRole('button', { name: '筛选' }).click();
      const pdf = table.locator('tr', { hasText: ATTACHMENT_NAME });
      await pdf.waitFor();
      page.once('dialog', (dialog) => dialog.accept());
      await pdf.getByRole('button', { name: '删除' }).click();
      const alert = page.locator('.error-box');
      await alert.waitFor();
      assert.match(await alert.innerText(), /仍有文章在使用该文件/);
      assert.match(await alert.innerText(), new RegExp(MEDIA_TITLE.replace(/[()]/g, '\\$&')));
      await pdf.waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a scheduled article stays off the portal until its time', async () => {
    const { context, page, errors } = await open();
    try {
      await logIn(page, EDITOR, EDITOR_PASSWORD);
      await write(page, { title: SCHEDULED_TITLE, publish: '定时发布', when: '2099-06-01T09:30' });
      const { row, id } = await save(page, SCHEDULED_TITLE);
      assert.match(await row.innerText(), /定时发布\s+2099-06-01 09:30/);

      const stored = await (await fetch(new URL(`/api/v1/articles/${id}`, baseUrl))).status;
      assert.equal(stored, 404, 'the public API does not serve it');
      await page.goto('/category/xinzhou');
      await page.locator('.article-list').getByRole('link', { name: PUBLISHED_TITLE }).waitFor();
      assert.equal(await page.getByRole('link', { name: SCHEDULED_TITLE }).count(), 0);
      const list = await api('/api/v1/articles?category=xinzhou&per_page=100');
      assert.ok(!list.items.some((item) => item.id === id), 'not in the public list');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the dashboard and the article\'s own chart show the view just made', async () => {
    const { context, page, errors } = await open();
    try {
      await logIn(page, EDITOR, EDITOR_PASSWORD);
      // Views are written about once a second: refresh until the count arrives.
      const today = page.locator('.stat-card', { hasText: '今日浏览' }).locator('.stat-value');
      await eventually(
        async () => {
          await page.getByRole('button', { name: '刷新' }).click();
          await today.waitFor();
          return Number(await today.textContent()) >= 1;
        },
        { timeout: 10_000, interval: 500, message: 'today\'s views on the dashboard' },
      );
      const bars = page.locator('.bar-chart .bar');
      await bars.nth(29).waitFor();
      assert.equal(await bars.count(), 30, 'one bar per day of the last 30');
      assert.ok(Number(await bars.last().getAttribute('data-hits')) >= 1, 'today\'s bar has the view');
      await page.locator('.ranking').getByRole('link', { name: PUBLISHED_TITLE }).waitFor();
      await screenshot(page, 'dashboard.png');

      await consoleNav(page).getByRole('link', { name: '文章管理' }).click();
      await page.locator('tr', { hasText: PUBLISHED_TITLE }).getByRole('link', { name: '统计' }).click();
      await page.getByRole('heading', { name: `文章统计:${PUBLISHED_TITLE}` }).waitFor();
      await page.locator('figcaption', { hasText: '共 1 次' }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('an editor sees no admin areas and cannot open user management', async () => {
    const { context, page } = await open();
    try {
      await logIn(page, EDITOR, EDITOR_PASSWORD);
      const links = await consoleNav(page).getByRole('link').allInnerTexts();
      assert.deepEqual(links, ['统计概览', '文章管理', '写文章', '媒体库']);
      await page.goto('/admin/users');
      await page.getByRole('heading', { name: '无权访问' }).waitFor();
      assert.equal(await page.locator('.users-table').count(), 0);
    } finally {
      await context.close();
    }
  });

  test('the admin adds a category and is told why a category with children cannot go', async () => {
    const { context, page, errors } = await open();
    page.on('dialog', (dialog) => dialog.accept());
    try {
      await logIn(page, 'admin', ADMIN_PASSWORD);
      await consoleNav(page).getByRole('link', { name: '栏目管理' }).click();
      await page.getByLabel('名称', { exact: true }).fill('阳逻街');
      await page.getByLabel('别名(网址)').fill(`yangluo-${stamp}`);
      const xinzhou = await api('/api/v1/categories/xinzhou');
      await page.getByLabel('上级栏目').selectOption(String(xinzhou.category.id));
      await page.getByRole('button', { name: '创建栏目' }).click();
      await page.getByRole('status').filter({ hasText: '已创建栏目 阳逻街' }).waitFor();

      const parentRow = page.locator('.categories-table tr', { hasText: 'pufa-dongtai' });
      await parentRow.getByRole('button', { name: '删除' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: '该栏目下还有子栏目或文章' });
      await refusal.waitFor();
      assert.match(await refusal.innerText(), /not_empty: the category has \d+ sub-categories/);

      const row = page.locator('.categories-table tr', { hasText: `yangluo-${stamp}` });
      await row.getByRole('button', { name: '删除' }).click();
      await page.getByRole('status').filter({ hasText: '已删除栏目 阳逻街' }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('an expired login returns to the form and keeps what the editor typed', async () => {
    const { context, page } = await open();
    try {
      await logIn(page, EDITOR, EDITOR_PASSWORD);
      await consoleNav(page).getByRole('link', { name: '写文章' }).click();
      await page.getByLabel('标题', { exact: true }).fill('写到一半的稿件');
      const xinzhou = await api('/api/v1/categories/xinzhou');
      await page.getByLabel('栏目').selectOption(String(xinzhou.category.id));
      // The server stops accepting the token (as after its expiry).
      await page.evaluate(() => {
        const session = JSON.parse(sessionStorage.getItem('portal.session'));
        session.access_token = 'expired';
        sessionStorage.setItem('portal.session', JSON.stringify(session));
      });
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await page.getByText('登录已过期').waitFor();
      await page.getByLabel('用户名').fill(EDITOR);
      await page.getByLabel('密码').fill(EDITOR_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText('已恢复上次未保存的内容').waitFor();
      assert.equal(await page.getByLabel('标题', { exact: true }).inputValue(), '写到一半的稿件');
      assert.ok(page.url().endsWith('/admin/articles/new'), 'the editor is where they were');
    } finally {
      await context.close();
    }
  });
});
