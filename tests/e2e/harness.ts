import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
// @ts-expect-error: a plain .mjs module without type declarations
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchChromium } from './chromium';

export interface AppServer {
  url: string;
  setRoot: (root: string) => void;
  close: () => Promise<void>;
}

/** Serves a build as `npm start` does; `connectSrc` are the sync servers its Content Security Policy lets it reach. */
export function serveBuild(root = 'dist', connectSrc: string[] = []): Promise<AppServer> {
  return startStaticServer({ root, connectSrc });
}

/** A tablet in landscape, the size Heard is designed for first. */
export const TABLET = { width: 1024, height: 768 };

export async function newTablet(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: TABLET, locale: 'en-GB', timezoneId: 'Europe/London' });
}

export { launchChromium };

/** Waits until the service worker controls the page, so it will open with no network. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, { timeout: 30_000 });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The same tablet held in portrait. */
export const PORTRAIT = { width: 768, height: 1024 };

/** Both ways a tablet is held: every screen a browser test visits is checked in each. */
export const ORIENTATIONS = [TABLET, PORTRAIT] as const;

async function axeViolations(page: Page): Promise<string[]> {
  // evaluate() is not subject to the page's Content Security Policy, unlike a script tag.
  // Once per document: parsing axe again costs about as much as a run, and a document
  // already holding it (the same page, at the other size or after a hash change) runs the same axe.
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/** Two animation frames: the page has laid itself out again at a new size. */
export function settled(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/**
 * Runs axe-core over the whole page at 1024×768 and at 768×1024, then puts the
 * page back at the size it had; any violation fails the test, with what, where
 * and in which orientation.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const before = page.viewportSize() ?? TABLET;
  for (const size of ORIENTATIONS) {
    await page.setViewportSize(size);
    await settled(page);
    expect(await axeViolations(page), `axe on ${where} at ${size.width}×${size.height}`).toEqual([]);
  }
  await page.setViewportSize(before);
  await settled(page);
}

/** Collects every request the page makes, to prove none leaves for another origin. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/**
 * Every record in one of Heard's IndexedDB stores, read straight from the
 * browser (not through the app), so a test can check what is really on the device.
 */
export function readStored<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((done, fail) => {
        const open = indexedDB.open('heard');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => (open.result.close(), done(request.result as T[]));
          request.onerror = () => (open.result.close(), fail(request.error));
        };
      }),
    store,
  );
}

/** Puts records straight into one of Heard's IndexedDB stores, as if the app had saved them earlier. */
export async function putStored(page: Page, store: string, rows: readonly object[]): Promise<void> {
  await page.evaluate(
    ([name, entries]) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('heard');
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const entry of entries) tx.objectStore(name).put(entry);
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => (open.result.close(), fail(tx.error));
        };
        open.onerror = () => fail(open.error);
      }),
    [store, rows] as const,
  );
}

/** Every row of every object store of Heard's database, read by the browser itself, not through the app. */
export async function wholeDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((done, fail) => {
        const open = indexedDB.open('heard');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const names = Array.from(database.objectStoreNames);
          const tx = database.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (out[name] = request.result);
          }
          tx.oncomplete = () => (database.close(), done(out));
          tx.onerror = () => (database.close(), fail(tx.error));
        };
      }),
  );
}

/** Clicks a download button (by its whole name) and reads the file the browser saved. */
export async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()])) as [Download, unknown];
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

export async function expectSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved on this device' }).count()).toBeGreaterThan(0);
}

export interface TestEnvironment {
  server: AppServer;
  browser: Browser;
}

/**
 * Serves the production build and starts Chromium once for the calling test
 * file, and closes both after it. The returned object is filled in before the
 * first test runs.
 */
export function useAppAndBrowser(root = 'dist'): TestEnvironment {
  const env = {} as TestEnvironment;
  beforeAll(async () => {
    env.server = await serveBuild(root);
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A tablet that has opened Heard once online (so the service worker holds
 * every file) and then lost its connection: where every test of a meeting starts.
 */
export async function offlineTablet(
  env: TestEnvironment,
  options: { clockAt?: number; beforeFirstVisit?: (page: Page) => Promise<void> } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newTablet(env.browser);
  // The tablet's own clock, fixed so times on screen can be checked; timers still run.
  if (options.clockAt !== undefined) await context.clock.setFixedTime(options.clockAt);
  const page = await context.newPage();
  await options.beforeFirstVisit?.(page);
  await page.goto(env.server.url);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  return { context, page };
}

/** Every file the record screen offers, downloaded. */
export async function everyRecordExport(page: Page): Promise<{ name: string; text: string }[]> {
  const labels = await page.getByRole('region', { name: 'Save or share this record' }).getByRole('button', { name: /^Download / }).allTextContents();
  expect(labels.length).toBeGreaterThanOrEqual(6);
  const files = [];
  for (const label of labels) files.push(await downloaded(page, label.trim()));
  return files;
}
