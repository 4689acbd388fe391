import { expect, test } from 'vitest';
import { expectAccessible, expectSaved, offlineTablet, readStored, useAppAndBrowser } from './harness';
import { HeardApp, MeetingPage } from './page-models';
import { fillStorage, freeStorage, littleSpace, storedTurns } from './faults';

const env = useAppAndBrowser();

const START = Date.UTC(2030, 2, 14, 10, 0);
const FULL = 'Not saved: this device is full. Free some space (delete photos or other apps’ data), then try again. What was saved before is safe.';
const DISSENT = 'Nobody asked carers before the visiting hours changed.';

test('when the device is full mid-meeting, Heard says so and what to do, claims nothing it did not save, and keeps what it had', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: START - 10 * 60_000, beforeFirstVisit: littleSpace(new URL(env.server.url).origin) });
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  await app.prepareMeeting({
    group: 'Carers’ support workstream',
    people: [
      ['Aoife Byrne', 'Lived experience'],
      ['Grace Doherty', 'Carer'],
      ['Dr Sam Patel', 'Staff'],
    ],
    meeting: { title: 'April meeting', date: '2030-03-14', start: '10:00', end: '11:00', venue: 'Church hall', chair: 'Grace Doherty' },
    items: [{ title: 'Respite breaks', purpose: 'For discussion', minutes: 30 }],
  });
  await context.clock.setFixedTime(START);
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await context.clock.setFixedTime(START + 10_000);
  await meeting.tapSpeaker('Aoife Byrne');
  await context.clock.setFixedTime(START + 70_000);
  await meeting.tapSpeaker('Dr Sam Patel');
  await expectSaved(page);
  const meetingId = meeting.meetingId();
  const confirmed = [
    { speaker: 'Aoife Byrne', startedAt: START + 10_000 },
    { speaker: 'Dr Sam Patel', startedAt: START + 70_000 },
  ];

  // The device fills up: every write from here on is refused by the browser.
  await fillStorage(page);
  try {
    await context.clock.setFixedTime(START + 130_000);
    await meeting.speakerTile('Grace Doherty').click();
    await page.getByRole('alert').filter({ hasText: FULL }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Saved on this device' }).count(), 'no claim the refused tap was saved').toBe(0);
    expect(await meeting.speaking()).toEqual([expect.stringContaining('Dr Sam Patel')]);
    await expectAccessible(page, 'running screen, device full');

    // Dissent typed while full stays in the form, with the reason, and is not listed as parked.
    await meeting.showTab('Record');
    await page.getByRole('button', { name: 'Park dissent' }).click();
    await page.getByLabel('What they disagree with', { exact: false }).fill(DISSENT);
    await page.getByRole('button', { name: 'Park it' }).click();
    const form = page.locator('form').filter({ has: page.getByLabel('What they disagree with', { exact: false }) });
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').innerText()).toBe(FULL);
    await expect(form.getByLabel('What they disagree with', { exact: false }).inputValue()).resolves.toBe(DISSENT);
    expect(await page.getByText('Dissent parked.').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'Saved on this device' }).count()).toBe(0);

    // Still full after a reload: Heard opens with everything it had confirmed, and nothing it had not.
    await page.reload();
    await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();
    await expect.poll(() => meeting.speaking()).toEqual([expect.stringContaining('Dr Sam Patel')]);
    expect(await storedTurns(page, meetingId)).toEqual(confirmed);
    expect(await readStored(page, 'dissent')).toEqual([]);
  } finally {
    await freeStorage(page);
  }

  // Space freed: the same tap now saves.
  await context.clock.setFixedTime(START + 190_000);
  await meeting.tapSpeaker('Grace Doherty');
  await expectSaved(page);
  expect(await storedTurns(page, meetingId)).toEqual([...confirmed, { speaker: 'Grace Doherty', startedAt: START + 190_000 }]);
  await context.close();
});
