import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectSaved, offlineTablet, useAppAndBrowser } from './harness';
import { HeardApp, MeetingPage } from './page-models';

const env = useAppAndBrowser();

interface Person {
  name: string | null;
  said: 'No' | 'A bit' | 'Yes';
  listened: 'Yes' | 'Not sure' | 'No';
  understood: 'Yes' | 'Not sure' | 'No';
  words?: string;
  feeling: 'Very bad' | 'Not good' | 'OK' | 'Good' | 'Very good';
  anythingElse: string;
  nameToAnswers?: boolean;
  oneToOne?: string;
}

const PEOPLE: Person[] = [
  { name: 'Aoife Byrne', said: 'Yes', listened: 'Yes', understood: 'Yes', words: 'ICB, MDT', feeling: 'Good', anythingElse: 'Tea was cold, otherwise lovely' },
  { name: null, said: 'A bit', listened: 'Not sure', understood: 'No', feeling: 'Not good', anythingElse: 'I was talked over twice', oneToOne: 'Ring me on 07700 900456' },
  { name: 'Dr Sam Patel', said: 'Yes', listened: 'Yes', understood: 'No', feeling: 'Very good', anythingElse: 'Good pace today', nameToAnswers: true },
];

/** Every control on the page has a name a screen reader would read. */
async function expectNamedControls(page: Page, where: string) {
  const unnamed = await page.evaluate(() => {
    const controls = Array.from(document.querySelectorAll('button, input, textarea, select, a[href], [role="radiogroup"]'));
    return controls
      .filter((el) => (el as HTMLElement).offsetParent !== null || el.getAttribute('role') === 'radiogroup' || (el as HTMLInputElement).type === 'radio')
      .filter((el) => {
        const labelled = (el as HTMLInputElement).labels?.length;
        const text = (el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') ?? el.textContent ?? '').trim();
        return !labelled && !text;
      })
      .map((el) => el.outerHTML.slice(0, 80));
  });
  expect(unnamed, `unnamed controls on ${where}`).toEqual([]);
}

/** What the page holds that a next person could see: text, form values, history, address. */
async function pageTraces(page: Page) {
  return page.evaluate(() => ({
    text: document.body.innerText,
    values: Array.from(document.querySelectorAll('input, textarea')).map((el) => (el as HTMLInputElement).value),
    checked: Array.from(document.querySelectorAll('input')).filter((el) => el.checked).length,
    historyLength: history.length,
    hash: location.hash,
  }));
}

async function checkIn(page: Page, person: Person, first: boolean) {
  await page.getByRole('button', { name: 'Start my check-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Who are you?' }).waitFor();
  if (first) {
    await expectAccessible(page, 'who are you');
    await expectNamedControls(page, 'who are you');
  }
  await page.getByRole('radio', { name: person.name ?? "I'd rather not say" }).check();
  if (person.nameToAnswers) await page.getByRole('checkbox', { name: 'Put my name to my answers' }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  const question = async (text: string, answer: string) => {
    await page.getByRole('heading', { level: 1, name: text }).waitFor();
    if (first) {
      await expectAccessible(page, `question: ${text}`);
      await expectNamedControls(page, `question: ${text}`);
    }
    await page.getByRole('radiogroup', { name: text }).getByRole('radio', { name: answer, exact: true }).check();
  };
  await question('Did you get the chance to say what you wanted?', person.said);
  if (first) {
    // Headless Chromium has no voices: the button says so rather than doing nothing.
    await page.getByRole('button', { name: /Read it to me/ }).click();
    await page.getByRole('button', { name: /This tablet cannot read aloud/ }).waitFor();
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await question('Did you feel listened to?', person.listened);
  await page.getByRole('button', { name: 'Next' }).click();
  await question("Was anything said that you didn't understand?", person.understood);
  if (person.words) await page.getByRole('textbox', { name: 'Which words? (optional)' }).fill(person.words);
  if (first) await expectAccessible(page, 'which words');
  await page.getByRole('button', { name: 'Next' }).click();
  await question('How are you feeling after this meeting?', person.feeling);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { level: 1, name: 'Anything else?' }).waitFor();
  if (first) await expectAccessible(page, 'anything else');
  await page.getByRole('textbox', { name: 'Your answer (optional)' }).fill(person.anythingElse);
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('heading', { level: 1, name: 'Would you like a one-to-one with the chair?' }).waitFor();
  if (person.oneToOne) {
    await page.getByRole('radio', { name: "Yes, I'd like a one-to-one" }).check();
    // The chair must know who: an empty contact is refused.
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByRole('alert').getByText('Enter your name, or a way to contact you').waitFor();
    await expectAccessible(page, 'one-to-one with an error');
    await page.getByRole('textbox', { name: 'Your name, or a way to contact you' }).fill(person.oneToOne);
  } else {
    await page.getByRole('radio', { name: 'No, thank you' }).check();
  }
  if (first) await expectAccessible(page, 'one-to-one');
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
  if (first) await expectAccessible(page, 'done');
  await page.getByRole('button', { name: 'Done — pass it on' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pass the tablet to the next person' }).waitFor();
  await expectSaved(page);
}

test('three people check in privately on one locked tablet, offline, and the chair unlocks to see the aggregates', async () => {
  const { context, page } = await offlineTablet(env);
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);

  await app.createGroup('Hospital discharge workstream');
  await app.addPerson('Aoife Byrne', 'Lived experience');
  await app.addPerson('Grace Doherty', 'Carer');
  await app.addPerson('Dr Sam Patel', 'Staff');
  const groupHash = await page.evaluate(() => location.hash);
  await app.createMeeting({ title: 'March meeting', date: '2030-03-14', start: '10:00', end: '12:00', venue: 'St Columba’s church hall', chair: 'Grace Doherty' });
  await meeting.tap('Start meeting');
  await meeting.tap('Start without an agenda');
  await meeting.tap('End the meeting');
  await page.getByRole('heading', { name: 'Check-in and close' }).waitFor();

  // The chair sets a PIN; mismatches are refused before anything locks.
  await page.getByRole('button', { name: 'Start check-in' }).click();
  await page.getByLabel('Chair PIN', { exact: true }).fill('2468');
  await page.getByLabel('Chair PIN again').fill('2469');
  await page.getByRole('button', { name: 'Lock and start check-in' }).click();
  await page.getByRole('alert').getByText('The two PINs are not the same').waitFor();
  await expectAccessible(page, 'setting the PIN, with an error');
  await page.getByLabel('Chair PIN again').fill('2468');
  await page.getByRole('button', { name: 'Lock and start check-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pass the tablet to the next person' }).waitFor();
  await expectSaved(page);
  await expectAccessible(page, 'participant start');
  await expectNamedControls(page, 'participant start');

  // Locked: no header or footer links, whatever the address says.
  const start = await pageTraces(page);
  expect(start.hash).toMatch(/^#\/meetings\/[^/]+\/checkin$/);
  expect(await page.getByRole('link', { name: 'Home', exact: true }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'This device' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Heard' }).count()).toBe(0);
  expect(await page.getByRole('navigation').count()).toBe(0);

  const allAnswers: string[] = [];
  for (const [i, person] of PEOPLE.entries()) {
    await checkIn(page, person, i === 0);
    allAnswers.push(person.anythingElse, ...(person.words ? [person.words] : []), ...(person.oneToOne ? [person.oneToOne] : []));
    const traces = await pageTraces(page);
    // Nothing of anyone's answers is left in the page, its fields, its history or its address.
    for (const answer of allAnswers) expect(traces.text).not.toContain(answer);
    expect(traces.text).not.toContain(person.feeling);
    expect(traces.values.filter((v) => v !== '')).toEqual([]);
    expect(traces.checked).toBe(0);
    expect(traces.historyLength).toBe(start.historyLength);
    expect(traces.hash).toBe(start.hash);
    if (person.name) expect(traces.text).not.toContain(person.name);
  }

  // The chair's screens cannot be reached without the PIN.
  const participantStart = page.getByRole('heading', { level: 1, name: 'Pass the tablet to the next person' });
  await page.mouse.click(30, 30); // where the header's "Heard" link was
  await participantStart.waitFor();
  await page.evaluate((hash) => (location.hash = hash), groupHash);
  await participantStart.waitFor();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(start.hash);
  expect(await page.getByRole('heading', { name: 'Hospital discharge workstream' }).count()).toBe(0);
  await page.goBack().catch(() => undefined);
  await participantStart.waitFor();
  expect(await page.getByRole('heading', { name: 'Check-in and close' }).count()).toBe(0);
  await page.reload();
  await participantStart.waitFor();
  expect(await page.getByRole('button', { name: 'Close meeting' }).count()).toBe(0);

  // A wrong PIN is refused; the right one opens the chair's view.
  await page.getByRole('button', { name: 'Chair: finish the check-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Chair: unlock your screens' }).waitFor();
  await expectAccessible(page, 'chair unlock');
  await expectNamedControls(page, 'chair unlock');
  await page.getByLabel('Chair PIN').fill('1111');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('alert').getByText('That PIN is not right').waitFor();
  await expectAccessible(page, 'chair unlock, wrong PIN');
  await page.getByLabel('Chair PIN').fill('2468');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check-in answers' }).waitFor();
  await expectAccessible(page, 'check-in answers');

  await page.getByText('3 people checked in.').waitFor();
  await page.getByText('Marked as checked in: Aoife Byrne, Dr Sam Patel.').waitFor();
  const counts = async (question: string) => {
    const section = page.getByRole('region', { name: question });
    const rows = await section.getByRole('row').all();
    const out: Record<string, string> = {};
    for (const row of rows.slice(1)) {
      const cells = await row.getByRole('cell').allTextContents();
      out[cells[0]!.replace(/^[^\p{L}]+/u, '')] = cells[1]!;
    }
    return out;
  };
  expect(await counts('Did you get the chance to say what you wanted?')).toEqual({ No: '0', 'A bit': '1', Yes: '2' });
  expect(await counts('Did you feel listened to?')).toEqual({ Yes: '2', 'Not sure': '1', No: '0' });
  expect(await counts("Was anything said that you didn't understand?")).toEqual({ Yes: '1', 'Not sure': '0', No: '2' });
  expect(await counts('How are you feeling after this meeting?')).toEqual({ 'Very bad': '0', 'Not good': '1', OK: '0', Good: '1', 'Very good': '1' });
  const texts = (await page.getByRole('region', { name: 'Anything else?' }).getByRole('listitem').allTextContents()).sort();
  // Free text without names, unless the person put their name to it.
  expect(texts).toEqual(['Good pace today — Dr Sam Patel', 'I was talked over twice', 'Tea was cold, otherwise lovely']);
  expect(await page.getByRole('region', { name: 'Words people did not understand' }).getByRole('listitem').allTextContents()).toEqual(
    expect.arrayContaining(['ICB', 'MDT']),
  );
  expect(await page.getByRole('region', { name: 'One-to-one requests' }).getByRole('listitem').allTextContents()).toEqual(['Ring me on 07700 900456']);

  // Unlocked: the chair's navigation is back, and the meeting can be closed.
  expect(await page.getByRole('link', { name: 'Home', exact: true }).count()).toBe(1);
  await page.getByRole('button', { name: 'Close meeting' }).click();
  await page.getByText('This meeting is closed.').waitFor();
  await expectSaved(page);
  await context.close();
});
