import type { BrowserContext, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { downloaded, everyRecordExport, expectAccessible, expectSaved, offlineTablet, useAppAndBrowser, wholeDatabase } from './harness';
import { CheckInPage, HeardApp, MeetingPage } from './page-models';

const env = useAppAndBrowser();

const TEN_AM = new Date(2030, 2, 14, 10, 0).getTime();

// What one participant types, that nobody after them may see without the chair's secret.
const WRITTEN = 'my manager bullies me';
const WORDS = 'Zebracrossing';
const CONTACT = 'Ring Aoife on 07700 900999';
const SECRETS = [WRITTEN, WORDS, CONTACT];

/**
 * Everything of the page a next person could reach: the text, the whole
 * markup (hidden parts and attributes too), every field's value, the
 * history entry's state and the address.
 */
async function traces(page: Page): Promise<string> {
  return page.evaluate(() =>
    [
      document.body.innerText,
      document.documentElement.outerHTML,
      ...Array.from(document.querySelectorAll('input, textarea, select')).map((el) => (el as HTMLInputElement).value),
      JSON.stringify(history.state),
      location.href,
    ].join('\n'),
  );
}

async function expectNoSecret(page: Page, where: string): Promise<void> {
  const seen = await traces(page);
  for (const secret of SECRETS) expect(seen, `${secret} on ${where}`).not.toContain(secret);
}

/** Every store of the database but the sealed one: what every screen, export and summary reads from. */
async function openTables(page: Page): Promise<string> {
  const { sealedCheckIns: _sealed, ...rest } = await wholeDatabase(page);
  return JSON.stringify(rest);
}

const participantStart = (page: Page) => page.getByRole('heading', { level: 1, name: 'Pass the tablet to the next person' });

/** A meeting ended and locked for its check-in with chair PIN 2468; returns the meeting's address. */
async function meetingAtCheckIn(page: Page, before?: () => Promise<void>): Promise<string> {
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  await app.createGroup('Hospital discharge workstream');
  await app.addPerson('Aoife Byrne', 'Lived experience');
  await app.addPerson('Grace Doherty', 'Carer');
  await app.createMeeting({ title: 'March meeting', date: '2030-03-14', start: '10:00', end: '12:00', venue: 'Church hall', chair: 'Grace Doherty' });
  const meetingHash = await page.evaluate(() => location.hash);
  await before?.();
  await page.evaluate((hash) => (location.hash = hash), meetingHash);
  await app.heading('March meeting').waitFor();
  await meeting.tap('Start meeting');
  await meeting.tap('Start without an agenda');
  await meeting.tap('End the meeting');
  await new CheckInPage(page).lock('2468');
  return meetingHash;
}

/** Aoife puts her name to her answers and answers up to "Anything else?", where she has typed but not gone on. */
async function aoifeAnswersUpToAnythingElse(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start my check-in' }).click();
  await page.getByRole('radio', { name: 'Aoife Byrne' }).check();
  await page.getByRole('checkbox', { name: 'Put my name to my answers' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  const answer = async (question: string, choice: string) => {
    await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: choice, exact: true }).check();
  };
  await answer('Did you get the chance to say what you wanted?', 'A bit');
  await page.getByRole('button', { name: 'Next' }).click();
  await answer('Did you feel listened to?', 'No');
  await page.getByRole('button', { name: 'Next' }).click();
  await answer("Was anything said that you didn't understand?", 'Yes');
  await page.getByRole('textbox', { name: 'Which words? (optional)' }).fill(WORDS);
  await page.getByRole('button', { name: 'Next' }).click();
  await answer('How are you feeling after this meeting?', 'Not good');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: 'Your answer (optional)' }).fill(WRITTEN);
}

/** Aoife answers, puts her name to it, writes words and asks for a one-to-one: every kind of thing that is sealed. */
async function aoifeAnswersUpToThankYou(page: Page): Promise<void> {
  await aoifeAnswersUpToAnythingElse(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: "Yes, I'd like a one-to-one" }).check();
  await page.getByRole('textbox', { name: 'Your name, or a way to contact you' }).fill(CONTACT);
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
}

/** What will happen is said first: `alsoSaid` is more the screen must say. */
async function endWithoutThePin(page: Page, alsoSaid?: string): Promise<void> {
  await page.getByRole('button', { name: 'Chair: finish the check-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Chair: unlock your screens' }).waitFor();
  await page.getByText('Everything else is sealed', { exact: false }).waitFor();
  if (alsoSaid) await page.getByText(alsoSaid).waitFor();
  await page.getByRole('button', { name: 'End the check-in without the PIN' }).click();
  await page.getByRole('button', { name: 'Yes, end the check-in and seal the answers' }).click();
}

