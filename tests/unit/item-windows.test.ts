import { describe, expect, it } from 'vitest';
import type { AgendaItem, MeetingClockEvent, MeetingClockEventKind } from '../../src/domain/agenda-model';
import { newAgendaItem } from '../../src/domain/agenda';
import { itemWindows, meetingWindow, type Window } from '../../src/domain/item-windows';
import { deriveRun } from '../../src/domain/meeting-clock';
import { prng } from '../support/prng';

const MIN = 60_000;
// An awkward start, not on a whole second, so nothing passes by rounding luck.
const T0 = Date.UTC(2030, 2, 14, 10, 0) + 123;
const at = (minutes: number) => T0 + minutes * MIN;

type Step = [atMinutes: number, kind: MeetingClockEventKind, itemId?: string];

/** Events with seq 1, 2, 3… in the order written; times in minutes after T0. */
function events(...steps: Step[]): MeetingClockEvent[] {
  return steps.map(([minutes, kind, itemId], index) => ({
    id: `e${index + 1}`,
    meetingId: 'm1',
    seq: index + 1,
    at: at(minutes),
    kind,
    ...(itemId === undefined ? {} : { itemId }),
  }));
}

/** Windows per item in minutes after T0, for readable expectations. */
function windowsAt(nowMinutes: number, ...steps: Step[]): Record<string, Array<[number, number]>> {
  const result: Record<string, Array<[number, number]>> = {};
  for (const [id, list] of itemWindows(events(...steps), at(nowMinutes))) {
    result[id] = list.map(([from, to]) => [(from - T0) / MIN, (to - T0) / MIN]);
  }
  return result;
}

function meetingAt(nowMinutes: number, ...steps: Step[]): Array<[number, number]> {
  return meetingWindow(events(...steps), at(nowMinutes)).map(([from, to]) => [(from - T0) / MIN, (to - T0) / MIN]);
}

describe('itemWindows', () => {
  it('is empty before the meeting has started', () => {
    expect(windowsAt(10)).toEqual({});
    expect(windowsAt(10, [0, 'start'])).toEqual({});
  });

  it('opens a window for the first item and keeps it open until now', () => {
    expect(windowsAt(10, [0, 'start', 'A'])).toEqual({ A: [[0, 10]] });
    // Started with no item: the window opens when one is chosen.
    expect(windowsAt(10, [0, 'start'], [3, 'item', 'A'])).toEqual({ A: [[3, 10]] });
  });

  it('hands over at each change of item, with no gap and no overlap', () => {
    expect(windowsAt(50, [0, 'start', 'A'], [12, 'item', 'B'], [30, 'item', 'C'])).toEqual({
      A: [[0, 12]],
      B: [[12, 30]],
      C: [[30, 50]],
    });
  });

  it('gives an item revisited later a second window', () => {
    expect(windowsAt(45, [0, 'start', 'A'], [10, 'item', 'B'], [30, 'item', 'A'])).toEqual({
      A: [
        [0, 10],
        [30, 45],
      ],
      B: [[10, 30]],
    });
  });

  it('does not split a window when the current item is chosen again', () => {
    expect(windowsAt(20, [0, 'start', 'A'], [5, 'item', 'A'], [9, 'item', 'A'])).toEqual({ A: [[0, 20]] });
  });

  it('keeps a break inside the item’s window: the people in the room were still there', () => {
    expect(windowsAt(40, [0, 'start', 'A'], [10, 'pause'], [25, 'resume'], [30, 'item', 'B'])).toEqual({
      A: [[0, 30]],
      B: [[30, 40]],
    });
  });

  it('closes the current item’s window when it is deferred', () => {
    expect(windowsAt(40, [0, 'start', 'A'], [8, 'defer', 'A'], [15, 'item', 'B'])).toEqual({
      A: [[0, 8]],
      B: [[15, 40]],
    });
  });

  it('leaves the current item alone when another item is deferred', () => {
    expect(windowsAt(40, [0, 'start', 'A'], [8, 'defer', 'C'])).toEqual({ A: [[0, 40]] });
  });

  it('closes the window at end-items, and reopen resumes the same item in a new window', () => {
    expect(windowsAt(60, [0, 'start', 'A'], [10, 'item', 'B'], [30, 'end-items'])).toEqual({
      A: [[0, 10]],
      B: [[10, 30]],
    });
    expect(windowsAt(60, [0, 'start', 'A'], [10, 'item', 'B'], [30, 'end-items'], [45, 'reopen'])).toEqual({
      A: [[0, 10]],
      B: [
        [10, 30],
        [45, 60],
      ],
    });
  });

  it('reopens no item if none was current at end-items', () => {
    expect(windowsAt(60, [0, 'start', 'A'], [10, 'defer', 'A'], [20, 'end-items'], [30, 'reopen'])).toEqual({ A: [[0, 10]] });
  });

  it('agrees with the meeting clock on events it ignores', () => {
    // A second start (a double tap, another tab) changes nothing.
    expect(windowsAt(30, [0, 'start', 'A'], [5, 'start', 'B'])).toEqual({ A: [[0, 30]] });
    // An item chosen before 'start' started the meeting; the later start changes nothing.
    expect(windowsAt(30, [0, 'item', 'A'], [5, 'start', 'B'])).toEqual({ A: [[0, 30]] });
    // No item is chosen while the meeting is closing.
    expect(windowsAt(60, [0, 'start', 'A'], [20, 'end-items'], [30, 'item', 'B'])).toEqual({ A: [[0, 20]] });
    // An item deferred while closing does not come back on reopen.
    expect(windowsAt(60, [0, 'start', 'A'], [20, 'end-items'], [25, 'defer', 'A'], [30, 'reopen'])).toEqual({ A: [[0, 20]] });
    // A reopen when the meeting is not closing does nothing, even after a defer.
    expect(windowsAt(60, [0, 'start', 'A'], [20, 'end-items'], [25, 'reopen'], [30, 'defer', 'A'], [35, 'reopen'])).toEqual({
      A: [
        [0, 20],
        [25, 30],
      ],
    });
  });

  it('normalises a clock that jumps back, so no window is ever negative', () => {
    // B's tap is stamped before A's start: it is treated as happening at the same moment.
    expect(windowsAt(30, [10, 'start', 'A'], [4, 'item', 'B'], [20, 'item', 'C'])).toEqual({
      A: [[10, 10]],
      B: [[10, 20]],
      C: [[20, 30]],
    });
    // Now behind the open window's start: a zero-length window, not a negative one.
    expect(windowsAt(5, [10, 'start', 'A'])).toEqual({ A: [[10, 10]] });
  });

  it('orders events by seq, not by the order they are stored in', () => {
    const stored = events([0, 'start', 'A'], [10, 'item', 'B'], [30, 'item', 'A']);
    expect(itemWindows(stored.slice().reverse(), at(40))).toEqual(itemWindows(stored, at(40)));
  });
});

