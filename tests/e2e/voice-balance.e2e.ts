import { expect, test } from 'vitest';
import { expectAccessible, offlineTablet, useAppAndBrowser } from './harness';
import { HeardApp, MeetingPage } from './page-models';

const env = useAppAndBrowser();

const MINUTE = 60_000;
const TEN_AM = Date.UTC(2030, 2, 14, 10, 0);

test('a chair taps through a discussion offline and sees the balance both ways, through a reload, with a least-heard-first queue', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM - 30 * MINUTE });
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);

  await app.createGroup('Carers’ support workstream');
  await app.addPerson('Aoife Byrne', 'Lived experience');
  await app.addPerson('Malik Hassan', 'Lived experience');
  await app.addPerson('Grace Doherty', 'Carer');
  await app.addPerson('Dr Sam Patel', 'Staff');
  await app.createMeeting({ title: 'April meeting', date: '2030-03-14', start: '10:00', end: '11:00', venue: 'Church hall', chair: 'Grace Doherty' });
  await meeting.addItem({ title: 'Respite breaks', purpose: 'For discussion', minutes: 30 });

  await context.clock.setFixedTime(TEN_AM);
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();

  // The professional talks for three minutes, hands over to Aoife for one, who then stops.
  await meeting.tapSpeaker('Dr Sam Patel');
  await expect.poll(() => meeting.speaking()).toEqual([expect.stringContaining('Dr Sam Patel')]);
  await context.clock.setFixedTime(TEN_AM + 3 * MINUTE);
  await meeting.tapSpeaker('Aoife Byrne');
  await expect.poll(() => meeting.speaking()).toEqual([expect.stringContaining('Aoife Byrne')]);
  await context.clock.setFixedTime(TEN_AM + 4 * MINUTE);
  await meeting.speakerTile('Aoife Byrne').click();
  await expect.poll(() => meeting.speaking()).toEqual([]);

  // Figures by group against a fair share, in one measure in words with the times behind it;
  // four people present, so a fair share of the 4 minutes is 1 minute each.
  await meeting.showTab('Balance and queue');
  await page.getByText('Staff — Well over their share').waitFor();
  await page.getByText('3 min in 1 turn; a fair share is 1 min').waitFor();
  await page.getByText('Carer — Well under their share').waitFor();
  await page.getByText('Lived experience — Under their share').waitFor();
  await page.getByText('Dr Sam Patel: well over their share (3 min of talk; a fair share is 1 min).').waitFor();
  await page.getByText('Staff: well over their share (3 min of talk; a fair share is 1 min).').waitFor();
  await page.getByText('Carer: well under their share (0 s of talk; a fair share is 1 min).').waitFor();
  await expect(page.getByText('%', { exact: false }).count()).resolves.toBe(0);
  const notHeard = page.getByRole('region', { name: 'Not yet heard' }).getByRole('listitem');
  await expect.poll(() => notHeard.allInnerTexts()).toEqual(['Grace Doherty', 'Malik Hassan']);
  await expectAccessible(page, 'running screen with speaker tiles and balance');

  // Grace starts speaking; the tablet is reloaded a minute and a half into her turn.
  // Shown as speaking only once the tap is stored: the screen reads it back from IndexedDB.
  await meeting.tapSpeaker('Grace Doherty');
  await expect.poll(() => meeting.speaking()).toEqual([expect.stringContaining('Grace Doherty')]);
  await context.clock.setFixedTime(TEN_AM + 5 * MINUTE + 30_000);
  await page.reload();
  await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();
  await expect.poll(() => meeting.speaking()).toEqual([expect.stringContaining('Speaking · 1:30')]);
  await expect.poll(() => meeting.speaking()).toEqual([expect.stringContaining('Grace Doherty')]);
  await meeting.showTab('Balance and queue');

  // Three people ask to speak; least heard first puts Malik (nothing yet) before Aoife (1:00) and Sam (3:00).
  for (const [index, name] of ['Dr Sam Patel', 'Aoife Byrne', 'Malik Hassan'].entries()) {
    await context.clock.setFixedTime(TEN_AM + 5 * MINUTE + 31_000 + index * 1000);
    await page.getByRole('button', { name: `Ask to speak: ${name}` }).click();
    await page.getByRole('button', { name: `In the queue: ${index + 1}: ${name}` }).waitFor();
  }
  await page.getByRole('button', { name: 'Next speaker: Dr Sam Patel' }).waitFor();
  await page.getByRole('radio', { name: 'Least heard first' }).check();
  await page.getByRole('button', { name: 'Next speaker: Malik Hassan' }).click();
  await expect.poll(() => meeting.speaking()).toEqual([expect.stringContaining('Malik Hassan')]);
  await page.getByRole('button', { name: 'Next speaker: Aoife Byrne' }).waitFor();

  // A wrong tap is undone: Grace has the floor again.
  await page.getByRole('button', { name: 'Undo last tap' }).click();
  await expect.poll(() => meeting.speaking()).toEqual([expect.stringContaining('Grace Doherty')]);

  // Open discussion is counted against nobody.
  await page.getByRole('button', { name: 'Open discussion' }).click();
  await page.getByText('Open discussion is going on').waitFor();
  await expect.poll(() => meeting.speaking()).toEqual([]);

  // Jargon: flagged, then explained, in the group's glossary.
  await page.getByRole('button', { name: 'Jargon' }).click();
  const dialog = page.getByRole('dialog', { name: 'Flag a word as jargon' });
  await dialog.getByLabel('Word or phrase').fill('IPMG');
  await dialog.getByLabel('Who asked').selectOption({ label: 'Grace Doherty' });
  await dialog.getByRole('button', { name: 'Add to glossary' }).click();
  await dialog.getByLabel('What “IPMG” means, in plain words').fill('The group that oversees all the workstreams');
  await dialog.getByRole('button', { name: 'Save explanation: IPMG' }).click();
  await dialog.getByText('IPMG — Explained').waitFor();
  await expectAccessible(page, 'jargon dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The room sees groups only, never a person's own figures.
  await page.getByRole('button', { name: 'Show the room' }).click();
  await page.getByRole('heading', { name: 'How the talking is shared' }).waitFor();
  await expect(page.getByRole('table').count()).resolves.toBe(0);
  await expect(page.getByText('Dr Sam Patel:').count()).resolves.toBe(0);
  // No perspective here has 3 people: only all of them together are shown.
  await page.getByText('Other perspectives', { exact: false }).waitFor();
  await expect(page.getByText('Staff', { exact: false }).count()).resolves.toBe(0);
  await expectAccessible(page, 'room view');
  await page.getByRole('button', { name: 'Back to the chair’s view' }).click();

  // Malik leaves early: his tile goes, and fair shares follow who is in the room.
  await meeting.showTab('Balance and queue');
  await page.getByText('Who is here (4)').click();
  await page.getByRole('button', { name: 'Left: Malik Hassan' }).click();
  await page.getByText('Who is here (3)').waitFor();
  await expect(meeting.speakerTile('Malik Hassan').count()).resolves.toBe(0);
  await context.close();
});
