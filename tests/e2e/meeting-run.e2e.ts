import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectSaved, offlineTablet, useAppAndBrowser } from './harness';
import { HeardApp, MeetingPage } from './page-models';

const env = useAppAndBrowser();

const MINUTE = 60_000;
// 10:00 in London on the meeting day (GMT in March, before the clocks change).
const TEN_AM = Date.UTC(2030, 2, 14, 10, 0);

async function clockText(page: Page, label: string): Promise<string> {
  return (await new MeetingPage(page).itemClock(label as 'Left').textContent()) ?? '';
}

test('a chair prepares rules and a three-item agenda offline, runs the meeting item by item, and the clock survives a reload', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM - 60 * MINUTE });
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);

  await app.createGroup('Hospital discharge workstream');
  await app.addPerson('Aoife Byrne', 'Lived experience');
  await app.addPerson('Grace Doherty', 'Carer');
  await app.addPerson('Dr Sam Patel', 'Staff');

  // Ground rules: one from a template, agreed, and one of the group's own, left as a draft.
  await page.getByRole('link', { name: /^Ground rules/ }).click();
  await app.heading('Ground rules').waitFor();
  await page.getByRole('button', { name: /^Add: Everyone gets a chance to speak/ }).click();
  await page.getByText('Everyone gets a chance to speak, and nobody speaks over anyone else.').first().waitFor();
  await page.getByRole('button', { name: 'Mark as agreed: rule 1' }).click();
  await page.getByRole('button', { name: 'Record as agreed: rule 1' }).click();
  await page.getByText(/Agreed \w{3} \d+ \w{3} \d{4}/).first().waitFor();
  await page.getByLabel('Rule', { exact: true }).fill('We start and finish on time.');
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByText('We start and finish on time.').waitFor();
  await page.goBack();
  await app.heading('Hospital discharge workstream').waitFor();

  await app.createMeeting({
    title: 'March meeting',
    date: '2030-03-14',
    start: '10:00',
    end: '10:50',
    venue: 'St Columba’s church hall',
    chair: 'Grace Doherty',
  });
  await meeting.addItem({ title: 'Welcome', purpose: 'For information', minutes: 5 });
  await meeting.addItem({
    title: 'Discharge letters',
    purpose: 'For decision',
    minutes: 20,
    lead: 'Dr Sam Patel',
    decidedElsewhereBy: 'Trust board',
    nonNegotiables: 'The letter must meet the legal minimum.',
    paper: { title: 'Draft letter', link: 'Shared drive, folder 3', sent: '2030-03-12' },
  });
  await meeting.addItem({ title: 'Transport', purpose: 'For discussion', minutes: 30 });
  expect(await meeting.agendaTitles()).toEqual(['Welcome', 'Discharge letters', 'Transport']);
  // 5 + 20 + 30 minutes from 10:00 runs past the 10:50 end: the chair is told.
  await page.getByText('The agenda runs 5 minutes past the meeting’s end time (10:50)').waitFor();
  await page.getByText('Sent late: fewer than 5 days before the meeting').waitFor();
  await page.getByText('Decided elsewhere, by Trust board').waitFor();
  await expectAccessible(page, 'meeting with an agenda');

  // Reorder by buttons, then back by dragging the handle.
  await page.getByRole('button', { name: 'Move up: Transport' }).click();
  await expect.poll(() => meeting.agendaTitles()).toEqual(['Welcome', 'Transport', 'Discharge letters']);
  const rows = page.getByRole('region', { name: 'Agenda' }).getByRole('listitem');
  const handle = rows.nth(1).locator('.drag-handle');
  const target = await rows.nth(2).boundingBox();
  const from = await handle.boundingBox();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(from!.x + from!.width / 2, target!.y + target!.height - 4, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => meeting.agendaTitles()).toEqual(['Welcome', 'Discharge letters', 'Transport']);

  // Start: the agreed rules come first, large; the draft rule does not.
  await context.clock.setFixedTime(TEN_AM);
  await meeting.tap('Start meeting');
  await page.getByRole('heading', { name: 'Before we start: our ground rules' }).waitFor();
  await page.getByText('Everyone gets a chance to speak, and nobody speaks over anyone else.').waitFor();
  await expect(page.getByText('We start and finish on time.').count()).resolves.toBe(0);
  await expectAccessible(page, 'ground rules step');
  await meeting.tap('Start the first item');
  await page.getByRole('heading', { level: 2, name: 'Welcome' }).waitFor();

  await context.clock.setFixedTime(TEN_AM + 4 * MINUTE);
  await expect.poll(() => clockText(page, 'Time on this item')).toBe('4:00');
  await page.getByText('Time is nearly up', { exact: true }).waitFor();
  await expectAccessible(page, 'running, nearly up');

  await meeting.tap('Next item: Discharge letters');
  await page.getByRole('heading', { level: 2, name: 'Discharge letters' }).waitFor();
  await page.getByText('The letter must meet the legal minimum.').waitFor();

  // Mid-item reload: the clock comes back exact, from the stored taps.
  await context.clock.setFixedTime(TEN_AM + 11 * MINUTE);
  await expect.poll(() => clockText(page, 'Time on this item')).toBe('7:00');
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Discharge letters' }).waitFor();
  await expect.poll(() => clockText(page, 'Time on this item')).toBe('7:00');
  await expect.poll(() => clockText(page, 'Left')).toBe('13:00');

  // A ten-minute break does not count against the item.
  await meeting.tap('Pause for a break');
  await page.getByRole('status').filter({ hasText: /^On a break$/ }).waitFor();
  await context.clock.setFixedTime(TEN_AM + 21 * MINUTE);
  await meeting.tap('End the break');
  await expect.poll(() => clockText(page, 'Time on this item')).toBe('7:00');

  // Over time, in words as well as colour.
  await context.clock.setFixedTime(TEN_AM + 36 * MINUTE);
  await expect.poll(() => clockText(page, 'Over time by')).toBe('2:00');
  await page.getByText('Time is up for this item', { exact: true }).waitFor();
  await expectAccessible(page, 'running, over time');

  // Ground rules are one tap away during the meeting.
  await page.getByRole('button', { name: 'Ground rules' }).click();
  await page.getByRole('dialog', { name: 'Our ground rules' }).waitFor();
  await expectAccessible(page, 'ground rules panel');
  await page.getByRole('button', { name: 'Close' }).click();

  await meeting.showTab('Agenda');
  await meeting.tap('Defer to next meeting: Transport');
  await page.getByText('Deferred to the next meeting').waitFor();
  await meeting.tap('End the meeting');
  await page.getByRole('heading', { name: 'Check-in and close' }).waitFor();
  await expectAccessible(page, 'closing');
  await meeting.tap('Close meeting');
  await page.getByText('This meeting is closed.').waitFor();
  await page.getByText('22 min of 20 min').waitFor();
  await page.getByText('4 min of 5 min').waitFor();

  // The deferred item is waiting on the group's next meeting.
  await page.getByRole('link', { name: 'Meeting details and agenda' }).click();
  await page.getByRole('link', { name: /^Group:/ }).click();
  await app.heading('Hospital discharge workstream').waitFor();
  await app.createMeeting({ title: 'April meeting', date: '2030-04-11', start: '10:00', end: '12:00', venue: '', chair: 'Grace Doherty' });
  expect(await meeting.agendaTitles()).toEqual(['Transport']);
  await expectSaved(page);
  await context.close();
});
