// What every browser test shares: `test` and `expect` from @playwright/test with this project's
// fixtures, and small helpers.
//
// - `context` (and so `page`): the configuration's desktop browser (1200x800, zh-CN, a desktop
//   user agent the hit counter counts) that may contact the server under test only.
// - `errors`: page errors and console errors of every page the test opens; the test fails if
//   any is left at its end (a test that expects one takes it out of the list).
// - `openPerson()`: another browser of its own (own storage, own visitor) for a second person.
// - `admin`: the admin, through the API, for setting up the test's own data; what it creates
//   is deleted after the test.
// - `unique`: a short random string for names no other test (or repetition) uses.
// - `privateSite`: a server of the test's own, for a test that changes what every page shows.
//
// Nothing here skips: a missing browser or server is an error, so CI cannot pass by testing
// nothing.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { markFailed, repoRoot, startServer } from './server.mjs';

export { repoRoot };

// @playwright/test lives in the repository's tool folder (installed by `just setup-e2e`), not in
// a node_modules next to the tests.
export const requireTool = createRequire(join(repoRoot, '.tools', 'package.json'));
const playwright = requireTool('@playwright/test');
export const expect = playwright.expect;

export const otherDesktopAgent =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0';
// A headless browser's own user agent: the hit counter leaves it out.
export const headlessAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';

