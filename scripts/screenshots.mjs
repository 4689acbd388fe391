// Screenshots of the main screens at tablet sizes, for a person to look at.
// Usage: npm run build && node scripts/screenshots.mjs [outDir]
import { mkdir } from 'node:fs/promises';
import { launchChromium } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const out = process.argv[2] ?? 'test-results/screens';
await mkdir(out, { recursive: true });
const server = await startStaticServer({ root: 'dist' });
const browser = await launchChromium();
for (const [label, viewport] of [['landscape', { width: 1024, height: 768 }], ['portrait', { width: 768, height: 1024 }]]) {
  // With touch, as a tablet is used.
  const page = await browser.newPage({ viewport, locale: 'en-GB', hasTouch: true });
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Your meetings' }).waitFor();
  await page.screenshot({ path: `${out}/${label}-home-first-run.png`, fullPage: true });
  await page.getByRole('button', { name: 'Try a sample group' }).click();
  await page.getByRole('heading', { level: 1, name: /Sample/ }).waitFor();
  await page.screenshot({ path: `${out}/${label}-group.png`, fullPage: true });
  await page.getByRole('link', { name: /^Open / }).first().click();
  await page.getByRole('heading', { level: 1, name: /Going home/ }).waitFor();
  await page.screenshot({ path: `${out}/${label}-meeting.png`, fullPage: true });
  await page.getByRole('link', { name: /^Edit Discharge/ }).click();
  await page.getByRole('button', { name: 'Save item' }).waitFor();
  await page.screenshot({ path: `${out}/${label}-item.png`, fullPage: true });
  await page.getByRole('link', { name: 'Cancel' }).click();
  await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
  await page.getByRole('button', { name: 'Start meeting' }).click();
  await page.getByRole('heading', { name: 'Before we start: our ground rules' }).waitFor();
  await page.screenshot({ path: `${out}/${label}-run-rules.png`, fullPage: true });
  await page.getByRole('button', { name: 'Start the first item' }).click();
  await page.getByRole('button', { name: /^Next item/ }).click();
  await page.getByText('Time on this item').waitFor();
  for (const name of ['Dr Niamh Kelly', 'Aoife Byrne', 'Joanne Morrow']) {
    await page.getByRole('button', { name: new RegExp(`^${name} ?,`) }).click();
    await page.waitForTimeout(700);
  }
  await page.getByRole('button', { name: 'Ask to speak: Tom Reilly' }).click();
  await page.getByRole('button', { name: 'Ask to speak: Malik Hassan' }).click();
  // What the chair sees without scrolling, then the whole page with each tab under the tiles.
  await page.screenshot({ path: `${out}/${label}-run-item-screen.png` });
  await page.screenshot({ path: `${out}/${label}-run-item.png`, fullPage: true });
  for (const [tab, file] of [['Balance and queue', 'balance'], ['Record', 'record'], ['Agenda', 'agenda']]) {
    await page.getByRole('tab', { name: tab }).click();
    await page.screenshot({ path: `${out}/${label}-run-item-${file}.png`, fullPage: true });
  }
  await page.getByRole('tab', { name: 'This item' }).click();
  await page.getByRole('button', { name: 'Show the room' }).click();
  await page.screenshot({ path: `${out}/${label}-run-room.png`, fullPage: true });
  await page.getByRole('button', { name: 'Back to the chair’s view' }).click();
  await page.getByRole('button', { name: 'Ground rules' }).click();
  await page.getByRole('dialog').waitFor();
  await page.screenshot({ path: `${out}/${label}-run-rules-panel.png` });
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'Meeting details and agenda' }).click();
  await page.getByRole('link', { name: /^Group:/ }).click();
  await page.getByRole('link', { name: /^Ground rules/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Ground rules' }).waitFor();
  await page.screenshot({ path: `${out}/${label}-rules.png`, fullPage: true });
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await page.getByRole('heading', { name: 'Your meetings' }).waitFor();
  await page.screenshot({ path: `${out}/${label}-home.png`, fullPage: true });
  await page.getByRole('link', { name: 'New meeting' }).click();
  await page.getByRole('button', { name: 'Create meeting' }).waitFor();
  await page.getByLabel('Meeting title').fill('');
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await page.screenshot({ path: `${out}/${label}-new-meeting-errors.png`, fullPage: true });
  await page.getByRole('link', { name: 'This device' }).click();
  await page.getByRole('heading', { name: 'This device' }).waitFor();
  await page.screenshot({ path: `${out}/${label}-device.png`, fullPage: true });
  await page.close();
}
await browser.close();
await server.close();
console.log(`Screenshots in ${out}`);
