/**
 * Accessibility, checked by axe-core inside the page (WCAG 2.x A and AA rules) in the states a user reaches:
 * the explorer as it opens, with a position selected and an issue of the overlap list chosen, and with the
 * Cypher console open on a result.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { layoutDone, NATO, useExplorer } from '../_browser.ts';

/** axe-core's source, evaluated in the page: the page's CSP (rightly) refuses an injected script tag. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ html: string }>;
}

/** The page's violations of WCAG 2.x A and AA, each with where it is. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found: Violation[] = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe-core is injected as a global script
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
      // Elements are reported by their markup: a CSS path cannot be computed for one that the page replaced
      // while axe ran (the Cypher editor re-highlights its text asynchronously), and axe fails on it.
      selectors: false,
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.html.slice(0, 120)).join(', ')}`);
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', function () {
  this.timeout(60_000);
  const explorer = useExplorer({ width: 1440, height: 900 });

  it('the explorer as it opens', async () => {
    assert.deepEqual(await violations(explorer.page), []);
  });

  it('a position selected and an issue of the overlap list chosen', async () => {
    const { page } = explorer;
    await page.goto(`${explorer.server.url}/?negotiation=${NATO}&node=${NATO}:enlargement`);
    await page.waitForSelector('body[data-graph-loaded]');
    await page.waitForSelector('#details-title');
    await page.locator('#overlaps .verdict').first().click();
    await page.waitForSelector('#overlaps .verdict[aria-pressed="true"]');
    assert.deepEqual(await violations(page), []);
  });

  it('the Cypher console open on a result', async () => {
    const { page } = explorer;
    await page.click('#console-toggle');
    await page.waitForSelector('#console:not([hidden])');
    await page.click('#console-editor .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('MATCH (p:Party)-[r:HOLDS]->(x:Position) RETURN p, r, x LIMIT 5');
    // The completion pop-up that typing opens is CodeMirror's, driven from the editor; closed here.
    await page.keyboard.press('Escape');
    await page.waitForSelector('#console .cm-tooltip-autocomplete', { state: 'detached' });
    await page.click('#console-run');
    await page.waitForFunction(() => /row/.test(document.getElementById('console-summary')?.textContent ?? ''));
    await layoutDone(page);
    assert.deepEqual(await violations(page), []);
  });
});
