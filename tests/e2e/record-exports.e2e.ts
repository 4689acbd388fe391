import { writeFile, mkdir } from 'node:fs/promises';
import ICAL from 'ical.js';
import { expect, test } from 'vitest';
import { downloaded, expectAccessible, expectSaved, newTablet, offlineTablet, useAppAndBrowser, waitForOfflineReady } from './harness';
import { HeardApp, MeetingPage, RecordPage } from './page-models';

const env = useAppAndBrowser();

const TEN_AM = new Date(2030, 2, 14, 10, 0).getTime();
const MINUTE = 60_000;
const AWKWARD_NAME = 'O’Brien, "Siobhán" <b>🌷</b>';
const ACTION = '=SUM(A1) send the letter, "soon"';

test('a closed meeting’s record: each file downloaded offline, minutes printed to PDF, the group backed up, wiped and restored', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM - 30 * MINUTE });
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));

  await app.createGroup('Discharge workstream');
  await app.addPerson(AWKWARD_NAME, 'Carer');
  await app.addPerson('Dr Sam Patel', 'Staff');
  await app.createMeeting({ title: 'March meeting', date: '2030-03-14', start: '10:00', end: '12:00', venue: 'Hall, room 2', chair: 'Dr Sam Patel' });
  await meeting.addItem({ title: 'Discharge letters', purpose: 'For decision', minutes: 20 });
  // The next meeting of the group, for the calendar file.
  await page.getByRole('link', { name: /^Group:/ }).click();
  await app.createMeeting({ title: 'April meeting', date: '2030-04-11', start: '14:00', end: '15:30', venue: 'Hall', chair: 'Dr Sam Patel' });
  await page.getByRole('link', { name: /^Group:/ }).click();
  await page.getByRole('link', { name: /March meeting/ }).first().click();
  await app.heading('March meeting').waitFor();

  await context.clock.setFixedTime(TEN_AM);
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();
  await meeting.tapSpeaker('Dr Sam Patel');
  await context.clock.setFixedTime(TEN_AM + 3 * MINUTE);
  await meeting.tapSpeaker(AWKWARD_NAME);
  await context.clock.setFixedTime(TEN_AM + 4 * MINUTE);
  await meeting.speakerTile(AWKWARD_NAME).click();
  await expectSaved(page);

  await meeting.showTab('Record');
  await page.getByRole('button', { name: 'Record a decision' }).click();
  await page.getByLabel('What was decided').fill('Use the shorter letter');
  await page.getByRole('button', { name: 'Save decision' }).click();
  await expectSaved(page);
  await new RecordPage(page).addAction(ACTION, AWKWARD_NAME, '2030-04-01');

  await context.clock.setFixedTime(TEN_AM + 15 * MINUTE);
  await meeting.tap('End the meeting');
  await meeting.tap('Close meeting');
  await page.getByText('This meeting is closed.').waitFor();
  await page.getByRole('link', { name: 'Meeting record and exports' }).click();
  await app.heading('Minutes: March meeting').waitFor();
  await page.getByRole('row', { name: /Dr Sam Patel/ }).first().waitFor();
  // No names by default: the carer is "Carer 1" in the balance.
  await page.getByRole('checkbox', { name: 'Also show voice balance per person' }).check();
  await page.getByRole('rowheader', { name: 'Carer 1' }).waitFor();
  await expectAccessible(page, 'record screen, no names');
  // Typed HTML stays text.
  expect(await page.locator('b', { hasText: '🌷' }).count()).toBe(0);

  const md = await downloaded(page, 'Download Minutes (Markdown)');
  expect(md.name).toBe('march-meeting-2030-03-14-minutes.md');
  expect(md.text).toContain('# March meeting');
  expect(md.text).toContain('Use the shorter letter');
  expect(md.text).toContain('O’Brien, "Siobhán" \\<b\\>🌷\\</b\\>');
  expect(md.text).toContain('| Carer 1 |');

  const actions = await downloaded(page, 'Download Actions (CSV spreadsheet)');
  expect(actions.text.startsWith('\uFEFFWhat,Owner,Due,Status')).toBe(true);
  expect(actions.text).toContain(`"'=SUM(A1) send the letter, ""soon""","O’Brien, ""Siobhán"" <b>🌷</b>",2030-04-01,Open`);
  const attendance = await downloaded(page, 'Download Attendance and time (CSV spreadsheet)');
  // Time in the room in whole seconds, the CSVs' one unit: 15 minutes.
  expect(attendance.text).toContain('Dr Sam Patel,Staff,No,Yes,10:00,10:15,900\r\n');
  const balance = await downloaded(page, 'Download Voice balance (CSV spreadsheet)');
  expect(balance.text).toContain('Person,Dr Sam Patel'.replace('Dr Sam Patel', 'Staff 1'));
  expect(balance.text).not.toContain('Siobhán');

  const ics = await downloaded(page, 'Download Action due dates and next meeting (calendar)');
  const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events.map((e) => e.summary)).toEqual([`Action due: ${ACTION}`, 'April meeting (Discharge workstream)']);
  expect(events[1]!.startDate.toString()).toBe('2030-04-11T14:00:00');

  const backup = await downloaded(page, 'Download Backup of this meeting (JSON)');
  expect(JSON.parse(backup.text)).toMatchObject({ format: 'heard-backup', scope: { kind: 'meeting' } });

  // With names, the files name people.
  await page.getByRole('radio', { name: 'With names' }).check();
  await page.getByRole('rowheader', { name: AWKWARD_NAME }).first().waitFor();
  expect((await downloaded(page, 'Download Voice balance (CSV spreadsheet)')).text).toContain('Siobhán');
  await expectAccessible(page, 'record screen, with names');

  // Printed minutes: A4 pages, for a person to look at in test-results/minutes.pdf.
  await mkdir('test-results', { recursive: true });
  const pdf = await page.pdf({ format: 'A4', path: 'test-results/minutes.pdf' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(3);

  // Back up the whole group.
  await page.getByRole('link', { name: 'Back to March meeting' }).click();
  await page.getByRole('link', { name: /^Group:/ }).click();
  await app.heading('Discharge workstream').waitFor();
  await expectAccessible(page, 'group screen with backup');
  const groupBackup = await downloaded(page, 'Download a backup of this group');
  expect(groupBackup.text).not.toContain('chair-pin');
  await writeFile('test-results/group-backup.json', groupBackup.text);

  // Wipe: the app closes its connection when asked, so the database can be deleted; then it is empty.
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase('heard');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  }));
  await page.goto(`${env.server.url}#/`);
  await page.reload();
  await app.heading('Your meetings').waitFor();
  await page.getByRole('heading', { name: /^Start by making a group/ }).waitFor();

  // Restore: a bad file first, then the backup.
  await page.getByRole('link', { name: 'This device' }).click();
  await app.heading('This device').waitFor();
  await page.getByLabel('Backup file', { exact: true }).setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":') });
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('link', { name: 'The file is not a Heard backup: it could not be read as JSON' }).waitFor();
  await expectAccessible(page, 'restore with an error');
  await page.getByLabel('Backup file', { exact: true }).setInputFiles('test-results/group-backup.json');
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByText(/^Restored\. \d+ records added, 0 brought up to date, 0 already here and kept\.$/).waitFor();
  await expectAccessible(page, 'restored');
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByText(/^Restored\. 0 records added, 0 brought up to date, \d+ already here and kept\.$/).waitFor();
  await page.getByRole('link', { name: 'Open what was restored' }).click();
  await app.heading('Discharge workstream').waitFor();
  await page.getByRole('link', { name: /March meeting/ }).first().click();
  await page.getByRole('link', { name: 'Meeting record and exports' }).click();
  await page.getByRole('rowheader', { name: /Use the shorter letter|=SUM/ }).first().waitFor();
  await page.getByText('Use the shorter letter').waitFor();

  const origin = new URL(env.server.url).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  await context.close();
});

