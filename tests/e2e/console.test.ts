import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../server/src/server.ts';
import { ARTIFACTS, NATO, openExplorer, useExplorer } from '../_browser.ts';
import { getJson, postJson } from '../_http.ts';

/** Opens the console with its keyboard shortcut and waits for the editor and the live schema. */
async function openConsole(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+K');
  await page.waitForSelector('#console[data-ready][data-schema-loaded]', { timeout: 20_000 });
}

/** Replaces the editor's text by typing, as a user would (brackets and quotes close themselves). */
async function typeQuery(page: Page, query: string): Promise<void> {
  await page.click('#console-editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(query);
  await page.keyboard.press('Escape'); // closes the completion list, if open
}

async function editorText(page: Page): Promise<string> {
  return (await page.locator('#console-editor .cm-content .cm-line').allTextContents()).join('\n').trim();
}

function canvasHas(page: Page, keys: string[]): Promise<boolean> {
  return page.evaluate((wanted) => {
    // biome-ignore lint/suspicious/noExplicitAny: the page exposes its graph for tests
    const { graph } = (window as any).commonGround;
    return wanted.every((key: string) => graph.hasNode(key));
  }, keys);
}

async function runAndWait(page: Page, run: () => Promise<void>): Promise<void> {
  const response = page.waitForResponse((r) => r.url().endsWith('/api/cypher') && r.request().method() === 'POST');
  await run();
  await response;
  await page.waitForFunction(() => !document.getElementById('console')?.hasAttribute('aria-busy'));
}

describe('the Cypher console in the browser', function () {
  this.timeout(90_000);
  let server: RunningServer;
  let page: Page;
  let errors: string[];

  const explorer = useExplorer();
  before(() => {
    ({ server, page, errors } = explorer);
  });

  it('opens with Ctrl+Shift+K, focused in the editor, and closes with it', async () => {
    assert.ok(await page.locator('#console').isHidden());
    await openConsole(page);
    assert.equal(await page.getAttribute('#console-toggle', 'aria-expanded'), 'true');
    assert.ok(await page.locator('#console-editor .cm-content').evaluate((e) => e === document.activeElement));
    assert.match(String(await page.locator('#console-schema').textContent()), /labels/);
    await page.keyboard.press('Control+Shift+K');
    assert.ok(await page.locator('#console').isHidden());
    await page.click('#console-toggle');
    await page.waitForSelector('#console:not([hidden])');
  });

  it('runs a query typed with the keyboard (Ctrl+Enter): its graph on the canvas, its rows in the table', async () => {
    const query = "MATCH (p:Party {slug: 'russia'})-[:HOLDS]->(x:Position) RETURN p.label AS party, x.kind AS kind, x";
    await typeQuery(page, query);
    assert.equal(await editorText(page), query);
    await runAndWait(page, () => page.keyboard.press('Control+Enter'));
    const { body } = await postJson(`${server.url}/api/cypher`, { query });
    assert.ok(body.rowCount > 3);
    await page.waitForSelector('#console-table tbody tr');
    assert.equal(await page.locator('#console-table tbody tr').count(), body.rowCount);
    assert.deepEqual(await page.locator('#console-table thead th').allInnerTexts(), ['party', 'kind', 'x']);
    const keys = body.graph.nodes.map((n: { key: string }) => n.key);
    assert.ok(keys.length > 3);
    assert.ok(await canvasHas(page, keys), 'the canvas holds every node of the result');
    const order = await page.evaluate(
      () => (window as unknown as { commonGround: { graph: { order: number } } }).commonGround.graph.order,
    );
    assert.equal(order, keys.length, 'the result replaced the view');
    const summary = String(await page.locator('#console-summary').textContent());
    assert.match(summary, new RegExp(`^${body.rowCount} rows in \\d+ ms`));
    // A node in a cell is shown compactly, by its label and id.
    assert.match(String(await page.locator('#console-table tbody tr td').nth(2).textContent()), /^\(:Position nato/);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${ARTIFACTS}/console-result.png` });
  });

  it('sorts the table by a column header and downloads the rows as CSV', async () => {
    await page.click('#console-table thead th:nth-child(2) button');
    const kinds = await page.locator('#console-table tbody tr td:nth-child(2)').allInnerTexts();
    assert.deepEqual(
      kinds,
      [...kinds].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })),
    );
    assert.equal(await page.getAttribute('#console-table thead th:nth-child(2)', 'aria-sort'), 'ascending');
    await page.click('#console-table thead th:nth-child(2) button');
    assert.equal(await page.getAttribute('#console-table thead th:nth-child(2)', 'aria-sort'), 'descending');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#console-csv')]);
    const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
    assert.equal(csv[0], 'party,kind,x');
    assert.equal(csv.length, kinds.length + 1);
  });

  it('completes labels from the live schema: "MATCH (n:Pos" offers Position', async () => {
    await page.click('#console-editor .cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('MATCH (n:Pos');
    await page.waitForSelector('.cm-tooltip-autocomplete li');
    const options = await page.locator('.cm-tooltip-autocomplete li').allInnerTexts();
    assert.ok(
      options.some((o) => /\bPosition\b/.test(o)),
      `completions: ${options.join(' | ')}`,
    );
    await page.screenshot({ path: `${ARTIFACTS}/console-completion.png` });
    await page.keyboard.press('Escape');
  });

  it("refuses a write query and shows the server's message", async () => {
    const query = 'CREATE (n:Hack)';
    await typeQuery(page, query);
    await runAndWait(page, () => page.click('#console-run'));
    const { status, body } = await postJson(`${server.url}/api/cypher`, { query });
    assert.equal(status, 400);
    await page.waitForSelector('#console-error:not([hidden])');
    assert.equal(await page.getAttribute('#console-error', 'data-type'), 'query-refused');
    assert.ok(String(await page.locator('#console-error').textContent()).includes(body.detail));
    const { body: count } = await postJson(`${server.url}/api/cypher`, { query: 'MATCH (n:Hack) RETURN count(n)' });
    assert.deepEqual(count.rows, [[0]]);
  });

  it('marks the position of a syntax error in the editor', async () => {
    const query = 'MATCH (n:Party) RETURN n LIMT 5';
    await typeQuery(page, query);
    await runAndWait(page, () => page.keyboard.press('Control+Enter'));
    const { body } = await postJson(`${server.url}/api/cypher`, { query });
    assert.ok(Number.isInteger(body.position?.offset));
    await page.waitForSelector('#console-editor .cm-server-error');
    assert.equal(
      await page.getAttribute('#console-editor .cm-server-error', 'data-offset'),
      String(body.position.offset),
    );
    assert.equal(await page.locator('#console-editor .cm-server-error').textContent(), 'LIMT');
    assert.equal(await page.getAttribute('#console-error', 'data-type'), 'cypher-syntax');
    assert.match(
      String(await page.locator('#console-error').textContent()),
      new RegExp(`line ${body.position.line}, column ${body.position.column}`),
    );
    await page.screenshot({ path: `${ARTIFACTS}/console-syntax-error.png` });
    // Editing the text clears the mark.
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    assert.equal(await page.locator('#console-editor .cm-server-error').count(), 0);
  });

  it('runs the saved query "Red lines by party" with its parameters', async () => {
    const { body: saved } = await getJson(`${server.url}/api/queries`);
    const redLines = saved.queries.find((q: { title: string }) => q.title === 'Red lines by party');
    await page.selectOption('#console-saved', { label: 'Red lines by party' });
    assert.equal(String(await page.locator('#console-saved-description').textContent()), redLines.description);
    assert.deepEqual(JSON.parse(await page.inputValue('#console-params')), { negotiation: NATO });
    assert.match(await editorText(page), /MATCH \(party:Party\)-\[:HOLDS\]->\(redLine:Position/);
    await page.check('input[name="console-graph-mode"][value="merge"]');
    await runAndWait(page, () => page.click('#console-run'));
    const { body } = await postJson(`${server.url}/api/cypher`, {
      query: redLines.query,
      params: { negotiation: NATO },
    });
    assert.ok(body.rowCount > 0);
    assert.equal(await page.locator('#console-table tbody tr').count(), body.rowCount);
    assert.ok(
      await canvasHas(
        page,
        body.graph.nodes.map((n: { key: string }) => n.key),
      ),
    );
    assert.match(String(await page.locator('#console-summary').textContent()), /Merged/);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${ARTIFACTS}/console-saved-query.png` });
  });

  it('runs the overlap analysis as a saved query, with the verdicts of /api/overlaps', async () => {
    await page.selectOption('#console-saved', { label: 'Overlap verdicts' });
    assert.deepEqual(JSON.parse(await page.inputValue('#console-params')), { negotiation: NATO, without: '-' });
    await page.check('input[name="console-graph-mode"][value="none"]');
    await runAndWait(page, () => page.keyboard.press('Control+Enter'));
    const { body } = await getJson(`${server.url}/api/overlaps?negotiation=${NATO}`);
    const columns = await page.locator('#console-table thead th').allInnerTexts();
    const verdicts = await page.locator(`#console-table tbody tr td:nth-child(${columns.indexOf('verdict') + 1})`);
    assert.deepEqual(
      await verdicts.allInnerTexts(),
      body.issues.map((i: { verdict: string }) => i.verdict),
    );
    assert.match(String(await page.locator('#console-summary').textContent()), /not drawn/);
    await page.check('input[name="console-graph-mode"][value="replace"]');
  });

  it('keeps the history across a reload and runs an entry again', async () => {
    await openExplorer(page, page.url());
    await openConsole(page);
    const entries = await page.locator('#console-history .history-load').allInnerTexts();
    assert.ok(entries.length >= 4, entries.join(' | '));
    assert.match(entries[0] ?? '', /^WITH \[w IN split/, 'the newest (the overlap verdicts) first');
    assert.match(entries[1] ?? '', /^MATCH \(party:Party\)-\[:HOLDS\]/);
    assert.ok(entries.some((e) => e.startsWith("MATCH (p:Party {slug: 'russia'})")));
    const index = entries.findIndex((e) => e.startsWith("MATCH (p:Party {slug: 'russia'})"));
    await runAndWait(page, () => page.locator('#console-history .history-run').nth(index).click());
    assert.match(await editorText(page), /^MATCH \(p:Party \{slug: 'russia'\}\)/);
    assert.ok((await page.locator('#console-table tbody tr').count()) > 3);
    await page.screenshot({ path: `${ARTIFACTS}/console-history.png` });
  });

  it('brings the negotiation graph back after a result replaced it', async () => {
    const { body } = await getJson(`${server.url}/api/graph?negotiation=${NATO}`);
    const order = () =>
      page.evaluate(
        () => (window as unknown as { commonGround: { graph: { order: number } } }).commonGround.graph.order,
      );
    assert.notEqual(await order(), body.nodes.length, 'the canvas shows the last result');
    assert.equal(await page.locator('#view-all').textContent(), 'Back to the negotiation');
    await page.click('#view-all');
    await page.waitForFunction(
      (n) => (window as unknown as { commonGround: { graph: { order: number } } }).commonGround.graph.order === n,
      body.nodes.length,
    );
    assert.equal(await page.locator('#view-all').textContent(), 'View all');
  });

  it('logged no console error on the way', () => {
    // The refused and the wrong queries' 400 responses are expected; nothing else may have failed.
    assert.deepEqual(
      errors.filter((e) => !/status of 400/.test(e)),
      [],
    );
  });
});
