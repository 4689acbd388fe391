// `npm run bench`: builds Heard and prints each measured figure against its budget, then all of
// them as one table (the sync server's too). Exits non-zero when a figure is over budget or could
// not be measured. Results also go to bench-results/latest.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_PATH, launchChromium } from './chromium.mjs';
import { build } from 'vite';
import { anyOver, failed, printTable, report, writeJson } from './bench-report.mjs';
import { measureTappingInp } from './inp-bench.mjs';
import { heardPages, lighthouseVersion, runLighthouse, serveOverHttps } from './lighthouse-bench.mjs';
import { startStaticServer } from './static-server.mjs';

const KB = 1024;
const DIST = 'bench-results/dist';
const details = {};

const round = (value) => Math.round(value * 100) / 100;
const gzipKb = (buffer) => gzipSync(buffer, { level: 9 }).length / KB;

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

/** The JavaScript a real browser fetches to show the first screen, measured by loading it. */
async function firstScreenJs() {
  const server = await startStaticServer({ root: DIST });
  const browser = await launchChromium();
  const page = await browser.newPage();
  const scripts = new Set();
  page.on('request', (request) => {
    const url = new URL(request.url());
    // The service worker's own script is not part of what the page runs.
    if (request.resourceType() === 'script' && !url.pathname.endsWith('/sw.js')) scripts.add(url.pathname);
  });
  await page.goto(server.url, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: 'Your meetings' }).waitFor();
  await browser.close();
  await server.close();
  let total = 0;
  for (const path of scripts) total += gzipKb(await readFile(join(DIST, path)));
  return { total, files: [...scripts] };
}

// The production build, in a folder of its own: others' `npm run build` must not change it mid-run.
execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', DIST, '--emptyOutDir'], { stdio: ['ignore', 'ignore', 'inherit'] });

const first = await firstScreenJs();
report('JavaScript loaded by the first screen (gzip)', first.total, 'KB', 60);
console.log(`      files: ${first.files.join(', ')}`);

const swSource = await readFile(join(DIST, 'sw.js'), 'utf8');
const precached = [...new Set([...swSource.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]))];
let precacheBytes = 0;
for (const url of precached) precacheBytes += (await stat(join(DIST, url))).size;
report('Everything precached for offline use', precacheBytes / KB, 'KB', 1.5 * KB);

const all = await filesUnder(DIST);
console.log(`      ${precached.length} files precached of ${all.length} built (${all.map((f) => relative(DIST, f)).filter((f) => !precached.includes(f)).join(', ') || 'none left out'} not precached)`);

// ---- Voice balance: recompute after a tap (Node, the domain code as the app bundles it)
const BUILD = 'bench-results/.build';
await build({
  configFile: false,
  logLevel: 'error',
  build: { ssr: 'bench/balance-bench.ts', outDir: BUILD, emptyOutDir: true, rolldownOptions: { output: { entryFileNames: 'balance-bench.mjs' } } },
});
const { runBalanceBench } = await import(pathToFileURL(resolve(BUILD, 'balance-bench.mjs')).href);
const balance = runBalanceBench();
report('Balance recompute after a tap, 40 people, 3,000 turns: median', round(balance.median), 'ms');
report('Balance recompute after a tap, 40 people, 3,000 turns: p95', round(balance.p95), 'ms', 5);

// ---- Record and exports: every file of a three-hour meeting (Node, the code as the app bundles it)
await build({
  configFile: false,
  logLevel: 'error',
  build: { ssr: 'bench/export-bench.ts', outDir: `${BUILD}-export`, emptyOutDir: true, rolldownOptions: { output: { entryFileNames: 'export-bench.mjs' } } },
});
{
  const { runExportBench } = await import(pathToFileURL(resolve(`${BUILD}-export`, 'export-bench.mjs')).href);
  const exported = runExportBench();
  report('Every export of a 3-hour meeting, 40 people, 3,000 turns: p95', round(exported.p95), 'ms', 1000);
  console.log(`      median ${round(exported.median)} ms, ${Math.round(exported.bytes / KB)} KB of files`);
}