async function secondTab(context: BrowserContext, url: string): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(url);
  return tab;
}

test('no path to an earlier participant’s words without the chair PIN: Thank you, Back, idle, reload, a second tab, the address bar, “Your information”, ending without the PIN, exports; the PIN opens them', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM });
  const meetingHash = await meetingAtCheckIn(page);
  const start = await page.evaluate(() => ({ hash: location.hash, length: history.length }));

  // Saved as she reaches "Thank you", which holds nothing of hers and has no way back to it.
  await aoifeAnswersUpToThankYou(page);
  expect(JSON.stringify(await wholeDatabase(page))).toContain(WRITTEN);
  await expectNoSecret(page, 'Thank you');
  expect(await page.getByRole('button', { name: 'Back' }).count()).toBe(0);
  await expectAccessible(page, 'thank you');
  // She walks off without tapping Done: Back does not bring her answers back, and 30 seconds clear the screen.
  await page.goBack().catch(() => undefined);
  await expectNoSecret(page, 'Back from Thank you');
  await context.clock.setFixedTime(TEN_AM + 31_000);
  await participantStart(page).waitFor();
  await expectNoSecret(page, 'the next person’s first screen');
  expect(await page.evaluate(() => history.length)).toBe(start.length);

  // The next person tries every way round: Back, a reload, the address bar, a second tab, "Your information".
  await page.goBack().catch(() => undefined);
  await participantStart(page).waitFor();
  await page.reload();
  await participantStart(page).waitFor();
  for (const hash of [`${meetingHash}/record`, `${meetingHash}/run`, '#/device', meetingHash]) {
    await page.evaluate((to) => (location.hash = to), hash);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(start.hash);
    await participantStart(page).waitFor();
    await expectNoSecret(page, `the address ${hash}`);
  }
  const tab = await secondTab(context, `${env.server.url}${meetingHash}/record`);
  await participantStart(tab).waitFor();
  await expectNoSecret(tab, 'a second tab');
  // Back to the first tab, as a person would: Chromium answers input to a tab left behind
  // another only after a two-second wait, on every click and download after here.
  await page.bringToFront();
  await page.getByRole('link', { name: 'Your information: what is kept about you' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your information' }).waitFor();
  await expectNoSecret(page, 'Your information');
  await page.getByRole('button', { name: 'Back to the check-in' }).first().click();
  await participantStart(page).waitFor();
  await expectNoSecret(page, 'back from Your information');

  // "Chair: finish the check-in" leads only to the PIN; without it, the check-in ends sealed.
  await endWithoutThePin(page);
  await page.getByRole('heading', { level: 1, name: 'Check-in answers' }).waitFor();
  await page.getByRole('heading', { name: 'Sealed answers' }).waitFor();
  await page.getByText('2 written answers, 1 set of answers with a name, 1 request for a one-to-one, 1 word to explain.').waitFor();
  // The counts stay.
  await page.getByText('1 person checked in.').waitFor();
  const listened = page.getByRole('region', { name: 'Did you feel listened to?' }).getByRole('row');
  // In the check-in's one answer order, negative first (as on the participant's screen, left to right).
  await expect.poll(async () => (await listened.allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim())).toEqual(['Answer How many', 'No 1', 'Not sure 0', 'Yes 0']);
  await expectNoSecret(page, 'the answers, sealed');
  await expectAccessible(page, 'check-in answers, sealed');
  // The second tab was held on the check-in: reloaded, it is the answers page, sealed there too.
  await tab.reload();
  await tab.getByRole('heading', { name: 'Sealed answers' }).waitFor();
  await expectNoSecret(tab, 'the second tab, sealed');
  expect(await openTables(page)).not.toMatch(new RegExp(SECRETS.join('|')));

  // Nor in anything the record saves while sealed: minutes, spreadsheets, calendar, the backup.
  await page.evaluate((hash) => (location.hash = `${hash}/record`), meetingHash);
  await page.getByRole('region', { name: 'Save or share this record' }).waitFor();
  await page.getByText('Some check-in answers of this meeting are sealed: they are not in this record or its files until they are opened.').waitFor();
  await expectNoSecret(page, 'the record, sealed');
  for (const file of await everyRecordExport(page)) for (const secret of SECRETS) expect(file.text, `${secret} in ${file.name}`).not.toContain(secret);

  // The chair PIN opens them: every word back where it was, and in a backup made now.
  await page.evaluate((hash) => (location.hash = `${hash}/checkin`), meetingHash);
  await page.getByRole('heading', { name: 'Sealed answers' }).waitFor();
  await page.getByLabel('Chair PIN', { exact: true }).fill('1357');
  await page.getByRole('button', { name: 'Open the sealed answers' }).click();
  await page.getByRole('alert').getByText('That PIN is not right').waitFor();
  await expectAccessible(page, 'sealed answers, wrong PIN');
  await expectNoSecret(page, 'after a wrong PIN');
  await page.getByLabel('Chair PIN', { exact: true }).fill('2468');
  await page.getByRole('button', { name: 'Open the sealed answers' }).click();
  await page.getByText('The sealed answers are open again.').waitFor();
  await expectSaved(page);
  await page.getByRole('region', { name: 'Anything else?' }).getByText(`${WRITTEN} — Aoife Byrne`).waitFor();
  await page.getByRole('region', { name: 'One-to-one requests' }).getByText(CONTACT).waitFor();
  await page.getByRole('region', { name: 'Words people did not understand' }).getByText(WORDS).waitFor();
  await page.evaluate((hash) => (location.hash = `${hash}/record`), meetingHash);
  const backup = await downloaded(page, 'Download Backup of this meeting (JSON)');
  for (const secret of SECRETS) expect(backup.text, secret).toContain(secret);
  await context.close();
});

