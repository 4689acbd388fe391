// `npm run bench`: builds Heard and prints each measured figure against its budget.
// Exits non-zero when a figure is over budget. Results also go to bench-results/latest.json.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startStaticServer } from './static-server.mjs';

const KB = 1024;
const results = [];

function report(name, value, unit, budget) {
  const over = budget !== undefined && value > budget;
  results.push({ name, value, unit, budget: budget ?? null, over });
  const shown = unit === 'KB' ? value.toFixed(1) : String(value);
  const limit = budget === undefined ? '' : `  (budget ${unit === 'KB' ? budget.toFixed(0) : budget} ${unit})`;
  console.log(`${over ? 'OVER ' : 'ok   '} ${name}: ${shown} ${unit}${limit}`);
}

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
function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

async function firstScreenJs() {
  const server = await startStaticServer({ root: 'dist' });
  const browser = await launch();
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
  for (const path of scripts) total += gzipKb(await readFile(join('dist', path)));
  return { total, files: [...scripts] };
}

execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: ['ignore', 'ignore', 'inherit'] });

const first = await firstScreenJs();
report('JavaScript loaded by the first screen (gzip)', first.total, 'KB', 60);
console.log(`      files: ${first.files.join(', ')}`);

const swSource = await readFile('dist/sw.js', 'utf8');
const precached = [...new Set([...swSource.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]))];
let precacheBytes = 0;
for (const url of precached) precacheBytes += (await stat(join('dist', url))).size;
report('Everything precached for offline use', precacheBytes / KB, 'KB', 1.5 * KB);

const all = await filesUnder('dist');
console.log(`      ${precached.length} files precached of ${all.length} built (${all.map((f) => relative('dist', f)).filter((f) => !precached.includes(f)).join(', ') || 'none left out'} not precached)`);

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
  build: { outDir: 'bench-results/.web', emptyOutDir: true, rolldownOptions: { input: 'bench/tap.html' } },
});
await rm(SITE, { recursive: true, force: true });
await cp('dist', SITE, { recursive: true });
await cp('bench-results/.web', SITE, { recursive: true });
{
  const server = await startStaticServer({ root: SITE });
  const browser = await launch();
  // One browser context, so the app page below sees the meeting the bench page stored.
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${server.url}bench/tap.html`);
  await page.waitForFunction(() => 'heardBench' in window);
  const { meetingId } = await page.evaluate(() => window.heardBench.seed());
  const taps = await page.evaluate(() => window.heardBench.measure(200));
  report('Tap to stored (IndexedDB committed), Heard: p95', round(taps.heard.p95), 'ms');
  report('Same record, raw IndexedDB put: p95', round(taps.raw.p95), 'ms');
  report('Tap to stored, ratio of p95s (Heard / raw put)', round(taps.heard.p95 / taps.raw.p95), '×', 1.5);
  console.log(`      medians: Heard ${round(taps.heard.median)} ms, raw ${round(taps.raw.median)} ms, over ${taps.heard.runs} taps`);
  console.log(`      a bare Dexie put in its own transaction: median ${round(taps.dexiePut.median)} ms, p95 ${round(taps.dexiePut.p95)} ms`);

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
  await browser.close();
  await server.close();
}

await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/latest.json', JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
if (results.some((r) => r.over)) {
  console.log('\nAt least one figure is over its budget.');
  process.exit(1);
}
