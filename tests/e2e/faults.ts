import type { CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';
import { prng } from '../support/prng';
import { readStored } from './harness';
import { MeetingPage } from './page-models';

/**
 * What the fault-injection tests share: a seeded random choice of where to
 * strike, the two ways a page can die, a device filling up, and the speaking
 * turns as they are really stored on the device.
 */

/** The same seed gives the same meeting and the same kills, so a failure can be replayed. */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
/** When the fault tests' meeting starts, on the page's clock. */
export const MEETING_START = Date.UTC(2030, 2, 14, 10, 0);
/** The fault tests' group: a few of each perspective. */
export const FAULT_PEOPLE = [
  ['Aoife Byrne', 'Lived experience'],
  ['Malik Hassan', 'Lived experience'],
  ['Grace Doherty', 'Carer'],
  ['Dr Sam Patel', 'Staff'],
  ['Joanne Morrow', 'Manager or commissioner'],
] as const;

export function seededRandom(seed: number) {
  const next = prng(seed);
  return {
    next,
    /** A whole number from `min` to `max`, both included. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export type Kill = 'close' | 'crash';

/**
 * Gets ready to end the page the way a flat battery or a crashed tab would:
 * closed with no unload handlers, or the renderer crashed through the DevTools
 * protocol. Returns the kill itself, so nothing stands between a tap and it.
 */
export async function prepareKill(page: Page, how: Kill): Promise<() => Promise<void>> {
  if (how === 'close') return () => page.close({ runBeforeUnload: false });
  const cdp = await page.context().newCDPSession(page);
  return async () => {
    const crashed = page.waitForEvent('crash');
    // The renderer dies before it can answer, so this command never resolves.
    void cdp.send('Page.crash').catch(() => {});
    await crashed;
    await page.close();
  };
}

const quotaSessions = new WeakMap<Page, CDPSession>();

/** Chromium drops a quota override when the DevTools session that set it ends, so the session is kept for the page's life. */
async function overrideQuota(page: Page, origin: string, bytes: number | null): Promise<void> {
  let cdp = quotaSessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    quotaSessions.set(page, cdp);
  }
  await cdp.send('Storage.overrideQuotaForOrigin', bytes === null ? { origin } : { origin, quotaSize: bytes });
}

/**
 * A device with little space to spare, set (through the DevTools protocol)
 * before Heard first stores anything. Chromium trusts its last reading of the
 * free space for up to 30 seconds; on a small device that trust is small, so
 * filling it up (below) takes effect at once.
 */
export function littleSpace(origin: string, bytes = 8 * 1024 * 1024) {
  return (page: Page) => overrideQuota(page, origin, bytes);
}

/**
 * The device fills up: no space is left for Heard's origin. A large write to a
 * scratch database, which is refused, makes Chromium read the quota again, so
 * Heard's next write is refused as it would be on a full tablet.
 */
export async function fillStorage(page: Page): Promise<void> {
  await overrideQuota(page, new URL(page.url()).origin, 1);
  const filler = await page.evaluate(
    (size) =>
      new Promise<string>((done) => {
        const open = indexedDB.open('device-filler', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('files');
        open.onerror = () => done(open.error?.name ?? 'error');
        open.onsuccess = () => {
          const tx = open.result.transaction('files', 'readwrite');
          tx.objectStore('files').put('x'.repeat(size), 'photo');
          tx.oncomplete = () => (open.result.close(), done('stored'));
          tx.onabort = () => (open.result.close(), done(tx.error?.name ?? 'aborted'));
        };
      }),
    16 * 1024 * 1024,
  );
  expect(filler, 'the device is full').toBe('QuotaExceededError');
}

/** Space is freed: the origin's real quota again. */
export function freeStorage(page: Page): Promise<void> {
  return overrideQuota(page, new URL(page.url()).origin, null);
}

export interface StoredTurn {
  id: string;
  meetingId: string;
  itemId: string | null;
  personId: string | null;
  crossTalk: boolean;
  startedAt: number;
  endedAt: number | null;
}

/** One turn as the chair saw it: who (null for open discussion) and when it began. */
export interface SpokenTurn {
  speaker: string | null;
  startedAt: number;
}

/**
 * A meeting's turns as stored, in the order they began, checked on the way for
 * corruption: each stored once and whole, naming someone in the group or open
 * discussion. Raw ends are not compared: a turn handed over may stay stored
 * running, its end being the next turn's start, so only the last can run.
 */
export async function storedTurns(page: Page, meetingId: string): Promise<SpokenTurn[]> {
  const people = new Map((await readStored<{ id: string; name: string }>(page, 'people')).map((p) => [p.id, p.name]));
  const turns = (await readStored<StoredTurn>(page, 'turns')).filter((turn) => turn.meetingId === meetingId).sort((a, b) => a.startedAt - b.startedAt);
  expect(new Set(turns.map((turn) => turn.id)).size, 'each turn stored once').toBe(turns.length);
  turns.forEach((turn, index) => {
    expect(Number.isFinite(turn.startedAt), `turn ${index + 1} has a start`).toBe(true);
    expect(turn.crossTalk ? turn.personId : people.has(turn.personId ?? ''), `turn ${index + 1} names a person or open discussion`).toBe(turn.crossTalk ? null : true);
    if (turn.endedAt !== null) expect(turn.endedAt, `turn ${index + 1} ends after it starts`).toBeGreaterThanOrEqual(turn.startedAt);
  });
  return turns.map((turn) => ({ speaker: turn.personId === null ? null : people.get(turn.personId)!, startedAt: turn.startedAt }));
}

/** A duration as the running screen shows it: 7:05, or 1:02:05 past an hour. */
export function clockFace(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A total as every screen writes it: "12 s", "4 min 5 s", "1 h 2 min" — whole seconds, rounded down. */
export function lengthWords(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s || (!h && !m) ? `${s} s` : ''];
  return parts.filter(Boolean).join(' ');
}

/** A confirmed tap, and the agenda item (0, 1, …) it was made on. */
export interface ItemTap extends SpokenTurn {
  item: number;
}

/**
 * The running screen's clocks and figures, worked out from the taps the screen
 * confirmed and the wall clock alone: each speaker tile (the speaker's running
 * turn, everyone else's talk on this item), the item's clock and the meeting's.
 */
export async function expectClocksAgree(
  page: Page,
  run: { names: readonly string[]; log: readonly ItemTap[]; itemStarts: readonly number[]; start: number; now: number; where: string },
): Promise<void> {
  const { names, log, itemStarts, start, now, where } = run;
  const meeting = new MeetingPage(page);
  const item = itemStarts.length - 1;
  const talk = new Map<string, number>(names.map((name) => [name, 0]));
  log.forEach((tap, index) => {
    if (tap.item === item && tap.speaker !== null) talk.set(tap.speaker, talk.get(tap.speaker)! + (log[index + 1]?.startedAt ?? now) - tap.startedAt);
  });
  const current = log.at(-1)!;
  const expected = names.map((name) =>
    name === current.speaker ? `${name}: Speaking · ${clockFace(now - current.startedAt)}` : `${name}: ${lengthWords(talk.get(name)!)} on this item`,
  );
  const shown = async () =>
    Promise.all(
      names.map(async (name) => {
        const text = await meeting.speakerTile(name).innerText();
        return `${name}: ${/Speaking · [\d:]+|(?:\d+ (?:h|min|s) ?)+ on this item/.exec(text)?.[0] ?? text}`;
      }),
    );
  await expect.poll(shown, { message: `speaker tiles ${where}`, timeout: 10_000 }).toEqual(expected);
  if (current.speaker === null) await meeting.speakerTile(null, true).waitFor();
  await expect.poll(() => meeting.itemClock('Time on this item').innerText(), { message: `item clock ${where}` }).toBe(clockFace(now - itemStarts[item]!));
  const meetingSoFar = page.getByText('Meeting so far', { exact: true }).locator('xpath=following-sibling::dd[1]');
  await expect.poll(() => meetingSoFar.innerText(), { message: `meeting clock ${where}` }).toBe(clockFace(now - start));
}
