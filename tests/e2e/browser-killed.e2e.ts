import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchKillable, type KillableBrowser } from './chromium';
import { expectSaved, serveBuild, TABLET, waitForOfflineReady, type AppServer } from './harness';
import { expectClocksAgree, FAULT_PEOPLE, MEETING_START, MINUTE, SECOND, seededRandom, storedTurns, type ItemTap } from './faults';
import { HeardApp, MeetingPage } from './page-models';

/**
 * A flat battery, as close as a test can come: the whole Chromium (browser
 * process, renderers, the storage and network services) SIGKILLed at once,
 * with a kept profile, at seeded random moments after the screen confirmed a
 * tap, then started again offline from the service worker's cache. Every tap
 * the screen showed as saved must be stored, in order, with nothing added,
 * and every clock on the running screen must agree with the wall clock,
 * including the time the tablet lay dead.
 *
 * Replay a failure with HEARD_KILL_SEED=<seed> (printed at the start).
 */
const SEED = Number(process.env.HEARD_KILL_SEED || Date.now() % 1_000_000);
const KILLS = 10;
const START = MEETING_START;
const PEOPLE = FAULT_PEOPLE.slice(0, 4);
const NAMES = PEOPLE.map(([name]) => name);

let server: AppServer;
let profile: string;
let tablet: KillableBrowser | null = null;

beforeAll(async () => {
  server = await serveBuild();
  profile = await mkdtemp(join(tmpdir(), 'heard-killed-tablet-'));
});
afterAll(async () => {
  await tablet?.kill();
  await server?.close();
  await rm(profile, { recursive: true, force: true });
});

/** The tablet switched on: Chromium started on the kept profile, its clock at `at`, one page at `url`. */
async function switchOn(url: string, at: number, offline: boolean): Promise<{ context: BrowserContext; page: Page }> {
  tablet = await launchKillable(profile);
  const context = tablet.context;
  await context.setOffline(offline);
  // The tablet's own clock, fixed so times on screen can be checked against the wall's; timers still run.
  await context.clock.setFixedTime(at);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize(TABLET);
  await page.goto(url);
  return { context, page };
}

test(`Chromium SIGKILLed ${KILLS} times at seeded random points after a saved tap loses no confirmed tap, and its clocks agree with the wall`, async () => {
  console.log(`browser-killed: seed ${SEED} (replay with HEARD_KILL_SEED=${SEED})`);
  const random = seededRandom(SEED);
  let now = START - 30 * MINUTE;

  // Installed once with a connection: the service worker takes every file.
  let { context, page } = await switchOn(server.url, now, false);
  await waitForOfflineReady(page);
  await new HeardApp(page).prepareMeeting({
    group: 'Carers’ support workstream',
    people: PEOPLE,
    meeting: { title: 'March meeting', date: '2030-03-14', start: '10:00', end: '11:30', venue: 'Church hall', chair: 'Grace Doherty' },
    items: [{ title: 'Respite breaks', purpose: 'For discussion', minutes: 60 }],
  });
  now = START;
  await context.clock.setFixedTime(now);
  await new MeetingPage(page).tap('Start meeting');
  await new MeetingPage(page).tap('Start the first item');
  await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();
  const runUrl = page.url();
  const meetingId = new MeetingPage(page).meetingId();
  // From here on there is no network at all: every start is served by the service worker.
  await server.close();

  const log: ItemTap[] = [];
  for (let kill = 1; kill <= KILLS; kill += 1) {
    const meeting = new MeetingPage(page);
    for (let taps = random.int(1, 3); taps > 0; taps -= 1) {
      now += random.int(1, 40) * SECOND;
      await context.clock.setFixedTime(now);
      // Never the one speaking: a tap on them would end their turn, not start one.
      const speaker = random.pick(NAMES.filter((name) => name !== log.at(-1)?.speaker));
      await meeting.tapSpeaker(speaker);
      await expectSaved(page);
      log.push({ speaker, startedAt: now, item: 0 });
    }
    // A random moment after the screen said so: the write may still be on its way to disk.
    await new Promise((done) => setTimeout(done, random.int(0, 250)));
    await tablet!.kill();
    tablet = null;

    // The tablet lies dead a while; the wall clock moves on.
    now += random.int(5, 120) * SECOND;
    ({ context, page } = await switchOn(runUrl, now, true));
    await page.getByRole('heading', { name: 'Who is speaking' }).waitFor();
    const where = `after kill ${kill} of ${KILLS} (seed ${SEED})`;
    expect(await storedTurns(page, meetingId), `every confirmed tap, in order, nothing else, ${where}`).toEqual(log.map(({ speaker, startedAt }) => ({ speaker, startedAt })));
    await expectClocksAgree(page, { names: NAMES, log, itemStarts: [START], start: START, now, where });
  }
  expect(log.length).toBeGreaterThanOrEqual(KILLS);
}, 180_000);
