// The portal in a real browser against the real server with the demo content: what a reader of
// the old 普法 site does, step by step. Tests run in file order: the first one opens the seed
// article, so later ones can rely on its view having been counted.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  api,
  eventually,
  launch,
  newContext,
  otherDesktopAgent,
  screenshotDir,
  squash,
  todayLine,
  waitsForApp,
  watchErrors,
} from './support.mjs';

const SEED_TITLE = '【示例】新洲区委政研室“七五”普法工作总结';
const SEED_ID = 1;
const BREADCRUMB = '您当前所在的位置: 主页 > 普法动态 > 新洲区';

let browser;

before(async () => {
  browser = await launch();
  mkdirSync(screenshotDir, { recursive: true });
});

after(async () => {
  await browser?.close();
});

/** Opens a page in a fresh context; `use` gets the page and its collected errors. */
async function withPage(use, options = {}) {
  const context = await newContext(browser, options);
  const page = waitsForApp(await context.newPage());
  const errors = watchErrors(page);
  try {
    await use(page, errors, context);
  } finally {
    await context.close();
  }
}

/** A 1200x800 picture for the README, taken with the pointer out of the way. */
async function screenshot(page, name) {
  await page.mouse.move(0, 799);
  await page.screenshot({ path: join(screenshotDir, name) });
}

const mainNav = (page) => page.getByRole('navigation', { name: '栏目导航' });
const breadcrumb = (page) => page.getByRole('navigation', { name: '当前位置' });

/** The view count once the beacon has answered. */
async function shownViews(page) {
  const hits = page.locator('.article-meta .views .hits');
  await page.waitForFunction(
    () => {
      const element = document.querySelector('.article-meta .views .hits');
      return element && !element.classList.contains('counting');
    },
    null,
    { timeout: 10_000 },
  );
  assert.equal(
    await hits.evaluate((element) => element.classList.contains('stale')),
    false,
    `the view beacon failed: ${await hits.getAttribute('title')}`,
  );
  return Number(await hits.textContent());
}

async function breadcrumbLinks(page) {
  return breadcrumb(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => [link.textContent.trim(), link.getAttribute('href')]));
}

describe('reading the seed article', () => {
  test('navigation leads from the home page to 普法动态 > 新洲区 and the seed article, whose view is counted', async () => {
    const before = await api(`/api/v1/articles/${SEED_ID}`);
    await withPage(async (page, errors) => {
      const beacons = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith(`/articles/${SEED_ID}/views`)) {
          beacons.push(request.url());
        }
      });

      await page.goto('/');
      await mainNav(page).getByRole('link', { name: '普法动态', exact: true }).click();
      await page.waitForURL('**/category/pufa-dongtai');
      await page.getByRole('heading', { level: 1, name: '普法动态' }).waitFor();
      assert.equal(
        await mainNav(page).getByRole('link', { name: '普法动态', exact: true }).getAttribute('aria-current'),
        'page',
        'the section is highlighted as the current page',
      );

      // The sub-category bar under the navigation lists the section's children.
      await page.locator('.subnav').getByRole('link', { name: '新洲区', exact: true }).click();
      await page.waitForURL('**/category/xinzhou');
      await page.getByRole('heading', { level: 1, name: '新洲区' }).waitFor();
      assert.equal(squash(await breadcrumb(page).innerText()), BREADCRUMB);
      assert.deepEqual(await breadcrumbLinks(page), [
        ['主页', '/'],
        ['普法动态', '/category/pufa-dongtai'],
        ['新洲区', '/category/xinzhou'],
      ]);
      assert.ok(
        await mainNav(page).locator('.nav-item.active').getByRole('link', { name: '普法动态' }).isVisible(),
        'the top-level section stays highlighted on its sub-category',
      );
      await page.locator('.article-list li').first().waitFor();
      await screenshot(page, 'category.png');

      // The seed article is the oldest of 新洲区: on the last page.
      const list = await api('/api/v1/articles?category=xinzhou&per_page=20');
      await page.getByRole('link', { name: `第 ${list.total_pages} 页` }).click();
      await page.waitForURL(`**/category/xinzhou?page=${list.total_pages}`);
      await page.getByRole('link', { name: SEED_TITLE }).click();
      await page.waitForURL(`**/article/${SEED_ID}`);

      await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
      assert.equal(squash(await breadcrumb(page).innerText()), BREADCRUMB);
      assert.deepEqual(await breadcrumbLinks(page), [
        ['主页', '/'],
        ['普法动态', '/category/pufa-dongtai'],
        ['新洲区', '/category/xinzhou'],
      ]);
      const meta = squash(await page.locator('.article-meta').innerText());
      assert.match(meta, /发布时间: 2021-07-26 09:38/);
      assert.equal(await shownViews(page), before.hits + 1, 'this visit is counted and shown');
      assert.match(squash(await page.locator('.article-meta').innerText()), new RegExp(`浏览次数: ${before.hits + 1}`));
      assert.match(await page.locator('.article-body').innerText(), /区委政研室自2019年成立以来/);
      assert.equal(beacons.length, 1, 'one beacon per page view');
      assert.equal(await page.title(), `${SEED_TITLE} - 新洲普法网`);

      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'article.png');
      assert.deepEqual(errors, []);
    });
  });

  test('a new visitor counts once more; the same visitor reloading does not', async () => {
    const first = await withViews();
    const second = await withViews(otherDesktopAgent, async (page, shown) => {
      await page.reload();
      await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
      assert.equal(await shownViews(page), shown, 'a reload within the dedup window is not counted');
    });
    assert.equal(second, first + 1);
  });
});

