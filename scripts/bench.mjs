// `npm run bench`: builds Heard and prints each measured figure against its budget.
// Exits non-zero when a figure is over budget. Results also go to bench-results/latest.json.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
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
  const server = await startStaticServer({ root: 'dist' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
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

await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/latest.json', JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
if (results.some((r) => r.over)) {
  console.log('\nAt least one figure is over its budget.');
  process.exit(1);
}
