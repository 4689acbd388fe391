import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { SummaryOutboxEntry } from '../../src/domain/sync-model';
import { parseCsv } from '../support/parse-csv';
import { downloaded, expectAccessible, expectSaved, offlineTablet, PORTRAIT, readStored, TABLET, useAppAndBrowser } from './harness';
import { HeardApp, MeetingPage } from './page-models';

const env = useAppAndBrowser();

const SEC = 1000;
const MINUTE = 60 * SEC;
const TEN_AM = new Date(2030, 2, 14, 10, 0).getTime();

/**
 * Talk counts only while the meeting runs on an item: a turn the chair never
 * stopped ends at a break, at the next item, at a defer and at the end, and
 * one meeting's figures are the same number on every screen and in every file.
 */
test.each([
  ['landscape', TABLET],
  ['portrait', PORTRAIT],
])('offline, in %s, a turn ends at a break, the next item, a defer and the end, and every screen and file agrees number by number', async (_orientation, viewport) => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM - 30 * MINUTE });
  await page.setViewportSize(viewport);
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  const at = (ms: number) => context.clock.setFixedTime(TEN_AM + ms);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const status = page.getByRole('status').filter({ hasText: /turn ended/ });

  await app.createGroup('Carers’ support workstream');
  await app.addPerson('Aoife Byrne', 'Lived experience');
  await app.addPerson('Malik Hassan', 'Lived experience');
  await app.addPerson('Grace Doherty', 'Carer');
  await app.addPerson('Dev Patel', 'Staff');
  await app.createMeeting({ title: 'April meeting', date: '2030-03-14', start: '10:00', end: '11:00', venue: 'Church hall', chair: 'Grace Doherty' });
  await meeting.addItem({ title: 'Respite breaks', purpose: 'For discussion', minutes: 10 });
  await meeting.addItem({ title: 'Transport', purpose: 'For discussion', minutes: 10 });
  await meeting.addItem({ title: 'Any other business', purpose: 'For discussion', minutes: 10 });

  await at(0);
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();

  // Dev speaks for 5 seconds; the chair pauses for a 12-second break without stopping him.
  await meeting.tapSpeaker('Dev Patel');
  await at(5 * SEC);
  await meeting.tap('Pause for a break');
  await status.getByText('Dev Patel’s turn ended for the break.').waitFor();
  await page.getByText('Nobody’s talk counts on a break.').waitFor();
  await expect.poll(() => meeting.speaking()).toEqual([]);
  await expectAccessible(page, 'running screen on a break, a turn ended by it');
  // A tap on a break is nobody's talk: nothing is stored.
  await meeting.speakerTile('Aoife Byrne').click();
  await expectSaved(page);
  expect(await readStored(page, 'turns')).toHaveLength(1);
  await at(17 * SEC);
  await meeting.tap('End the break');
  // Once the screen shows the meeting running again, the break's label has gone with the break
  // (its place is kept in the bar, unseen).
  await button('Pause for a break').waitFor();
  await expect(page.getByText('On a break', { exact: true }).filter({ visible: true }).count()).resolves.toBe(0);
  // 5 seconds, not 17: the break is nobody's.
  await expect.poll(() => meeting.speakerTile('Dev Patel').innerText()).toContain('5 s on this item');

  // Aoife speaks for 12 seconds; the chair moves to the next item.
  await at(20 * SEC);
  await meeting.tapSpeaker('Aoife Byrne');
  await at(32 * SEC);
  await meeting.tap('Next item: Transport');
  await status.getByText('Aoife Byrne’s turn ended when the next item started.').waitFor();
  await expect.poll(() => meeting.speaking()).toEqual([]);

  // Grace speaks for 10 seconds; the item is deferred.
  await at(40 * SEC);
  await meeting.tapSpeaker('Grace Doherty');
  await at(50 * SEC);
  await button('Defer to next meeting').click();
  await expectSaved(page);
  await status.getByText('Grace Doherty’s turn ended when the item was deferred.').waitFor();
  await expect.poll(() => meeting.speaking()).toEqual([]);

  // Malik speaks for 30 seconds on the last item; the chair ends the meeting while he speaks.
  await at(60 * SEC);
  await meeting.showTab('Agenda');
  await button('Start now: Any other business').click();
  await expectSaved(page);
  await page.getByRole('heading', { name: 'Any other business' }).waitFor();
  await meeting.tapSpeaker('Malik Hassan');
  await at(90 * SEC);
  await meeting.tap('End the meeting');
  await page.getByRole('heading', { name: 'Check-in and close' }).waitFor();
  await status.getByText('Malik Hassan’s turn ended with the meeting.').waitFor();
  await expectAccessible(page, 'closing step, a turn ended by the end of the meeting');

  // Four minutes of check-in later, back to the meeting: Malik's turn stopped at the end.
  await at(5 * MINUTE);
  await meeting.tap('Go back to the meeting');
  await status.getByText('Malik Hassan’s turn ended with the meeting.').waitFor();
  await expect.poll(() => meeting.speaking()).toEqual([]);
  await meeting.showTab('Balance and queue');
  await button('Whole meeting').click();
  /** A table row's cells after its header: found by the header's exact words. */
  const cells = (where: ReturnType<Page['getByRole']>, name: string) =>
    where.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).first().getByRole('cell').allInnerTexts();
  const table = page.getByRole('table', { name: 'Each person' });
  const onScreen = async (name: string) => (await cells(table, name)).slice(1, 3);
  const expected: Array<[string, string, string, number]> = [
    // name, perspective, talk on screen, whole seconds
    ['Dev Patel', 'Staff', '5 s', 5],
    ['Aoife Byrne', 'Lived experience', '12 s', 12],
    ['Grace Doherty', 'Carer', '10 s', 10],
    ['Malik Hassan', 'Lived experience', '30 s', 30],
  ];
  for (const [name, , talk] of expected) await expect.poll(() => onScreen(name), { timeout: 10_000 }).toEqual([talk, '1']);
  await page.getByText('42 s in 2 turns', { exact: false }).waitFor();
  await expectAccessible(page, 'running screen after going back, whole meeting');
  await meeting.tap('End the meeting');
  await meeting.tap('Close meeting');
  await page.getByText('This meeting is closed.').waitFor();
  // The agenda's time used, as the running screen gave it.
  // 32 seconds on the first item, less its 12-second break.
  await page.getByText('20 s of 10 min').waitFor();

  // The record: the same numbers, person by person.
  await page.getByRole('link', { name: 'Meeting record and exports' }).click();
  await app.heading('Minutes: April meeting').waitFor();
  await page.getByRole('radio', { name: 'With names' }).check();
  await page.getByRole('checkbox', { name: 'Also show voice balance per person' }).check();
  // 90 seconds less the 12-second break, and nothing for the check-in.
  await page.getByText('1 min 18 s').first().waitFor();
  const recordTable = page.getByRole('table', { name: 'Talk time by person' });
  for (const [name, , talk] of expected) await expect.poll(async () => (await cells(recordTable, name)).slice(0, 2)).toEqual([talk, '1']);
  await expectAccessible(page, 'record screen with names, per person');

  // The voice-balance CSV and the Markdown minutes.
  const csv = parseCsv((await downloaded(page, 'Download Voice balance (CSV spreadsheet)')).text);
  const markdown = (await downloaded(page, 'Download Minutes (Markdown)')).text;
  for (const [name, perspective, talk, seconds] of expected) {
    expect(csv).toContainEqual(['Person', name, perspective, String(seconds), '1', expect.any(String), expect.any(String)]);
    expect(markdown).toContain(`| ${name} | ${talk} | 1 |`);
  }
  const byGroup: Array<[string, number, number]> = [
    ['Staff', 5, 1],
    ['Lived experience', 42, 2],
    ['Carer', 10, 1],
  ];
  for (const [group, seconds, turns] of byGroup) {
    expect(csv).toContainEqual(['Perspective', group, group, String(seconds), String(turns), expect.any(String), expect.any(String)]);
  }
  expect(markdown).toContain('| 1. Respite breaks | 10 min | 20 s | Discussed |');

  // The summary waiting for the office, read straight from IndexedDB.
  const [entry] = await readStored<SummaryOutboxEntry>(page, 'outbox');
  const sent = entry!.summary;
  expect(sent.durationMinutes).toBe(1);
  for (const [group, seconds, turns] of byGroup) expect(sent.voiceBalance).toContainEqual(expect.objectContaining({ perspective: group, talkSeconds: seconds, turns }));
  expect(sent.items.map((i) => [i.title, i.usedMinutes])).toEqual([
    ['Respite breaks', 0],
    ['Transport', 0],
    ['Any other business', 0],
  ]);
  await context.close();
});
