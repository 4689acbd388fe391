import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs module without type declarations
import { startStaticServer } from '../../scripts/static-server.mjs';
import { createKey } from '../../server/src/keys';
import { startServer, type RunningServer } from '../../server/src/server';
import { expectAccessible, expectSaved, launchChromium, newTablet, waitForOfflineReady, type AppServer } from './harness';
import { HeardApp, MeetingPage, RecordPage } from './page-models';

/**
 * Issue 17's "done when": with names off, a decision and an action naming two
 * of the group's people are run and closed offline; the summary that reaches
 * the real sync server holds neither name; erasing one of them sends it again
 * and the server's copy then holds the pseudonym.
 */
const TEN_AM = new Date(2030, 2, 14, 10, 0).getTime();
const MINUTE = 60_000;
// A one-word name that is also a word, beside a two-word one.
const DECISION = 'Aoife Byrne and Will agreed: we will pilot the letter on Will’s ward';
const ACTION = "AOIFE BYRNE's draft of the letter, checked by will and Will";

let sync: RunningServer;
let app: AppServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let dataDir = '';
let officeKey = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'heard-names-off-e2e-'));
  // The app's policy names the sync server (as `npm start` does) and the server allows the app's origin: a free port first.
  const port = await freePort();
  app = await startStaticServer({ root: 'dist', connectSrc: [`http://127.0.0.1:${port}`] });
  sync = await startServer({ port, host: '127.0.0.1', appOrigin: new URL(app.url).origin, dataDir });
  officeKey = (await createKey(sync.db, 'Programme office', 'office')).secret;
  browser = await launchChromium();
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createNetServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sync?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** What the office holds: every stored summary, as the server gives it to an office key. */
async function officeCopy(): Promise<{ id: string; revision: number; summary: Record<string, unknown> }[]> {
  const response = await fetch(new URL('api/summaries', sync.url), { headers: { Authorization: `Bearer ${officeKey}` } });
  return ((await response.json()) as { summaries: { id: string; revision: number; summary: Record<string, unknown> }[] }).summaries;
}

const status = (page: Page) => page.locator('a.sync-status').innerText();
const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

test('names off: a decision and an action naming two people reach the office without either name; erasing one sends the pseudonym', async () => {
  const context = await newTablet(browser);
  await context.addInitScript(() => localStorage.setItem('heard-sync-backoff-base-ms', '150'));
  await context.clock.setFixedTime(TEN_AM - 30 * MINUTE);
  const page = await context.newPage();
  await page.goto(app.url);
  await waitForOfflineReady(page);
  // The meeting is run with no connection at all.
  await context.setOffline(true);
  const heard = new HeardApp(page);
  const meeting = new MeetingPage(page);
  await heard.createGroup('Discharge group');
  const groupHash = await page.evaluate(() => location.hash);
  await heard.addPerson('Aoife Byrne', 'Lived experience');
  await heard.addPerson('Will', 'Carer');
  await heard.addPerson('Dr Sam Patel', 'Staff');
  await heard.createMeeting({ title: 'March meeting', date: '2030-03-14', start: '10:00', end: '12:00', venue: 'Hall', chair: 'Dr Sam Patel' });
  await meeting.addItem({ title: 'Discharge letters', purpose: 'For decision', minutes: 20 });
  await context.clock.setFixedTime(TEN_AM);
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  const record = new RecordPage(page);
  await record.recordDecision(DECISION);
  await record.addAction(ACTION, 'Dr Sam Patel', '2030-04-01');
  await context.clock.setFixedTime(TEN_AM + 30 * MINUTE);
  await meeting.tap('End the meeting');
  await meeting.tap('Close meeting');
  await page.getByText('This meeting is closed.').waitFor();
  await expectSaved(page);

  // Sending set up, names off (the default); still offline: the summary waits, and the chair can see exactly what will go.
  await go(page, '#/sync');
  await page.getByRole('heading', { level: 1, name: 'Sending to the office' }).waitFor();
  const key = (await createKey(sync.db, 'Hall tablet')).secret;
  await page.getByLabel('Link from the office').fill(`heard-sync:${new URL(sync.url).origin}/#${key}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved. Summaries will be sent from this device.').waitFor();
  await page.getByRole('group').getByText('See what is sent').click();
  const shown = page.getByLabel(/^What is sent: March meeting/);
  const waiting = JSON.parse(await shown.innerText()) as { decisions: { text: string }[]; actions: { text: string }[]; names: boolean };
  expect(waiting.names).toBe(false);
  expect(waiting.decisions[0]!.text).toBe('someone with lived experience and a carer agreed: we will pilot the letter on a carer’s ward');
  expect(waiting.actions[0]!.text).toBe("someone with lived experience's draft of the letter, checked by will and a carer");
  await expectAccessible(page, 'sync screen, what is sent shown');

  // The connection comes back: it goes to the real server.
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => status(page), { timeout: 15_000 }).toBe('All summaries sent');
  const [first] = await officeCopy();
  const sent = JSON.stringify(first!.summary);
  // Neither name, in any case: the only "will" left is the verb, in lower case.
  expect(sent.toLowerCase()).not.toContain('aoife');
  expect(sent.toLowerCase()).not.toContain('byrne');
  expect(sent).not.toMatch(/Will|WILL/);
  expect(sent).toContain('we will pilot the letter');
  expect(sent).toContain('checked by will and a carer');
  // The words the office was sent are exactly those the chair was shown.
  expect(first!.summary.decisions).toEqual(waiting.decisions);

  // Aoife is erased on the tablet: the summary the office has goes again, made from the rewritten records.
  await go(page, groupHash);
  await heard.openPerson('Aoife Byrne');
  await page.getByRole('link', { name: 'What Heard holds · Erase: Aoife Byrne' }).click();
  await heard.heading('Aoife Byrne').waitFor();
  await page.getByRole('button', { name: 'Erase Aoife Byrne' }).click();
  await page.getByText('Erased. They are now “Former member 1” on the roster and in every record.').waitFor();
  await expectSaved(page);
  await expect.poll(async () => (await officeCopy())[0]!.revision, { timeout: 15_000 }).toBe(2);
  const [second] = await officeCopy();
  expect(second!.id).toBe(first!.id);
  expect(second!.summary.decisions).toEqual([{ text: 'Former member 1 and a carer agreed: we will pilot the letter on a carer’s ward', how: 'consensus' }]);
  expect((second!.summary.actions as { text: string }[])[0]!.text).toBe("Former member 1's draft of the letter, checked by will and a carer");
  expect(JSON.stringify(second).toLowerCase()).not.toContain('aoife');
  await context.close();
});
