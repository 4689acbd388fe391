import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, offlineTablet, ORIENTATIONS, TABLET, useAppAndBrowser } from './harness';
import { CheckInPage, HeardApp, MeetingPage } from './page-models';

const env = useAppAndBrowser();

/**
 * The device's speech, observed: every utterance's text is recorded instead of
 * spoken, and it "finishes" at once. A plain utterance class stands in too, as
 * Chromium's own refuses a voice it did not make.
 */
function recordSpeech() {
  const spoken: string[] = [];
  (window as unknown as { spoken: string[] }).spoken = spoken;
  class Utterance {
    voice: unknown = null;
    lang = '';
    rate = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(readonly text: string) {}
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => [{ lang: 'en-GB', name: 'Test voice' }],
      cancel: () => undefined,
      speak: (u: Utterance) => {
        spoken.push(u.text);
        setTimeout(() => u.onend?.(), 0);
      },
    },
  });
}

/** Taps "Read it to me" (or another button that reads aloud) and returns what the device was asked to say. */
async function readAloud(page: Page, button = 'Read it to me'): Promise<string> {
  const before = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.length);
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.length), { timeout: 10_000 }).toBe(before + 1);
  return page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.at(-1)!);
}

/** The screen's words were all spoken, in the order they are shown. */
async function expectReadInOrder(page: Page, where: string, words: string[]): Promise<string> {
  const spoken = await readAloud(page);
  let from = 0;
  for (const word of words) {
    const at = spoken.indexOf(word, from);
    expect(at, `"${word}" read aloud on ${where}, after what comes before it, in: ${spoken}`).toBeGreaterThanOrEqual(0);
    from = at + word.length;
  }
  return spoken;
}

/** The answers' words as they are laid out, left to right (and the tops of their boxes). */
async function answersLeftToRight(page: Page, question: string) {
  const radios = await page.getByRole('radiogroup', { name: question }).getByRole('radio').all();
  const boxes = [];
  for (const radio of radios) {
    const box = (await radio.boundingBox())!;
    const word = await radio.evaluate((el) => (el as HTMLInputElement).labels![0]!.textContent!.trim());
    boxes.push({ word, ...box });
  }
  return boxes.sort((a, b) => a.x - b.x);
}

/** The answers' words, left to right, with the positive one last: on the right, on every question. */
async function expectOrder(page: Page, question: string, words: string[]) {
  expect((await answersLeftToRight(page, question)).map((b) => b.word)).toEqual(words);
}

