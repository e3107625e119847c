// The portal in a real browser against the real server with the demo content: what a reader of
// the old 普法 site does, step by step. Each test reads demo content no test changes, or makes
// the articles whose view counts or lists it checks (in a category of its own, dated long ago so
// that no other page's "latest" changes).

import {
  api,
  expect,
  otherDesktopAgent,
  readmeScreenshot,
  recordView,
  sharedUrl,
  squash,
  test as base,
  todayLine,
  visitorAgent,
  waitsForApp,
} from './fixtures.mjs';

const SEED_TITLE = '【示例】新洲区委政研室“七五”普法工作总结';
const SEED_ID = 1;
const BREADCRUMB = '您当前所在的位置: 主页 > 普法动态 > 新洲区';

// Pages return from navigations once the app has taken them over.
const test = base.extend({
  page: async ({ page }, use) => {
    await use(waitsForApp(page));
  },
  /** Opens a page as a visitor of its own (`agent`), waiting for the app like `page`. */
  openReader: async ({ openPerson }, use) => {
    await use(async (agent) => waitsForApp((await openPerson({ userAgent: agent })).page));
  },
  /**
   * `ownArticles(count)`: published articles in a category of the test's own (under 法律法规),
   * dated long ago, oldest first; returns the category and the articles.
   */
  ownArticles: async ({ admin, unique }, use) => {
    await use(async (count = 1) => {
      const category = await admin.createCategory({
        name: `测试栏目 ${unique}`,
        slug: `e2e-${unique}`,
        parent_id: await admin.categoryId('falv-fagui'),
      });
      const articles = [];
      for (let number = 1; number <= count; number += 1) {
        const minute = String(number % 60).padStart(2, '0');
        const hour = String(8 + Math.floor(number / 60)).padStart(2, '0');
        articles.push(
          await admin.createArticle({
            category_id: category.id,
            title: `【示例】社区法律讲座 ${unique} 第${number}讲`,
            body: `<p>示例：第${number}讲，社区法律服务点的律师讲解邻里纠纷的调解办法。</p>`,
            published_at: `2001-03-01T${hour}:${minute}:00+08:00`,
          }),
        );
      }
      return { category, articles };
    });
  },
});

const mainNav = (page) => page.getByRole('navigation', { name: '栏目导航' });
const breadcrumb = (page) => page.getByRole('navigation', { name: '当前位置' });

/** The view count once the beacon has answered. */
async function shownViews(page) {
  const hits = page.locator('.article-meta .views .hits');
  await expect(hits).not.toHaveClass(/counting/);
  await expect(hits, `the view beacon failed: ${await hits.getAttribute('title')}`).not.toHaveClass(/stale/);
  return Number(await hits.textContent());
}

async function breadcrumbLinks(page) {
  return breadcrumb(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => [link.textContent.trim(), link.getAttribute('href')]));
}

