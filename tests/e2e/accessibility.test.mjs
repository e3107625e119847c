// axe-core on every kind of public page, at a phone's width and a desktop's: WCAG 2.1 A and AA
// (contrast, names, landmarks, language) and axe's best practices (headings in order, content
// in landmarks: what Lighthouse's accessibility score counts too) with no violations. Each page is checked
// once its content has arrived, so what is checked is what a reader sees.

import { readFileSync } from 'node:fs';

import { expect, headlessAgent, requireTool, test } from './fixtures.mjs';

const axeSource = readFileSync(requireTool.resolve('axe-core/axe.min.js'), 'utf8');

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

test.describe('accessibility', () => {
  for (const width of WIDTHS) {
    test.describe(`at ${width.name} width`, () => {
      const { name: _, ...options } = width;
      // A headless browser's own user agent: the hit counter leaves it out, so these visits
      // change no view count.
      test.use({ ...options, userAgent: headlessAgent });

      for (const page of PAGES) {
        test(`${page.name} at ${width.name} width has no WCAG 2.1 AA violations`, async ({ page: tab, errors }) => {
          await tab.goto(page.path);
          await tab.locator(page.ready).first().waitFor();
          await tab.evaluate(axeSource);
          const results = await tab.evaluate(() =>
            // eslint-disable-next-line no-undef
            axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
            }),
          );
          expect(
            results.violations.map((violation) => violation.id),
            `${page.path} at ${width.name} width:\n${describeViolations(results.violations)}`,
          ).toEqual([]);
          // The not-found page's own 404 is the one error expected.
          errors.splice(0, errors.length, ...errors.filter((error) => !/404/.test(error)));
        });
      }
    });
  }
});