// ---- In Chromium, on the app's own origin: tap to durably stored, and long tasks while tapping
const SITE = 'bench-results/.site';
await build({
  configFile: false,
  logLevel: 'error',
  base: './',
  build: { outDir: 'bench-results/.web', emptyOutDir: true, rolldownOptions: { input: ['bench/tap.html', 'bench/inp-floor.html'] } },
});
await rm(SITE, { recursive: true, force: true });
await cp(DIST, SITE, { recursive: true });
await cp('bench-results/.web', SITE, { recursive: true });
{
  const server = await startStaticServer({ root: SITE });
  const browser = await launchChromium();
  // One browser context, so the app page below sees the meeting the bench page stored.
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${server.url}bench/tap.html`);
  await page.waitForFunction(() => 'heardBench' in window);
  const { meetingId } = await page.evaluate(() => window.heardBench.seed());
  const taps = await page.evaluate(() => window.heardBench.measure(200));
  report('Tap to stored (IndexedDB committed), Heard: p95', round(taps.heard.p95), 'ms');
  report('Same record, raw IndexedDB put, strict durability as Heard: p95', round(taps.raw.p95), 'ms');
  report('Tap to stored, ratio of p95s (Heard / raw put)', round(taps.heard.p95 / taps.raw.p95), '×', 1.5);
  console.log(`      medians: Heard ${round(taps.heard.median)} ms, raw ${round(taps.raw.median)} ms, over ${taps.heard.runs} taps`);
  report('Strict durability against relaxed, raw put: ratio of p95s', round(taps.strict.p95 / taps.relaxed.p95), '×');
  console.log(`      raw put p95: strict ${round(taps.strict.p95)} ms, relaxed ${round(taps.relaxed.p95)} ms; medians ${round(taps.strict.median)} and ${round(taps.relaxed.median)} ms`);
  if (taps.dexiePut) console.log(`      a bare Dexie put in its own transaction: median ${round(taps.dexiePut.median)} ms, p95 ${round(taps.dexiePut.p95)} ms`);

  const backup = await page.evaluate(() => window.heardBench.backup());
  report(`Group backup, ${backup.meetings} meetings (${backup.turns.toLocaleString('en-GB')} turns): p95`, round(backup.p95), 'ms', 1000);
  console.log(`      median ${round(backup.median)} ms, ${(backup.bytes / 1024 / 1024).toFixed(1)} MB of JSON`);

  // The running screen of the same three-hour meeting, tapped like a chair would.
  const app = await context.newPage();
  await app.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await app.goto(`${server.url}#/meetings/${meetingId}/run`);
  await app.getByRole('heading', { name: 'Who is speaking' }).waitFor({ timeout: 10_000 }).catch(async (error) => {
    await app.screenshot({ path: 'bench-results/run-screen-failed.png', fullPage: true });
    throw error;
  });
  await app.waitForTimeout(1000);
  await app.evaluate(() => (window.longTasks = []));
  const tiles = app.locator('.tile__main');
  const count = await tiles.count();
  for (let i = 0; i < 60; i++) {
    await tiles.nth((i * 7) % count).click();
    await app.waitForTimeout(120);
  }
  await app.waitForTimeout(1000);
  const longTasks = await app.evaluate(() => window.longTasks);
  report('Longest task while tapping 60 times in a 3,000-turn meeting', round(Math.max(0, ...longTasks)), 'ms', 50);
  console.log(`      ${longTasks.length} tasks over 50 ms`);
  await app.close();

  // The same meeting on a slow tablet: every interaction's delay until the next paint.
  try {
    const inp = await measureTappingInp(context, `${server.url}#/meetings/${meetingId}/run`, { taps: 50, rate: 4 });
    report('Interaction to next paint tapping speakers, 3,000 turns, 4× slower CPU (INP, p98)', inp.inp, 'ms', 50);
    report('Slowest of those taps to next paint', inp.max, 'ms');
    if (inp.tileShown.missed) failed('Tap to the tapped tile changed', new Error(`${inp.tileShown.missed} of ${inp.taps} taps changed no tile`));
    else {
      report('Tap to the tapped tile changed in the page (stored first), p98 of the same taps', Math.round(inp.tileShown.p98), 'ms');
      console.log(`      median ${Math.round(inp.tileShown.median)} ms, slowest ${Math.round(inp.tileShown.max)} ms`);
    }
    console.log(`      ${inp.over16} of ${inp.taps} taps took 16 ms or more; slowest: ${inp.worst.map(describeInteraction).join('; ')}`);
    details.inp = inp;
  } catch (error) {
    failed('Interaction to next paint tapping speakers (INP)', error);
  }
  // The control: the same taps on a bare page of tiles, so the figure above can be read against what
  // this machine's Chromium costs for any tap at all.
  try {
    // A context of its own: in the app's, Heard's service worker answers every page under its scope
    // with the app, so the bare page would never be seen.
    const bare = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    const floor = await measureTappingInp(bare, `${server.url}bench/inp-floor.html`, { taps: 50, rate: 4 });
    await bare.close();
    report('The same taps on a bare page of 36 tiles (the browser’s own floor, INP)', floor.inp, 'ms');
    console.log(`      slowest: ${floor.worst.map(describeInteraction).join('; ')}`);
    details.inpFloor = floor;
  } catch (error) {
    failed('The same taps on a bare page of tiles (INP floor)', error);
  }
  await browser.close();
  await server.close();
}