test('nobody knows the PIN: the sealed words are deleted after DELETE is typed, and the counts stay', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM });
  await meetingAtCheckIn(page);
  await aoifeAnswersUpToThankYou(page);
  await page.getByRole('button', { name: 'Done — pass it on' }).click();
  await participantStart(page).waitFor();
  await expectNoSecret(page, 'after Done');
  await endWithoutThePin(page);
  await page.getByRole('heading', { name: 'Sealed answers' }).waitFor();
  await page.getByRole('button', { name: 'Delete the sealed answers' }).click();
  await page.getByLabel('Type DELETE to confirm').fill('delet');
  await page.getByRole('button', { name: 'Delete the sealed answers' }).click();
  await page.getByRole('alert').getByText('Type DELETE to delete the sealed answers, or choose Cancel').waitFor();
  await expectAccessible(page, 'deleting sealed answers, with an error');
  expect(JSON.stringify(await wholeDatabase(page))).toContain(WRITTEN);
  await page.getByLabel('Type DELETE to confirm').fill('DELETE');
  await page.getByRole('button', { name: 'Delete the sealed answers' }).click();
  await page.getByText('The sealed answers are deleted. The numbers stay.').waitFor();
  await page.getByText('1 person checked in.').waitFor();
  expect(JSON.stringify(await wholeDatabase(page))).not.toMatch(new RegExp(SECRETS.join('|')));
  await expectNoSecret(page, 'after deleting');
  await context.close();
});

test('with the device lock: ending without the chair PIN asks for the device PIN, which opens the seal; forgetting it erases the tablet', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM });
  const deviceLocked = page.getByRole('heading', { level: 1, name: 'Heard is locked' });
  await meetingAtCheckIn(page, async () => {
    await page.getByRole('link', { name: 'This device' }).click();
    await page.getByRole('link', { name: 'Lock Heard with a PIN' }).click();
    await page.getByLabel('Device PIN', { exact: true }).fill('9753');
    await page.getByLabel('Device PIN again').fill('9753');
    await page.getByRole('button', { name: 'Turn on the lock' }).click();
    await page.getByText('The lock is on.', { exact: false }).waitFor();
    await expectSaved(page);
  });
  await aoifeAnswersUpToThankYou(page);
  await page.getByRole('button', { name: 'Done — pass it on' }).click();
  await participantStart(page).waitFor();

  await endWithoutThePin(page, 'Heard is also locked with a device PIN: that PIN opens the sealed answers too.');
  await deviceLocked.waitFor();
  await expectNoSecret(page, 'the device lock after ending');
  expect(await openTables(page)).not.toMatch(new RegExp(SECRETS.join('|')));

  // The chair's device PIN: the answers page, still sealed; the same PIN opens the seal.
  await page.getByLabel('Device PIN', { exact: true }).fill('9753');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'Sealed answers' }).waitFor();
  await expectNoSecret(page, 'sealed, past the device lock');
  await page.getByLabel('Chair PIN or device PIN').fill('9753');
  await page.getByRole('button', { name: 'Open the sealed answers' }).click();
  await page.getByRole('region', { name: 'Anything else?' }).getByText(`${WRITTEN} — Aoife Byrne`).waitFor();

  // Locked again and the device PIN forgotten: the only way on erases everything, said first, and nothing is left.
  await page.getByRole('link', { name: 'This device' }).click();
  await page.getByRole('link', { name: 'Lock Heard with a PIN' }).click();
  await page.getByRole('button', { name: 'Lock Heard now' }).click();
  await deviceLocked.waitFor();
  await expectNoSecret(page, 'locked again');
  await page.getByRole('button', { name: 'Erase Heard on this tablet' }).click();
  await page.getByText('This deletes everything Heard holds on this tablet: 1 group and 1 meeting,', { exact: false }).waitFor();
  await expectAccessible(page, 'erase Heard, from the check-in');
  await page.getByLabel('Type ERASE to confirm').fill('ERASE');
  await page.getByRole('button', { name: 'Erase everything on this tablet' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your meetings' }).waitFor();
  await expectNoSecret(page, 'after erasing');
  for (const [store, rows] of Object.entries(await wholeDatabase(page))) expect(rows, store).toEqual([]);
  await context.close();
});

