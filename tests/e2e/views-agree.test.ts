/**
 * The views agree with one another (issue 11's seven bugs), as a new user meets them at 1440×900: a shared
 * link opens framed on its node, the overlap focus never leaks into other views, keyboard focus survives
 * updates, a selection that is not drawn says why, and console results keep the negotiation's look.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DIMMED } from '../../client/src/core/appearance.ts';
import { ARTIFACTS, layoutDone, NATO, openExplorer, useExplorer } from '../_browser.ts';

const ENLARGEMENT = `${NATO}:enlargement`;

/** Whether a node is drawn inside the canvas's viewport, in colour (not hidden, not dimmed). */
function framed(page: Page, key: string): Promise<boolean> {
  return page.evaluate(
    ([node, dimmed]) => {
      // biome-ignore lint/suspicious/noExplicitAny: the page exposes its renderer for tests
      const { sigma } = (window as any).commonGround;
      const display = sigma.getNodeDisplayData(node);
      if (!display || display.hidden || display.color === dimmed) return false;
      const { x, y } = sigma.framedGraphToViewport(display);
      const { width, height } = sigma.getDimensions();
      return x >= 0 && y >= 0 && x <= width && y <= height;
    },
    [key, DIMMED] as const,
  );
}

/** Keys of the nodes drawn dimmed. */
function dimmedNodes(page: Page): Promise<string[]> {
  return page.evaluate((dimmed) => {
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const { graph, sigma } = (window as any).commonGround;
    return graph.filterNodes((key: string) => {
      const display = sigma.getNodeDisplayData(key);
      return display && !display.hidden && display.color === dimmed;
    });
  }, DIMMED);
}

function positions(page: Page): Promise<Record<string, [number, number]>> {
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const { graph } = (window as any).commonGround;
    const placed: Record<string, [number, number]> = {};
    graph.forEachNode((key: string, a: { x: number; y: number }) => {
      placed[key] = [a.x, a.y];
    });
    return placed;
  });
}

