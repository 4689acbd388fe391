import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { offlineTablet, useAppAndBrowser } from './harness';
import { CheckInPage, HeardApp, MeetingPage } from './page-models';

const env = useAppAndBrowser();

interface Focused {
  tag: string;
  type: string;
  name: string;
  checked: boolean;
}

/** What has the keyboard focus, and the name it would be read out with. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const label = el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.textContent ?? '';
    // A picture's own marks (the "?" drawn in "Not sure") are hidden from screen readers: leave them out.
    const name = label.replace(/\s+/g, ' ').trim().replace(/^[^\p{L}]+/u, '');
    return { tag: el?.tagName ?? '', type: el?.type ?? '', name, checked: Boolean(el?.checked) };
  });
}

/** Presses Tab until the focus is on what `wanted` accepts; a control Tab cannot reach fails the test. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Moves through a radio group with the arrow keys until `answer` is chosen, as a keyboard user does. */
async function chooseWithArrows(page: Page, answer: string): Promise<void> {
  await tabTo(page, (f) => f.type === 'radio', 'the answers');
  const trail: string[] = [];
  for (let presses = 0; presses < 8; presses++) {
    const now = await focused(page);
    if (now.name === answer) {
      if (!now.checked) await page.keyboard.press('Space');
      expect(await focused(page)).toMatchObject({ name: answer, checked: true });
      return;
    }
    trail.push(`${now.tag}:${now.name}:${now.checked}`);
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`Arrow keys never reached "${answer}": ${trail.join(' | ')}`);
}

async function next(page: Page, heading: string, button = 'Next'): Promise<void> {
  await tabTo(page, (f) => f.tag === 'BUTTON' && f.name === button, button);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

test('a participant checks in with the keyboard alone, and the chair unlocks with it too', async () => {
  const { page } = await offlineTablet(env);
  const app = new HeardApp(page);
  const meeting = new MeetingPage(page);
  await app.createGroup('Young carers forum');
  await app.addPerson('Jamie Quinn', 'Carer');
  await app.createMeeting({ title: 'June forum', date: '2030-06-12', start: '16:00', end: '17:00', venue: 'Youth centre', chair: 'Jamie Quinn' });
  await meeting.tap('Start meeting');
  await meeting.tap('Start without an agenda');
  await meeting.tap('End the meeting');
  await new CheckInPage(page).lock('97531');

  await tabTo(page, (f) => f.name === 'Start my check-in', 'Start my check-in');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Who are you?' }).waitFor();
  await chooseWithArrows(page, 'Jamie Quinn');
  await next(page, 'Did you get the chance to say what you wanted?');
  await chooseWithArrows(page, 'A bit');
  await next(page, 'Did you feel listened to?');
  await chooseWithArrows(page, 'Not sure');
  await next(page, "Was anything said that you didn't understand?");
  await chooseWithArrows(page, 'Yes');
  await tabTo(page, (f) => f.tag === 'TEXTAREA' || (f.tag === 'INPUT' && f.type === 'text'), 'which words');
  await page.keyboard.type('CAMHS');
  await next(page, 'How are you feeling after this meeting?');
  await chooseWithArrows(page, 'Good');
  await next(page, 'Anything else?');
  await tabTo(page, (f) => f.tag === 'TEXTAREA' || (f.tag === 'INPUT' && f.type === 'text'), 'anything else');
  await page.keyboard.type('More breaks please');
  await next(page, 'Would you like a one-to-one with the chair?');
  await chooseWithArrows(page, 'No, thank you');
  await next(page, 'Thank you', 'Save my answers');
  await tabTo(page, (f) => f.name === 'Done — pass it on', 'Done — pass it on');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Pass the tablet to the next person' }).waitFor();

  await tabTo(page, (f) => f.name === 'Chair: finish the check-in', 'the chair’s button');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Chair: unlock your screens' }).waitFor();
  await tabTo(page, (f) => f.tag === 'INPUT', 'the PIN');
  await page.keyboard.type('97531');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Check-in answers' }).waitFor();
  await page.getByText('1 person checked in.').waitFor();
  const row = page.getByRole('region', { name: 'Did you feel listened to?' }).getByRole('row', { name: /Not sure/ });
  await expect.poll(() => row.getByRole('cell').allTextContents()).toEqual([expect.stringContaining('Not sure'), '1']);
  await page.getByRole('region', { name: 'Anything else?' }).getByText('More breaks please').waitFor();
  await page.getByRole('region', { name: 'Words people did not understand' }).getByText('CAMHS').waitFor();
});
