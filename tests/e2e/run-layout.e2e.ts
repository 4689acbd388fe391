import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, offlineTablet, PORTRAIT, TABLET as LANDSCAPE, useAppAndBrowser } from './harness';
import { HeardApp, MeetingPage, type RunTab } from './page-models';

const env = useAppAndBrowser();

const MINUTE = 60_000;
const TEN_AM = Date.UTC(2030, 2, 14, 10, 0);
const ORIENTATIONS = [
  ['landscape', LANDSCAPE],
  ['portrait', PORTRAIT],
] as const;
const TABS: readonly RunTab[] = ['This item', 'Balance and queue', 'Record', 'Agenda'];

// A room as groups have them: most people in two or three perspectives, one or two in the rest.
const ROOM: ReadonlyArray<readonly [string, string]> = [
  ['Aoife Byrne', 'Lived experience'],
  ['Malik Hassan', 'Lived experience'],
  ['Grace Adeyemi', 'Lived experience'],
  ['Seán Ó Briain', 'Lived experience'],
  ['Joanne Morrow', 'Carer'],
  ['Niamh Kelly', 'Carer'],
  ['Tom Reilly', 'Carer'],
  ['Dr Sam Patel', 'Staff'],
  ['Priya Nair', 'Staff'],
  ['Dev Shah', 'Manager or commissioner'],
  ['Olu Mensah', 'Voluntary sector'],
  ['Maria Costa', 'Other'],
  ['Kofi Bello', 'Lived experience'],
  ['Lena Novak', 'Carer'],
  ['Ravi Iyer', 'Staff'],
  ['Bríd Walsh', 'Lived experience'],
  ['Chen Li', 'Voluntary sector'],
  ['Ewa Nowak', 'Carer'],
  ['Femi Grant', 'Staff'],
  ['Hana Sato', 'Other'],
];

/** A meeting running its first item (2 minutes), with the first `count` people of ROOM in the room; the tablet's clock under the test's hand. */
async function runningMeeting(count: number) {
  const { context, page } = await offlineTablet(env, { beforeFirstVisit: (p) => p.clock.install({ time: TEN_AM - 30 * MINUTE }) });
  const people = ROOM.slice(0, count);
  await new HeardApp(page).prepareMeeting({
    group: 'Hospital discharge workstream',
    people,
    meeting: { title: 'March meeting', date: '2030-03-14', start: '10:00', end: '12:00', venue: 'Church hall', chair: people[0]![0] },
    items: [
      { title: 'Discharge letters', purpose: 'For discussion', minutes: 2, nonNegotiables: 'The letter must meet the legal minimum.' },
      { title: 'Transport', purpose: 'For discussion', minutes: 20 },
    ],
  });
  const meeting = new MeetingPage(page);
  await meeting.tap('Start meeting');
  await meeting.tap('Start the first item');
  await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();
  // The tiles' area sizes itself once it has been drawn: places are compared only after that.
  await page.waitForFunction(() => (document.querySelector('.run-speakers') as HTMLElement | null)?.style.getPropertyValue('--speakers-top') !== '');
  return { context, page, meeting, names: people.map(([name]) => name) };
}

/** The buttons a chair reaches for in the bar at the top. */
function barButtons(page: Page): Locator[] {
  return [
    page.getByRole('button', { name: /^(Pause for a break|End the break)$/ }),
    page.getByRole('button', { name: /^Next item: / }),
    page.getByRole('button', { name: 'End the meeting', exact: true }),
  ];
}

async function boxes(locators: readonly Locator[]) {
  const out = [];
  for (const locator of locators) {
    const box = await locator.boundingBox();
    expect(box, `${locator} has a box`).not.toBeNull();
    out.push(box!);
  }
  return out;
}

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

/** The element drawn at the centre of `locator` is that element (or inside it): nothing covers it. */
async function onTop(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && el.contains(hit);
  });
}