describe('meetingWindow', () => {
  it('is empty before the start', () => {
    expect(meetingAt(10)).toEqual([]);
    expect(meetingAt(10, [2, 'pause'])).toEqual([]);
  });

  it('runs from the start to now', () => {
    expect(meetingAt(25, [3, 'start'], [5, 'item', 'A'], [10, 'pause'])).toEqual([[3, 25]]);
  });

  it('starts at an item chosen before any start', () => {
    expect(meetingAt(25, [3, 'item', 'A'], [5, 'start'])).toEqual([[3, 25]]);
  });

  it('stops at end-items, and runs to now again after reopen', () => {
    expect(meetingAt(90, [0, 'start', 'A'], [60, 'end-items'])).toEqual([[0, 60]]);
    expect(meetingAt(90, [0, 'start', 'A'], [60, 'end-items'], [70, 'reopen'])).toEqual([[0, 90]]);
    expect(meetingAt(90, [0, 'start', 'A'], [60, 'end-items'], [70, 'reopen'], [80, 'end-items'])).toEqual([[0, 80]]);
  });

  it('keeps the first end-items when it is tapped twice', () => {
    expect(meetingAt(90, [0, 'start', 'A'], [60, 'end-items'], [75, 'end-items'])).toEqual([[0, 60]]);
  });

  it('is never negative when now or the clock is behind the start', () => {
    expect(meetingAt(5, [10, 'start'])).toEqual([[10, 10]]);
    expect(meetingAt(30, [10, 'start'], [4, 'end-items'])).toEqual([[10, 10]]);
  });
});

// ---------------------------------------------------------------- property-style

const ITEM_IDS = ['A', 'B', 'C', 'D'];
const ITEMS: AgendaItem[] = ITEM_IDS.map((id, order) => ({ ...newAgendaItem(id, 'm1', order, 0), title: id, timeboxMinutes: 15 }));
// No pause or resume: then an item's windows cover exactly the time the meeting clock gives the item.
const KINDS: MeetingClockEventKind[] = ['start', 'item', 'item', 'item', 'defer', 'end-items', 'reopen'];

function randomEvents(seed: number, jumps: boolean): { stored: MeetingClockEvent[]; now: number } {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const stored: MeetingClockEvent[] = [];
  let clock = T0;
  for (let seq = 1, count = Math.floor(random() * 30); seq <= count; seq += 1) {
    clock += jumps && random() < 0.15 ? -Math.floor(random() * 30 * MIN) : Math.floor(random() * 20 * MIN);
    const kind = seq === 1 && random() < 0.7 ? 'start' : pick(KINDS);
    const itemId = kind === 'item' || kind === 'defer' || (kind === 'start' && random() < 0.6) ? pick(ITEM_IDS) : undefined;
    stored.push({ id: `e${seq}`, meetingId: 'm1', seq, at: clock, kind, ...(itemId ? { itemId } : {}) });
  }
  return { stored, now: clock + Math.floor(random() * 30 * MIN) };
}

const length = (list: readonly Window[]) => list.reduce((sum, [from, to]) => sum + (to - from), 0);

describe('random clocks (seeded)', () => {
  it.each([
    ['a steady clock', false],
    ['a clock that jumps back', true],
  ])('windows agree with the meeting clock, never overlap and are never negative, with %s', (_label, jumps) => {
    let withWindows = 0;
    for (let seed = 1; seed <= 400; seed += 1) {
      const { stored, now } = randomEvents(seed, jumps);
      const run = deriveRun(stored, ITEMS, now);
      const windows = itemWindows(stored, run.effectiveNow);
      const why = `seed ${seed}`;
      if (windows.size > 0) withWindows += 1;

      const all = [...windows.values()].flat().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (const [from, to] of all) expect(to, why).toBeGreaterThanOrEqual(from);
      // One item at a time: windows of different items never overlap.
      for (let i = 1; i < all.length; i += 1) expect(all[i]![0], why).toBeGreaterThanOrEqual(all[i - 1]![1]);
      // Each item's windows add up to the time the meeting clock gives it.
      for (const id of ITEM_IDS) expect(length(windows.get(id) ?? []), `${why}, item ${id}`).toBe(run.itemElapsedMs[id]);

      // The meeting's window runs from its start to its end, or to now.
      const meeting = meetingWindow(stored, run.effectiveNow);
      if (run.startedAt === null) expect(meeting, why).toEqual([]);
      else expect(meeting, why).toEqual([[run.startedAt, run.endedAt ?? run.effectiveNow]]);
    }
    expect(withWindows).toBeGreaterThan(250);
  });
});
