// axe-core on every kind of public page, at a phone's width and a desktop's: WCAG 2.1 A and AA
// (contrast, names, landmarks, language) and axe's best practices (headings in order, content
// in landmarks: what Lighthouse's accessibility score counts too) with no violations. Each page is checked
// once its content has arrived, so what is checked is what a reader sees.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launch, newContext, repoRoot, watchErrors } from './support.mjs';

const requireTool = createRequire(join(repoRoot, '.tools', 'package.json'));
const axeSource = readFileSync(requireTool.resolve('axe-core/axe.min.js'), 'utf8');

// A headless browser's own user agent: the hit counter leaves it out, so these visits change
// no view count that the other files check.
const headlessAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';

const WIDTHS = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
];

// Each page and what shows that its content has arrived.
const PAGES = [
  { name: 'home', path: '/', ready: '.site-footer a' },
  { name: 'category', path: '/category/pufa-dongtai', ready: 'main .article-list li' },
  { name: 'article', path: '/article/1', ready: 'main .article-body p' },
  { name: 'search', path: '/search?q=%E6%B0%91%E6%B3%95%E5%85%B8', ready: 'main mark' },
  { name: 'not found', path: '/no-such-page', ready: 'main h1' },
];

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** The violations, one line each: rule, impact, and the first few elements. */
function describeViolations(violations) {
  return violations
    .map((violation) => {
      const targets = violation.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
        .join('; ');
      return `${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${targets}`;
    })
    .join('\n');
}

describe('accessibility', () => {
  for (const width of WIDTHS) {
    for (const page of PAGES) {
      test(`${page.name} at ${width.name} width has no WCAG 2.1 AA violations`, async () => {
        const { name, ...options } = width;
        const context = await newContext(browser, { ...options, userAgent: headlessAgent });
        try {
          const tab = await context.newPage();
          const errors = watchErrors(tab);
          await tab.goto(page.path);
          await tab.locator(page.ready).first().waitFor();
          await tab.evaluate(axeSource);
          const results = await tab.evaluate(() =>
            // eslint-disable-next-line no-undef
            axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
            }),
          );
          assert.deepEqual(
            results.violations.map((violation) => violation.id),
            [],
            `${page.path} at ${name} width:\n${describeViolations(results.violations)}`,
          );
          assert.deepEqual(errors.filter((error) => !/404/.test(error)), [], page.path);
        } finally {
          await context.close();
        }
      });
    }
  }
});