test('with 12 people, every tile is on screen under the bar at both orientations; places are kept when Undo, Time is up and a break come and go', async () => {
  const { context, page, meeting, names } = await runningMeeting(12);
  const tiles = names.map((name) => meeting.speakerTile(name));

  for (const [orientation, viewport] of ORIENTATIONS) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    // Every tile whole inside the screen, with the page not scrolled.
    expect(await scrollY(page), orientation).toBe(0);
    for (const [index, box] of (await boxes(tiles)).entries()) {
      expect(box.y, `${names[index]}'s tile top, ${orientation}`).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `${names[index]}'s tile bottom, ${orientation}`).toBeLessThanOrEqual(viewport.height);
      expect(box.x + box.width, `${names[index]}'s tile right, ${orientation}`).toBeLessThanOrEqual(viewport.width);
      expect(box.height, `${names[index]}'s tile is a touch target`).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    // Names are text on the tile, not only in its label.
    for (const name of names) expect(await meeting.speakerTile(name).innerText()).toContain(name);

    // Scrolled down to the agenda, the bar is still at the top, and nothing covers its buttons.
    await meeting.showTab('Agenda');
    await page.getByRole('checkbox', { name: 'Vibrate when an item’s time is up' }).scrollIntoViewIfNeeded();
    expect(await scrollY(page), `the page scrolled, ${orientation}`).toBeGreaterThan(0);
    for (const [index, box] of (await boxes(barButtons(page))).entries()) {
      expect(box.y, `bar button ${index} in view after scrolling, ${orientation}`).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `bar button ${index} near the top, ${orientation}`).toBeLessThan(viewport.height / 3);
      expect(await onTop(barButtons(page)[index]!), `bar button ${index} not covered, ${orientation}`).toBe(true);
    }
    await expect.poll(() => meeting.itemClock('Time on this item').isVisible()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));

    // Each tab, with axe, in the first pass only: expectAccessible checks each at both sizes itself.
    if (orientation === 'landscape') {
      for (const tab of TABS) {
        await meeting.showTab(tab);
        await expectAccessible(page, `running screen, tab ${tab}`);
      }
    }
    await meeting.showTab('This item');
  }

  // Back in landscape: the places of every tile and every bar button, to compare as things come and go.
  await page.setViewportSize(LANDSCAPE);
  await page.evaluate(() => window.scrollTo(0, 0));
  const watched = [...tiles, ...barButtons(page)];
  const before = await boxes(watched);
  const expectSamePlaces = async (when: string) => expect(await boxes(watched), `places ${when}`).toEqual(before);

  // A tap on a tile still works, and "Undo last tap" appears without moving anything.
  await meeting.tapSpeaker('Niamh Kelly');
  await page.getByRole('button', { name: 'Undo last tap' }).waitFor();
  await expectSamePlaces('when Undo last tap appears');
  expect(await meeting.speaking()).toEqual([expect.stringContaining('Niamh Kelly')]);

  // Its time passes and it goes: nothing moves.
  await page.clock.fastForward(16_000);
  await page.getByRole('button', { name: 'Undo last tap' }).waitFor({ state: 'hidden' });
  await expectSamePlaces('when Undo last tap goes');

  // The item runs over: "Time is up" appears, in the same places.
  await page.clock.fastForward(2 * MINUTE);
  await page.getByText('Time is up for this item', { exact: true }).waitFor();
  await expect.poll(() => meeting.itemClock('Over time by').isVisible()).toBe(true);
  await expectSamePlaces('when the item runs over');

  // A break: the button's words change and "On a break" shows, in the same places; and after it.
  await meeting.tap('Pause for a break');
  await page.getByRole('status').filter({ hasText: /^On a break$/ }).waitFor();
  await page.getByRole('button', { name: 'End the break' }).waitFor();
  await expectSamePlaces('on a break');
  await meeting.tap('End the break');
  await page.getByRole('button', { name: 'Pause for a break' }).waitFor();
  await expectSamePlaces('after the break');
  await context.close();
});

test('the tabs under the tiles are a tablist the arrow keys move through', async () => {
  const { context, page } = await runningMeeting(3);
  const selected = () => page.getByRole('tab', { selected: true }).innerText();
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  await page.getByRole('tab', { name: 'This item' }).focus();
  await page.keyboard.press('ArrowRight');
  expect([await selected(), await focused()]).toEqual(['Balance and queue', 'Balance and queue']);
  await page.getByRole('region', { name: 'Not yet heard' }).waitFor();
  await page.keyboard.press('End');
  expect([await selected(), await focused()]).toEqual(['Agenda', 'Agenda']);
  await page.getByRole('heading', { name: 'Still to come' }).waitFor();
  await page.keyboard.press('ArrowRight');
  expect([await selected(), await focused()]).toEqual(['This item', 'This item']);
  await page.keyboard.press('ArrowLeft');
  expect(await selected()).toBe('Agenda');
  await page.keyboard.press('Home');
  expect(await selected()).toBe('This item');
  // Tab leaves the tablist for its panel: only the chosen tab is in the Tab order.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel');
  // What was typed in one tab is still there after visiting another.
  const notes = page.getByRole('textbox', { name: 'Notes on this item' });
  await notes.fill('Ask the ward about Friday discharges');
  await page.getByRole('tab', { name: 'Record' }).click();
  await page.getByRole('tab', { name: 'This item' }).click();
  await expect(notes.inputValue()).resolves.toBe('Ask the ward about Friday discharges');
  await context.close();
});

