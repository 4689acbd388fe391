import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectSaved, offlineTablet, readStored, useAppAndBrowser } from './harness';
import { CheckInPage, HeardApp, MeetingPage } from './page-models';

const env = useAppAndBrowser();

const MINUTE = 60_000;
// 10:00 in London on the meeting day (GMT in March).
const TEN_AM = Date.UTC(2030, 2, 14, 10, 0);

const locked = (page: Page) => page.getByRole('heading', { level: 1, name: 'Heard is locked' });

async function typePin(page: Page, pin: string) {
  await page.getByLabel('Device PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

async function turnOnLock(page: Page, pin: string, minutes: number) {
  await page.getByRole('link', { name: 'This device' }).click();
  await page.getByRole('link', { name: 'Lock Heard with a PIN' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lock Heard with a PIN' }).waitFor();
  await page.getByLabel('Device PIN', { exact: true }).fill(pin);
  await page.getByLabel('Device PIN again').fill(pin);
  await page.getByRole('radio', { name: `${minutes} minutes` }).check();
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await page.getByText(`The lock is on. Heard asks for the PIN when it is opened, and after ${minutes} minutes without use.`).waitFor();
  await expectSaved(page);
}

test('a device PIN: asked on reopening and after idle, growing waits after wrong tries, erasing when forgotten; a running meeting keeps time', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM - 30 * MINUTE });
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  const itemClock = () => meeting.itemClock('Time on this item').textContent();

  await app.createGroup('Carers’ support workstream');
  await app.addPerson('Aoife Byrne', 'Lived experience');
  await app.addPerson('Grace Doherty', 'Carer');
  await app.createMeeting({ title: 'April meeting', date: '2030-03-14', start: '10:00', end: '11:00', venue: 'Church hall', chair: 'Grace Doherty' });
  await meeting.addItem({ title: 'Respite breaks', purpose: 'For discussion', minutes: 30 });
  const meetingHash = await page.evaluate(() => location.hash);

  // The settings: off, then an easy PIN refused, then on with a 2-minute idle time.
  await page.getByRole('link', { name: 'This device' }).click();
  await page.getByText('Lock Heard with a PIN — off').waitFor();
  await page.getByRole('link', { name: 'Your information' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your information' }).waitFor();
  await page.getByText('At the moment, this tablet does not send anything. Nothing leaves it.', { exact: false }).waitFor();
  await expectAccessible(page, 'your information, from This device');
  await page.getByRole('link', { name: 'This device' }).click();
  await page.getByRole('link', { name: 'Lock Heard with a PIN' }).click();
  await page.getByText('The lock is off. Anyone who opens Heard on this tablet can see everything in it.').waitFor();
  await expectAccessible(page, 'lock settings, off');
  await page.getByLabel('Device PIN', { exact: true }).fill('1234');
  await page.getByLabel('Device PIN again').fill('1234');
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await page.getByRole('alert').getByText('Choose a PIN that is harder to guess', { exact: false }).waitFor();
  await expectAccessible(page, 'lock settings, with an error');
  await turnOnLock(page, '2468', 2);
  await expectAccessible(page, 'lock settings, on');
  // Stored only as a salted hash.
  const stored = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('heard');
        open.onsuccess = () => {
          const request = open.result.transaction('settings').objectStore('settings').get('app-lock');
          request.onsuccess = () => resolve(JSON.stringify(request.result));
        };
      }),
  );
  expect(stored).toContain('"iterations":600000');
  expect(stored).not.toContain('2468');

  // Reopened: the PIN first, and neither a typed address nor Back gets round it.
  await page.reload();
  await locked(page).waitFor();
  await expectAccessible(page, 'lock prompt');
  expect(await page.getByRole('navigation').count()).toBe(0);
  expect(await page.getByRole('link').count()).toBe(0);
  await page.evaluate((hash) => (location.hash = hash), meetingHash);
  await locked(page).waitFor();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/app-lock');
  expect(await page.getByRole('heading', { name: 'April meeting' }).count()).toBe(0);
  await typePin(page, '2468');
  await page.getByRole('heading', { level: 1, name: 'Lock Heard with a PIN' }).waitFor();

  // The meeting starts; two minutes with no touch locks Heard over it.
  await page.evaluate((hash) => (location.hash = hash), meetingHash);
  await app.heading('April meeting').waitFor();
  await context.clock.setFixedTime(TEN_AM);
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await page.getByRole('heading', { level: 2, name: 'Respite breaks' }).waitFor();
  await context.clock.setFixedTime(TEN_AM + MINUTE);
  await expect.poll(itemClock).toBe('1:00');
  expect(await locked(page).count()).toBe(0);
  await context.clock.setFixedTime(TEN_AM + 2 * MINUTE);
  await locked(page).waitFor();
  expect(await page.getByRole('heading', { name: 'Respite breaks' }).count()).toBe(0);

  // Five wrong PINs: a wait, said plainly, that a reload does not clear.
  await context.clock.setFixedTime(TEN_AM + 7 * MINUTE);
  for (let i = 1; i <= 5; i++) {
    await typePin(page, '1357');
    await page.getByRole('alert').getByText('That PIN is not right').waitFor();
    if (i < 5) await page.getByText(`${i === 1 ? '1 wrong try' : `${i} wrong tries`} so far.`, { exact: false }).waitFor();
  }
  await page.getByText('Too many wrong tries. Wait 30 seconds, then try again.').waitFor();
  expect(await page.getByRole('button', { name: 'Unlock' }).isDisabled()).toBe(true);
  await expectAccessible(page, 'lock prompt, waiting after wrong tries');
  await page.reload();
  await locked(page).waitFor();
  await page.getByText('Too many wrong tries. Wait 30 seconds, then try again.').waitFor();
  await context.clock.setFixedTime(TEN_AM + 7 * MINUTE + 30_000);
  await expect.poll(() => page.getByRole('button', { name: 'Unlock' }).isEnabled()).toBe(true);
  await typePin(page, '1357');
  await page.getByText('Too many wrong tries. Wait 1 minute, then try again.').waitFor();

  // The right PIN after the wait: back on the running meeting, its clock right by the stored taps.
  await context.clock.setFixedTime(TEN_AM + 8 * MINUTE + 30_000);
  await expect.poll(() => page.getByRole('button', { name: 'Unlock' }).isEnabled()).toBe(true);
  await typePin(page, '2468');
  await page.getByRole('heading', { level: 2, name: 'Respite breaks' }).waitFor();
  await expect.poll(itemClock).toBe('8:30');
  await expect.poll(() => meeting.itemClock('Left').textContent()).toBe('21:30');

  // Forgotten: there is no way round the PIN. Erasing is counted first (a running meeting is a meeting,
  // its summary not yet made), needs ERASE typed, and then nothing of Heard is left on the tablet.
  await context.clock.setFixedTime(TEN_AM + 11 * MINUTE);
  await locked(page).waitFor();
  expect(await page.getByRole('button', { name: /Reset/ }).count()).toBe(0);
  await page.getByRole('button', { name: 'Erase Heard on this tablet' }).click();
  await page.getByRole('heading', { level: 1, name: 'Erase Heard on this tablet' }).waitFor();
  await page.getByText('This deletes everything Heard holds on this tablet: 1 group and 1 meeting,', { exact: false }).waitFor();
  await page.getByText('Nothing is waiting to be sent to the programme office.').waitFor();
  await page.getByText('A backup file saved from Heard (a JSON file) brings them back', { exact: false }).waitFor();
  await expectAccessible(page, 'erase Heard on this tablet');
  await page.getByLabel('Type ERASE to confirm').fill('erse');
  await page.getByRole('button', { name: 'Erase everything on this tablet' }).click();
  await page.getByRole('alert').getByText('Type ERASE to erase Heard on this tablet, or choose Cancel').waitFor();
  await expectAccessible(page, 'erase Heard, with an error');
  expect(await readStored(page, 'groups')).toHaveLength(1);
  await page.getByLabel('Type ERASE to confirm').fill('ERASE');
  await page.getByRole('button', { name: 'Erase everything on this tablet' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your meetings' }).waitFor();
  for (const store of ['groups', 'people', 'meetings', 'agendaItems', 'clockEvents', 'settings', 'outbox']) expect(await readStored(page, store), store).toEqual([]);
  expect(await page.evaluate(() => document.body.innerText)).not.toContain('Respite breaks');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your meetings' }).waitFor();
  expect(await locked(page).count()).toBe(0);
  await context.close();
});

test('Your information is one tap from the locked check-in and back; the device PIN never opens the chair’s screens', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM });
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  await app.createGroup('Hospital discharge workstream');
  await app.addPerson('Aoife Byrne', 'Lived experience');
  await app.createMeeting({ title: 'March meeting', date: '2030-03-14', start: '10:00', end: '12:00', venue: 'Church hall', chair: 'Aoife Byrne' });
  const meetingHash = await page.evaluate(() => location.hash);
  await turnOnLock(page, '2468', 5);

  await page.evaluate((hash) => (location.hash = hash), meetingHash);
  await app.heading('March meeting').waitFor();
  await meeting.tap('Start meeting');
  await meeting.tap('Start without an agenda');
  await meeting.tap('End the meeting');
  const checkIn = new CheckInPage(page);
  await checkIn.lock('1357');
  const participantStart = checkIn.passOn();

  // Reopened mid-check-in: the device PIN, then the check-in again, not the chair's screens.
  await page.reload();
  await locked(page).waitFor();
  await typePin(page, '2468');
  await participantStart.waitFor();
  expect(await page.getByRole('navigation').count()).toBe(0);
  // Handing round takes time: the idle lock waits while the check-in runs.
  await context.clock.setFixedTime(TEN_AM + 20 * MINUTE);
  // The idle check runs now, as it does every second and whenever the tab is shown again;
  // a lock it called for would be drawn by the frame after it.
  await page.evaluate(() => {
    document.dispatchEvent(new Event('visibilitychange'));
    return new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  });
  expect(await locked(page).count()).toBe(0);

  const start = await page.evaluate(() => ({ hash: location.hash, length: history.length }));
  await page.getByRole('link', { name: 'Your information: what is kept about you' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your information' }).waitFor();
  await page.getByText('It never has what you said in your own words', { exact: false }).waitFor();
  await expectAccessible(page, 'your information, from the check-in');
  expect(await page.getByRole('link').count()).toBe(0);
  expect(await page.getByRole('navigation').count()).toBe(0);
  // Nothing else is reachable from here: a typed address goes back to the check-in.
  await page.evaluate(() => (location.hash = '#/device'));
  await participantStart.waitFor();
  expect(await page.getByRole('heading', { name: 'This device' }).count()).toBe(0);

  await page.getByRole('link', { name: 'Your information: what is kept about you' }).click();
  await page.getByRole('button', { name: 'Back to the check-in' }).first().click();
  await participantStart.waitFor();
  expect(await page.evaluate(() => location.hash)).toBe(start.hash);
  // The typed address added one entry; the visit and the way back added none.
  expect(await page.evaluate(() => history.length)).toBe(start.length + 1);
  await context.close();
});