/** Polls a check in the test until it holds, with a deadline. */
async function waitUntil(check: () => Promise<boolean>, what: string, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeout} ms`);
  }
}

/** Waits for a text anywhere on the page (a short deadline: the text is there at once or never). */
async function waitForText(page: Page, text: string | RegExp, timeout = 5_000): Promise<void> {
  const source = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source;
  await page.waitForFunction((pattern) => new RegExp(pattern).test(document.body.textContent), source, { timeout });
}

async function chooseIssue(page: Page, label: string): Promise<void> {
  await page.locator('#overlaps .verdict', { hasText: label }).click();
  await page.waitForSelector('#overlap-explanation .statement');
}

/** The overlap list and the canvas both show no focus. */
async function assertNoFocus(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('#overlaps .verdict[aria-pressed="true"]'), undefined, {
    timeout: 5_000,
  });
  assert.equal(String(await page.locator('#overlap-explanation').textContent()).trim(), '', 'the explanation is gone');
  assert.deepEqual(await dimmedNodes(page), [], 'nothing is dimmed on the canvas');
}

async function search(page: Page, text: string, pick: RegExp): Promise<void> {
  await page.fill('#search', text);
  const option = page
    .locator('#search-results [role="option"]')
    .filter({ has: page.locator('.hit-label', { hasText: pick }) })
    .first();
  await option.waitFor();
  await option.dispatchEvent('mousedown');
}

async function runConsoleQuery(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+Shift+K');
  await page.waitForSelector('#console[data-ready][data-schema-loaded]', { timeout: 20_000 });
  await page.click('#console-editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(query);
  await page.keyboard.press('Escape');
  await page.check('input[name="console-graph-mode"][value="replace"]');
  await page.click('#console-run');
  await page.waitForSelector('#console-table tbody tr');
  await page.waitForFunction(() => !document.getElementById('console')?.hasAttribute('aria-busy'));
}

describe('the views agree (issue 11) at 1440×900', function () {
  this.timeout(120_000);
  const explorer = useExplorer({ width: 1440, height: 900 });
  const open = (query = '') => openExplorer(explorer.page, `${explorer.server.url}/?negotiation=${NATO}${query}`);

  it('1. a shared link opens framed on its node, and the same seed lays out the same picture', async () => {
    const { page } = explorer;
    await open(`&node=${ENLARGEMENT}`);
    await layoutDone(page);
    await waitUntil(() => framed(page, ENLARGEMENT), 'the shared node is framed');
    await page.screenshot({ path: `${ARTIFACTS}/agree-1-shared-link.png` });
    const first = await positions(page);
    await open(`&node=${ENLARGEMENT}`);
    await layoutDone(page);
    assert.deepEqual(await positions(page), first, 'the same graph and seed give the same positions');
  });

  it('2. the overlap focus does not dim a console result', async () => {
    const { page } = explorer;
    await open();
    await chooseIssue(page, 'Diplomatic missions');
    await runConsoleQuery(page, 'MATCH (p:Party)-[r:HOLDS]->(x:Position) RETURN p, r, x');
    const dimmed = await dimmedNodes(page);
    await page.screenshot({ path: `${ARTIFACTS}/agree-2-result-after-focus.png` });
    assert.deepEqual(dimmed, [], `${dimmed.length} result nodes dimmed`);
    await page.keyboard.press('Control+Shift+K');
  });

  for (const [how, clear] of [
    [
      'a background click',
      async (page: Page) => {
        const box = await page.locator('#canvas').boundingBox();
        assert.ok(box);
        await page.mouse.click(box.x + 4, box.y + box.height - 40);
      },
    ],
    ['Escape', (page: Page) => page.keyboard.press('Escape')],
    ['"View all"', (page: Page) => page.click('#view-all')],
  ] as const) {
    it(`3. ${how} clears the focus on the canvas and in the overlap list`, async () => {
      const { page } = explorer;
      await open();
      await chooseIssue(page, 'Diplomatic missions');
      assert.ok((await dimmedNodes(page)).length > 0, 'the focus dims the rest');
      await clear(page);
      await assertNoFocus(page);
    });
  }

  it('4. keyboard focus stays on a what-if checkbox, and follows a link in the details to its heading', async () => {
    const { page } = explorer;
    await open();
    await chooseIssue(page, 'NATO enlargement');
    const box = page.locator('#overlap-explanation input[type="checkbox"]').first();
    const label = await box.getAttribute('aria-label');
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForSelector('#overlaps .what-if');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
    assert.equal(await focused(), label, 'focus stays on the checkbox after the what-if');
    assert.equal(await page.locator(`#overlap-explanation input[aria-label="${label}"]`).isChecked(), false);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !document.querySelector('#overlaps .what-if'));
    assert.equal(await focused(), label, 'and after restoring it');

    await search(page, 'open door', /open/i);
    await page.waitForSelector('#details .node-link');
    const title = await page.locator('#details-title').textContent();
    await page.locator('#details .node-link').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (before) => {
        const heading = document.getElementById('details-title');
        return heading && heading.textContent !== before;
      },
      title,
      { timeout: 5_000 },
    );
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'details-title');
  });

  it('5. selecting something not drawn says why and greys nothing out', async () => {
    const { page } = explorer;
    await open();
    await search(page, 'Grushko', /Alexander Grushko/);
    await waitForText(page, 'Alexander Grushko is not drawn; show evidence to see');
    assert.deepEqual(await dimmedNodes(page), []);
    await page.screenshot({ path: `${ARTIFACTS}/agree-5-not-drawn.png` });

    await open(`&node=${NATO}:mt-grushko-stop-arms-supplies`);
    await waitForText(page, /is not drawn; show evidence to see/);
    assert.deepEqual(await dimmedNodes(page), []);

    await open(`&node=${NATO}:does-not-exist`);
    await waitForText(page, `No node ${NATO}:does-not-exist`);
    assert.deepEqual(await dimmedNodes(page), []);
  });

  it('6. selecting another node scrolls the details panel to its title', async () => {
    const { page } = explorer;
    await open(`&node=${NATO}:russia`);
    await page.waitForSelector('#details .node-link');
    await page.locator('#right').evaluate((panel) => {
      panel.scrollTop = panel.scrollHeight;
    });
    await search(page, 'open door', /open/i);
    await page.waitForSelector('#details .statement');
    const inView = await page.evaluate(() => {
      const panel = document.getElementById('right')?.getBoundingClientRect();
      const title = document.getElementById('details-title')?.getBoundingClientRect();
      return Boolean(panel && title && title.top >= panel.top && title.bottom <= panel.bottom);
    });
    assert.ok(inView, 'the new title is in view');
  });

  it("7. a console result keeps the negotiation's colours and is fitted to the view", async () => {
    const { page } = explorer;
    await open();
    const partyColours = () =>
      page.evaluate(() => {
        // biome-ignore lint/suspicious/noExplicitAny: see above
        const { graph, sigma } = (window as any).commonGround;
        const colours: Record<string, string> = {};
        graph.forEachNode((key: string, a: { nodeType: string }) => {
          if (a.nodeType === 'Party') colours[key] = sigma.getNodeDisplayData(key)?.color;
        });
        return colours;
      });
    const before = await partyColours();
    await runConsoleQuery(page, 'MATCH (p:Party)-[r:HOLDS]->(x:Position) RETURN p, r, x');
    const after = await partyColours();
    // The database may hold other negotiations (other suites load them): their parties are new to this view.
    const kept = Object.keys(after).filter((party) => party in before);
    assert.ok(kept.length > 3);
    for (const party of kept) assert.equal(after[party], before[party], `${party} keeps its colour`);
    const unlike = await page.evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      const { graph, sigma } = (window as any).commonGround;
      return graph.filterNodes((key: string, a: { nodeType: string }) => {
        if (a.nodeType !== 'Position') return false;
        const colour = sigma.getNodeDisplayData(key)?.color;
        return !graph.inNeighbors(key).some((holder: string) => sigma.getNodeDisplayData(holder)?.color === colour);
      });
    });
    assert.deepEqual(unlike, [], "every position in one of its holders' colours");
    await layoutDone(page);
    await page.waitForFunction(
      () => {
        // biome-ignore lint/suspicious/noExplicitAny: see above
        const { graph, sigma } = (window as any).commonGround;
        const { width, height } = sigma.getDimensions();
        return graph.everyNode((key: string) => {
          const { x, y } = sigma.framedGraphToViewport(sigma.getNodeDisplayData(key));
          return x >= 0 && y >= 0 && x <= width && y <= height;
        });
      },
      undefined,
      { timeout: 5_000 },
    );
    await page.screenshot({ path: `${ARTIFACTS}/agree-7-console-result.png` });
  });

  it('logged no console error on the way', () => {
    // The unknown node's 404 is expected.
    assert.deepEqual(
      explorer.errors.filter((e) => !/status of 404/.test(e)),
      [],
    );
  });
});