/** Opens the seed article as a visitor with `agent` and returns the count it shows. */
async function withViews(agent, more) {
  let shown;
  await withPage(
    async (page) => {
      await page.goto(`/article/${SEED_ID}`);
      shown = await shownViews(page);
      await more?.(page, shown);
    },
    agent ? { userAgent: agent } : {},
  );
  return shown;
}

describe('the home page', () => {
  test('shows the date line, the navigation, pinned articles, category blocks and 点击排行', async () => {
    const site = await api('/api/v1/site');
    const tree = await api('/api/v1/categories');
    const pinned = await api('/api/v1/articles?pinned=true&per_page=7');
    await withPage(async (page, errors) => {
      await page.goto('/');
      await page.locator('a.brand').filter({ hasText: site.site_name }).waitFor();
      assert.equal(await page.title(), site.site_name);

      const today = await page.locator('.today').innerText();
      assert.match(today, /^今天是: \d{4}年\d{1,2}月\d{1,2}日 星期[一二三四五六日]$/);
      // Computed just before and after, so a midnight in between cannot fail the test.
      const expected = [todayLine(site.timezone), todayLine(site.timezone, new Date(Date.now() + 60_000))];
      assert.ok(expected.includes(today), `${today} is one of ${expected}`);

      const navigation = await mainNav(page).locator('.nav-list > li > a').allInnerTexts();
      assert.deepEqual(navigation, ['首页', ...tree.map((node) => node.name)]);
      assert.equal(
        await mainNav(page).getByRole('link', { name: '首页' }).getAttribute('aria-current'),
        'page',
      );

      const featured = page.getByRole('region', { name: '要闻推荐' });
      await featured.getByRole('link', { name: pinned.items[0].title }).waitFor();

      for (const node of tree) {
        const block = page.getByRole('region', { name: node.name, exact: true });
        assert.equal(
          await block.getByRole('link', { name: `更多${node.name}文章` }).getAttribute('href'),
          `/category/${node.slug}`,
        );
        const latest = await api(`/api/v1/articles?category=${node.slug}&per_page=1`);
        await block.getByRole('link', { name: latest.items[0].title }).first().waitFor();
      }

      // The seed article was read in this run: it leads this week's most-read list once the
      // counter has flushed (about a second).
      const ranking = page.getByRole('complementary', { name: '点击排行' });
      await eventually(
        async () => {
          const titles = await ranking.locator('.ranking-title').allInnerTexts();
          if (titles[0] === SEED_TITLE) return true;
          await ranking.getByRole('button', { name: '本月' }).click();
          await ranking.getByRole('button', { name: '本周' }).click();
          return false;
        },
        { timeout: 15_000, interval: 500, message: '点击排行 lists the seed article' },
      );
      assert.equal(
        await ranking.getByRole('button', { name: '本周' }).getAttribute('aria-pressed'),
        'true',
      );

      await screenshot(page, 'home.png');
      assert.deepEqual(errors, []);
    });
  });

  test('friend links open their sites in a new tab without access to the portal', async () => {
    const links = await api('/api/v1/friend-links');
    const site = await api('/api/v1/site');
    await withPage(async (page, errors, context) => {
      await page.goto('/');
      const footer = page.getByRole('contentinfo');
      const section = footer.getByRole('region', { name: '友情连接' });
      await section.getByRole('link').first().waitFor();
      const shown = await section.getByRole('link').evaluateAll((anchors) =>
        anchors.map((anchor) => ({
          name: anchor.textContent.trim(),
          href: anchor.getAttribute('href'),
          target: anchor.getAttribute('target'),
          rel: anchor.getAttribute('rel'),
        })),
      );
      assert.deepEqual(
        shown,
        links.map((link) => ({ name: link.name, href: link.url, target: '_blank', rel: 'noopener noreferrer' })),
      );
      assert.match(squash(await footer.innerText()), new RegExp(site.icp_number));
      assert.match(squash(await footer.innerText()), new RegExp(site.copyright));

      // Follow one: the outside site is stubbed (only loopback may be contacted here).
      const target = links[0].url;
      await context.route(`${target}**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>stub</title>' }),
      );
      const [popup] = await Promise.all([
        context.waitForEvent('page'),
        section.getByRole('link', { name: links[0].name }).click(),
      ]);
      await popup.waitForLoadState();
      assert.equal(popup.url(), target);
      assert.equal(await popup.evaluate(() => window.opener), null, 'no window.opener');
      assert.equal(new URL(page.url()).pathname, '/', 'the portal stays where it was');
      assert.deepEqual(errors, []);
    });
  });
});

describe('reading comfort', () => {
  test('the font size chosen on one article holds on the next and after a reload', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`/article/${SEED_ID}`);
      const body = page.locator('.article-body');
      await body.waitFor();
      assert.match(await body.getAttribute('class'), /font-medium/);
      const medium = await body.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

      await page.getByRole('button', { name: '大号字体' }).click();
      assert.equal(await page.getByRole('button', { name: '大号字体' }).getAttribute('aria-pressed'), 'true');
      assert.match(await body.getAttribute('class'), /font-large/);
      const large = await body.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      assert.ok(large > medium, `大 (${large}px) is larger than 中 (${medium}px)`);

      // Another article, reached by its link (inside the app)...
      const next = page.getByRole('navigation', { name: '上一篇和下一篇' }).getByRole('link').first();
      await next.click();
      await page.waitForURL((url) => url.pathname !== `/article/${SEED_ID}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await eventually(async () => /font-large/.test(await page.locator('.article-body').getAttribute('class')), {
        message: 'the next article is large too',
      });
      // ...and a fresh page load of yet another one.
      const other = await api('/api/v1/articles?category=minshi-anli&per_page=1');
      await page.goto(`/article/${other.items[0].id}`);
      await page.locator('.article-body').waitFor();
      assert.match(await page.locator('.article-body').getAttribute('class'), /font-large/);
      assert.equal(await page.getByRole('button', { name: '大号字体' }).getAttribute('aria-pressed'), 'true');

      await page.getByRole('button', { name: '小号字体' }).click();
      assert.match(await page.locator('.article-body').getAttribute('class'), /font-small/);
      assert.deepEqual(errors, []);
    });
  });

  test('print shows the article without the navigation', async () => {
    await withPage(async (page, errors) => {
      await page.addInitScript(() => {
        window.__printed = 0;
        window.print = () => {
          window.__printed += 1;
        };
      });
      await page.goto(`/article/${SEED_ID}`);
      await page.getByRole('button', { name: '打印本页' }).click();
      assert.equal(await page.evaluate(() => window.__printed), 1);

      await page.emulateMedia({ media: 'print' });
      assert.equal(await mainNav(page).isVisible(), false, 'navigation is not printed');
      assert.equal(await page.getByRole('contentinfo').isVisible(), false, 'footer is not printed');
      assert.equal(await page.getByRole('button', { name: '打印本页' }).isVisible(), false);
      assert.ok(await page.getByRole('heading', { level: 1, name: SEED_TITLE }).isVisible());
      assert.ok(await page.locator('.article-body').isVisible());
      assert.deepEqual(errors, []);
    });
  });
});

describe('lists', () => {
  test('a category list pages through numbered pages kept in the URL, with reload and back/forward', async () => {
    const pages = [1, 2, 3].map((number) =>
      api(`/api/v1/articles?category=xinzhou&include_descendants=true&sort=newest&page=${number}&per_page=20`),
    );
    const [first, second, third] = await Promise.all(pages);
    const titles = (page) => page.locator('.list-panel .article-title').allInnerTexts();
    const showing = (page, expected) =>
      eventually(async () => JSON.stringify(await titles(page)) === JSON.stringify(expected.items.map((item) => item.title)), {
        message: `page ${expected.page} is shown`,
      });

    await withPage(async (page, errors) => {
      await page.goto('/category/xinzhou');
      await showing(page, first);
      const pager = page.getByRole('navigation', { name: '分页' });
      assert.equal(await pager.getByRole('link', { name: '第 1 页' }).getAttribute('aria-current'), 'page');
      assert.match(squash(await pager.innerText()), new RegExp(`共 ${first.total} 篇`));

      await pager.getByRole('link', { name: '第 2 页' }).click();
      await page.waitForURL('**/category/xinzhou?page=2');
      await showing(page, second);
      assert.equal(await pager.getByRole('link', { name: '第 2 页' }).getAttribute('aria-current'), 'page');

      await page.reload();
      await showing(page, second);

      await pager.getByRole('link', { name: '下一页' }).click();
      await page.waitForURL('**/category/xinzhou?page=3');
      await showing(page, third);

      await page.goBack();
      await page.waitForURL('**/category/xinzhou?page=2');
      await showing(page, second);
      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/category/xinzhou' && url.search === '');
      await showing(page, first);
      await page.goForward();
      await page.waitForURL('**/category/xinzhou?page=2');
      await showing(page, second);
      assert.deepEqual(errors, []);
    });
  });

  test('search from the header lists ranked matches with the words marked, filters and sorts', async () => {
    const word = '宪法';
    const expected = await api(`/api/v1/search?q=${encodeURIComponent(word)}&per_page=20`);
    assert.ok(expected.total > 20, 'the demo content has more than a page of matches');
    await withPage(async (page, errors) => {
      await page.goto('/');
      const box = page.getByRole('banner').getByRole('combobox', { name: '搜索文章' });
      await box.fill(word);
      await box.press('Enter');
      await page.waitForURL(`**/search?q=${encodeURIComponent(word)}`);
      const summary = page.getByRole('status').filter({ hasText: '找到' });
      assert.equal(squash(await summary.innerText()), `找到 ${expected.total} 篇与“${word}”相关的文章`);

      const results = page.locator('.search-page .article-list > li');
      assert.equal(await results.count(), expected.items.length);
      assert.equal(squash(await results.first().locator('.article-title').innerText()), squash(expected.items[0].title),
        'the best match comes first');
      const marks = await page.locator('.search-page mark').allInnerTexts();
      assert.ok(marks.length > 0, 'the results show where they matched');
      assert.ok(marks.every((mark) => mark === word), `only the word is marked: ${marks}`);
      assert.equal(await box.inputValue(), word, 'the header box keeps the words');
      assert.equal(await page.title(), `“${word}”的搜索结果 - 新洲普法网`);

      // The words stay with the pages of results.
      await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '第 2 页' }).click();
      await page.waitForURL(`**/search?q=${encodeURIComponent(word)}&page=2`);
      const second = await api(`/api/v1/search?q=${encodeURIComponent(word)}&per_page=20&page=2`);
      await page.locator('.search-page .article-title').filter({ hasText: second.items[0].title }).first().waitFor();

      // Newest first, then one category: both kept in the address.
      await page.getByRole('link', { name: '最新发布' }).click();
      await page.waitForURL(`**/search?q=${encodeURIComponent(word)}&sort=newest`);
      const newest = await api(`/api/v1/search?q=${encodeURIComponent(word)}&sort=newest&per_page=20`);
      await page.locator('.search-page .article-list > li').first().locator('.article-title')
        .filter({ hasText: newest.items[0].title }).waitFor();
      await page.locator('#search-category').selectOption('xianfa-xuanchuan');
      await page.waitForURL(`**/search?q=${encodeURIComponent(word)}&sort=newest&category=xianfa-xuanchuan`);
      const inCategory = await api(`/api/v1/search?q=${encodeURIComponent(word)}&sort=newest&category=xianfa-xuanchuan`);
      await page.getByRole('status').filter({ hasText: `找到 ${inCategory.total} 篇` }).waitFor();

      await box.fill('没有这个词语的文章');
      await box.press('Enter');
      await page.getByText('没有找到相关文章,请换个词试试。').waitFor();
      assert.deepEqual(errors, []);
    });
  });

  test('the search box suggests titles as the reader types, by keyboard too', async () => {
    const typed = '民法';
    const suggested = await api(`/api/v1/search/suggest?q=${encodeURIComponent(typed)}`);
    assert.ok(suggested.items.length > 0 && suggested.items.length <= 8);
    await withPage(async (page, errors) => {
      await page.goto('/');
      const box = page.getByRole('banner').getByRole('combobox', { name: '搜索文章' });
      await box.pressSequentially(typed);
      const options = page.getByRole('banner').getByRole('option');
      await options.first().waitFor();
      assert.equal(await options.count(), suggested.items.length);
      assert.equal(await box.getAttribute('aria-expanded'), 'true');
      await box.press('ArrowDown');
      await box.press('ArrowDown');
      assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
      assert.equal(await box.getAttribute('aria-activedescendant'), await options.nth(1).getAttribute('id'));
      await box.press('Enter');
      await page.waitForURL(`**/article/${suggested.items[1].id}`);
      await page.getByRole('heading', { level: 1, name: suggested.items[1].title }).waitFor();
      assert.deepEqual(errors, []);
    });
  });
});

