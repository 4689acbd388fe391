import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchChromium, newTablet, serveBuild, waitForOfflineReady, type AppServer } from './harness';
import { HeardApp, MeetingPage } from './page-models';
import { storedTurns } from './faults';

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

/** Version B goes up on the same origin, and the tablet looks for it (as it does by itself every hour). */
async function deployNextVersion(page: Page): Promise<void> {
  server.setRoot(NEXT_BUILD);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
}

/**
 * Counts every message a page posts to a service worker, kept in
 * sessionStorage so the count outlives the reload an update brings: a new
 * version can only take over after a SKIP_WAITING message.
 */
async function countWorkerMessages(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const post = ServiceWorker.prototype.postMessage;
    ServiceWorker.prototype.postMessage = function (this: ServiceWorker, message: unknown, ...rest: unknown[]) {
      const sent = JSON.parse(sessionStorage.getItem('test-sw-messages') ?? '[]') as unknown[];
      sessionStorage.setItem('test-sw-messages', JSON.stringify([...sent, (message as { type?: unknown } | null)?.type ?? null]));
      return (post as (...args: unknown[]) => void).call(this, message, ...rest);
    } as typeof post;
  });
}

const workerMessages = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('test-sw-messages') ?? '[]') as unknown[]);

/** The new version's worker has finished installing and sits waiting: where one that took over by itself would already have moved on. */
const waitingInstalled = (page: Page) => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state ?? null));

const heardMarker = (page: Page) => page.evaluate(() => (window as unknown as { heardMarker?: number }).heardMarker);

test('a new version is offered, never applied by itself, and the data opens after updating', async () => {
  server.setRoot('dist');
  const context = await newTablet(browser);
  await countWorkerMessages(context);
  const page = await context.newPage();
  const app = new HeardApp(page);
  await page.goto(server.url);
  await waitForOfflineReady(page);
  await page.getByRole('button', { name: 'Try a sample group' }).click();
  await app.heading(/^Sample/).waitFor();
  // A marker that a reload would wipe out.
  await page.evaluate(() => ((window as unknown as { heardMarker: number }).heardMarker = 1));

  await deployNextVersion(page);
  await page.getByText('A new version of Heard is ready.').waitFor({ timeout: 30_000 });
  await expectAccessible(page, 'update prompt');

  // Waiting, not taking over: the prompt is shown once the new worker has installed, which is when one
  // that took over by itself would have been told to; it is still waiting, never told, and the page is the same.
  await expect.poll(() => waitingInstalled(page)).toBe('installed');
  expect(await workerMessages(page)).toEqual([]);
  expect(await heardMarker(page)).toBe(1);

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update now' }).click()]);
  expect(await heardMarker(page)).toBeUndefined();
  // The count is real: the chair's consent is the one message it holds.
  expect(await workerMessages(page)).toEqual(['SKIP_WAITING']);
  await page.getByRole('link', { name: 'This device' }).click();
  await page.getByText(/\+next$/).waitFor();
  await app.goHome();
  await page.getByRole('link', { name: 'Sample: Hospital discharge workstream' }).waitFor();
  await context.close();
});

test('an update that arrives mid-meeting never reloads the meeting, is offered once it is closed, and the meeting opens after updating', async () => {
  server.setRoot('dist');
  const START = Date.UTC(2030, 2, 14, 10, 0);
  const context = await newTablet(browser);
  await countWorkerMessages(context);
  await context.clock.setFixedTime(START - 10 * 60_000);
  const page = await context.newPage();
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  await page.goto(server.url);
  await waitForOfflineReady(page);
  // The meeting runs with no signal, as in a hall.
  await context.setOffline(true);
  await app.prepareMeeting({
    group: 'Hospital discharge workstream',
    people: [
      ['Aoife Byrne', 'Lived experience'],
      ['Grace Doherty', 'Carer'],
    ],
    meeting: { title: 'March meeting', date: '2030-03-14', start: '10:00', end: '11:00', venue: 'Church hall', chair: 'Grace Doherty' },
    items: [{ title: 'Discharge letters', purpose: 'For decision', minutes: 20 }],
  });
  await context.clock.setFixedTime(START);
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await context.clock.setFixedTime(START + 60_000);
  await meeting.tapSpeaker('Aoife Byrne');
  const meetingId = meeting.meetingId();
  await page.evaluate(() => ((window as unknown as { heardMarker: number }).heardMarker = 1));

  // Signal comes back mid-meeting and version B is found: it waits, and says why.
  await context.setOffline(false);
  await deployNextVersion(page);
  await page.getByText('A new version of Heard is ready. It will be offered when the meeting is closed.').waitFor({ timeout: 30_000 });
  expect(await page.getByRole('button', { name: 'Update now' }).count()).toBe(0);
  await expect.poll(() => waitingInstalled(page)).toBe('installed');

  // The meeting carries on in the same page: its clock runs and taps are saved.
  await context.clock.setFixedTime(START + 4 * 60_000);
  await expect.poll(() => meeting.itemClock('Time on this item').innerText()).toBe('4:00');
  await meeting.tapSpeaker('Grace Doherty');
  await meeting.tap('End the meeting');
  await page.getByRole('heading', { name: 'Check-in and close' }).waitFor();
  // Closing is still part of the meeting.
  await page.getByText('It will be offered when the meeting is closed.').waitFor();
  expect(await page.getByRole('button', { name: 'Update now' }).count()).toBe(0);
  await meeting.tap('Close meeting');
  await page.getByText('This meeting is closed.').waitFor();
  expect(await heardMarker(page), 'the meeting was never reloaded').toBe(1);
  expect(await workerMessages(page), 'the new version was never told to take over').toEqual([]);

  // Closed: now it is offered, and updating opens the same meeting's data.
  await page.getByRole('button', { name: 'Update now' }).waitFor();
  expect(await page.getByText('It will be offered when the meeting is closed.').count()).toBe(0);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update now' }).click()]);
  expect(await heardMarker(page)).toBeUndefined();
  await page.getByText('This meeting is closed.').waitFor();
  await page.getByText('4 min of 20 min').waitFor();
  expect(await storedTurns(page, meetingId)).toEqual([
    { speaker: 'Aoife Byrne', startedAt: START + 60_000 },
    { speaker: 'Grace Doherty', startedAt: START + 4 * 60_000 },
  ]);
  await page.getByRole('link', { name: 'This device' }).click();
  await page.getByText(/\+next$/).waitFor();
  await context.close();
});
