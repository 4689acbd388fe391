import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { downloaded, expectAccessible, expectSaved, offlineTablet, useAppAndBrowser, everyRecordExport, wholeDatabase } from './harness';
import { CheckInPage, HeardApp, MeetingPage, RecordPage } from './page-models';

const env = useAppAndBrowser();

const TEN_AM = new Date(2030, 2, 14, 10, 0).getTime();
const MINUTE = 60_000;
const NAME = 'Priya Shah';
const DISSENT = 'I, Priya Shah, say the letter is written for the ward, not for carers.';
const ANSWER = 'Priya  Shah here: I felt heard today';
const ONE_TO_ONE = 'priya shah, 07700 900123';

/** The name's letters, lower case, without spaces: a search that case and spacing cannot fool. */
const squash = (text: string) => text.toLocaleLowerCase('en-GB').replace(/\s+/g, '');

async function checkIn(page: Page) {
  await page.getByRole('button', { name: 'Start my check-in' }).click();
  await page.getByRole('radio', { name: NAME }).check();
  await page.getByRole('checkbox', { name: 'Put my name to my answers' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  const answer = async (question: string, choice: string) => {
    await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: choice, exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
  };
  await answer('Did you get the chance to say what you wanted?', 'Yes');
  await answer('Did you feel listened to?', 'Yes');
  await answer("Was anything said that you didn't understand?", 'No');
  await answer('How are you feeling after this meeting?', 'Good');
  await page.getByRole('textbox', { name: 'Your answer (optional)' }).fill(ANSWER);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: "Yes, I'd like a one-to-one" }).check();
  await page.getByRole('textbox', { name: 'Your name, or a way to contact you' }).fill(ONE_TO_ONE);
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.getByRole('button', { name: 'Done — pass it on' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pass the tablet to the next person' }).waitFor();
  await expectSaved(page);
}

const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

test('a person who spoke, dissented and checked in by name is erased: the name is nowhere in the database or any export, the figures stay; then a meeting is deleted by typing its title', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM - 30 * MINUTE });
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);

  await app.createGroup('Carers’ circle');
  const groupHash = await page.evaluate(() => location.hash);
  await app.addPerson(NAME, 'Carer');
  await app.addPerson('Dr Sam Patel', 'Staff');
  await app.createMeeting({ title: 'March meeting', date: '2030-03-14', start: '10:00', end: '12:00', venue: 'Hall', chair: 'Dr Sam Patel' });
  const meetingHash = await page.evaluate(() => location.hash);
  await meeting.addItem({ title: 'Discharge letters', purpose: 'For decision', minutes: 20 });

  // The meeting: Priya speaks for three minutes, Sam for one; she parks dissent in her own words and owns an action.
  await context.clock.setFixedTime(TEN_AM);
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();
  await meeting.tapSpeaker(NAME);
  await context.clock.setFixedTime(TEN_AM + 3 * MINUTE);
  await meeting.tapSpeaker('Dr Sam Patel');
  await context.clock.setFixedTime(TEN_AM + 4 * MINUTE);
  await meeting.speakerTile('Dr Sam Patel').click();
  await expectSaved(page);
  const record = new RecordPage(page);
  await record.parkDissent(DISSENT, NAME);
  await record.addAction('Ring the ward about the letter', NAME, '2030-04-01');

  // She checks in and puts her name to her answers; then the chair closes the meeting.
  await context.clock.setFixedTime(TEN_AM + 15 * MINUTE);
  await meeting.tap('End the meeting');
  await new CheckInPage(page).lock('2468');
  await checkIn(page);
  await page.getByRole('button', { name: 'Chair: finish the check-in' }).click();
  await page.getByLabel('Chair PIN').fill('2468');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check-in answers' }).waitFor();
  await page.getByRole('button', { name: 'Close meeting' }).click();
  await page.getByText('This meeting is closed.').waitFor();
  await expectSaved(page);
  expect(JSON.stringify(await wholeDatabase(page))).toContain(DISSENT);

  // The record's balance figures, before.
  await go(page, `${meetingHash}/record`);
  await page.getByRole('checkbox', { name: 'Also show voice balance per person' }).check();
  const balanceRegion = page.getByRole('region', { name: 'Voice balance' });
  await balanceRegion.getByRole('rowheader', { name: 'Carer 1' }).waitFor();
  const balanceBefore = await balanceRegion.innerText();
  const balanceCsvBefore = (await downloaded(page, 'Download Voice balance (CSV spreadsheet)')).text;

  // What Heard holds about her, before erasure: on the page and in the file.
  await go(page, groupHash);
  await app.openPerson(NAME);
  await page.getByRole('link', { name: `What Heard holds · Erase: ${NAME}` }).click();
  await app.heading(NAME).waitFor();
  const holds = page.getByRole('region', { name: `What Heard holds about ${NAME}` });
  await holds.getByRole('rowheader', { name: 'March meeting' }).waitFor();
  const meetingRow = await holds.getByRole('row', { name: /March meeting/ }).innerText();
  expect(meetingRow).toContain('Came');
  expect(meetingRow).toContain('3:00');
  await holds.getByText(`“${DISSENT}”`).waitFor();
  await holds.getByText('Ring the ward about the letter').waitFor();
  await holds.getByText(`Anything else? — ${ANSWER.replace(/\s+/g, ' ')}`).waitFor();
  await holds.getByText(ONE_TO_ONE, { exact: false }).waitFor();
  await expectAccessible(page, 'person screen');
  const file = await downloaded(page, 'Download as a file (JSON)');
  expect(file.name).toBe('priya-shah-what-heard-holds-2030-03-14.json');
  const doc = JSON.parse(file.text);
  expect(doc).toMatchObject({
    format: 'heard-subject-access',
    person: { name: NAME, perspective: 'Carer' },
    meetings: [{ title: 'March meeting', talkSeconds: 180, turns: 1, came: true, checkedIn: true }],
    dissent: [{ words: DISSENT }],
    actions: [{ what: 'Ring the ward about the letter' }],
    oneToOnes: [{ contact: ONE_TO_ONE }],
  });
  expect(doc.checkInAnswers[0].answers).toContainEqual({ question: 'Anything else?', answer: ANSWER.replace(/\s+/g, ' ') });

  // Erase her, keeping her words without her name.
  await page.getByText('Their name is replaced by “Former member 1” on the roster and in every record on this tablet.').waitFor();
  await page.getByText('Nothing is sent to the programme office', { exact: false }).waitFor();
  await page.getByRole('button', { name: `Erase ${NAME}` }).click();
  await page.getByText('Erased. They are now “Former member 1” on the roster and in every record.').waitFor();
  await app.heading('Former member 1').waitFor();
  await expectSaved(page);
  await expectAccessible(page, 'person screen, erased');

  // The whole database, every object store: the name is nowhere, in any case or spacing.
  const stores = await wholeDatabase(page);
  expect(Object.keys(stores).length).toBeGreaterThanOrEqual(20);
  for (const [store, rows] of Object.entries(stores)) {
    for (const row of rows) expect(squash(JSON.stringify(row)), `${store}: ${JSON.stringify(row)}`).not.toContain(squash(NAME));
  }
  expect(JSON.stringify(stores)).toContain('I, Former member 1, say the letter is written for the ward');

  // The roster, and the same balance figures.
  await go(page, groupHash);
  await page.locator('.list-row__title', { hasText: 'Former member 1' }).waitFor();
  expect(await page.getByText(NAME).count()).toBe(0);
  await expectAccessible(page, 'group screen with an erased person');
  await go(page, `${meetingHash}/record`);
  await page.getByRole('checkbox', { name: 'Also show voice balance per person' }).check();
  await balanceRegion.getByRole('rowheader', { name: 'Carer 1' }).waitFor();
  expect(await balanceRegion.innerText()).toBe(balanceBefore);

  // Every export of the record, without names and with them, and the group's backup.
  const exportsWithout = await everyRecordExport(page);
  expect(exportsWithout.map((f) => f.name).sort()).toEqual([
    'heard-backup-march-meeting-2030-03-14.json',
    'march-meeting-2030-03-14-actions.csv',
    'march-meeting-2030-03-14-attendance.csv',
    'march-meeting-2030-03-14-calendar.ics',
    'march-meeting-2030-03-14-minutes.md',
    'march-meeting-2030-03-14-voice-balance.csv',
  ]);
  expect(exportsWithout.find((f) => f.name.endsWith('-voice-balance.csv'))!.text).toBe(balanceCsvBefore);
  await page.getByRole('radio', { name: 'With names' }).check();
  await balanceRegion.getByRole('rowheader', { name: 'Former member 1' }).waitFor();
  const exportsWith = await everyRecordExport(page);
  expect(squash(await page.locator('main').innerText())).not.toContain(squash(NAME));
  await go(page, groupHash);
  const backup = await downloaded(page, 'Download a backup of this group');
  for (const exported of [...exportsWithout, ...exportsWith, backup]) expect(squash(exported.text), exported.name).not.toContain(squash(NAME));
  expect(exportsWith.some((f) => f.text.includes('Former member 1'))).toBe(true);

  // A year and more later: the group keeps records for 12 months, so the meeting is listed for review.
  await page.getByRole('link', { name: 'How long records are kept: until you delete them' }).click();
  await app.heading('How long records are kept').waitFor();
  await page.getByRole('radio', { name: '12 months' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expectSaved(page);
  await context.clock.setFixedTime(TEN_AM + 400 * 24 * 60 * MINUTE);
  await go(page, groupHash);
  await page.getByRole('link', { name: '1 meeting is older than this group keeps records (12 months). Review it.' }).click();
  await page.getByRole('heading', { level: 2, name: 'Meetings past the period (1)' }).waitFor();
  await expectAccessible(page, 'retention screen with a meeting past the period');

  // Deleting it takes its title, typed: a wrong one deletes nothing.
  await page.getByRole('link', { name: 'Delete March meeting' }).click();
  await app.heading('Delete this meeting').waitFor();
  await expectAccessible(page, 'delete meeting screen');
  await page.getByRole('textbox', { name: 'Type the meeting’s title to confirm' }).fill('April meeting');
  await page.getByRole('button', { name: 'Delete this meeting' }).click();
  await page.getByRole('link', { name: 'The title you typed is not this meeting’s title. Type “March meeting” to delete it.' }).waitFor();
  await expectAccessible(page, 'delete meeting screen with an error');
  expect((await wholeDatabase(page)).meetings).toHaveLength(1);
  await page.getByRole('textbox', { name: 'Type the meeting’s title to confirm' }).fill('march meeting');
  await page.getByRole('button', { name: 'Delete this meeting' }).click();
  await app.heading('Carers’ circle').waitFor();
  await page.getByText('No meetings yet', { exact: false }).waitFor();
  const after = await wholeDatabase(page);
  for (const store of ['meetings', 'turns', 'dissent', 'actions', 'checkinAnswers', 'checkinMarks', 'oneToOnes', 'attendees', 'agendaItems', 'clockEvents']) {
    expect(after[store], store).toEqual([]);
  }
  // Nothing was ever sent, so nothing is asked of the office.
  expect(after.outbox).toEqual([]);

  // Deleting the group: the screen, then a typed name.
  await page.getByRole('link', { name: 'Delete this group' }).click();
  await app.heading('Delete this group').waitFor();
  await expectAccessible(page, 'delete group screen');
  await page.getByRole('textbox', { name: 'Type the group’s name to confirm' }).fill('Carers’ circle');
  await page.getByRole('button', { name: 'Delete this group' }).click();
  await app.heading('Your meetings').waitFor();
  const empty = await wholeDatabase(page);
  for (const store of ['groups', 'people', 'glossary', 'groundRules', 'checkinPrompts']) expect(empty[store], store).toEqual([]);
  await context.close();
});
