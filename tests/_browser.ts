/**
 * Headless Chromium from the system's packages (/usr/bin/chromium), driven by playwright-core. Never a
 * downloaded browser. The flags keep it off the network: it talks to the test server on loopback only.
 */

import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { RunningServer } from '../server/src/server.ts';
import { loadNatoRussia } from './_datasets.ts';
import { startTestServer } from './_server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = 'tests/artifacts';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), as .ci/run does`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
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

/** Console errors and uncaught exceptions of a page, for a test to assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

export const NATO = 'nato-russia-2022';

export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-graph-loaded]', { timeout: 20_000 });
}

/** Waits until the layout has run its course: the progress bar full and the toggle released. */
export async function layoutDone(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (document.getElementById('layout-progress') as HTMLProgressElement | null)?.value === 1 &&
      document.getElementById('layout-toggle')?.getAttribute('aria-pressed') === 'false',
    undefined,
    { timeout: 20_000 },
  );
}

export interface Explorer {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught exceptions so far. */
  errors: string[];
}

/**
 * Mocha hooks for a browser suite: the app on the test database with the bundled dataset loaded, and a page
 * open on the explorer. The returned object is filled in before the suite's own hooks run.
 */
export function useExplorer(viewport = { width: 1600, height: 1000 }): Explorer {
  const explorer = {} as Explorer;
  before(async () => {
    explorer.server = await startTestServer();
    await loadNatoRussia();
    explorer.browser = await launchBrowser();
    explorer.page = await explorer.browser.newPage({ viewport, acceptDownloads: true });
    explorer.errors = collectErrors(explorer.page);
    await openExplorer(explorer.page, `${explorer.server.url}/?negotiation=${NATO}`);
  });
  after(async () => {
    await explorer.browser?.close();
    await explorer.server?.close();
  });
  return explorer;
}
