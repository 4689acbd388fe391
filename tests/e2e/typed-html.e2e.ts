import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { downloaded, expectAccessible, expectSaved, offlineTablet, readStored, recordRequests, useAppAndBrowser } from './harness';
import { CheckInPage, HeardApp, MeetingPage, RecordPage } from './page-models';
import { parseCsv } from '../support/parse-csv';

const env = useAppAndBrowser();

const TEN_AM = new Date(2030, 2, 14, 10, 0).getTime();
const MINUTE = 60_000;

// Each would count in window.heardRan if it ran. The page's Content Security
// Policy would stop an inline handler anyway, so the test also checks that none
// of it became an element: a policy is a second wall, not the first.
const RAN = 'window.heardRan=(window.heardRan||0)+1';
const IMG = `<img src=x onerror="${RAN}">`;
const SCRIPT = `<script>${RAN}</script>`;
const SVG = `<svg onload="${RAN}">`;
const LINK = `<a href="javascript:${RAN}">link</a>`;
const BOLD = '<b>bold</b>';

const GROUP = `Forum ${SVG}`;
const ANN = `Ann ${IMG}`;
const BO = `Bo ${BOLD}`;
const CHAIR = 'Dr Sam Patel';
const RULE = `Rule ${SCRIPT}`;
const MEETING = `Meeting ${BOLD}`;
const ITEM = `Item ${LINK}`;
const DISSENT = `Dissent ${IMG} ${SCRIPT}`;
const DECISION = `Decision ${SVG}${BOLD}`;
const ACTION = `Action ${LINK} ${IMG}`;
const NOTES = `Notes ${SCRIPT} ${SVG}`;
const ANSWER = `Answer ${IMG} ${LINK}`;

/** Everything typed that the meeting's record and its files hold (ground rules are the group's, not the meeting's). */
const IN_THE_RECORD = [GROUP, ANN, BO, MEETING, ITEM, DISSENT, DECISION, ACTION, NOTES, ANSWER];

/** What the page would hold had any typed text been read as HTML, and whether any of it ran. */
async function expectNoInjectedMarkup(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => {
    const app = document.getElementById('app')!;
    const elements = [
      ...app.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], script, a[href^="javascript:" i]'),
      ...Array.from(app.querySelectorAll('b')).filter((b) => b.textContent?.includes('bold')),
    ];
    return { elements: elements.map((el) => el.outerHTML.slice(0, 100)), ran: (window as unknown as { heardRan?: number }).heardRan ?? null };
  });
  expect(found, `typed HTML became markup or ran on ${where}`).toEqual({ elements: [], ran: null });
}

/** Each text is on the screen as the words typed, character for character, and nothing became markup. */
async function expectShownAsText(page: Page, texts: readonly string[], where: string): Promise<void> {
  await expectNoInjectedMarkup(page, where);
  const shown = await page.locator('#app').innerText();
  expect(texts.filter((text) => !shown.includes(text)), `typed text missing from ${where}`).toEqual([]);
}