test.describe('reading the seed article', () => {
  test('navigation leads from the home page to 普法动态 > 新洲区 and the seed article, whose view is counted', { tag: '@screenshot' }, async ({ openReader, unique }) => {
    // A visitor of its own, so that this visit is a new one whatever ran before.
    const page = await openReader(visitorAgent(unique));
    const before = await api(`/api/v1/articles/${SEED_ID}`);
    const beacons = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/articles/${SEED_ID}/views`)) {
        beacons.push(request.url());
      }
    });

    await page.goto('/');
    await mainNav(page).getByRole('link', { name: '普法动态', exact: true }).click();
    await page.waitForURL('**/category/pufa-dongtai');
    await expect(page.getByRole('heading', { level: 1, name: '普法动态' })).toBeVisible();
    await expect(
      mainNav(page).getByRole('link', { name: '普法动态', exact: true }),
      'the section is highlighted as the current page',
    ).toHaveAttribute('aria-current', 'page');

    // The sub-category bar under the navigation lists the section's children.
    await page.locator('.subnav').getByRole('link', { name: '新洲区', exact: true }).click();
    await page.waitForURL('**/category/xinzhou');
    await expect(page.getByRole('heading', { level: 1, name: '新洲区' })).toBeVisible();
    expect(squash(await breadcrumb(page).innerText())).toBe(BREADCRUMB);
    expect(await breadcrumbLinks(page)).toEqual([
      ['主页', '/'],
      ['普法动态', '/category/pufa-dongtai'],
      ['新洲区', '/category/xinzhou'],
    ]);
    await expect(
      mainNav(page).locator('.nav-item.active').getByRole('link', { name: '普法动态' }),
      'the top-level section stays highlighted on its sub-category',
    ).toBeVisible();
    await page.locator('.article-list li').first().waitFor();
    await readmeScreenshot(page, 'category');

    // The seed article is the oldest of 新洲区: on the last page.
    const list = await api('/api/v1/articles?category=xinzhou&per_page=20');
    await page.getByRole('link', { name: `第 ${list.total_pages} 页` }).click();
    await page.waitForURL(`**/category/xinzhou?page=${list.total_pages}`);
    const answered = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith(`/articles/${SEED_ID}/views`),
    );
    await page.getByRole('link', { name: SEED_TITLE }).click();
    await page.waitForURL(`**/article/${SEED_ID}`);

    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    expect(squash(await breadcrumb(page).innerText())).toBe(BREADCRUMB);
    expect(await breadcrumbLinks(page)).toEqual([
      ['主页', '/'],
      ['普法动态', '/category/pufa-dongtai'],
      ['新洲区', '/category/xinzhou'],
    ]);
    await expect(page.locator('.article-meta')).toContainText(/发布时间: 2021-07-26 09:38/, { useInnerText: true });
    // Other tests may read the seed article at the same time: the exact arithmetic (one visit,
    // one more) is checked on an article of its own by the next test. Here: the server counted
    // this visit, and the page shows the count the server answered.
    const answer = await (await answered).json();
    expect(answer.counted, 'this visit is counted').toBe(true);
    expect(answer.hits).toBeGreaterThanOrEqual(before.hits + 1);
    expect(await shownViews(page), 'this visit is shown').toBe(answer.hits);
    await expect(page.locator('.article-meta')).toContainText(`浏览次数: ${answer.hits}`, { useInnerText: true });
    await expect(page.locator('.article-body')).toContainText('区委政研室自2019年成立以来');
    expect(beacons, 'one beacon per page view').toHaveLength(1);
    await expect(page).toHaveTitle(`${SEED_TITLE} - 新洲普法网`);

    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeScreenshot(page, 'article');
  });

  test('a new visitor counts once more; the same visitor reloading does not', async ({ openReader, ownArticles, unique }) => {
    const { articles: [article] } = await ownArticles(1);
    const first = await openReader(visitorAgent(`${unique}-first`));
    await first.goto(`/article/${article.id}`);
    const once = await shownViews(first);
    expect(once, 'the first visit of a new article').toBe(1);

    const second = await openReader(visitorAgent(`${unique}-second`));
    await second.goto(`/article/${article.id}`);
    expect(await shownViews(second), 'a new visitor counts once more').toBe(once + 1);
    await second.reload();
    await expect(second.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
    expect(await shownViews(second), 'a reload within the dedup window is not counted').toBe(once + 1);
  });
});

test.describe('the home page', () => {
  test('shows the date line, the navigation, pinned articles, category blocks and the most-read list (点击排行)', { tag: '@screenshot' }, async ({ page, ownArticles, unique }) => {
    const site = await api('/api/v1/site');
    const tree = await api('/api/v1/categories');
    const pinned = await api('/api/v1/articles?pinned=true&per_page=7');
    // An article of this test's own that readers read more than any other this week.
    const { articles: [read] } = await ownArticles(1);
    let visitors = 0;
    async function leadTheWeek() {
      const [top] = await api('/api/v1/stats/most-read?period=week&limit=1');
      const wanted = top && top.id !== read.id ? top.hits + 1 : Math.max(visitors, 1);
      while (visitors < wanted) {
        visitors += 1;
        await recordView(sharedUrl(), read.id, visitorAgent(`${unique}-${visitors}`));
      }
    }
    await leadTheWeek();

    await page.goto('/');
    await expect(page.locator('a.brand').filter({ hasText: site.site_name })).toBeVisible();
    await expect(page).toHaveTitle(site.site_name);

    const today = await page.locator('.today').innerText();
    expect(today).toMatch(/^今天是: \d{4}年\d{1,2}月\d{1,2}日 星期[一二三四五六日]$/);
    // Computed just before and after, so a midnight in between cannot fail the test.
    const expected = [todayLine(site.timezone), todayLine(site.timezone, new Date(Date.now() + 60_000))];
    expect(expected).toContain(today);

    await expect(mainNav(page).locator('.nav-list > li > a')).toHaveText(['首页', ...tree.map((node) => node.name)]);
    await expect(mainNav(page).getByRole('link', { name: '首页' })).toHaveAttribute('aria-current', 'page');

    const featured = page.getByRole('region', { name: '要闻推荐' });
    await expect(featured.getByRole('link', { name: pinned.items[0].title })).toBeVisible();

    // Each block shows its section's latest article (other tests may publish one meanwhile:
    // then the page is read again).
    let attempt = 0;
    await expect(async () => {
      if (attempt++ > 0) await page.reload();
      for (const node of tree) {
        const block = page.getByRole('region', { name: node.name, exact: true });
        await expect(block.getByRole('link', { name: `更多${node.name}文章` })).toHaveAttribute(
          'href',
          `/category/${node.slug}`,
          { timeout: 2_000 },
        );
        const latest = await api(`/api/v1/articles?category=${node.slug}&per_page=1`);
        await expect(block.getByRole('link', { name: latest.items[0].title }).first()).toBeVisible({ timeout: 2_000 });
      }
    }).toPass({ timeout: 60_000 });

    // The article read in this test leads this week's most-read list once the counter has
    // flushed (about a second); should another test's article pass it meanwhile, it is read
    // by one more visitor.
    const ranking = page.getByRole('complementary', { name: '点击排行' });
    await expect(async () => {
      const titles = await ranking.locator('.ranking-title').allInnerTexts();
      if (titles[0] !== read.title) {
        await leadTheWeek();
        await ranking.getByRole('button', { name: '本月' }).click();
        await ranking.getByRole('button', { name: '本周' }).click();
      }
      expect(titles[0], '点击排行 lists the article read most this week first').toBe(read.title);
    }).toPass({ timeout: 30_000, intervals: [500] });
    await expect(ranking.getByRole('button', { name: '本周' })).toHaveAttribute('aria-pressed', 'true');

    await readmeScreenshot(page);
  });

  test('friend links open their sites in a new tab without access to the portal', async ({ page, context }) => {
    const links = await api('/api/v1/friend-links');
    const site = await api('/api/v1/site');
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
    expect(shown).toEqual(
      links.map((link) => ({ name: link.name, href: link.url, target: '_blank', rel: 'noopener noreferrer' })),
    );
    expect(squash(await footer.innerText())).toMatch(new RegExp(site.icp_number));
    expect(squash(await footer.innerText())).toMatch(new RegExp(site.copyright));

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
    expect(popup.url()).toBe(target);
    expect(await popup.evaluate(() => window.opener), 'no window.opener').toBeNull();
    expect(new URL(page.url()).pathname, 'the portal stays where it was').toBe('/');
  });
});

test.describe('reading comfort', () => {
  test('the font size chosen on one article holds on the next and after a reload', async ({ page }) => {
    await page.goto(`/article/${SEED_ID}`);
    const body = page.locator('.article-body');
    await expect(body).toHaveClass(/font-medium/);
    const medium = await body.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

    await page.getByRole('button', { name: '大号字体' }).click();
    await expect(page.getByRole('button', { name: '大号字体' })).toHaveAttribute('aria-pressed', 'true');
    await expect(body).toHaveClass(/font-large/);
    const large = await body.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(large, `大 (${large}px) is larger than 中 (${medium}px)`).toBeGreaterThan(medium);

    // Another article, reached by its link (inside the app)...
    const next = page.getByRole('navigation', { name: '上一篇和下一篇' }).getByRole('link').first();
    await next.click();
    await page.waitForURL((url) => url.pathname !== `/article/${SEED_ID}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.locator('.article-body'), 'the next article is large too').toHaveClass(/font-large/);
    // ...and a fresh page load of yet another one.
    const other = await api('/api/v1/articles?category=minshi-anli&per_page=1');
    await page.goto(`/article/${other.items[0].id}`);
    await expect(page.locator('.article-body')).toHaveClass(/font-large/);
    await expect(page.getByRole('button', { name: '大号字体' })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('button', { name: '小号字体' }).click();
    await expect(page.locator('.article-body')).toHaveClass(/font-small/);
  });

  test('print shows the article without the navigation', async ({ page }) => {
    await page.addInitScript(() => {
      window.__printed = 0;
      window.print = () => {
        window.__printed += 1;
      };
    });
    await page.goto(`/article/${SEED_ID}`);
    await page.getByRole('button', { name: '打印本页' }).click();
    expect(await page.evaluate(() => window.__printed)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    await expect(mainNav(page), 'navigation is not printed').toBeHidden();
    await expect(page.getByRole('contentinfo'), 'footer is not printed').toBeHidden();
    await expect(page.getByRole('button', { name: '打印本页' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
    await expect(page.locator('.article-body')).toBeVisible();
  });
});

test.describe('lists', () => {
  test('a category list pages through numbered pages kept in the URL, with reload and back/forward', async ({ page, ownArticles }) => {
    // Three pages of articles of this test's own (20 a page), so that no article another test
    // publishes meanwhile moves them.
    const { category } = await ownArticles(45);
    const pages = [1, 2, 3].map((number) =>
      api(`/api/v1/articles?category=${category.slug}&include_descendants=true&sort=newest&page=${number}&per_page=20`),
    );
    const [first, second, third] = await Promise.all(pages);
    expect([first.items.length, second.items.length, third.items.length]).toEqual([20, 20, 5]);
    const titles = page.locator('.list-panel .article-title');
    const showing = (expected) =>
      expect(titles, `page ${expected.page} is shown`).toHaveText(expected.items.map((item) => item.title));
    const path = `/category/${category.slug}`;

    await page.goto(path);
    await showing(first);
    const pager = page.getByRole('navigation', { name: '分页' });
    await expect(pager.getByRole('link', { name: '第 1 页' })).toHaveAttribute('aria-current', 'page');
    expect(squash(await pager.innerText())).toMatch(new RegExp(`共 ${first.total} 篇`));

    await pager.getByRole('link', { name: '第 2 页' }).click();
    await page.waitForURL(`**${path}?page=2`);
    await showing(second);
    await expect(pager.getByRole('link', { name: '第 2 页' })).toHaveAttribute('aria-current', 'page');

    await page.reload();
    await showing(second);

    await pager.getByRole('link', { name: '下一页' }).click();
    await page.waitForURL(`**${path}?page=3`);
    await showing(third);

    await page.goBack();
    await page.waitForURL(`**${path}?page=2`);
    await showing(second);
    await page.goBack();
    await page.waitForURL((url) => url.pathname === path && url.search === '');
    await showing(first);
    await page.goForward();
    await page.waitForURL(`**${path}?page=2`);
    await showing(second);
  });

  test('search from the header lists ranked matches with the words marked, filters and sorts', async ({ page }) => {
    const word = '宪法';
    const expected = await api(`/api/v1/search?q=${encodeURIComponent(word)}&per_page=20`);
    expect(expected.total, 'the demo content has more than a page of matches').toBeGreaterThan(20);
    await page.goto('/');
    const box = page.getByRole('banner').getByRole('combobox', { name: '搜索文章' });
    await box.fill(word);
    await box.press('Enter');
    await page.waitForURL(`**/search?q=${encodeURIComponent(word)}`);
    const summary = page.getByRole('status').filter({ hasText: '找到' });
    await expect(summary).toHaveText(`找到 ${expected.total} 篇与“${word}”相关的文章`, { useInnerText: true });

    const results = page.locator('.search-page .article-list > li');
    await expect(results).toHaveCount(expected.items.length);
    expect(
      squash(await results.first().locator('.article-title').innerText()),
      'the best match comes first',
    ).toBe(squash(expected.items[0].title));
    const marks = await page.locator('.search-page mark').allInnerTexts();
    expect(marks.length, 'the results show where they matched').toBeGreaterThan(0);
    expect(marks.every((mark) => mark === word), `only the word is marked: ${marks}`).toBe(true);
    await expect(box, 'the header box keeps the words').toHaveValue(word);
    await expect(page).toHaveTitle(`“${word}”的搜索结果 - 新洲普法网`);

    // The words stay with the pages of results.
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '第 2 页' }).click();
    await page.waitForURL(`**/search?q=${encodeURIComponent(word)}&page=2`);
    const second = await api(`/api/v1/search?q=${encodeURIComponent(word)}&per_page=20&page=2`);
    await expect(page.locator('.search-page .article-title').filter({ hasText: second.items[0].title }).first()).toBeVisible();

    // Newest first, then one category: both kept in the address.
    await page.getByRole('link', { name: '最新发布' }).click();
    await page.waitForURL(`**/search?q=${encodeURIComponent(word)}&sort=newest`);
    const newest = await api(`/api/v1/search?q=${encodeURIComponent(word)}&sort=newest&per_page=20`);
    await expect(
      page.locator('.search-page .article-list > li').first().locator('.article-title').filter({ hasText: newest.items[0].title }),
    ).toBeVisible();
    await page.locator('#search-category').selectOption('xianfa-xuanchuan');
    await page.waitForURL(`**/search?q=${encodeURIComponent(word)}&sort=newest&category=xianfa-xuanchuan`);
    const inCategory = await api(`/api/v1/search?q=${encodeURIComponent(word)}&sort=newest&category=xianfa-xuanchuan`);
    await expect(page.getByRole('status').filter({ hasText: `找到 ${inCategory.total} 篇` })).toBeVisible();

    await box.fill('没有这个词语的文章');
    await box.press('Enter');
    await expect(page.getByText('没有找到相关文章,请换个词试试。')).toBeVisible();
  });

  test('the search box suggests titles as the reader types, by keyboard too', async ({ page }) => {
    const typed = '民法';
    await page.goto('/');
    const box = page.getByRole('banner').getByRole('combobox', { name: '搜索文章' });
    const options = page.getByRole('banner').getByRole('option');
    // The suggestions are the server's for the words typed (asked again should another test
    // publish a matching title meanwhile).
    let suggested;
    await expect(async () => {
      suggested = await api(`/api/v1/search/suggest?q=${encodeURIComponent(typed)}`);
      expect(suggested.items.length).toBeGreaterThan(0);
      expect(suggested.items.length).toBeLessThanOrEqual(8);
      await box.fill('');
      await box.pressSequentially(typed);
      await expect(options).toHaveCount(suggested.items.length, { timeout: 5_000 });
      await expect(options).toHaveText(suggested.items.map((item) => item.title), { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await box.press('ArrowDown');
    await box.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', await options.nth(1).getAttribute('id'));
    await box.press('Enter');
    await page.waitForURL(`**/article/${suggested.items[1].id}`);
    await expect(page.getByRole('heading', { level: 1, name: suggested.items[1].title })).toBeVisible();
  });
});

test.describe('errors', () => {
  test('unknown addresses, articles and categories show the 404 page', async ({ page }) => {
    for (const path of ['/no/such/page', '/article/999999', '/article/abc', '/category/no-such-category']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: '页面未找到' })).toBeVisible();
      await expect(page, path).toHaveTitle(/^页面未找到/);
      await expect(page.getByRole('link', { name: '网站首页' })).toHaveAttribute('href', '/');
    }
  });

  test('a failing API shows a readable error with a retry that recovers', async ({ page }) => {
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
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('服务器暂时无法处理请求,请稍后再试。', { useInnerText: true });
    expect(squash(await alert.innerText())).toMatch(/503 service_unavailable: the database is not reachable/);

    failing = false;
    await alert.getByRole('button', { name: '重试' }).click();
    await page.locator('.list-panel .article-list li').first().waitFor();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('every screen', () => {
  test('pages have landmarks, one heading 1, a skip link, and fit a phone without sideways scrolling', async ({ openPerson }) => {
    const paths = ['/', '/category/xinzhou', `/article/${SEED_ID}`, `/search?q=${encodeURIComponent('普法')}`];
    for (const viewport of [{ width: 1200, height: 800 }, { width: 375, height: 740 }]) {
      const page = waitsForApp((await openPerson({ viewport })).page);
      for (const path of paths) {
        await page.goto(path);
        await page.locator('main .panel:visible').first().waitFor();
        await page.waitForLoadState('networkidle');
        for (const role of ['banner', 'main', 'contentinfo']) {
          await expect(page.getByRole(role), `${path}: one ${role}`).toHaveCount(1);
        }
        await expect(mainNav(page), `${path}: the navigation`).toHaveCount(1);
        await expect(page.locator('h1'), `${path}: one h1`).toHaveCount(1);
        await expect(page.locator('img:not([alt])'), `${path}: images have alt text`).toHaveCount(0);
        await expect(page.locator('a.skip-link')).toHaveAttribute('href', '#main');
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${viewport.width}px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      }
    }
  });

  test('keyboard focus is visible', async ({ page }) => {
    await page.goto('/');
    await mainNav(page).getByRole('link', { name: '首页' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.textContent);
    expect(skip, 'the first Tab reaches the skip link').toBe('跳到正文');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width, `outline ${outline.width}px`).toBeGreaterThanOrEqual(2);
  });
});
