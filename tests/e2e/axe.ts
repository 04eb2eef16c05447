// axe-core in a page, against WCAG 2.2 A and AA (no rule disabled): shared by the accessibility
// tests of the sample site and of the generated large site (scale.spec.ts).
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface AxeOutcome {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
  rulesRun: string[];
}

/** One line per violation: the rule, its impact, what it asks for and where it failed. */
export function describeViolation(v: AxeOutcome['violations'][number]): string {
  return `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`;
}

/** Runs axe on the page as it is now; axe is injected once per loaded document. */
export async function runAxe(page: Page): Promise<AxeOutcome> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
    });
    return {
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String) })),
      })),
      rulesRun: [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map(
        (r) => r.id,
      ),
    };
  }, WCAG_TAGS);
}
