// Playwright's configuration for the browser tests: `just e2e`, or from the repository root
// `npx playwright test -c tests/e2e/playwright.config.mjs` (with .tools/node_modules/.bin on
// the PATH, as the justfile puts it) after building the server and the portal.
//
// The global setup starts the real server (fresh SQLite with the demo content, a free port, a
// random admin password) once for the run; every test sets up the data it changes, so the
// tests run in any order and in parallel.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const ci = !!process.env.CI;

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default {
  testDir: here,
  testMatch: '*.test.mjs',
  outputDir: join(repoRoot, 'target', 'e2e-results', 'artifacts'),
  globalSetup: join(here, 'global-setup.mjs'),
  forbidOnly: ci,
  retries: 0,
  // Two cores: the server, the browser and the test runner share them. Two workers finish the
  // run sooner than one without starving the server (see README); PORTAL_E2E_WORKERS or
  // --workers change it.
  workers: Number(process.env.PORTAL_E2E_WORKERS) || 2,
  fullyParallel: false,
  // Generous, for a machine that may be busy compiling; a real failure still fails.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: join(repoRoot, 'target', 'e2e-results', 'report'), open: 'never' }],
  ],
  use: {
    baseURL: process.env.PORTAL_E2E_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1200, height: 800 },
    // A desktop browser's user agent: the hit counter does not count "HeadlessChrome".
    userAgent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    launchOptions: {
      // Debian's Chromium: Playwright's own browser downloads are not used.
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
};