describe('errors', () => {
  test('unknown addresses, articles and categories show the 404 page', async () => {
    await withPage(async (page, errors) => {
      for (const path of ['/no/such/page', '/article/999999', '/article/abc', '/category/no-such-category']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: '页面未找到' }).waitFor();
        assert.match(await page.title(), /^页面未找到/, path);
        assert.equal(await page.getByRole('link', { name: '网站首页' }).getAttribute('href'), '/');
      }
      assert.deepEqual(errors, []);
    });
  });

  test('a failing API shows a readable error with a retry that recovers', async () => {
    await withPage(async (page) => {
      let failing = true;
      await page.route((url) => url.pathname === '/api/v1/articles', (route) =>
        failing
          ? route.fulfill({
              status: 503,
              contentType: 'application/problem+json',
              body: JSON.stringify({
                type: '/problems/service-unavailable',
                title: 'Service unavailable',
                status: 503,
                detail: 'the database is not reachable',
                code: 'service_unavailable',
              }),
            })
          : route.continue(),
      );
      // A server-rendered page brings its list along: the failure shows on a page the app
      // loads itself.
      await page.goto('/category/pufa-dongtai');
      await page.locator('.subnav').getByRole('link', { name: '新洲区', exact: true }).click();
      await page.waitForURL('**/category/xinzhou');
      const alert = page.getByRole('alert').filter({ hasText: '文章列表加载失败' });
      await alert.waitFor();
      assert.match(squash(await alert.innerText()), /服务器暂时无法处理请求,请稍后再试。/);
      assert.match(squash(await alert.innerText()), /503 service_unavailable: the database is not reachable/);

      failing = false;
      await alert.getByRole('button', { name: '重试' }).click();
      await page.locator('.list-panel .article-list li').first().waitFor();
      assert.equal(await page.getByRole('alert').count(), 0);
    });
  });
});

