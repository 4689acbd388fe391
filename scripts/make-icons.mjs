// Renders the app icons from their SVG sources with Debian's Chromium.
// Run by hand when the icon changes: node scripts/make-icons.mjs
import { readFile } from 'node:fs/promises';
import { launchChromium } from './chromium.mjs';

const browser = await launchChromium();
const jobs = [
  ['public/icons/icon.svg', 'public/icons/icon-192.png', 192],
  ['public/icons/icon.svg', 'public/icons/icon-512.png', 512],
  ['public/icons/icon-maskable.svg', 'public/icons/icon-maskable-512.png', 512],
];
for (const [source, target, size] of jobs) {
  const svg = await readFile(source, 'utf8');
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: target, omitBackground: true });
  await page.close();
  console.log(`wrote ${target}`);
}
await browser.close();
