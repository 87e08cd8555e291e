import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { readDataset } from '../../server/src/dataset/parse.ts';
import type { RunningServer } from '../../server/src/server.ts';
import { ARTIFACTS, NATO, openExplorer, useExplorer } from '../_browser.ts';
import { getJson } from '../_http.ts';

/** What the canvas draws: the keys of the nodes sigma does not hide, by node type. */
function shownNodes(page: Page, nodeType: string): Promise<Array<{ key: string; parties: string[]; since: string }>> {
  return page.evaluate((type) => {
    // biome-ignore lint/suspicious/noExplicitAny: the page exposes its graph and renderer for tests
    const { graph, sigma } = (window as any).commonGround;
    return graph
      .filterNodes((_key: string, a: { nodeType: string }) => a.nodeType === type)
      .filter((key: string) => !sigma.getNodeDisplayData(key)?.hidden)
      .map((key: string) => ({
        key,
        parties: graph.getNodeAttribute(key, 'parties') ?? [],
        since: graph.getNodeAttribute(key, 'since'),
      }));
  }, nodeType);
}

describe('the explorer in the browser', function () {
  this.timeout(90_000);
  let server: RunningServer;
  let page: Page;
  let errors: string[];

  const explorer = useExplorer();
  before(() => {
    ({ server, page, errors } = explorer);
  });

  it('loads the negotiation graph into graphology, every node of the API', async () => {
    const { body } = await getJson(`${server.url}/api/graph?negotiation=${NATO}`);
    const order = await page.evaluate(
      () => (window as unknown as { commonGround: { graph: { order: number } } }).commonGround.graph.order,
    );
    assert.equal(order, body.nodes.length);
    assert.match(String(await page.locator('#status').textContent()), new RegExp(`${body.nodes.length} nodes`));
    await page.waitForTimeout(2500); // let the layout spread the graph before the picture
    await page.screenshot({ path: `${ARTIFACTS}/explorer-loaded.png` });
  });

  it('lists the overlap verdicts the analysis computes, each with its colour', async () => {
    const { body } = await getJson(`${server.url}/api/overlaps?negotiation=${NATO}`);
    await page.waitForSelector('#overlaps .verdict');
    const shown = await page
      .locator('#overlaps .verdict')
      .evaluateAll((buttons) =>
        buttons.map((b) => [b.getAttribute('data-issue'), b.getAttribute('data-verdict')] as [string, string]),
      );
    assert.deepEqual(
      shown,
      body.issues.map((i: { issue: { id: string }; verdict: string }) => [i.issue.id, i.verdict]),
    );
    const verdictOf = new Map(shown);
    assert.equal(verdictOf.get(`${NATO}:intermediate-range-missiles`), 'agreement-zone');
    assert.equal(verdictOf.get(`${NATO}:enlargement`), 'blocked');
    const colours = await page
      .locator('#overlaps .verdict .badge')
      .evaluateAll((badges) => new Set(badges.map((b) => getComputedStyle(b).backgroundColor)).size);
    assert.ok(colours >= 3, 'each verdict has its own colour');
  });

  it('focuses the canvas on an issue chosen in the overlap list and explains it with quotes', async () => {
    const before = await page.evaluate(() =>
      (window as unknown as { commonGround: { sigma: { getCamera(): { getState(): unknown } } } }).commonGround.sigma
        .getCamera()
        .getState(),
    );
    await page.click(`#overlaps .verdict[data-issue="${NATO}:enlargement"]`);
    await page.waitForSelector('#overlap-explanation .statement');
    const focus = await page.evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      const { app } = (window as any).commonGround;
      return { issue: app.focus.issue.value, size: app.derived.focusNodes.value?.size };
    });
    assert.equal(focus.issue, `${NATO}:enlargement`);
    assert.ok(focus.size > 3);
    await page.waitForTimeout(700);
    const after = await page.evaluate(() =>
      (window as unknown as { commonGround: { sigma: { getCamera(): { getState(): unknown } } } }).commonGround.sigma
        .getCamera()
        .getState(),
    );
    assert.notDeepEqual(after, before, 'the camera moved to the issue');
    assert.match(String(await page.locator('#overlap-explanation').textContent()), /Blocked/);
    await page.screenshot({ path: `${ARTIFACTS}/explorer-overlap-focus.png` });
    await page.click('#view-all');
  });

  it('finds "open door", selects the position and shows its quotes in the details panel', async () => {
    await page.fill('#search', 'open door');
    await page.waitForSelector('#search-results [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#details .statement');
    const selected = await page.evaluate(
      () =>
        (window as unknown as { commonGround: { app: { selection: { selected: { value: string } } } } }).commonGround
          .app.selection.selected.value,
    );
    const { body: details } = await getJson(`${server.url}/api/nodes/${encodeURIComponent(selected)}`);
    assert.equal(details.nodeType, 'Position');
    assert.match(details.properties.label, /open[- ]door/i);
    const quotes = await page.locator('#details .statement blockquote').allInnerTexts();
    assert.deepEqual(
      quotes.map((q) => q.replace(/^\(paraphrase\) /, '')),
      details.details.statements.map((s: { quote: string }) => s.quote),
    );
    assert.match(page.url(), new RegExp(`node=${selected.replace(/[:]/g, '[:%3A]+')}`));
    await page.screenshot({ path: `${ARTIFACTS}/explorer-search-details.png` });
  });

  it("filters by party: the other parties' positions disappear and the URL says so", async () => {
    await page.check('#filters input[name="party"][value="russia"]');
    await page.waitForFunction(() => window.location.search.includes('party=russia'));
    const positions = await shownNodes(page, 'Position');
    const data = readDataset('data/nato-russia-2022.yaml');
    assert.equal(positions.length, data.positions.filter((p) => p.holders.includes('russia')).length);
    assert.ok(positions.every((p) => p.parties.includes('russia')));
    await page.screenshot({ path: `${ARTIFACTS}/explorer-party-filter.png` });
  });

  it('restores the filtered view and the selection from the URL on reload', async () => {
    const before = (await shownNodes(page, 'Position')).map((p) => p.key).sort();
    const selected = await page.evaluate(
      () =>
        (window as unknown as { commonGround: { app: { selection: { selected: { value: string } } } } }).commonGround
          .app.selection.selected.value,
    );
    await openExplorer(page, page.url());
    assert.ok(await page.isChecked('#filters input[name="party"][value="russia"]'));
    assert.deepEqual((await shownNodes(page, 'Position')).map((p) => p.key).sort(), before);
    const restored = await page.evaluate(
      () =>
        (window as unknown as { commonGround: { app: { selection: { selected: { value: string } } } } }).commonGround
          .app.selection.selected.value,
    );
    assert.equal(restored, selected);
    await page.waitForSelector('#details .statement');
    await page.click('#filters-clear');
    await page.waitForFunction(() => !window.location.search.includes('party='));
  });

  it('shows the positions as they stood before 12 January 2022 with the date slider', async () => {
    const slider = page.locator('#filter-date');
    const days: string[] = await page.evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      const { graph } = (window as any).commonGround;
      const set = new Set<string>();
      graph.forEachNode((_k: string, a: { nodeType: string; since: string }) => {
        if (a.nodeType === 'Position') set.add(a.since);
      });
      return [...set].sort();
    });
    const index = days.filter((d) => d < '2022-01-12').length - 1;
    assert.ok(index >= 0, 'some positions are older than the meeting');
    await slider.fill(String(index));
    await page.waitForFunction(() => window.location.search.includes('asOf='));
    const shown = await shownNodes(page, 'Position');
    assert.ok(shown.length > 0);
    assert.ok(
      shown.every((p) => p.since < '2022-01-12'),
      'positions first stated on 12 January are hidden',
    );
    assert.match(String(await page.locator('#filter-date-label').textContent()), /^\d{4}-\d{2}-\d{2}$/);
    await page.screenshot({ path: `${ARTIFACTS}/explorer-before-meeting.png` });
    await page.click('#filters-clear');
  });

  it('exports the view as a PNG image', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const file = await download.path();
    const bytes = readFileSync(file);
    assert.ok(bytes.length > 5_000, `${bytes.length} bytes`);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG signature');
  });

  it('exports the graph shown as GEXF and as graphology JSON', async () => {
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    assert.match(readFileSync(await gexf.path(), 'utf8'), /<gexf[\s\S]*<node id="nato-russia-2022:nato"/);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.ok(exported.nodes.length > 50 && exported.edges.length > 50);
  });

  it('says so when the database is unavailable, and recovers when it is back', async () => {
    const unavailable = {
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({ title: 'Neo4j unavailable', detail: 'Neo4j cannot be reached.' }),
    };
    await page.route('**/api/negotiations', (route) => route.fulfill(unavailable));
    await page.route('**/api/health', (route) => route.fulfill(unavailable));
    await page.reload();
    await page.waitForSelector('#banner:not([hidden])');
    assert.match(String(await page.locator('#banner').textContent()), /database is unavailable/i);
    await page.screenshot({ path: `${ARTIFACTS}/explorer-unavailable.png` });
    await page.unrouteAll();
    await page.waitForSelector('body[data-graph-loaded]', { timeout: 20_000 });
    assert.ok(await page.locator('#banner').isHidden());
    // The simulated outage's own console messages are expected; nothing else may have failed.
    const expected = /status of 503/;
    errors.splice(0, errors.length, ...errors.filter((e) => !expected.test(e)));
  });

  it('logged no console error on the way', () => {
    assert.deepEqual(errors, []);
  });
});