describe('every screen', () => {
  test('pages have landmarks, one heading 1, a skip link, and fit a phone without sideways scrolling', async () => {
    const paths = ['/', '/category/xinzhou', `/article/${SEED_ID}`, `/search?q=${encodeURIComponent('普法')}`];
    for (const viewport of [{ width: 1200, height: 800 }, { width: 375, height: 740 }]) {
      await withPage(
        async (page, errors) => {
          for (const path of paths) {
            await page.goto(path);
            await page.locator('main .panel:visible').first().waitFor();
            await page.waitForLoadState('networkidle');
            for (const role of ['banner', 'main', 'contentinfo']) {
              assert.equal(await page.getByRole(role).count(), 1, `${path}: one ${role}`);
            }
            assert.equal(await mainNav(page).count(), 1, `${path}: the navigation`);
            assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
            assert.equal(await page.locator('img:not([alt])').count(), 0, `${path}: images have alt text`);
            assert.equal(await page.locator('a.skip-link').getAttribute('href'), '#main');
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
            );
            assert.ok(overflow <= 0, `${path} at ${viewport.width}px scrolls sideways by ${overflow}px`);
          }
          assert.deepEqual(errors, []);
        },
        { viewport },
      );
    }
  });

  test('keyboard focus is visible', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await mainNav(page).getByRole('link', { name: '首页' }).waitFor();
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => document.activeElement?.textContent);
      assert.equal(skip, '跳到正文', 'the first Tab reaches the skip link');
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      assert.notEqual(outline.style, 'none');
      assert.ok(outline.width >= 2, `outline ${outline.width}px`);
    });
  });
});