test('with 20 people, the tiles scroll within their own area and the bar stays, at both orientations', async () => {
  const { context, page, meeting, names } = await runningMeeting(20);
  const last = meeting.speakerTile(names.at(-1)!);
  const first = meeting.speakerTile(names[0]!);
  for (const [orientation, viewport] of ORIENTATIONS) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await first.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    const bar = await boxes(barButtons(page));
    const firstAt = (await first.boundingBox())!.y;
    // Not every tile fits: the last is past the bottom of the screen.
    expect((await last.boundingBox())!.y + (await last.boundingBox())!.height, orientation).toBeGreaterThan(viewport.height);

    // Brought into view, it is the tiles that scroll, not the page: the bar has not moved.
    await last.scrollIntoViewIfNeeded();
    expect(await scrollY(page), `the page itself did not scroll, ${orientation}`).toBeLessThan(2);
    const lastBox = (await last.boundingBox())!;
    expect(lastBox.y + lastBox.height, orientation).toBeLessThanOrEqual(viewport.height);
    expect((await first.boundingBox())!.y, `the first tile scrolled up within the area, ${orientation}`).toBeLessThan(firstAt - 100);
    expect(await boxes(barButtons(page)), `bar in place, ${orientation}`).toEqual(bar);
    for (const button of barButtons(page)) expect(await onTop(button)).toBe(true);
    expect(await onTop(last), `the last tile can be pressed, ${orientation}`).toBe(true);
    // Pressed in landscape, pressed again (to stop) in portrait.
    await last.click();
    await expect.poll(() => last.getAttribute('aria-pressed')).toBe(orientation === 'landscape' ? 'true' : 'false');
    await expectAccessible(page, `running screen with 20 people, ${orientation}`);
  }
  await context.close();
});

/** Two boxes share any point. */
function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

// A chair tapping "Next item" twice in a hurry must never end the meeting: when the last item starts,
// "End the meeting" is nowhere near where "Next item" was, at either orientation.
test('"End the meeting" never takes the place "Next item" had, as items advance to the last one, at both orientations', async () => {
  const { context, page, meeting } = await runningMeeting(3);
  const next = page.getByRole('button', { name: /^Next item: / });
  const end = page.getByRole('button', { name: 'End the meeting', exact: true });
  const nextPlaces = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const [orientation, viewport] of ORIENTATIONS) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    const [nextBox, endBox] = await boxes([next, end]);
    expect(overlap(nextBox!, endBox!), `Next item and End the meeting apart on the first item, ${orientation}`).toBe(false);
    nextPlaces.set(orientation, nextBox!);
  }

  await meeting.tap(/^Next item: Transport/);
  await page.getByRole('heading', { level: 2, name: 'Transport' }).waitFor();
  await page.getByText('This is the last item.').waitFor();
  for (const [orientation, viewport] of ORIENTATIONS) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    const was = nextPlaces.get(orientation)!;
    const [endBox] = await boxes([end]);
    expect(overlap(was, endBox!), `End the meeting clear of where Next item was, ${orientation}`).toBe(false);
    // What a second tap at the centre of the old "Next item" would hit: never "End the meeting".
    const hitsEnd = await end.evaluate((el, at) => {
      const hit = document.elementFromPoint(at.x + at.width / 2, at.y + at.height / 2);
      return hit !== null && el.contains(hit);
    }, was);
    expect(hitsEnd, `a second tap where Next item was, ${orientation}`).toBe(false);
  }
  // Once, not in each pass: expectAccessible checks both sizes itself.
  await expectAccessible(page, 'running screen, last item');
  await context.close();
});