/** Markdown with its backslash escapes taken out: what a reader of the rendered minutes sees. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}


/** Every string anywhere in a parsed JSON file. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

test('HTML and script typed into names, a rule, an item, dissent, a decision, an action, notes and a check-in answer stay text, on screen and in every file', async () => {
  let requests: string[] = [];
  const dialogs: string[] = [];
  const policyReports: string[] = [];
  const { context, page } = await offlineTablet(env, {
    clockAt: TEN_AM - 30 * MINUTE,
    beforeFirstVisit: async (first) => {
      requests = recordRequests(first.context());
      first.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      first.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) policyReports.push(message.text());
      });
    },
  });
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  const record = new RecordPage(page);
  const checkIn = new CheckInPage(page);

  await app.createGroup(GROUP);
  await app.addPerson(ANN, 'Lived experience');
  await app.addPerson(BO, 'Carer');
  await app.addPerson(CHAIR, 'Staff');
  await expectShownAsText(page, [GROUP, ANN, BO], 'the group screen');

  await page.getByRole('link', { name: /^Ground rules/ }).click();
  await app.heading('Ground rules').waitFor();
  await page.getByRole('textbox', { name: 'Rule', exact: true }).fill(RULE);
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByRole('region', { name: 'This group’s rules' }).getByText(RULE).waitFor();
  await page.getByRole('button', { name: 'Mark as agreed: rule 1' }).click();
  await page.getByRole('button', { name: 'Record as agreed: rule 1' }).click();
  await page.getByText('1 rule agreed.').waitFor();
  await expectSaved(page);
  await expectShownAsText(page, [RULE, GROUP], 'the ground rules screen');

  await page.getByRole('link', { name: /^Group:/ }).click();
  await app.heading(GROUP).waitFor();
  await app.createMeeting({ title: MEETING, date: '2030-03-14', start: '10:00', end: '12:00', venue: 'Hall', chair: CHAIR });
  await meeting.addItem({ title: ITEM, purpose: 'For decision', minutes: 20, lead: ANN });
  await expectShownAsText(page, [MEETING, ITEM], 'the meeting screen');

  // The meeting opens on the ground rules, large.
  await context.clock.setFixedTime(TEN_AM);
  await meeting.tap('Start meeting');
  await page.getByRole('button', { name: 'Start the first item' }).waitFor();
  await expectShownAsText(page, [MEETING, RULE], 'the ground rules step');
  await meeting.tap('Start the first item');
  await page.getByRole('heading', { level: 2, name: ITEM }).waitFor();
  await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();
  await meeting.tapSpeaker(ANN);
  await context.clock.setFixedTime(TEN_AM + 2 * MINUTE);
  await meeting.tapSpeaker(BO);
  await context.clock.setFixedTime(TEN_AM + 3 * MINUTE);
  await meeting.speakerTile(BO).click();
  await expectSaved(page);

  // The rules, one tap away while the meeting runs.
  await page.getByRole('button', { name: 'Ground rules', exact: true }).click();
  const rules = page.getByRole('dialog', { name: 'Our ground rules' });
  await rules.getByText(RULE).waitFor();
  await expectShownAsText(page, [RULE], 'the ground rules while running');
  await rules.getByRole('button', { name: 'Close' }).click();

  await record.parkDissent(DISSENT, ANN);
  await page.getByRole('button', { name: 'Record a decision' }).click();
  await page.getByLabel('What was decided').fill(DECISION);
  await page.getByRole('button', { name: 'Save decision' }).click();
  await page.getByText(DECISION).first().waitFor();
  await record.addAction(ACTION, BO, '2030-04-01');
  await meeting.showTab('This item');
  const notes = page.getByRole('textbox', { name: 'Notes on this item' });
  await notes.fill(NOTES);
  await notes.blur();
  await expect.poll(async () => (await readStored<{ notes: string }>(page, 'agendaItems')).map((item) => item.notes)).toEqual([NOTES]);
  await meeting.showTab('Record');
  await page.getByRole('button', { name: 'Dissent register (1 open)' }).click();
  await page.getByRole('heading', { level: 3, name: 'Dissent register' }).waitFor();
  await expectShownAsText(page, [MEETING, ITEM, ANN, BO, CHAIR, DISSENT, DECISION, ACTION], 'the running screen');
  await meeting.showTab('This item');
  await expect(notes.inputValue()).resolves.toBe(NOTES);

  // The check-in, answered on the locked tablet, and what the chair sees after unlocking.
  await meeting.tap('End the meeting');
  await checkIn.lock('2468');
  await checkIn.checkInAnonymously(ANSWER);
  await checkIn.unlock('2468');
  await page.getByRole('region', { name: 'Anything else?' }).getByText(ANSWER).waitFor();
  await expectShownAsText(page, [ANSWER], 'the check-in answers');
  await page.getByRole('button', { name: 'Close meeting' }).click();
  await page.getByText('This meeting is closed.').waitFor();

  await page.getByRole('link', { name: 'Meeting record and exports' }).click();
  await app.heading(`Minutes: ${MEETING}`).waitFor();
  await page.getByRole('radio', { name: 'With names' }).check();
  await page.getByRole('checkbox', { name: 'Also show voice balance per person' }).check();
  await page.getByRole('rowheader', { name: ANN }).first().waitFor();
  await expectShownAsText(page, IN_THE_RECORD, 'the record screen');
  await expectAccessible(page, 'the record screen with typed HTML');
  // Printed minutes are this page under print styles.
  await page.emulateMedia({ media: 'print' });
  await expectShownAsText(page, IN_THE_RECORD, 'the printed record');
  await page.emulateMedia({ media: 'screen' });

  const md = (await downloaded(page, 'Download Minutes (Markdown)')).text;
  expect(md, 'every < in the minutes is escaped').not.toMatch(/(^|[^\\])</m);
  expect(md).toContain('Bo \\<b\\>bold\\</b\\>');
  for (const text of IN_THE_RECORD) expect(unescapeMarkdown(md), `the minutes hold “${text}”`).toContain(text);

  const actions = parseCsv((await downloaded(page, 'Download Actions (CSV spreadsheet)')).text);
  expect(actions[1]).toEqual([ACTION, BO, '2030-04-01', 'Open', ITEM, MEETING]);
  const attendance = parseCsv((await downloaded(page, 'Download Attendance and time (CSV spreadsheet)')).text);
  expect(attendance.map((row) => row[0])).toEqual(expect.arrayContaining([ANN, BO, CHAIR]));
  const balance = parseCsv((await downloaded(page, 'Download Voice balance (CSV spreadsheet)')).text);
  expect(balance.filter((row) => row[0] === 'Person').map((row) => row[1])).toEqual(expect.arrayContaining([ANN, BO]));

  const calendar = new ICAL.Component(ICAL.parse((await downloaded(page, 'Download Action due dates and next meeting (calendar)')).text));
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`${GROUP}: actions and meetings`);
  const [due] = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect([due?.summary, due?.description]).toEqual([`Action due: ${ACTION}`, `Owner: ${BO}\nAgreed at: ${MEETING}`]);

  const backup = stringsIn(JSON.parse((await downloaded(page, 'Download Backup of this meeting (JSON)')).text));
  for (const text of IN_THE_RECORD) expect(backup, `the meeting's backup holds “${text}”`).toContain(text);

  // The group's own screens: its dissent register, and its backup with the ground rule.
  await page.getByRole('link', { name: /^Back to / }).click();
  await page.getByRole('link', { name: /^Group:/ }).click();
  await app.heading(GROUP).waitFor();
  await page.getByRole('link', { name: 'Dissent register (1 open)' }).click();
  await page.getByText(DISSENT).waitFor();
  await expectShownAsText(page, [GROUP, DISSENT, ANN], 'the dissent register');
  await page.getByRole('link', { name: `Back to ${GROUP}` }).click();
  await app.heading(GROUP).waitFor();
  const groupBackup = stringsIn(JSON.parse((await downloaded(page, 'Download a backup of this group')).text));
  for (const text of [...IN_THE_RECORD, RULE]) expect(groupBackup, `the group's backup holds “${text}”`).toContain(text);

  expect(dialogs, 'no typed script may open a dialog').toEqual([]);
  expect(policyReports, 'the page never had to block typed script').toEqual([]);
  const origin = new URL(env.server.url).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  await context.close();
});
