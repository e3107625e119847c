// The editors' console in a real browser against the real server: an admin creates an editor,
// editors write, publish and schedule articles, put pictures and files into them and read their
// statistics, and the console keeps editors out of the admins' areas. Each test makes its own
// editor account and articles (through the API, as the admin) and deletes them afterwards.

import {
  api,
  consoleNav,
  expect,
  logIn,
  readmeScreenshot,
  recordView,
  sharedUrl,
  strongPassword,
  test as base,
  visitorAgent,
} from './fixtures.mjs';

const IMAGE_ALT = '宣传栏照片 示例';
const ATTACHMENT_NAME = '关于开展宪法宣传周活动的通知(示例).pdf';
const FORM_NAME = '报名表(示例).txt';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const test = base.extend({
  /** An editor account of the test's own. */
  editor: async ({ admin, unique }, use) => {
    const account = { username: `e2e-editor-${unique}`, password: strongPassword() };
    await admin.createUser({ ...account, role: 'editor' });
    await use(account);
  },
});

/** A 1200x600 picture as a browser draws it. */
async function drawnPng(page) {
  return Buffer.from(
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

/** Saves the article in the editor; it is deleted after the test. */
async function save(page, admin, title) {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.waitForURL('**/admin/articles');
  const row = page.locator('tr', { hasText: title });
  await row.waitFor();
  const id = Number((await row.getByRole('link', { name: '编辑' }).getAttribute('href')).split('/').pop());
  admin.track(`/api/v1/articles/${id}`);
  return { row, id };
}

test.describe('the editors\' console', () => {
  test('a wrong password is refused with a message', async ({ page }) => {
    await page.goto('/admin/articles');
    await expect(page.getByRole('heading', { name: '管理后台登录' })).toBeVisible();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误' })).toBeVisible();
    await expect(consoleNav(page), 'the console stays closed').toHaveCount(0);
  });

  test('the admin creates an editor account', async ({ page, admin, unique }) => {
    const editor = `e2e-editor-${unique}`;
    await logIn(page, 'admin', process.env.PORTAL_E2E_ADMIN_PASSWORD);
    await consoleNav(page).getByRole('link', { name: '用户管理' }).click();
    await page.waitForURL('**/admin/users');
    await page.getByLabel('用户名').fill(editor);
    await page.getByLabel('初始密码').fill('short');
    await page.getByRole('button', { name: '创建用户' }).click();
    await expect(page.locator('.field-error', { hasText: '至少 10 个字符' })).toBeVisible();
    await page.getByLabel('初始密码').fill(strongPassword());
    await page.getByRole('button', { name: '创建用户' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已创建用户 ${editor}` })).toBeVisible();
    const users = await (await admin.request('GET', '/api/v1/users', undefined, { expectStatus: 200 })).json();
    const created = (users.items ?? users).find((user) => user.username === editor);
    if (created) admin.track(`/api/v1/users/${created.id}`);
    const row = page.locator('tbody tr', { hasText: editor });
    await expect(row).toHaveText(/编辑\s+正常/, { useInnerText: true });
  });

  test('the editor publishes an article in 新洲区 and readers find it on the portal', { tag: '@screenshot' }, async ({ page, admin, editor, unique, errors }) => {
    const title = `新洲区开展民法典进社区宣传活动 ${unique}`;
    await logIn(page, editor.username, editor.password);
    await write(page, { title, publish: '立即发布' });
    expect(await page.locator('#article-body').innerHTML()).toMatch(/<b>为居民现场答疑<\/b>|<strong>/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeScreenshot(page);

    await page.getByRole('button', { name: '预览' }).click();
    const preview = page.locator('.preview');
    await expect(preview.getByRole('heading', { name: title })).toBeVisible();
    await expect(preview).toContainText('来源: 新洲区司法局', { useInnerText: true });
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
    await expect(previewBody.getByText('预览净化')).toBeVisible();
    const previewHtml = await previewBody.innerHTML();
    expect(previewHtml).not.toMatch(/onclick|onerror/);
    expect(previewHtml).toMatch(/referrerpolicy="no-referrer"/);
    // In the editing area itself the pasted handler is still there, and the page's
    // Content-Security-Policy refuses to run it: that refusal is the one expected error.
    const refused = errors.filter((message) => /violates the following Content Security Policy/.test(message));
    expect(refused.length, 'the CSP refused the inline handler').toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => window.ran)).toBeUndefined();
    errors.splice(0, errors.length, ...errors.filter((message) => !refused.includes(message)));
    await page.getByRole('button', { name: '返回编辑' }).click();

    const { row, id } = await save(page, admin, title);
    await expect(row).toHaveText(/新洲区\s+已发布/, { useInnerText: true });

    // A reader, on the portal.
    await page.goto('/category/xinzhou');
    const link = page.locator('.article-list').getByRole('link', { name: title });
    await link.click();
    await page.waitForURL(`**/article/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    expect(await page.locator('.article-body').innerHTML()).toMatch(/<(b|strong)>为居民现场答疑<\/(b|strong)>/);
    expect(await page.locator('.article-body').innerHTML()).toMatch(/<li>发放宣传资料三百余份<\/li>/);
    await expect(page.locator('.article-meta .views .hits')).not.toHaveClass(/counting/);
  });

  test('the editor puts a photo and a PDF into an article, and readers see and download them', async ({ page, admin, editor, unique }) => {
    const title = `新洲区普法宣传栏更新(示例) ${unique}`;
    await logIn(page, editor.username, editor.password);
    await write(page, { title, publish: '立即发布' });
    // A picture as a browser draws it, and a small PDF.
    const png = await drawnPng(page);
    const picker = page.locator('.rich-text input[type=file]');
    const status = page.locator('.upload-status');

    // An image needs its alt text: without one it is not put in.
    page.once('dialog', (dialog) => dialog.dismiss());
    await picker.setInputFiles({ name: '宣传栏.png', mimeType: 'image/png', buffer: png });
    await expect(status.filter({ hasText: '图片需要替代文字' })).toBeVisible();
    page.once('dialog', (dialog) => dialog.accept(IMAGE_ALT));
    await picker.setInputFiles({ name: '宣传栏.png', mimeType: 'image/png', buffer: png });
    await expect(status.filter({ hasText: '已插入「宣传栏.png」' })).toBeVisible();
    const html = await page.locator('#article-body').innerHTML();
    expect(html).toMatch(/<\/div><p><img src="\/media\/[0-9a-f]{64}\/[^"]+" srcset="[^"]*480w[^"]*" sizes="[^"]+" alt="宣传栏照片 示例" width="1200" height="600"><\/p>$/);
    // Attachments go into the list under the text, not into the text.
    await picker.setInputFiles({ name: ATTACHMENT_NAME, mimeType: 'application/pdf', buffer: PDF });
    await expect(status.filter({ hasText: `已加入文末附件列表:「${ATTACHMENT_NAME}」` })).toBeVisible();
    await picker.setInputFiles({ name: FORM_NAME, mimeType: 'text/plain', buffer: Buffer.from('姓名:\n单位:\n') });
    await expect(status.filter({ hasText: `「${FORM_NAME}」` })).toBeVisible();
    const listed = page.locator('.attachment-list li');
    await expect(listed).toHaveCount(2);
    expect(await page.locator('#article-body').innerHTML()).toBe(html);
    await page.getByRole('button', { name: `上移附件「${FORM_NAME}」` }).click();
    await expect(listed.nth(0)).toHaveText(/报名表\(示例\)\.txt \(文本,\d+ 字节\)/, { useInnerText: true });
    await expect(listed.nth(1)).toHaveText(/通知\(示例\)\.pdf \(PDF,77 字节\)/, { useInnerText: true });
    const { id } = await save(page, admin, title);

    // A reader, on the server-rendered page.
    await page.goto(`/article/${id}`);
    const image = page.locator('.article-body img');
    await expect(image).toHaveAttribute('alt', IMAGE_ALT);
    await expect(image).toHaveAttribute('loading', 'lazy');
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const shown = document.querySelector('.article-body img');
      return shown && shown.complete && shown.naturalWidth > 0;
    });
    const attachments = page.locator('section.attachments');
    await expect(attachments.getByRole('heading', { level: 2 })).toHaveText('附件');
    const files = attachments.locator('li');
    await expect(files).toHaveCount(2);
    expect(await files.nth(0).innerText()).toMatch(/^报名表\(示例\)\.txt（文本，\d+ 字节）$/);
    expect(await files.nth(1).innerText()).toMatch(/^关于开展宪法宣传周活动的通知\(示例\)\.pdf（PDF，77 字节）$/);
    const link = attachments.getByRole('link', { name: ATTACHMENT_NAME });
    const href = await link.getAttribute('href');
    const download = await fetch(new URL(href, sharedUrl()));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe(PDF.toString());
  });

  test('the media library finds, uploads with a progress bar and deletes files, keeping one an article lists', async ({ page, admin, editor, unique }) => {
    // The test's own picture, and a PDF listed under an article of its own.
    const attachmentName = `关于开展宪法宣传周活动的通知(示例${unique}).pdf`;
    const listName = `宣传资料清单${unique}(示例).txt`;
    const dropped = `拖入的清单${unique}.txt`;
    const articleTitle = `新洲区普法宣传栏更新(示例) ${unique}`;
    await logIn(page, editor.username, editor.password);
    await admin.upload({ name: `宣传栏${unique}.png`, mimeType: 'image/png', buffer: await drawnPng(page), alt: IMAGE_ALT });
    const pdf = await admin.upload({ name: attachmentName, mimeType: 'application/pdf', buffer: PDF });
    await admin.createArticle({
      category_id: await admin.categoryId('xinzhou'),
      title: articleTitle,
      status: 'draft',
      body: '<p>示例：宣传栏的附件。</p>',
      attachments: [pdf.id],
    });

    await consoleNav(page).getByRole('link', { name: '媒体库' }).click();
    await page.waitForURL('**/admin/media');
    const table = page.locator('.media-table');
    await table.waitFor();
    // Images show a preview; the filter keeps attachments only.
    await expect(table.locator('img.media-thumb').first()).toBeVisible();
    await page.getByLabel('类型').selectOption('attachment');
    await expect(table.locator('tr', { hasText: attachmentName })).toBeVisible();
    await expect(table.locator('img.media-thumb')).toHaveCount(0);

    // A list of 1.5 MB: the bar appears while it goes up.
    await page.evaluate(() => {
      window.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('progress.upload-progress')) window.sawProgress = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    const list = Buffer.from('示例：宣传资料清单\n'.repeat(60000));
    await page.locator('.upload-button input[type=file]').setInputFiles({ name: listName, mimeType: 'text/plain', buffer: list });
    await expect(page.locator('.notice', { hasText: `已上传 1 个文件:「${listName}」` })).toBeVisible();
    expect(await page.evaluate(() => window.sawProgress)).toBe(true);
    await expect(page.locator('progress.upload-progress')).toHaveCount(0);

    await page.getByLabel('关键词').fill(`宣传资料清单${unique}`);
    await page.getByRole('button', { name: '筛选' }).click();
    const row = table.locator('tr', { hasText: listName });
    await expect(row).toHaveText(/1\.6 MB|1\.5 MB/, { useInnerText: true });
    await expect(table.locator('tbody tr')).toHaveCount(1);
    page.once('dialog', (dialog) => dialog.accept());
    await row.getByRole('button', { name: '删除' }).click();
    await expect(page.locator('.notice', { hasText: `已删除「${listName}」` })).toBeVisible();
    await expect(page.getByText('没有找到文件。')).toBeVisible();

    // Dropped anywhere on the page, a file goes up like a picked one.
    await page.evaluate((name) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['示例：拖入上传的清单\n'], name, { type: 'text/plain' }));
      const target = document.querySelector('section.drop-target');
      for (const type of ['dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, dropped);
    await expect(page.locator('.notice', { hasText: `已上传 1 个文件:「${dropped}」` })).toBeVisible();
    await page.getByLabel('关键词').fill(`拖入的清单${unique}`);
    await page.getByRole('button', { name: '筛选' }).click();
    const droppedRow = table.locator('tr', { hasText: dropped });
    await droppedRow.waitFor();
    page.once('dialog', (dialog) => dialog.accept());
    await droppedRow.getByRole('button', { name: '删除' }).click();
    await expect(page.getByText('没有找到文件。')).toBeVisible();

    // The PDF is listed under the test's article: it stays, and the editor is told why.
    await page.getByLabel('关键词').fill('宪法宣传周');
    await page.getByRole('button', { name: '筛选' }).click();
    const kept = table.locator('tr', { hasText: attachmentName });
    await kept.waitFor();
    page.once('dialog', (dialog) => dialog.accept());
    await kept.getByRole('button', { name: '删除' }).click();
    const alert = page.locator('.error-box');
    await expect(alert).toContainText(/仍有文章在使用该文件/, { useInnerText: true });
    await expect(alert).toContainText(articleTitle);
    await expect(kept).toBeVisible();
  });

  test('a scheduled article stays off the portal until its time', async ({ page, admin, editor, unique }) => {
    const published = await admin.createArticle({
      category_id: await admin.categoryId('xinzhou'),
      title: `新洲区开展法律进社区宣传活动 ${unique}`,
      body: '<p>示例：律师走进社区，为居民现场答疑。</p>',
    });
    const scheduledTitle = `新洲区宪法宣传周活动预告 ${unique}`;
    await logIn(page, editor.username, editor.password);
    await write(page, { title: scheduledTitle, publish: '定时发布', when: '2099-06-01T09:30' });
    const { row, id } = await save(page, admin, scheduledTitle);
    await expect(row).toHaveText(/定时发布\s+2099-06-01 09:30/, { useInnerText: true });

    const stored = (await fetch(new URL(`/api/v1/articles/${id}`, sharedUrl()))).status;
    expect(stored, 'the public API does not serve it').toBe(404);
    await page.goto('/category/xinzhou');
    await expect(page.locator('.article-list').getByRole('link', { name: published.title })).toBeVisible();
    await expect(page.getByRole('link', { name: scheduledTitle })).toHaveCount(0);
    const list = await api('/api/v1/articles?category=xinzhou&per_page=100');
    expect(list.items.some((item) => item.id === id), 'not in the public list').toBe(false);
  });

  test('the dashboard and the article\'s own chart show the view just made', { tag: '@screenshot' }, async ({ page, admin, editor, unique }) => {
    const category = await admin.createCategory({
      name: `测试栏目 ${unique}`,
      slug: `e2e-${unique}`,
      parent_id: await admin.categoryId('falv-fagui'),
    });
    const article = await admin.createArticle({
      category_id: category.id,
      title: `新洲区开展法律进社区宣传活动 ${unique}`,
      body: '<p>示例：律师走进社区，为居民现场答疑。</p>',
    });
    const view = await recordView(sharedUrl(), article.id, visitorAgent(unique));
    expect(view.counted, 'a reader\'s view').toBe(true);
    // Written about once a second: the article's count shows it once it is stored.
    await expect.poll(async () => (await api(`/api/v1/articles/${article.id}`)).hits).toBe(1);

    await logIn(page, editor.username, editor.password);
    // Views are written about once a second: refresh until the count arrives.
    const today = page.locator('.stat-card', { hasText: '今日浏览' }).locator('.stat-value');
    const ranked = page.locator('.ranking').getByRole('link', { name: article.title });
    await expect(async () => {
      await page.getByRole('button', { name: '刷新' }).click();
      await today.waitFor({ timeout: 5_000 });
      expect(Number(await today.textContent()), 'today\'s views on the dashboard').toBeGreaterThanOrEqual(1);
      if (!(await ranked.isVisible())) {
        // The list of the period asks again when the period is chosen again.
        await page.getByRole('button', { name: '30天' }).click();
        await page.getByRole('button', { name: '7天' }).click();
      }
      await expect(ranked).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000, intervals: [500] });
    const bars = page.locator('.bar-chart .bar');
    await expect(bars, 'one bar per day of the last 30').toHaveCount(30);
    expect(Number(await bars.last().getAttribute('data-hits')), 'today\'s bar has the view').toBeGreaterThanOrEqual(1);
    await readmeScreenshot(page);

    await consoleNav(page).getByRole('link', { name: '文章管理' }).click();
    await page.locator('tr', { hasText: article.title }).getByRole('link', { name: '统计' }).click();
    await expect(page.getByRole('heading', { name: `文章统计:${article.title}` })).toBeVisible();
    await expect(page.locator('figcaption', { hasText: '共 1 次' })).toBeVisible();
  });

  test('an editor sees no admin areas and cannot open user management', async ({ page, editor }) => {
    await logIn(page, editor.username, editor.password);
    await expect(consoleNav(page).getByRole('link')).toHaveText(['统计概览', '文章管理', '写文章', '媒体库']);
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
    await expect(page.locator('.users-table')).toHaveCount(0);
  });

  test('the admin adds a category and is told why a category with children cannot go', async ({ page, admin, unique }) => {
    const name = `阳逻街${unique}`;
    const slug = `yangluo-${unique}`;
    page.on('dialog', (dialog) => dialog.accept());
    await logIn(page, 'admin', process.env.PORTAL_E2E_ADMIN_PASSWORD);
    await consoleNav(page).getByRole('link', { name: '栏目管理' }).click();
    await page.getByLabel('名称', { exact: true }).fill(name);
    await page.getByLabel('别名(网址)').fill(slug);
    const xinzhou = await api('/api/v1/categories/xinzhou');
    await page.getByLabel('上级栏目').selectOption(String(xinzhou.category.id));
    await page.getByRole('button', { name: '创建栏目' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已创建栏目 ${name}` })).toBeVisible();
    // Should the test stop half-way, the category goes afterwards.
    admin.track(`/api/v1/categories/${(await api(`/api/v1/categories/${slug}`)).category.id}`);

    const parentRow = page.locator('.categories-table tr', { hasText: 'pufa-dongtai' });
    await parentRow.getByRole('button', { name: '删除' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '该栏目下还有子栏目或文章' });
    await expect(refusal).toContainText(/not_empty: the category has \d+ sub-categories/, { useInnerText: true });

    const row = page.locator('.categories-table tr', { hasText: slug });
    await row.getByRole('button', { name: '删除' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已删除栏目 ${name}` })).toBeVisible();
  });

  test('an expired login returns to the form and keeps what the editor typed', async ({ page, editor }) => {
    await logIn(page, editor.username, editor.password);
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
    await expect(page.getByText('登录已过期')).toBeVisible();
    await page.getByLabel('用户名').fill(editor.username);
    await page.getByLabel('密码').fill(editor.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('已恢复上次未保存的内容')).toBeVisible();
    await expect(page.getByLabel('标题', { exact: true })).toHaveValue('写到一半的稿件');
    expect(page.url().endsWith('/admin/articles/new'), 'the editor is where they were').toBe(true);
  });
});
