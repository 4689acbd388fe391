import { expect, test } from 'vitest';
import { expectAccessible, expectSaved, offlineTablet, useAppAndBrowser } from './harness';
import { HeardApp, MeetingPage, RecordPage } from './page-models';

const env = useAppAndBrowser();

const MARCH = Date.UTC(2030, 2, 14, 10, 0);
const APRIL = Date.UTC(2030, 3, 11, 9, 0);
const NAMED = 'The new letter still reads as if it was written for the ward, not for my mother.';
const ANONYMOUS = 'Nobody asked carers before the visiting hours changed.';
const ACTION = 'Send the new letter to the patient panel';

test('dissent parked at one meeting, an action and a decision with standing dissent carry into the next meeting of the group, offline', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: MARCH - 30 * 60_000 });
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  const record = new RecordPage(page);

  await app.createGroup('Hospital discharge workstream');
  await app.addPerson('Aoife Byrne', 'Lived experience');
  await app.addPerson('Grace Doherty', 'Carer');
  await app.addPerson('Dr Sam Patel', 'Staff');
  await page.getByRole('link', { name: 'Dissent register (none open)' }).waitFor();
  await expectAccessible(page, 'group screen with the record links');

  await app.createMeeting({ title: 'March meeting', date: '2030-03-14', start: '10:00', end: '12:00', venue: 'St Columba’s church hall', chair: 'Grace Doherty' });
  await meeting.addItem({ title: 'Discharge letters', purpose: 'For decision', minutes: 30 });

  // Meeting 1: nothing arising yet.
  await context.clock.setFixedTime(MARCH);
  await meeting.tap('Start meeting');
  await page.getByRole('heading', { level: 2, name: 'Matters arising' }).waitFor();
  await page.getByText('No open actions from earlier meetings.').waitFor();
  await expectAccessible(page, 'matters arising, first meeting');
  await meeting.tap('Start the first item');
  await page.getByRole('heading', { level: 2, name: 'Discharge letters' }).waitFor();

  // Park dissent, named and anonymous: two taps each, and the words.
  await meeting.showTab('Record');
  await page.getByRole('button', { name: 'Park dissent' }).click();
  await page.getByRole('button', { name: 'Park it' }).click();
  await page.getByRole('link', { name: 'Enter what they disagree with' }).waitFor();
  await expectAccessible(page, 'park dissent form with an error');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await record.parkDissent(NAMED, 'Aoife Byrne');
  await record.parkDissent(ANONYMOUS, null);
  await page.getByRole('button', { name: 'Dissent register (2 open)' }).waitFor();

  // A decision by vote; more votes than the three people expected is warned about, and the count corrected.
  await page.getByRole('button', { name: 'Record a decision' }).click();
  await page.getByLabel('What was decided').fill('Use the shorter letter, with a section for carers.');
  await page.getByRole('radio', { name: 'By a vote' }).check();
  await page.getByLabel('For', { exact: true }).fill('3');
  await page.getByLabel('Against', { exact: true }).fill('1');
  await page.getByText('4 votes counted, but only 3 people are here.', { exact: false }).waitFor();
  await expectAccessible(page, 'decision form with a vote warning');
  await page.getByLabel('For', { exact: true }).fill('2');
  await expect(page.getByText('votes counted, but only', { exact: false }).count()).resolves.toBe(0);
  await page.getByRole('checkbox', { name: /The new letter still reads/ }).check();
  await page.getByRole('button', { name: 'Save decision' }).click();
  await expectSaved(page);
  await page.getByText('By a vote: 2 for, 1 against, 0 abstained').waitFor();
  await page.getByText('1 person’s dissent recorded against it').waitFor();

  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByLabel('What will be done').fill(ACTION);
  await page.getByLabel('Person who will do it').selectOption({ label: 'Grace Doherty' });
  await page.getByLabel('Due by').fill('2030-04-01');
  await expectAccessible(page, 'action form');
  await page.getByRole('button', { name: 'Save action' }).click();
  await expectSaved(page);
  await page.getByText('Action added.').waitFor();

  // The register, one tap away.
  await page.getByRole('button', { name: 'Dissent register (1 open)' }).click();
  await page.getByRole('heading', { level: 3, name: 'Dissent register' }).waitFor();
  await expectAccessible(page, 'register panel while running');

  await meeting.tap('End the meeting');
  await meeting.tap('Close meeting');
  await page.getByText('This meeting is closed.').waitFor();

  // Meeting 2 of the same group.
  await context.clock.setFixedTime(APRIL - 60 * 60_000);
  await page.getByRole('link', { name: 'Meeting details and agenda' }).click();
  await page.getByRole('link', { name: /^Group:/ }).click();
  await app.heading('Hospital discharge workstream').waitFor();
  await page.getByRole('link', { name: 'You said, we did (1 open)' }).waitFor();
  await app.createMeeting({ title: 'April meeting', date: '2030-04-11', start: '10:00', end: '12:00', venue: '', chair: 'Grace Doherty' });
  await context.clock.setFixedTime(APRIL + 60 * 60_000);
  await meeting.tap('Start meeting');
  await page.getByRole('heading', { level: 2, name: 'Matters arising' }).waitFor();
  await page.getByText(ACTION).waitFor();
  await page.getByText('Overdue: was due Mon 1 Apr 2030').waitFor();
  await page.getByText(ANONYMOUS).waitFor();
  // Standing dissent was settled against the decision, so only the open one comes in.
  await expect(page.getByText(NAMED).count()).resolves.toBe(0);
  await expectAccessible(page, 'matters arising, second meeting');

  // Opening the meeting again never brings anything in twice.
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Matters arising' }).waitFor();
  await page.getByText(ACTION).waitFor();
  await expect(page.getByText(ACTION).count()).resolves.toBe(1);
  await expect(page.getByText(ANONYMOUS).count()).resolves.toBe(1);

  await page.getByRole('button', { name: `Mark done: ${ACTION}` }).click();
  await expectSaved(page);
  await page.getByText('Done, marked at this meeting').waitFor();
  await page.getByRole('button', { name: `Revisit: ${ANONYMOUS}` }).click();
  await page.getByText('Revisited at this meeting').waitFor();
  await expectAccessible(page, 'matters arising after marking done');

  // The register screen, filtered.
  await page.getByRole('link', { name: 'Meeting details and agenda' }).click();
  await page.getByRole('link', { name: /^Group:/ }).click();
  await page.getByRole('link', { name: 'Dissent register (1 open)' }).click();
  await app.heading('Dissent register: Hospital discharge workstream').waitFor();
  await page.getByText(ANONYMOUS).waitFor();
  await page.getByText('Raised anonymously', { exact: false }).waitFor();
  await expectAccessible(page, 'register, open');
  await page.getByRole('radio', { name: 'Standing dissent (1)' }).check();
  await page.getByText(NAMED, { exact: true }).waitFor();
  await page.getByText('Raised by Aoife Byrne', { exact: false }).waitFor();
  await page.getByText('Recorded as standing dissent against the decision: “Use the shorter letter, with a section for carers.”').waitFor();
  await expectAccessible(page, 'register, standing');
  await page.getByRole('radio', { name: 'Resolved (0)' }).check();
  await page.getByText('No dissent matches.').waitFor();
  await expectAccessible(page, 'register, resolved');

  await page.getByRole('link', { name: 'You said, we did' }).click();
  await app.heading('You said, we did: Hospital discharge workstream').waitFor();
  await page.getByText(ACTION).waitFor();
  await page.getByText('Owner: Grace Doherty').waitFor();
  await page.getByText('Done Thu 11 Apr 2030').waitFor();
  await expectAccessible(page, 'you said, we did');
  await context.close();
});