test('on a tablet that can share files, each export goes to the share sheet instead of a download', async () => {
  const context = await newTablet(env.browser);
  // Headless Chromium has no share sheet: stand in for the tablet's, keeping what it was handed.
  await context.addInitScript(() => {
    const shared: Array<{ name: string; type: string; text: Promise<string> }> = [];
    Object.assign(window, { sharedFiles: shared });
    Object.assign(navigator, {
      canShare: (data: { files?: File[] }) => Array.isArray(data.files) && data.files.length > 0,
      share: async (data: { files: File[] }) => {
        for (const file of data.files) shared.push({ name: file.name, type: file.type, text: file.text() });
      },
    });
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForOfflineReady(page);
  await context.setOffline(true);
  const meeting = new MeetingPage(page);
  await page.getByRole('button', { name: 'Try a sample group' }).click();
  await page.getByRole('link', { name: /^Open / }).first().click();
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await meeting.tap('End the meeting');
  await meeting.tap('Close meeting');
  await page.getByRole('link', { name: /record/i }).first().click();
  await page.getByRole('button', { name: 'Share Minutes (Markdown)' }).click();
  await page.getByText(/\.md shared\./).waitFor();
  const files = await page.evaluate(async () => {
    const list = (window as unknown as { sharedFiles: Array<{ name: string; type: string; text: Promise<string> }> }).sharedFiles;
    return Promise.all(list.map(async (f) => ({ name: f.name, type: f.type, text: await f.text })));
  });
  expect(files).toHaveLength(1);
  expect(files[0]!.name).toMatch(/\.md$/);
  expect(files[0]!.text).toContain('Going home from hospital');
  await expectAccessible(page, 'record with share buttons');
  await context.close();
});