function describeInteraction(e) {
  return `${e.name} ${e.duration} ms (waiting ${Math.round(e.inputDelay)}, handling ${Math.round(e.processing)}, to paint ${Math.round(e.presentation)})`;
}

// ---- Lighthouse: the production build, served by `npm start`'s server over HTTPS (HTTP/2), as any
// host a tablet installs Heard from must serve it; fully offline
{
  let served = null;
  try {
    served = await serveOverHttps(DIST);
    const pages = await runLighthouse({ url: served.server.url, pages: heardPages(), trustSpki: served.trustSpki });
    details.lighthouse = { version: lighthouseVersion(), transport: 'HTTPS, HTTP/2', pages };
    console.log(`      Lighthouse ${lighthouseVersion()}, mobile settings (simulated slow 4G, 4× slower CPU), over HTTPS (HTTP/2), Chromium at ${CHROMIUM_PATH}`);
    for (const page of pages) {
      for (const [category, score] of Object.entries(page.scores)) {
        const failing = page.failing[category].map((a) => `${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`).join('; ');
        report(`Lighthouse ${category}, ${page.name}`, score, 'score', 100, { atLeast: true, note: failing ? `below 100 because of: ${failing}` : undefined });
      }
      report(`Largest contentful paint, ${page.name}`, Math.round(page.lcp), 'ms');
      report(`Total blocking time, ${page.name}`, Math.round(page.tbt), 'ms');
      report(`Cumulative layout shift, ${page.name}`, Math.round(page.cls * 1000) / 1000, '');
      report(`Requests to anywhere but the app's origin, ${page.name}`, page.requests.elsewhere.length, '', 0, {
        note: page.requests.elsewhere.length ? page.requests.elsewhere.join(', ') : undefined,
      });
    }
  } catch (error) {
    failed('Lighthouse', error);
  } finally {
    await served?.server.close();
  }
}

// ---- The sync server (issue 9's figure), run as `npm run bench:server` runs it; its lines are read back
{
  execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const run = spawnSync(process.execPath, ['server/bench/sync-bench.mjs'], { encoding: 'utf8', timeout: 600_000 });
  const figures = [];
  for (const line of (run.stdout ?? '').split('\n')) {
    // Its figures are printed as "ok    name: value unit (budget N unit)", as here.
    const figure = /^(?:ok|OVER)\s+(.+?):\s+([\d.]+)\s*(\S*?)\s+\(budget\s+([\d.]+)\s*\S*\)\s*$/.exec(line);
    if (figure) figures.push(figure);
    else if (line.trim()) console.log(line);
  }
  for (const [, name, value, unit, budget] of figures) report(name, Number(value), unit, Number(budget), { source: 'bench:server' });
  if (figures.length === 0) failed('Sync server benchmark', `exited ${run.status}: ${(run.stderr || run.error?.message || 'no figure printed').trim().slice(-500)}`);
}

printTable();
await writeJson('bench-results/latest.json', { chromium: execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), details });
if (anyOver()) {
  console.log('\nAt least one figure is over its budget.');
  process.exit(1);
}
