import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible, expectSaved, offlineTablet, ORIENTATIONS, PORTRAIT, readStored, settled, useAppAndBrowser } from './harness';
import { HeardApp, MeetingPage } from './page-models';

const env = useAppAndBrowser();

/**
 * Every visible button, link, field, list and summary on the page smaller than 44×44 px (a
 * tick box or radio counts by its label, which is what a finger taps), as "what it says: w×h".
 */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')) {
      const choice = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
      const target = choice ? (el.closest('label') ?? el) : el;
      const box = target.getBoundingClientRect();
      // Not drawn: inside a closed <details>, display none, or visually hidden until focused (the skip link).
      if (box.width <= 2 || box.height <= 2 || getComputedStyle(target).visibility === 'hidden') continue;
      const said = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).name ?? '').trim().slice(0, 50);
      if (box.width < 44 || box.height < 44) small.push(`${el.tagName.toLowerCase()} “${said}”: ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  });
}

/** Touch targets at both tablet sizes, and axe (which also runs at both), on each screen the walk passes. */
async function expectTouchTargets(page: Page, where: string): Promise<void> {
  const before = page.viewportSize() ?? PORTRAIT;
  for (const size of ORIENTATIONS) {
    await page.setViewportSize(size);
    await settled(page);
    expect(await smallTargets(page), `targets under 44×44 px on ${where} at ${size.width}×${size.height}`).toEqual([]);
  }
  await page.setViewportSize(before);
  await settled(page);
  await expectAccessible(page, where);
}

const go = async (page: Page, hash: string, heading: string | RegExp) => {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
};

test('every button, link and field on the chair’s screens is at least 44×44 px at 768×1024 and 1024×768', async () => {
  const { context, page } = await offlineTablet(env);
  await page.setViewportSize(PORTRAIT);
  const app = new HeardApp(page);
  await app.heading('Your meetings').waitFor();
  await expectTouchTargets(page, 'home, first use');

  await page.getByRole('button', { name: 'Try a sample group' }).click();
  await app.heading(/^Sample: Hospital/).waitFor();
  await expectSaved(page);
  const groupPath = new URL(page.url()).hash;
  await expectTouchTargets(page, 'group screen');
  // Each person's controls, opened.
  await app.openPerson('Aoife Byrne');
  await expectTouchTargets(page, 'group screen, a person opened');
  await page.getByRole('link', { name: 'What Heard holds · Erase: Aoife Byrne' }).click();
  await app.heading('Aoife Byrne').waitFor();
  await expectTouchTargets(page, 'a person’s page');
  await page.goBack();
  await app.heading(/^Sample: Hospital/).waitFor();

  await page.getByRole('link', { name: /^Open Sample: Going home/ }).first().click();
  await app.heading(/^Sample: Going home/).waitFor();
  const meetingPath = new URL(page.url()).hash;
  await expectTouchTargets(page, 'meeting screen');
  await page.getByRole('link', { name: /^Edit Discharge letters/ }).click();
  await page.getByRole('button', { name: 'Save item' }).waitFor();
  await expectTouchTargets(page, 'agenda item form');
  await page.getByRole('button', { name: 'Add a paper' }).click();
  await expectTouchTargets(page, 'agenda item form with papers');

  const screens: Array<[string, string | RegExp]> = [
    [`${meetingPath}/edit`, 'Edit meeting'],
    [`${groupPath}/rules`, 'Ground rules'],
    [`${groupPath}/register`, /dissent/i],
    [`${groupPath}/you-said-we-did`, /You said, we did/],
    [`${groupPath}/review`, 'Review how co-production is going'],
    ['#/device', 'This device'],
    ['#/your-information', 'Your information'],
    ['#/app-lock', /Lock Heard/],
    ['#/sync', 'Sending to the office'],
    ['#/', 'Your meetings'],
  ];
  for (const [hash, heading] of screens) {
    await go(page, hash, heading);
    await expectTouchTargets(page, hash);
  }
  await context.close();
});

test('"Remove" on an agenda item acts at once and Undo puts each removed item back where it was, kept after a reload', async () => {
  const { context, page } = await offlineTablet(env);
  await new HeardApp(page).prepareMeeting({
    group: 'Discharge workstream',
    people: [['Aoife Byrne', 'Lived experience']],
    meeting: { title: 'March meeting', date: '2030-03-14', start: '10:00', end: '12:00', venue: 'Church hall', chair: 'Aoife Byrne' },
    items: [
      { title: 'Welcome', purpose: 'For information', minutes: 5 },
      { title: 'Discharge letters', purpose: 'For decision', minutes: 20 },
      { title: 'Transport', purpose: 'For discussion', minutes: 10 },
    ],
  });
  const meeting = new MeetingPage(page);
  await page.getByRole('button', { name: 'Remove Discharge letters' }).click();
  await page.getByRole('status').filter({ hasText: '“Discharge letters” removed from the agenda.' }).waitFor();
  await expect.poll(() => meeting.agendaTitles()).toEqual(['Welcome', 'Transport']);
  await expect.poll(async () => (await readStored<{ title: string }>(page, 'agendaItems')).length).toBe(2);
  const undo = page.getByRole('button', { name: 'Undo: put “Discharge letters” back on the agenda' });
  // The Remove button went with its row: the keyboard carries on from Undo.
  await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
  await expectAccessible(page, 'meeting screen, an agenda item just removed');

  // The next row's Remove slid under the finger: a second tap removes that one too, and each comes back.
  await page.getByRole('button', { name: 'Remove Transport' }).click();
  await expect.poll(() => meeting.agendaTitles()).toEqual(['Welcome']);
  const undoTransport = page.getByRole('button', { name: 'Undo: put “Transport” back on the agenda' });
  await undoTransport.click();
  await page.getByRole('status').filter({ hasText: '“Transport” is back on the agenda.' }).waitFor();
  await expect.poll(() => meeting.agendaTitles()).toEqual(['Welcome', 'Transport']);
  await undo.click();
  await page.getByRole('status').filter({ hasText: '“Discharge letters” is back on the agenda.' }).waitFor();
  await expect.poll(() => meeting.agendaTitles()).toEqual(['Welcome', 'Discharge letters', 'Transport']);
  await expect(undo.count()).resolves.toBe(0);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
  await expect.poll(() => meeting.agendaTitles()).toEqual(['Welcome', 'Discharge letters', 'Transport']);
  const stored = await readStored<{ title: string; purpose: string; timeboxMinutes: number }>(page, 'agendaItems');
  expect(stored.find((i) => i.title === 'Discharge letters')).toMatchObject({ purpose: 'decision', timeboxMinutes: 20 });
  await context.close();
});
