// Lighthouse (mobile settings, the npm package) against Heard's production build in Debian's
// Chromium, run fully offline: Chromium may resolve no host name, and every request Lighthouse
// saw is checked to have stayed on the app's own origin.
import { createRequire } from 'node:module';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';
import { throwawayCertificate } from './throwaway-cert.mjs';

export const lighthouseVersion = () => createRequire(import.meta.url)('lighthouse/package.json').version;

export const CHROME_FLAGS = [
  '--headless=new',
  ...CHROMIUM_ARGS,
  // Nothing but the loopback server may be reached: any other host fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
// Each run is a first visit over the network (no service worker, nothing cached), to a device
// that already holds a chair's data: Lighthouse clears only these, never IndexedDB.
const FIRST_VISIT = ['service_workers', 'cache_storage'];

/** Requests that never leave the machine: the app's own origin, and the browser's own schemes. */
function offOrigin(lhr, origin) {
  const urls = lhr.audits['network-requests']?.details?.items?.map((item) => item.url) ?? [];
  return {
    count: urls.length,
    elsewhere: urls.filter((url) => !url.startsWith(origin) && !/^(data|blob|chrome|chrome-extension|about):/.test(url)),
  };
}

function failing(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => ({ id: audit.id, title: audit.title, score: audit.score, displayValue: audit.displayValue ?? '' }));
}

/** One Lighthouse run; a run whose trace went wrong (Lighthouse says to run it again) is tried again. */
async function audit(href, port, name) {
  for (let attempt = 1; ; attempt++) {
    const { lhr } = await lighthouse(href, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, clearStorageTypes: FIRST_VISIT });
    if (!lhr.runtimeError) return lhr;
    if (attempt === 3) throw new Error(`Lighthouse on ${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
}

/**
 * The build in `root`, served by `npm start`'s server over HTTPS (HTTP/2), as a host a tablet can
 * install Heard from must serve it; `trustSpki` is the key Chromium is told to trust for it.
 */
export async function serveOverHttps(root) {
  const { key, cert, spkiHash } = throwawayCertificate();
  const server = await startStaticServer({ root, tls: { key, cert } });
  return { server, trustSpki: spkiHash };
}

/**
 * Runs Lighthouse on each of `pages` in one Chromium profile. `prepare(page, url)` runs first
 * in that profile through Playwright (to store data the page shows, as a chair would have).
 * `trustSpki` (from serveOverHttps) trusts that server's certificate and no other.
 */
export async function runLighthouse({ url, pages, runsPerPage = 5, chromePath = CHROMIUM_PATH, trustSpki = null }) {
  const chromeFlags = trustSpki ? [...CHROME_FLAGS, `--ignore-certificate-errors-spki-list=${trustSpki}`] : CHROME_FLAGS;
  const chrome = await launchChrome({ chromePath, chromeFlags, logLevel: 'silent' });
  const origin = new URL(url).origin;
  const results = [];
  try {
    for (const { name, path, prepare } of pages) {
      if (prepare) {
        const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
        const context = browser.contexts()[0];
        const page = await context.newPage();
        await prepare(page, url);
        await page.close();
        await browser.close();
      }
      // Lighthouse's own advice on its variance: several runs, and the median one.
      const runs = [];
      for (let i = 0; i < runsPerPage; i++) runs.push(await audit(new URL(path, url).href, chrome.port, name));
      runs.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
      const lhr = runs[Math.floor(runs.length / 2)];
      results.push({
        runs: runs.map((run) => Math.round(run.categories.performance.score * 100)),
        name,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)])),
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        tbt: lhr.audits['total-blocking-time'].numericValue,
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
        failing: Object.fromEntries(CATEGORIES.map((c) => [c, failing(lhr, c)])),
        shifts: (lhr.audits['layout-shifts']?.details?.items ?? []).map((item) => ({ element: item.node?.selector, score: item.score })),
        longTasks: (lhr.audits['long-tasks']?.details?.items ?? []).map((item) => ({ url: item.url, startTime: Math.round(item.startTime), duration: Math.round(item.duration) })),
        requests: offOrigin(lhr, origin),
        warnings: lhr.runWarnings,
      });
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

/** The home screen with a sample group in it, and the running screen of its meeting, a few taps in. */
export function heardPages() {
  let runPath = null;
  return [
    {
      name: 'home screen with a sample group',
      path: './',
      prepare: async (page, url) => {
        await page.goto(url);
        await page.getByRole('button', { name: 'Try a sample group' }).click();
        await page.getByRole('button', { name: 'Delete sample group' }).waitFor();
        await page.getByRole('link', { name: /^Open / }).first().click();
        await page.getByRole('button', { name: 'Start meeting' }).click();
        await page.getByRole('button', { name: 'Start the first item' }).click();
        const tiles = page.locator('.tile__main');
        for (const n of [0, 3, 1]) {
          await tiles.nth(n).click();
          await page.waitForFunction((i) => document.querySelectorAll('.tile__main')[i]?.getAttribute('aria-pressed') === 'true', n);
        }
        runPath = `./${await page.evaluate(() => location.hash)}`;
      },
    },
    {
      name: 'running meeting screen',
      get path() {
        return runPath;
      },
    },
  ];
}