async function next(page: Page, heading: string) {
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

test('a participant who reads little checks in alone: every screen read aloud, one answer order, pictures, one row of faces', async () => {
  const { page } = await offlineTablet(env, { beforeFirstVisit: async (p) => void (await p.addInitScript(recordSpeech)) });
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  const checkIn = new CheckInPage(page);
  await app.createGroup('Carers’ voice forum');
  await app.addPerson('Aoife Byrne', 'Lived experience');
  await app.addPerson('Tom Reilly', 'Carer');
  await app.createMeeting({ title: 'May forum', date: '2030-05-14', start: '10:00', end: '11:00', venue: 'Library', chair: 'Tom Reilly' });
  await meeting.tap('Start meeting');
  await meeting.tap('Start without an agenda');
  await meeting.tap('End the meeting');
  await checkIn.lock('2468');

  // Pass the tablet: its words and its button.
  await expectReadInOrder(page, 'pass the tablet', [
    'Pass the tablet to the next person.',
    'Your answers are private. Nobody after you can see them.',
    'Start my check-in.',
    'Your information: what is kept about you',
  ]);

  // Your information, reached from the check-in, read out whole.
  await page.getByRole('link', { name: 'Your information: what is kept about you' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your information' }).waitFor();
  await expectAccessible(page, 'your information, from the check-in');
  await expectReadInOrder(page, 'your information', [
    'Your information.',
    'This page says what Heard keeps about you',
    'What Heard keeps.',
    'Which meetings you came to.',
    'Where it is kept.',
    'What is sent to the programme office.',
  ]);
  await page.getByRole('button', { name: 'Back to the check-in' }).first().click();
  await checkIn.passOn().waitFor();

  await page.getByRole('button', { name: 'Start my check-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Who are you?' }).waitFor();
  // The hint speaks of no box before there is one.
  expect(await page.getByText(/box below/).count()).toBe(0);
  // Its instructions are read, never the names: the list read out would tell the room who has not checked in.
  const who = await expectReadInOrder(page, 'who are you', ['Who are you?', 'Picking your name only marks that you checked in.', 'To hear a name, choose Hear name beside it.', "I'd rather not say.", 'Next.']);
  for (const name of ['Aoife', 'Tom Reilly']) expect(who, `"${name}" read out on who are you`).not.toContain(name);
  await expectAccessible(page, 'who are you');
  // One name, heard on request, alone.
  expect(await readAloud(page, 'Hear name: Aoife Byrne')).toBe('Aoife Byrne');
  await page.getByRole('radio', { name: 'Aoife Byrne' }).check();
  await page.getByRole('checkbox', { name: 'Put my name to my answers' }).waitFor();
  await expectAccessible(page, 'who are you, a name picked');
  for (const size of ORIENTATIONS) {
    await page.setViewportSize(size);
    if (process.env.HEARD_SHOTS) await page.screenshot({ path: `${process.env.HEARD_SHOTS}/who-are-you-${size.width}x${size.height}.png`, fullPage: true });
  }
  await page.setViewportSize(TABLET);
  const picked = await expectReadInOrder(page, 'who are you, a name picked', ['Put my name to my answers.', 'Only if you want the chair to know']);
  for (const name of ['Aoife', 'Tom Reilly']) expect(picked, `"${name}" read out on who are you, a name picked`).not.toContain(name);

  // Each question: read with its answers' words, negative on the left and positive on the right.
  const said = 'Did you get the chance to say what you wanted?';
  await next(page, said);
  await expectAccessible(page, 'a three-face question');
  await expectReadInOrder(page, 'a three-face question', ['Question 1 of 5.', said, 'No.', 'A bit.', 'Yes.']);
  await expectOrder(page, said, ['No', 'A bit', 'Yes']);
  await page.getByRole('radiogroup', { name: said }).getByRole('radio', { name: 'Yes', exact: true }).check();

  const listened = 'Did you feel listened to?';
  await next(page, listened);
  await expectReadInOrder(page, 'a yes-or-no question', ['Question 2 of 5.', listened, 'No.', 'Not sure.', 'Yes.']);
  await expectOrder(page, listened, ['No', 'Not sure', 'Yes']);
  await page.getByRole('radiogroup', { name: listened }).getByRole('radio', { name: 'Not sure' }).check();
  await expectAccessible(page, 'a yes-or-no question, answered');

  // Words added one at a time, each with its own remove button.
  const understood = "Was anything said that you didn't understand?";
  await next(page, understood);
  await expectOrder(page, understood, ['No', 'Not sure', 'Yes']);
  await page.getByRole('radiogroup', { name: understood }).getByRole('radio', { name: 'Yes', exact: true }).check();
  const wordBox = page.getByRole('textbox', { name: 'Which words? (optional)' });
  for (const word of ['ICB', 'MDT', 'CAMHS']) {
    await wordBox.fill(word);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Remove: MDT' }).click();
  const added = page.getByRole('region', { name: 'Words you added' }).getByRole('listitem');
  await expect.poll(() => added.allTextContents(), { timeout: 10_000 }).toEqual(['ICB', 'CAMHS']);
  await expectAccessible(page, 'words added');
  await expectReadInOrder(page, 'words added', [understood, 'No.', 'Not sure.', 'Yes.', 'Which words? (optional)', 'Words you added.', 'ICB.', 'CAMHS.']);

  const feeling = 'How are you feeling after this meeting?';
  await next(page, feeling);
  await expectReadInOrder(page, 'a five-face question', [feeling, 'Very bad.', 'Not good.', 'OK.', 'Good.', 'Very good.']);
  await expectOrder(page, feeling, ['Very bad', 'Not good', 'OK', 'Good', 'Very good']);
  // One row at both sizes: the five faces share one top and fit the screen.
  for (const size of ORIENTATIONS) {
    await page.setViewportSize(size);
    await expect
      .poll(async () => {
        const boxes = await answersLeftToRight(page, feeling);
        return {
          size,
          tops: new Set(boxes.map((b) => Math.round(b.y))).size,
          inside: boxes.every((b) => b.x >= 0 && b.x + b.width <= size.width),
          count: boxes.length,
        };
      }, { timeout: 10_000 })
      .toEqual({ size, tops: 1, inside: true, count: 5 });
  }
  await page.setViewportSize(TABLET);
  // The chosen face: a thicker border than the others, and a checked radio.
  await page.getByRole('radiogroup', { name: feeling }).getByRole('radio', { name: 'Good', exact: true }).check();
  const borders = await page
    .getByRole('radiogroup', { name: feeling })
    .getByRole('radio')
    .evaluateAll((radios) => radios.map((r) => ({ checked: (r as HTMLInputElement).checked, border: parseFloat(getComputedStyle((r as HTMLInputElement).labels![0]!).borderTopWidth) })));
  expect(borders.filter((b) => b.checked)).toEqual([{ checked: true, border: 6 }]);
  expect(borders.filter((b) => !b.checked).every((b) => b.border === 3)).toBe(true);
  await expectAccessible(page, 'a five-face question, answered');

  await next(page, 'Anything else?');
  await expectReadInOrder(page, 'a written answer', ['Question 5 of 5.', 'Anything else?', 'Your answer (optional)']);

  const oneToOne = 'Would you like a one-to-one with the chair?';
  await next(page, oneToOne);
  await expectAccessible(page, 'the one-to-one question');
  await expectReadInOrder(page, 'the one-to-one question', [oneToOne, 'A private talk, after the meeting.', 'No, thank you.', "Yes, I'd like a one-to-one.", 'Save my answers.']);
  await expectOrder(page, oneToOne, ['No, thank you', "Yes, I'd like a one-to-one"]);
  // Skipping it is a normal answer: saved, no problem box.
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
  expect(await page.getByText('There is a problem').count()).toBe(0);
  await expectAccessible(page, 'thank you');
  await expectReadInOrder(page, 'thank you', ['Thank you.', 'Your answers are saved. Nobody after you can see them.', 'Done — pass it on.']);
  await page.getByRole('button', { name: 'Done — pass it on' }).click();
  await checkIn.passOn().waitFor();

  // What the chair finds: the words one by one on the glossary, no one-to-one, the yes/no in the same order.
  await checkIn.unlock('2468');
  // Each word added, once, and not the one removed (in no promised order: they were saved together).
  expect((await page.getByRole('region', { name: 'Words people did not understand' }).getByRole('listitem').allTextContents()).sort()).toEqual(['CAMHS', 'ICB']);
  await page.getByText('Nobody asked for a one-to-one.').waitFor();
  const rows = await page.getByRole('region', { name: listened }).getByRole('row').allTextContents();
  expect(rows.slice(1).map((r) => r.replace(/\d+$/, '').trim())).toEqual(['No', 'Not sure', 'Yes']);
});
