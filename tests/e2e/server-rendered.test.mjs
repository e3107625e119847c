// The pages as the server renders them: a reader with JavaScript switched off browses home,
// categories, their pages, articles and search with plain links and forms (and is counted); a
// reader with JavaScript gets the same HTML, which the app takes over without asking the API
// again for what the page already shows and without drawing it anew.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { api, eventually, launch, newContext, screenshotDir, squash, watchErrors } from './support.mjs';

const SEED_ID = 1;
// A browser of its own: the hit counter takes a visitor's reload within 30 minutes as the same
// view, and the other tests' visitors use the support's agents.
const READER_WITHOUT_SCRIPT = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function withPage(use, options = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await use(page, errors);
  } finally {
    await context.close();
  }
}

const mainNav = (page) => page.getByRole('navigation', { name: '栏目导航' });

describe('without JavaScript', () => {
  test('a reader browses home, a section, its pages and an article, and the view is counted', async () => {
    // An article no other test reads, by a browser no other test uses: its count moves by this
    // visit alone.
    const [article] = (await api('/api/v1/articles?category=difang-fagui&sort=newest&per_page=1')).items;
    const before = await api(`/api/v1/articles/${article.id}`);
    await withPage(
      async (page) => {
        const home = await page.goto('/');
        assert.equal(home.status(), 200);
        assert.ok(await page.getByRole('heading', { name: '点击排行' }).isVisible());
        assert.equal(await page.locator('.boot').count(), 0, 'no "loading" note');
        assert.ok((await page.locator('.home-blocks .category-block').count()) > 0, 'category blocks');

        await mainNav(page).getByRole('link', { name: '普法动态', exact: true }).click();
        await page.waitForURL('**/category/pufa-dongtai');
        assert.ok(await page.getByRole('heading', { level: 1, name: '普法动态' }).isVisible());
        const firstPage = await page.locator('.list-panel .article-title').allInnerTexts();
        await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '第 2 页' }).click();
        await page.waitForURL('**/category/pufa-dongtai?page=2');
        const secondPage = await page.locator('.list-panel .article-title').allInnerTexts();
        assert.ok(secondPage.length > 0 && !secondPage.some((title) => firstPage.includes(title)));

        await page.goto('/category/falv-fagui');
        await page.locator('.subnav').getByRole('link', { name: '地方法规', exact: true }).click();
        await page.waitForURL('**/category/difang-fagui');
        await page.getByRole('link', { name: article.title }).first().click();
        await page.waitForURL(`**/article/${article.id}`);

        assert.ok(await page.getByRole('heading', { level: 1, name: article.title }).isVisible());
        assert.equal(
          squash(await page.getByRole('navigation', { name: '当前位置' }).innerText()),
          '您当前所在的位置: 主页 > 法律法规 > 地方法规',
        );
        assert.ok((await page.locator('.article-body').innerText()).length > 100);
        assert.match(squash(await page.locator('.article-meta').innerText()), new RegExp(`浏览次数: ${before.hits}`));
        assert.equal(await page.title(), `${article.title} - 新洲普法网`);
        // The README's picture of a page read without JavaScript.
        mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({ path: join(screenshotDir, 'article-no-js.png') });
      },
      { javaScriptEnabled: false, userAgent: READER_WITHOUT_SCRIPT },
    );
    await eventually(async () => (await api(`/api/v1/articles/${article.id}`)).hits === before.hits + 1, {
      message: 'the reader without JavaScript is counted once',
    });
  });

  test('search is a plain form, its category filter too', async () => {
    await withPage(
      async (page) => {
        await page.goto('/');
        await page.locator('#header-search').fill('民法典');
        await page.locator('#header-search').press('Enter');
        await page.waitForURL('**/search?q=*');
        const summary = squash(await page.locator('.search-summary').innerText());
        const total = Number(/找到 (\d+) 篇/.exec(summary)?.[1]);
        assert.ok(total > 0, summary);
        assert.ok((await page.locator('.search-hits mark').count()) > 0, 'matched words are marked');

        await page.locator('#search-category').selectOption('minfadian-xuanchuan');
        await page.getByRole('button', { name: '筛选' }).click();
        await page.waitForURL(/category=minfadian-xuanchuan/);
        const narrowed = Number(/找到 (\d+) 篇/.exec(await page.locator('.search-summary').innerText())?.[1]);
        assert.ok(narrowed > 0 && narrowed <= total, `${narrowed} of ${total}`);
        const categories = await page.locator('.search-hits .article-category').allInnerTexts();
        assert.ok(categories.every((name) => name === '[民法典宣传]'), categories.join(' '));
      },
      { javaScriptEnabled: false },
    );
  });

  test('an unknown article is a 404 with the not-found page', async () => {
    await withPage(
      async (page) => {
        const response = await page.goto('/article/999999');
        assert.equal(response.status(), 404);
        assert.ok(await page.getByRole('heading', { level: 1, name: '页面未找到' }).isVisible());
      },
      { javaScriptEnabled: false },
    );
  });
});

describe('with JavaScript', () => {
  test('the app takes the rendered page over without fetching it again, then navigates itself', async () => {
    await withPage(async (page, errors) => {
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
      await page.waitForFunction(() => {
        const hits = document.querySelector('.article-meta .views .hits');
        return hits && !hits.classList.contains('counting');
      });
      assert.deepEqual(reads, [], 'the page brought every answer it shows');
      assert.equal(await page.locator('.article-header h1').count(), 1, 'drawn once, not twice');

      // The app's own router: no new document is loaded, and a page not rendered by the
      // server asks the API.
      await page.getByRole('link', { name: '普法动态', exact: true }).first().click();
      await page.waitForURL('**/category/pufa-dongtai');
      await page.getByRole('heading', { level: 1, name: '普法动态' }).waitFor();
      assert.equal(documents, 1, 'navigation after hydration stays in the app');
      assert.ok(reads.some((path) => path.startsWith('/api/v1/categories/')), reads.join(' '));
      assert.deepEqual(errors, []);
    });
  });

  test('readers download the portal\'s bundle only; the console brings its own', async () => {
    await withPage(async (page, errors) => {
      const scripts = [];
      page.on('request', (request) => {
        const name = new URL(request.url()).pathname;
        if (/\.(js|wasm)$/.test(name)) scripts.push(name);
      });
      await page.goto('/');
      await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
      assert.ok(scripts.some((name) => name.startsWith('/portal-frontend-')), scripts.join(' '));
      assert.ok(!scripts.some((name) => name.startsWith('/portal-console-')), scripts.join(' '));

      scripts.length = 0;
      await page.goto('/admin');
      await page.getByRole('button', { name: '登录', exact: true }).waitFor();
      assert.ok(scripts.some((name) => name.startsWith('/portal-console-')), scripts.join(' '));
      assert.ok(!scripts.some((name) => name.startsWith('/portal-frontend-')), scripts.join(' '));

      // An address under /admin reached inside the portal's app loads the console's page.
      await page.goto('/');
      await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
      scripts.length = 0;
      await page.evaluate(() => {
        history.pushState(null, '', '/admin');
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await page.getByRole('button', { name: '登录', exact: true }).waitFor();
      assert.ok(scripts.some((name) => name.startsWith('/portal-console-')), scripts.join(' '));
      assert.deepEqual(errors, []);
    });
  });
});
