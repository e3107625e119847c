// Shared by the browser tests: where the server is, how to start Chromium, and small waiting
// helpers (playwright-core has no auto-waiting `expect`).
//
// Nothing here skips: a missing browser or server is an error, so CI cannot pass by testing
// nothing.

import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './support-paths.mjs';

export { repoRoot };

// playwright-core lives in the repository's tool folder (installed by `just setup-e2e`), not in
// a node_modules next to the tests.
const requireTool = createRequire(join(repoRoot, '.tools', 'package.json'));
const { chromium } = requireTool('playwright-core');

export const baseUrl = process.env.PORTAL_E2E_URL;
if (!baseUrl) {
  throw new Error('PORTAL_E2E_URL is not set: run the browser tests with `just e2e`');
}

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// A desktop browser's user agent: the hit counter does not count "HeadlessChrome".
export const desktopAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
export const otherDesktopAgent =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0';

export async function launch() {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is missing at ${executablePath}: run \`just setup-e2e\``);
  }
  // Playwright gives every launch a fresh temporary profile (the --user-data-dir).
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (its own storage, its own visitor) at desktop size. */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1200, height: 800 },
    userAgent: desktopAgent,
    locale: 'zh-CN',
    ...options,
  });
  // Only the server under test may be contacted; anything else would be a leak to the internet.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
    route.fulfill({ status: 204, body: '' }),
  );
  return context;
}

/** Records page errors so a test can assert the app never crashed. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      errors.push(message.text());
    }
  });
  return errors;
}

/** GETs an API path and decodes the JSON. */
export async function api(path) {
  const response = await fetch(new URL(path, baseUrl));
  if (!response.ok) {
    throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** Polls `probe` until it returns a truthy value (returned) or the time is up (thrown). */
export async function eventually(probe, { timeout = 10_000, interval = 100, message } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${message ?? 'condition not met'} (last: ${last})`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

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
      await page.waitForSelector('html[data-app="ready"]', { state: 'attached', timeout: 20_000 });
      return response;
    };
  }
  return page;
}
