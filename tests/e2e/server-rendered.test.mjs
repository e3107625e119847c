// The pages as the server renders them: a reader with JavaScript switched off browses home,
// categories, their pages, articles and search with plain links and forms (and is counted); a
// reader with JavaScript gets the same HTML, which the app takes over without asking the API
// again for what the page already shows and without drawing it anew.

import { api, expect, readmeScreenshot, squash, test } from './fixtures.mjs';

const SEED_ID = 1;

const mainNav = (page) => page.getByRole('navigation', { name: '栏目导航' });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader browses home, a section, its pages and an article, and the view is counted', { tag: '@screenshot' }, async ({ admin, unique, openPerson }) => {
    // An article of this test's own, the newest of 地方法规 (so on its first page), read by a
    // browser no other test uses: its count moves by this visit alone.
    const article = await admin.createArticle({
      category_id: await admin.categoryId('difang-fagui'),
      title: `【示例】武汉市城市绿化条例解读(${unique})`,
      source: '新洲区司法局',
      author: '示例',
      body: [
        '<p>示例：本文为演示内容，不是新闻。</p>',
        '<p>《武汉市城市绿化条例》对城市绿地的规划、建设、养护和保护作出了规定。条例明确，任何单位和个人不得擅自占用城市绿地，',
        '不得擅自砍伐、移植城市树木；因建设确需占用的，应当依法办理审批手续，并按规定补建或者缴纳补偿费。</p>',
        '<p>条例还规定，居住区的绿化由物业服务企业或者业主委员会负责养护，街道办事处和社区居民委员会应当做好组织协调工作。</p>',
      ].join(''),
    });
    const { page } = await openPerson({
      javaScriptEnabled: false,
      userAgent: `Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 Visitor/${unique}`,
    });

    const home = await page.goto('/');
    expect(home.status()).toBe(200);
    await expect(page.getByRole('heading', { name: '点击排行' })).toBeVisible();
    await expect(page.locator('.boot'), 'no "loading" note').toHaveCount(0);
    expect(await page.locator('.home-blocks .category-block').count(), 'category blocks').toBeGreaterThan(0);

    await mainNav(page).getByRole('link', { name: '普法动态', exact: true }).click();
    await page.waitForURL('**/category/pufa-dongtai');
    await expect(page.getByRole('heading', { level: 1, name: '普法动态' })).toBeVisible();
    const firstPage = await page.locator('.list-panel .article-title').allInnerTexts();
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '第 2 页' }).click();
    await page.waitForURL('**/category/pufa-dongtai?page=2');
    const secondPage = await page.locator('.list-panel .article-title').allInnerTexts();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);

    await page.goto('/category/falv-fagui');
    await page.locator('.subnav').getByRole('link', { name: '地方法规', exact: true }).click();
    await page.waitForURL('**/category/difang-fagui');
    await page.getByRole('link', { name: article.title }).first().click();
    await page.waitForURL(`**/article/${article.id}`);

    await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
    expect(squash(await page.getByRole('navigation', { name: '当前位置' }).innerText())).toBe(
      '您当前所在的位置: 主页 > 法律法规 > 地方法规',
    );
    expect((await page.locator('.article-body').innerText()).length).toBeGreaterThan(100);
    expect(squash(await page.locator('.article-meta').innerText())).toMatch(/浏览次数: 0(\D|$)/);
    await expect(page).toHaveTitle(`${article.title} - 新洲普法网`);
    // The README's picture of a page read without JavaScript.
    await readmeScreenshot(page);

    await expect
      .poll(async () => (await api(`/api/v1/articles/${article.id}`)).hits, {
        message: 'the reader without JavaScript is counted once',
      })
      .toBe(1);
  });

  test('search is a plain form, its category filter too', async ({ page }) => {
    await page.goto('/');
    await page.locator('#header-search').fill('民法典');
    await page.locator('#header-search').press('Enter');
    await page.waitForURL('**/search?q=*');
    const summary = squash(await page.locator('.search-summary').innerText());
    const total = Number(/找到 (\d+) 篇/.exec(summary)?.[1]);
    expect(total, summary).toBeGreaterThan(0);
    expect(await page.locator('.search-hits mark').count(), 'matched words are marked').toBeGreaterThan(0);

    await page.locator('#search-category').selectOption('minfadian-xuanchuan');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/category=minfadian-xuanchuan/);
    const narrowed = Number(/找到 (\d+) 篇/.exec(await page.locator('.search-summary').innerText())?.[1]);
    expect(narrowed, `${narrowed} of ${total}`).toBeGreaterThan(0);
    expect(narrowed, `${narrowed} of ${total}`).toBeLessThanOrEqual(total);
    const categories = await page.locator('.search-hits .article-category').allInnerTexts();
    expect(categories.every((name) => name === '[民法典宣传]'), categories.join(' ')).toBe(true);
  });

  test('an unknown article is a 404 with the not-found page', async ({ page }) => {
    const response = await page.goto('/article/999999');
    expect(response.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '页面未找到' })).toBeVisible();
  });
});

