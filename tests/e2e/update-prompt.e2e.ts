import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchChromium, newTablet, serveBuild, waitForOfflineReady, type AppServer } from './harness';
import { HeardApp } from './page-models';

const NEXT_BUILD = 'dist-e2e-next';
let browser: Browser;
let server: AppServer;

beforeAll(async () => {
  // Version B of Heard: the same code with another version label, so every file hash differs.
  execFileSync('npx', ['vite', 'build', '--outDir', NEXT_BUILD, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, HEARD_BUILD_LABEL: 'next' },
    stdio: 'inherit',
  });
  server = await serveBuild();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(NEXT_BUILD, { recursive: true, force: true });
});

test('a new version is offered, never applied by itself, and the data opens after updating', async () => {
  const context = await newTablet(browser);
  const page = await context.newPage();
  const app = new HeardApp(page);
  await page.goto(server.url);
  await waitForOfflineReady(page);
  await page.getByRole('button', { name: 'Try a sample group' }).click();
  await app.heading(/^Sample/).waitFor();
  // A marker that a reload would wipe out.
  await page.evaluate(() => ((window as unknown as { heardMarker: number }).heardMarker = 1));

  server.setRoot(NEXT_BUILD);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  await page.getByText('A new version of Heard is ready.').waitFor({ timeout: 30_000 });
  await expectAccessible(page, 'update prompt');

  // Waiting, not taking over: the page is the same page and the old version still runs it.
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as unknown as { heardMarker?: number }).heardMarker)).toBe(1);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)))).toBe(true);

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update now' }).click()]);
  expect(await page.evaluate(() => (window as unknown as { heardMarker?: number }).heardMarker)).toBeUndefined();
  await page.getByRole('link', { name: 'This device' }).click();
  await page.getByText(/\+next$/).waitFor();
  await app.goHome();
  await page.getByRole('link', { name: 'Sample: Hospital discharge workstream' }).waitFor();
  await context.close();
});
