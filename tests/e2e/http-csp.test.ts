/**
 * The Content Security Policy in a real browser: the explorer (sigma's WebGL, ForceAtlas2's worker, the
 * CodeMirror console, the exports) and Swagger UI at /api/docs work under it with no violation, and the
 * policy is in force (an injected inline script is refused).
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { NATO, openExplorer, useExplorer } from '../_browser.ts';

/** Records the page's CSP violations in `window.violations`, from the first script of every document. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

describe('the Content Security Policy in the browser', function () {
  this.timeout(90_000);
  const explorer = useExplorer();
  let page: Page;

  before(async () => {
    page = explorer.page;
    await recordViolations(page);
    await openExplorer(page, `${explorer.server.url}/?negotiation=${NATO}`);
  });

  it('lets the explorer draw, lay out, open the console, run a query and export, with no violation', async () => {
    // ForceAtlas2 runs in a worker built from a blob: URL; it starts on its own with a new graph.
    await page.waitForFunction(() => document.querySelector('#layout-toggle')?.getAttribute('aria-pressed') === 'true');
    await page.click('#console-toggle');
    await page.waitForSelector('#console[data-ready][data-schema-loaded]', { timeout: 20_000 });
    await page.click('#console-editor .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('MATCH (p:Party) RETURN p LIMIT 3');
    await page.keyboard.press('Escape');
    await page.click('#console-run');
    await page.waitForSelector('#console-table tbody tr');
    for (const button of ['#export-png', '#export-gexf', '#export-json']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      assert.ok(await download.path(), `${button} downloads a file`);
    }
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(explorer.errors, []);
  });

  it('is in force: an injected inline script does not run', async () => {
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    assert.equal(ran, false);
    assert.match(String(await violations(page)), /script-src-elem refused inline/);
    explorer.errors.splice(0, explorer.errors.length);
  });

  it('lets Swagger UI render the API reference at /api/docs, with no violation', async () => {
    await page.goto(`${explorer.server.url}/api/docs`);
    await page.waitForSelector('.opblock');
    assert.ok((await page.locator('.opblock').count()) >= 10, 'every operation is listed');
    await page.click('.opblock-summary');
    await page.waitForSelector('.opblock.is-open');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(explorer.errors, []);
  });
});
