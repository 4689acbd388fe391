import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { offlineTablet, useAppAndBrowser } from './harness';
import { HeardApp, MeetingPage } from './page-models';
import { seededRandom, storedTurns, type SpokenTurn } from './faults';

const env = useAppAndBrowser();

const START = Date.UTC(2030, 2, 14, 10, 0);
const NAMES = ['Aoife Byrne', 'Malik Hassan', 'Grace Doherty', 'Dr Sam Patel', 'Joanne Morrow'];
const ROUNDS = 20;

/**
 * Who spoke in which second, in order. A tap that comes in the same moment as
 * one from the other tab begins a millisecond after it (so turns keep the
 * order of taps), or at the same moment if neither tab had seen the other's yet.
 */
const bySecond = (turns: SpokenTurn[]) =>
  turns
    .map(({ speaker, startedAt }) => ({ speaker, second: Math.floor(startedAt / 1000) }))
    .sort((a, b) => a.second - b.second || String(a.speaker).localeCompare(String(b.speaker)));

/** Opens Heard's database one version up from the page, as a newer Heard in that tab would. */
function openNewerSchema(page: Page) {
  return page.evaluate(async () => {
    const current = (await indexedDB.databases()).find((d) => d.name === 'heard')!.version!;
    return new Promise<{ blocked: boolean; version?: number; error?: string }>((done) => {
      let blocked = false;
      const request = indexedDB.open('heard', current + 1);
      request.onblocked = () => (blocked = true);
      request.onupgradeneeded = () => request.result.createObjectStore('fromANewerHeard');
      request.onsuccess = () => {
        const version = request.result.version;
        request.result.close();
        done({ blocked, version });
      };
      request.onerror = () => done({ blocked, error: request.error?.name });
    });
  });
}

test('two tabs tapping one meeting lose no tap and never run two turns at once; a schema upgrade in one makes the other say it must reload, and reloaded old code refuses the newer database', async () => {
  const random = seededRandom(7);
  const { context, page: one } = await offlineTablet(env, { clockAt: START - 10 * 60_000 });
  await new HeardApp(one).prepareMeeting({
    group: 'Hospital discharge workstream',
    people: NAMES.map((name, i) => [name, ['Lived experience', 'Carer', 'Staff'][i % 3]!] as const),
    meeting: { title: 'March meeting', date: '2030-03-14', start: '10:00', end: '11:00', venue: 'Church hall', chair: 'Grace Doherty' },
    items: [{ title: 'Transport home after 8pm', purpose: 'For discussion', minutes: 30 }],
  });
  await context.clock.setFixedTime(START);
  await new MeetingPage(one).tap('Start meeting');
  await new MeetingPage(one).tap('Start the first item');
  const meetingId = new MeetingPage(one).meetingId();
  const two = await context.newPage();
  await two.goto(one.url());
  await two.getByRole('heading', { name: 'Who is speaking' }).waitFor();
  const tabs = [new MeetingPage(one), new MeetingPage(two)] as const;

  const tapped: SpokenTurn[] = [];
  let now = START;
  let recent: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    now += random.int(2, 30) * 1000;
    await context.clock.setFixedTime(now);
    // Never someone who may be speaking now: every tap starts a turn.
    const [x, y] = NAMES.filter((name) => !recent.includes(name)).sort(() => random.next() - 0.5);
    if (round % 2 === 0) {
      // Both tabs at the same moment: the writes race. The tab behind draws no frames, so clicks skip the wait for a steady layout.
      await Promise.all([tabs[0].speakerTile(x!).click({ force: true }), tabs[1].speakerTile(y!).click({ force: true })]);
      tapped.push({ speaker: x!, startedAt: now }, { speaker: y!, startedAt: now });
      recent = [x!, y!];
    } else {
      // The chair taps in one tab, switches to the other, sees that tap there and taps again.
      await one.bringToFront();
      await tabs[0].tapSpeaker(x!);
      await two.bringToFront();
      await tabs[1].speakerTile(x!, true).waitFor();
      now += 1000;
      await context.clock.setFixedTime(now);
      await tabs[1].tapSpeaker(y!);
      await tabs[0].speakerTile(y!, true).waitFor();
      tapped.push({ speaker: x!, startedAt: now - 1000 }, { speaker: y!, startedAt: now });
      recent = [y!];
    }
    // No tap lost, none stored twice or broken (storedTurns checks that).
    await expect
      .poll(async () => bySecond(await storedTurns(one, meetingId)), { message: `stored turns after round ${round + 1}`, timeout: 10_000 })
      .toEqual(bySecond(tapped));
    // Both tabs come to agree on the one person speaking.
    const speakerShown = async () => {
      const [seenByOne, seenByTwo] = await Promise.all(tabs.map(async (tab) => (await tab.speaking()).map((text) => text.split('\n')[0]).join(' and ')));
      return seenByOne === seenByTwo ? seenByOne : `${seenByOne} in tab one, ${seenByTwo} in tab two`;
    };
    await expect.poll(speakerShown, { message: `who is speaking after round ${round + 1}`, timeout: 10_000 }).toMatch(new RegExp(`^(${x}|${y})$`));
  }
  await expect(one.getByRole('alert').count()).resolves.toBe(0);
  await expect(two.getByRole('alert').count()).resolves.toBe(0);

  // A newer Heard opens in tab two: tab one lets go of the database at once and says it must reload.
  const upgrade = await openNewerSchema(two);
  expect(upgrade.error).toBeUndefined();
  expect(upgrade.blocked, 'the upgrade was never blocked by the older tab').toBe(false);
  const banner = one.getByRole('alert').filter({ hasText: 'A newer Heard was opened in another tab. Reload this page to carry on; everything saved is safe.' });
  await banner.waitFor();
  await banner.getByRole('button', { name: 'Reload' }).waitFor();
  // A tap now is refused with the reason, never left "Saving…".
  await one.bringToFront();
  await tabs[0].speakerTile(recent.includes(NAMES[0]!) ? NAMES[1]! : NAMES[0]!).click();
  await one.getByRole('alert').filter({ hasText: 'Not saved: Heard was updated in another tab. Reload this page to carry on.' }).waitFor();
  expect(await one.getByText('Saving…').count()).toBe(0);
  expect(bySecond(await storedTurns(two, meetingId))).toEqual(bySecond(tapped));

  // Reloaded with the same (older) code, the tab refuses the newer database rather than open it, and says why.
  await one.reload();
  await one.getByRole('alert').filter({ hasText: 'A newer version of Heard is on this device. Reload this page to carry on; everything saved is safe.' }).waitFor();
  const stored = await one.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'heard')?.version);
  expect(stored, 'the newer database is left at its version').toBe(upgrade.version);
  await context.close();
});