/** A desktop user agent no other visitor has: a visitor of its own for the hit counter. */
export const visitorAgent = (tag) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Visitor/${tag}`;

export const sharedUrl = () => {
  const url = process.env.PORTAL_E2E_URL;
  if (!url) throw new Error('PORTAL_E2E_URL is not set: run the browser tests with `just e2e`');
  return url;
};

/** Only the server under test may be contacted; anything else would be a leak to the internet. */
async function keepLocal(context) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 204, body: '' }));
}

/** Collects the page's errors (console errors other than failed resource loads) into `errors`. */
function watch(page, errors) {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      errors.push(message.text());
    }
  });
}

/** GETs an API path of `base` and decodes the JSON. */
export async function getJson(base, path) {
  const response = await fetch(new URL(path, base));
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** GETs an API path of the shared server and decodes the JSON. */
export const api = (path) => getJson(sharedUrl(), path);

/** A token for `username` on the server at `base`. */
export async function logInThroughApi(base, username, password) {
  const response = await fetch(new URL('/api/v1/auth/login', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(`${username} cannot log in through the API: ${response.status} ${await response.text()}`);
  }
  return (await response.json()).access_token;
}

/**
 * The admin through the API of the server at `base`: `request` sends anything; `create*` make
 * the test's own data and remember it, `cleanUp` deletes it again (newest first).
 */
export function adminClient(base, password) {
  let token;
  const created = [];
  async function request(method, path, body, { expectStatus } = {}) {
    token ??= await logInThroughApi(base, 'admin', password);
    const headers = { Authorization: `Bearer ${token}` };
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(new URL(path, base), { method, headers, body: payload });
    if (expectStatus !== undefined && response.status !== expectStatus) {
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    return response;
  }
  async function create(kind, path, body) {
    const response = await request('POST', path, body, { expectStatus: 201 });
    const answer = await response.json();
    // A new category is answered with its details (the category, its ancestors and children).
    const made = path === '/api/v1/categories' ? answer.category : answer;
    created.push(`${path}/${made.id}`);
    return made;
  }
  return {
    base,
    request,
    /** Remembers something made another way (through the console) for deletion. */
    track: (path) => created.push(path),
    categoryId: async (slug) => (await getJson(base, `/api/v1/categories/${slug}`)).category.id,
    createCategory: (fields) => create('category', '/api/v1/categories', fields),
    createArticle: (fields) => create('article', '/api/v1/articles', { status: 'published', ...fields }),
    createUser: (fields) => create('user', '/api/v1/users', fields),
    createFriendLink: (fields) => create('friend link', '/api/v1/friend-links', fields),
    /** Uploads a file to the media library. */
    upload: async ({ name, mimeType, buffer, alt }) => {
      const form = new FormData();
      form.append('file', new Blob([buffer], { type: mimeType }), name);
      if (alt !== undefined) form.append('alt', alt);
      return create('media', '/api/v1/media', form);
    },
    /** Deletes what the test made, newest first; what is still in use is tried again after the rest. */
    async cleanUp() {
      let left = created.splice(0).reverse();
      let failures = [];
      while (left.length > 0) {
        failures = [];
        const retry = [];
        for (const path of left) {
          const response = await request('DELETE', path);
          if (response.status === 409) retry.push(path);
          if (![200, 204, 404].includes(response.status)) {
            failures.push(`DELETE ${path}: ${response.status} ${await response.text()}`);
          }
        }
        if (retry.length === left.length || retry.length === 0) break;
        left = retry;
      }
      if (failures.length > 0) throw new Error(`could not clean up:\n${failures.join('\n')}`);
    },
  };
}

/**
 * Counts a view of article `id` as the visitor `agent`, as the portal's beacon does (the
 * request names the site's own page as its origin); returns the server's answer.
 */
export async function recordView(base, id, agent) {
  const response = await fetch(new URL(`/api/v1/articles/${id}/views`, base), {
    method: 'POST',
    headers: { 'User-Agent': agent, Origin: base, Referer: `${base}/article/${id}` },
  });
  if (response.status !== 200) throw new Error(`view of ${id}: ${response.status} ${await response.text()}`);
  return response.json();
}

export const test = playwright.test.extend({
  context: async ({ context }, use) => {
    await keepLocal(context);
    await use(context);
  },

  // Automatic: every page of the test's own context is watched, and the test fails on errors
  // left in the list. A failed test also keeps the shared server's log (attached to the test).
  errors: [
    async ({ context }, use, testInfo) => {
      const errors = [];
      for (const page of context.pages()) watch(page, errors);
      context.on('page', (page) => watch(page, errors));
      errors.watch = (page) => watch(page, errors);
      let passed = false;
      try {
        await use(errors);
        if (testInfo.status === testInfo.expectedStatus) {
          expect([...errors], 'errors in the pages of this test').toEqual([]);
        }
        passed = testInfo.status === testInfo.expectedStatus;
      } finally {
        if (!passed && process.env.PORTAL_E2E_WORK) {
          markFailed(process.env.PORTAL_E2E_WORK);
          await testInfo.attach('server.log', { path: join(process.env.PORTAL_E2E_WORK, 'server.log') });
        }
      }
    },
    { auto: true },
  ],

  openPerson: async ({ browser, baseURL, viewport, userAgent, locale, errors }, use) => {
    const contexts = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL, viewport, userAgent, locale, ...options });
      contexts.push(context);
      await keepLocal(context);
      const page = await context.newPage();
      errors.watch(page);
      return { context, page };
    });
    for (const context of contexts) await context.close();
  },

  unique: async ({}, use) => {
    await use(randomBytes(4).toString('hex'));
  },

  admin: async ({}, use) => {
    const client = adminClient(sharedUrl(), process.env.PORTAL_E2E_ADMIN_PASSWORD);
    await use(client);
    await client.cleanUp();
  },

  privateSite: async ({}, use, testInfo) => {
    const server = await startServer({ label: 'portal-e2e-own' });
    const admin = adminClient(server.url, server.adminPassword);
    try {
      await use({ ...server, admin });
    } finally {
      const failed = testInfo.status !== testInfo.expectedStatus;
      if (failed) await testInfo.attach('own-server.log', { path: server.log });
      await server.stop({ keep: failed });
    }
  },
});

/** Normalises whitespace for text comparisons. */
export const squash = (text) => text.replace(/\s+/g, ' ').trim();

/** Today's `今天是` line for `zone`, computed independently of the app. */
export function todayLine(zone, now = new Date()) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const weekdays = { Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六', Sun: '日' };
  return `今天是: ${parts.year}年${parts.month}月${parts.day}日 星期${weekdays[parts.weekday]}`;
}

export const screenshotDir = join(repoRoot, 'docs', 'screenshots');

/** A stable file name from a test's title: its ASCII words, lower case, joined by hyphens. */
export function slug(title) {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A 1200x800 picture for the README, taken with the pointer out of the way, named after the
 * test (and `part`, for a test that takes more than one). Only with PORTAL_SCREENSHOTS=1
 * (`just screenshots`): other runs leave docs/ alone.
 */
export async function readmeScreenshot(page, part) {
  if (process.env.PORTAL_SCREENSHOTS !== '1') return;
  const name = [slug(test.info().title), part].filter(Boolean).join('-');
  mkdirSync(screenshotDir, { recursive: true });
  await page.mouse.move(0, 799);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/**
 * Makes `page`'s navigations (goto, reload, back, forward) return once the app has taken the
 * page over (`<html data-app="ready">`), as a reader waits for a page to finish loading: the
 * server-rendered HTML shows before then, but its font-size, print and period buttons need the
 * app. Links and forms work before (the browser follows them itself).
 */
export function waitsForApp(page) {
  for (const method of ['goto', 'reload', 'goBack', 'goForward']) {
    const navigate = page[method].bind(page);
    page[method] = async (...args) => {
      const response = await navigate(...args);
      await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 30_000 });
      return response;
    };
  }
  return page;
}

// The console's shared steps.

export const consoleNav = (page) => page.getByRole('navigation', { name: '管理菜单' });

/** Fills and sends the console's login form. */
export async function fillLogin(page, username, password) {
  await page.goto('/admin');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Logs in and waits for the console. */
export async function logIn(page, username, password) {
  await fillLogin(page, username, password);
  await consoleNav(page).waitFor();
}

/** A password the server's strength check accepts. */
export const strongPassword = () => `walnut-${randomBytes(6).toString('hex')}-lantern`;