test('a device lock whose state cannot be read keeps Heard locked and says why', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM });
  const app = new HeardApp(page);
  await app.createGroup('Hospital discharge workstream');
  await app.addPerson('Aoife Byrne', 'Lived experience');
  const groupHash = await page.evaluate(() => location.hash);
  // A damaged lock record: there, but not a lock anyone could check a PIN against.
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('heard');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'app-lock', value: { idleMinutes: 5, pin: 'lost' } });
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Heard is locked' }).waitFor();
  await page.getByText('Heard could not read whether it is locked, or what its lock is, so it stays locked', { exact: false }).waitFor();
  await expectAccessible(page, 'lock unreadable');
  expect(await page.getByRole('navigation').count()).toBe(0);
  expect(await page.getByRole('link').count()).toBe(0);
  await page.evaluate((hash) => (location.hash = hash), groupHash);
  await page.getByRole('heading', { level: 1, name: 'Heard is locked' }).waitFor();
  const text = await page.evaluate(() => document.body.innerText);
  expect(text).not.toContain('Aoife Byrne');
  expect(text).not.toContain('Hospital discharge workstream');
  await context.close();
});

test('a check-in abandoned mid-answer, by walking off or by a reload, keeps nothing of the answer anywhere', async () => {
  const { context, page } = await offlineTablet(env, { clockAt: TEN_AM });
  await meetingAtCheckIn(page);
  const start = await page.evaluate(() => history.length);
  const nothingStored = async (where: string) => expect(JSON.stringify(await wholeDatabase(page)), `the database ${where}`).not.toMatch(new RegExp(SECRETS.join('|')));

  // She walks off mid-answer: two minutes without a touch ask if she is still there...
  await aoifeAnswersUpToAnythingElse(page);
  await context.clock.setFixedTime(TEN_AM + 2 * 60_000);
  await page.getByRole('heading', { level: 1, name: 'Are you still there?' }).waitFor();
  await expectNoSecret(page, '“Are you still there?”');
  await expectAccessible(page, 'are you still there');
  // ...and thirty seconds more clear it, with nothing of it kept.
  await context.clock.setFixedTime(TEN_AM + 2 * 60_000 + 30_000);
  await participantStart(page).waitFor();
  await expectNoSecret(page, 'the screen after idle cleared it');
  await nothingStored('after idle cleared it');
  expect(await page.evaluate(() => history.length), 'no history entries left behind').toBe(start);
  // The next person starts clean: not Aoife, her name not put to anything.
  await page.getByRole('button', { name: 'Start my check-in' }).click();
  await page.getByRole('radio', { name: 'Aoife Byrne' }).waitFor();
  expect(await page.getByRole('radio', { name: 'Aoife Byrne' }).isChecked()).toBe(false);
  expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(0);
  await page.reload();
  await participantStart(page).waitFor();

  // A reload mid-answer: the check-in starts again from its first screen, holding nothing of hers.
  await context.clock.setFixedTime(TEN_AM + 5 * 60_000);
  await aoifeAnswersUpToAnythingElse(page);
  expect(await traces(page), 'typed before the reload').toContain(WRITTEN);
  await page.reload();
  await participantStart(page).waitFor();
  await expectNoSecret(page, 'the screen after a reload mid-answer');
  await page.goBack().catch(() => undefined);
  await participantStart(page).waitFor();
  await expectNoSecret(page, 'Back after a reload mid-answer');
  await nothingStored('after a reload mid-answer');
  await context.close();
});