test.describe('with JavaScript', () => {
  test('the app takes the rendered page over without fetching it again, then navigates itself', async ({ page }) => {
    const reads = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'GET' && url.pathname.startsWith('/api/')) reads.push(url.pathname);
    });
    let documents = 0;
    page.on('request', (request) => {
      if (request.resourceType() === 'document') documents += 1;
    });
    await page.goto(`/article/${SEED_ID}`);
    // Hydrated once the beacon has answered (it is sent from an effect of the app).
    await expect(page.locator('.article-meta .views .hits')).not.toHaveClass(/counting/);
    expect(reads, 'the page brought every answer it shows').toEqual([]);
    await expect(page.locator('.article-header h1'), 'drawn once, not twice').toHaveCount(1);

    // The app's own router: no new document is loaded, and a page not rendered by the
    // server asks the API.
    await page.getByRole('link', { name: '普法动态', exact: true }).first().click();
    await page.waitForURL('**/category/pufa-dongtai');
    await expect(page.getByRole('heading', { level: 1, name: '普法动态' })).toBeVisible();
    expect(documents, 'navigation after hydration stays in the app').toBe(1);
    expect(reads.some((path) => path.startsWith('/api/v1/categories/')), reads.join(' ')).toBe(true);
    // Every kind of link is taken by the one listener: a page of the pager, an article's title.
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '第 2 页' }).click();
    await page.waitForURL('**/category/pufa-dongtai?page=2');
    await page.locator('main .article-list .article-title').first().click();
    await page.waitForURL('**/article/*');
    await expect(page.locator('.article-header h1')).toBeVisible();
    expect(documents, 'pager and article links stay in the app too').toBe(1);
  });

  test('readers download the portal\'s bundle only; the console brings its own', async ({ page }) => {
    const scripts = [];
    page.on('request', (request) => {
      const name = new URL(request.url()).pathname;
      if (/\.(js|wasm)$/.test(name)) scripts.push(name);
    });
    await page.goto('/');
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
    expect(scripts.some((name) => name.startsWith('/portal-frontend-')), scripts.join(' ')).toBe(true);
    expect(scripts.some((name) => name.startsWith('/portal-console-')), scripts.join(' ')).toBe(false);

    scripts.length = 0;
    await page.goto('/admin');
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    expect(scripts.some((name) => name.startsWith('/portal-console-')), scripts.join(' ')).toBe(true);
    expect(scripts.some((name) => name.startsWith('/portal-frontend-')), scripts.join(' ')).toBe(false);

    // An address under /admin reached inside the portal's app loads the console's page.
    await page.goto('/');
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
    scripts.length = 0;
    await page.evaluate(() => {
      history.pushState(null, '', '/admin');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    expect(scripts.some((name) => name.startsWith('/portal-console-')), scripts.join(' ')).toBe(true);
  });
});
