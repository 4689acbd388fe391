import { describe, expect, it } from 'vitest';
import type { AgendaItem, MeetingClockEvent, MeetingClockEventKind } from '../../src/domain/agenda-model';
import { newAgendaItem } from '../../src/domain/agenda';
import {
  deriveRun,
  elapsedLabelParts,
  itemTimerState,
  nextSeq,
  normaliseEvents,
  runShape,
  runShapeKey,
  type MeetingRun,
} from '../../src/domain/meeting-clock';
import { prng } from '../support/prng';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
// An awkward start, not on a whole second, so nothing passes by rounding luck.
const T0 = Date.UTC(2026, 2, 30, 10, 0) + 123;

function item(id: string, order: number, timeboxMinutes: number): AgendaItem {
  return { ...newAgendaItem(id, 'm1', order, 0), title: id, timeboxMinutes };
}

/** A 10, 20 and 30 minute agenda, stored out of order to prove `order` is used. */
const ITEMS = [item('C', 2, 30), item('A', 0, 10), item('B', 1, 20)];

type Step = [atMinutes: number, kind: MeetingClockEventKind, itemId?: string];

/** Events with seq 1, 2, 3… in the order written; times in minutes after T0. */
function events(...steps: Step[]): MeetingClockEvent[] {
  return steps.map(([at, kind, itemId], index) => ({
    id: `e${index + 1}`,
    meetingId: 'm1',
    seq: index + 1,
    at: T0 + at * MIN,
    kind,
    ...(itemId === undefined ? {} : { itemId }),
  }));
}

function runAt(nowMinutes: number, ...steps: Step[]): MeetingRun {
  return deriveRun(events(...steps), ITEMS, T0 + nowMinutes * MIN);
}

function sum(values: Record<string, number>): number {
  return Object.values(values).reduce((a, b) => a + b, 0);
}

describe('before the meeting starts', () => {
  it('is not started, with the first item next and nothing counted', () => {
    const run = deriveRun([], ITEMS, T0);
    expect(run).toEqual({
      phase: 'not-started',
      startedAt: null,
      currentItemId: null,
      nextItemId: 'A',
      itemStatus: { A: 'pending', B: 'pending', C: 'pending' },
      itemElapsedMs: { A: 0, B: 0, C: 0 },
      meetingElapsedMs: 0,
      breakMs: 0,
      currentItemRemainingMs: null,
      currentItemState: null,
      projectedFinish: null,
      endedAt: null,
      spans: [],
      effectiveNow: T0,
    });
  });

  it('ignores pause, resume, end-items and reopen before a start', () => {
    const run = runAt(30, [1, 'pause'], [2, 'resume'], [3, 'end-items'], [4, 'reopen']);
    expect(run.phase).toBe('not-started');
    expect(run.meetingElapsedMs).toBe(0);
    expect(run.breakMs).toBe(0);
  });

  it('has no next item when there is no agenda', () => {
    expect(deriveRun([], [], T0).nextItemId).toBeNull();
  });
});

describe('start, then items', () => {
  it('starts with no item yet: the meeting clock runs, no item clock does', () => {
    const run = runAt(4, [0, 'start']);
    expect(run.phase).toBe('running');
    expect(run.startedAt).toBe(T0);
    expect(run.currentItemId).toBeNull();
    expect(run.nextItemId).toBe('A');
    expect(run.meetingElapsedMs).toBe(4 * MIN);
    expect(sum(run.itemElapsedMs)).toBe(0);
    expect(run.currentItemRemainingMs).toBeNull();
    expect(run.currentItemState).toBeNull();
  });

  it('starts with the first item', () => {
    const run = runAt(4, [0, 'start', 'A']);
    expect(run.currentItemId).toBe('A');
    expect(run.itemStatus).toEqual({ A: 'current', B: 'pending', C: 'pending' });
    expect(run.nextItemId).toBe('B');
    expect(run.itemElapsedMs.A).toBe(4 * MIN);
    expect(run.currentItemRemainingMs).toBe(6 * MIN);
    expect(run.currentItemState).toBe('ok');
  });

  it('"Next item" ends the current item as done', () => {
    const run = runAt(25, [0, 'start', 'A'], [12, 'item', 'B']);
    expect(run.itemStatus).toEqual({ A: 'done', B: 'current', C: 'pending' });
    expect(run.itemElapsedMs).toEqual({ A: 12 * MIN, B: 13 * MIN, C: 0 });
    expect(run.nextItemId).toBe('C');
    expect(run.meetingElapsedMs).toBe(25 * MIN);
  });

  it('time before the first item counts to the meeting, not to an item', () => {
    const run = runAt(10, [0, 'start'], [3, 'item', 'A']);
    expect(run.itemElapsedMs.A).toBe(7 * MIN);
    expect(run.meetingElapsedMs).toBe(10 * MIN);
  });

  it('has no next item once every item is done or current', () => {
    const run = runAt(60, [0, 'start', 'A'], [10, 'item', 'B'], [30, 'item', 'C']);
    expect(run.nextItemId).toBeNull();
    expect(run.itemStatus).toEqual({ A: 'done', B: 'done', C: 'current' });
  });

  it('"item" for the item already current changes nothing', () => {
    const once = runAt(9, [0, 'start', 'A']);
    const twice = runAt(9, [0, 'start', 'A'], [5, 'item', 'A'], [6, 'item', 'A']);
    expect(twice).toEqual(once);
  });

  it('a second start changes nothing, not even the start time', () => {
    const once = runAt(9, [0, 'start', 'A']);
    expect(runAt(9, [0, 'start', 'A'], [5, 'start', 'B'])).toEqual(once);
  });

  it('an item chosen before any start still starts the meeting, so no time is lost', () => {
    const run = runAt(9, [2, 'item', 'A']);
    expect(run.phase).toBe('running');
    expect(run.startedAt).toBe(T0 + 2 * MIN);
    expect(run.itemElapsedMs.A).toBe(7 * MIN);
  });

  it('a revisited item is current again and its time adds up across visits', () => {
    const run = runAt(40, [0, 'start', 'A'], [10, 'item', 'B'], [30, 'item', 'A']);
    expect(run.itemStatus).toEqual({ A: 'current', B: 'done', C: 'pending' });
    expect(run.itemElapsedMs.A).toBe(20 * MIN);
    expect(run.itemElapsedMs.B).toBe(20 * MIN);
    expect(run.currentItemState).toBe('over');
    expect(run.currentItemRemainingMs).toBe(-10 * MIN);
  });

  it('ignores items no longer on the agenda and events missing their item', () => {
    const clean = runAt(20, [0, 'start', 'A']);
    const noisy = runAt(
      20,
      [0, 'start', 'A'],
      [5, 'item', 'deleted'],
      [6, 'item'],
      [7, 'defer', 'deleted'],
      [8, 'defer'],
    );
    expect(noisy).toEqual(clean);
    expect(Object.keys(noisy.itemStatus)).toEqual(['C', 'A', 'B']);
  });
});

describe('pause and resume (a break)', () => {
  it('a break counts to breakMs, not to the item or the meeting', () => {
    const run = runAt(10, [0, 'start', 'A'], [3, 'pause'], [8, 'resume']);
    expect(run.phase).toBe('running');
    expect(run.itemElapsedMs.A).toBe(5 * MIN);
    expect(run.breakMs).toBe(5 * MIN);
    expect(run.meetingElapsedMs).toBe(5 * MIN);
  });

  it('during a break everything but the break stands still', () => {
    const steps: Step[] = [
      [0, 'start', 'A'],
      [3, 'pause'],
    ];
    const early = runAt(4, ...steps);
    const late = runAt(20, ...steps);
    expect(late.phase).toBe('paused');
    expect(late.currentItemId).toBe('A');
    expect(late.itemElapsedMs.A).toBe(early.itemElapsedMs.A);
    expect(late.meetingElapsedMs).toBe(3 * MIN);
    expect(late.currentItemRemainingMs).toBe(7 * MIN);
    expect(late.breakMs).toBe(17 * MIN);
    // The finish moves later as the break goes on.
    expect(late.projectedFinish).toBe(T0 + 20 * MIN + (7 + 20 + 30) * MIN);
  });

  // Invariant: however many times pause or resume is tapped, a break counts once.
  it.each<[string, Step[]]>([
    ['a double pause', [[0, 'start', 'A'], [3, 'pause'], [5, 'pause'], [8, 'resume']]],
    ['a double resume', [[0, 'start', 'A'], [3, 'pause'], [8, 'resume'], [9, 'resume']]],
    ['a resume with no pause', [[0, 'start', 'A'], [1, 'resume'], [3, 'pause'], [8, 'resume']]],
    ['all of them', [[0, 'start', 'A'], [1, 'resume'], [3, 'pause'], [4, 'pause'], [8, 'resume'], [9, 'resume']]],
  ])('%s counts the break once', (_label, steps) => {
    const run = runAt(10, ...steps);
    expect(run.breakMs).toBe(5 * MIN);
    expect(run.itemElapsedMs.A).toBe(5 * MIN);
    expect(run.meetingElapsedMs).toBe(5 * MIN);
    expect(run.phase).toBe('running');
  });

  it('moving to the next item during a break keeps it a break', () => {
    const run = runAt(20, [0, 'start', 'A'], [5, 'pause'], [7, 'item', 'B'], [10, 'resume']);
    expect(run.itemStatus).toEqual({ A: 'done', B: 'current', C: 'pending' });
    expect(run.itemElapsedMs).toEqual({ A: 5 * MIN, B: 10 * MIN, C: 0 });
    expect(run.breakMs).toBe(5 * MIN);
  });
});

describe('a reload mid-item', () => {
  it('derives again from the stored events: elapsed is exactly now − item start', () => {
    const stored = events([0, 'start', 'A'], [9, 'item', 'B']);
    const itemStart = T0 + 9 * MIN;
    for (const now of [itemStart, itemStart + 1, itemStart + 7 * MIN + 333, itemStart + 2 * HOUR + 1]) {
      // Each derivation is from scratch, as after a reload; no state carries over.
      const run = deriveRun(stored, ITEMS, now);
      expect(run.itemElapsedMs.B).toBe(now - itemStart);
      expect(run.meetingElapsedMs).toBe(now - T0);
    }
  });

  it('gives the same answer however often it is derived', () => {
    const stored = events([0, 'start', 'A'], [3, 'pause'], [4, 'resume'], [9, 'item', 'B']);
    const now = T0 + 15 * MIN + 777;
    expect(deriveRun(stored, ITEMS, now)).toEqual(deriveRun(stored, ITEMS, now));
  });

  it('does not change the events it was given', () => {
    const stored = events([5, 'start', 'A'], [1, 'pause']);
    const copy = structuredClone(stored);
    deriveRun(stored.slice().reverse(), ITEMS, T0);
    expect(stored).toEqual(copy);
  });
});

describe('a tablet clock that jumps', () => {
  it('orders events by seq, not by time', () => {
    const stored = events([0, 'start', 'A'], [10, 'item', 'B'], [20, 'item', 'C']);
    const shuffled = [stored[2]!, stored[0]!, stored[1]!];
    expect(deriveRun(shuffled, ITEMS, T0 + 25 * MIN)).toEqual(deriveRun(stored, ITEMS, T0 + 25 * MIN));
  });

  it('treats an event stamped before the one before it as happening at the same moment', () => {
    // The tablet resyncs and its clock goes back an hour between "item B" and the pause.
    const run = runAt(-35, [0, 'start', 'A'], [10, 'item', 'B'], [-48, 'pause'], [-45, 'resume'], [-40, 'item', 'C']);
    for (const value of [...Object.values(run.itemElapsedMs), run.meetingElapsedMs, run.breakMs]) {
      expect(value).toBeGreaterThanOrEqual(0);
    }
    expect(run.itemElapsedMs).toEqual({ A: 10 * MIN, B: 0, C: 0 });
    expect(run.breakMs).toBe(0);
    expect(run.effectiveNow).toBe(T0 + 10 * MIN);
    expect(run.currentItemId).toBe('C');
  });

  it('counts nothing twice when the clock goes back and then on again', () => {
    // Invariant: every millisecond between start and now goes to exactly one of item time,
    // meeting time with no item, or break; never to two of them.
    const run = runAt(
      70,
      [0, 'start', 'A'],
      [30, 'pause'],
      [-20, 'resume'], // clock went back: the break is taken as ending when it began
      [40, 'item', 'B'],
      [50, 'pause'],
      [55, 'resume'],
    );
    expect(run.itemElapsedMs).toEqual({ A: 40 * MIN, B: 25 * MIN, C: 0 });
    expect(run.breakMs).toBe(5 * MIN);
    expect(run.meetingElapsedMs + run.breakMs).toBe(70 * MIN);
    expect(sum(run.itemElapsedMs) + run.breakMs).toBe(70 * MIN);
  });

  it('treats a now earlier than the last event as that event’s time', () => {
    const run = runAt(5, [0, 'start', 'A'], [12, 'item', 'B']);
    expect(run.effectiveNow).toBe(T0 + 12 * MIN);
    expect(run.itemElapsedMs).toEqual({ A: 12 * MIN, B: 0, C: 0 });
    expect(run.meetingElapsedMs).toBe(12 * MIN);
    expect(run.currentItemRemainingMs).toBe(20 * MIN);
    expect(run.projectedFinish).toBe(T0 + 12 * MIN + 50 * MIN);
  });

  it('treats an unusable now as the last event’s time', () => {
    expect(runAt(Number.NaN, [0, 'start', 'A'], [3, 'item', 'B']).effectiveNow).toBe(T0 + 3 * MIN);
    expect(deriveRun([], ITEMS, Number.NaN).effectiveNow).toBe(0);
  });

  it('drops events with no usable time rather than guessing one', () => {
    const stored = events([0, 'start', 'A'], [5, 'item', 'B']);
    const broken = [...stored, { ...stored[1]!, id: 'bad', seq: 3, at: Number.NaN, kind: 'pause' as const }];
    expect(deriveRun(broken, ITEMS, T0 + 9 * MIN)).toEqual(deriveRun(stored, ITEMS, T0 + 9 * MIN));
  });
});

describe('the item timer', () => {
  it.each([
    [0, 10, 'ok'],
    [8 * MIN - 1, 10, 'ok'],
    [8 * MIN, 10, 'warning'],
    [10 * MIN - 1, 10, 'warning'],
    [10 * MIN, 10, 'over'],
    [3 * HOUR, 10, 'over'],
    // 80 % of 7 minutes is 5 min 36 s: exact, not lost to floating point.
    [5 * MIN + 36 * SEC - 1, 7, 'ok'],
    [5 * MIN + 36 * SEC, 7, 'warning'],
    [48 * SEC - 1, 1, 'ok'],
    [48 * SEC, 1, 'warning'],
    [60 * SEC, 1, 'over'],
    [192 * MIN, 240, 'warning'],
    [240 * MIN, 240, 'over'],
    // With no usable timebox there is nothing to run over.
    [HOUR, 0, 'ok'],
    [HOUR, Number.NaN, 'ok'],
  ])('%i ms of a %s-minute timebox is %s', (elapsed, timebox, state) => {
    expect(itemTimerState(elapsed, timebox)).toBe(state);
  });

  it('warns at exactly 80 % and is over at exactly 100 % while the meeting runs', () => {
    const at = (minutes: number): MeetingRun => runAt(minutes, [0, 'start', 'A']);
    expect(at(7.99).currentItemState).toBe('ok');
    expect(at(8).currentItemState).toBe('warning');
    expect(at(8).currentItemRemainingMs).toBe(2 * MIN);
    expect(at(10).currentItemState).toBe('over');
    expect(at(10).currentItemRemainingMs).toBe(0);
    expect(at(13).currentItemRemainingMs).toBe(-3 * MIN);
  });

  it('does not reach the warning during a break', () => {
    const run = runAt(30, [0, 'start', 'A'], [7, 'pause']);
    expect(run.currentItemState).toBe('ok');
  });
});

describe('deferring an item to the next meeting', () => {
  it('deferring the current item leaves nothing current, and keeps the time it had', () => {
    const run = runAt(9, [0, 'start', 'A'], [5, 'defer', 'A']);
    expect(run.itemStatus).toEqual({ A: 'deferred', B: 'pending', C: 'pending' });
    expect(run.currentItemId).toBeNull();
    expect(run.nextItemId).toBe('B');
    expect(run.itemElapsedMs.A).toBe(5 * MIN);
    // The meeting goes on while the chair chooses what is next.
    expect(run.meetingElapsedMs).toBe(9 * MIN);
    expect(run.currentItemState).toBeNull();
    expect(run.projectedFinish).toBe(T0 + 9 * MIN + 50 * MIN);
  });

  it('deferring a pending item skips it as next and drops it from the projection', () => {
    const run = runAt(2, [0, 'start', 'A'], [1, 'defer', 'B']);
    expect(run.itemStatus).toEqual({ A: 'current', B: 'deferred', C: 'pending' });
    expect(run.nextItemId).toBe('C');
    expect(run.projectedFinish).toBe(T0 + 2 * MIN + 8 * MIN + 30 * MIN);
  });

  it('a deferred item can still be taken after all, and then counts on', () => {
    const run = runAt(20, [0, 'start', 'A'], [5, 'defer', 'A'], [6, 'item', 'B'], [16, 'item', 'A']);
    expect(run.itemStatus).toEqual({ A: 'current', B: 'done', C: 'pending' });
    expect(run.itemElapsedMs).toEqual({ A: 9 * MIN, B: 10 * MIN, C: 0 });
  });

  it('an item can be deferred before the meeting starts', () => {
    const run = runAt(0, [-5, 'defer', 'A']);
    expect(run.phase).toBe('not-started');
    expect(run.nextItemId).toBe('B');
  });
});

describe('ending the discussion and reopening it', () => {
  const ended: Step[] = [
    [0, 'start', 'A'],
    [10, 'item', 'B'],
    [25, 'end-items'],
  ];

  it('"end-items" moves to closing, the current item is done and the clock stops', () => {
    const run = runAt(60, ...ended);
    expect(run.phase).toBe('closing');
    expect(run.endedAt).toBe(T0 + 25 * MIN);
    expect(run.currentItemId).toBeNull();
    expect(run.itemStatus).toEqual({ A: 'done', B: 'done', C: 'pending' });
    expect(run.itemElapsedMs).toEqual({ A: 10 * MIN, B: 15 * MIN, C: 0 });
    expect(run.meetingElapsedMs).toBe(25 * MIN);
    expect(run.breakMs).toBe(0);
    expect(run.projectedFinish).toBeNull();
    expect(run.currentItemRemainingMs).toBeNull();
    // Items not reached stay pending: the chair can still defer them.
    expect(run.nextItemId).toBe('C');
  });

  it('ignores pause, item and a second end-items while closing, but allows a deferral', () => {
    const run = runAt(60, ...ended, [30, 'pause'], [31, 'item', 'C'], [32, 'end-items'], [33, 'defer', 'C']);
    expect(run.phase).toBe('closing');
    expect(run.endedAt).toBe(T0 + 25 * MIN);
    expect(run.itemStatus).toEqual({ A: 'done', B: 'done', C: 'deferred' });
    expect(run.breakMs).toBe(0);
  });

  it('ending during a break ends the break', () => {
    const run = runAt(60, [0, 'start', 'A'], [5, 'pause'], [15, 'end-items']);
    expect(run.breakMs).toBe(10 * MIN);
    expect(run.meetingElapsedMs).toBe(5 * MIN);
    expect(run.phase).toBe('closing');
  });

  it('"reopen" goes back to running the last current item; time spent closing counts nowhere', () => {
    const run = runAt(50, ...ended, [40, 'reopen']);
    expect(run.phase).toBe('running');
    expect(run.endedAt).toBeNull();
    expect(run.currentItemId).toBe('B');
    expect(run.itemStatus).toEqual({ A: 'done', B: 'current', C: 'pending' });
    expect(run.itemElapsedMs.B).toBe(25 * MIN);
    expect(run.meetingElapsedMs).toBe(35 * MIN);
  });

  it('reopens with nothing current when nothing was, or when that item was deferred meanwhile', () => {
    expect(runAt(50, [0, 'start'], [5, 'end-items'], [6, 'reopen']).currentItemId).toBeNull();
    const run = runAt(50, ...ended, [30, 'defer', 'B'], [40, 'reopen']);
    expect(run.currentItemId).toBeNull();
    expect(run.itemStatus.B).toBe('deferred');
  });

  it('ignores a reopen that is not after end-items', () => {
    expect(runAt(20, [0, 'start', 'A'], [5, 'reopen'])).toEqual(runAt(20, [0, 'start', 'A']));
  });

  it('can end again after reopening', () => {
    const run = runAt(90, ...ended, [40, 'reopen'], [45, 'end-items']);
    expect(run.phase).toBe('closing');
    expect(run.endedAt).toBe(T0 + 45 * MIN);
    expect(run.meetingElapsedMs).toBe(30 * MIN);
  });
});

describe('projected finish', () => {
  it('is now + what is left of the current item + the timeboxes of pending items', () => {
    const run = runAt(3, [0, 'start', 'A']);
    expect(run.projectedFinish).toBe(T0 + 3 * MIN + 7 * MIN + 20 * MIN + 30 * MIN);
  });

  it('an item running over still finishes no earlier than now', () => {
    const run = runAt(15, [0, 'start', 'A']);
    expect(run.projectedFinish).toBe(T0 + 15 * MIN + 50 * MIN);
  });

  it('leaves out done and deferred items', () => {
    const run = runAt(12, [0, 'start', 'A'], [2, 'defer', 'C'], [10, 'item', 'B']);
    expect(run.projectedFinish).toBe(T0 + 12 * MIN + 18 * MIN);
  });

  it('with no current item, is the pending timeboxes from now', () => {
    expect(runAt(1, [0, 'start']).projectedFinish).toBe(T0 + 1 * MIN + 60 * MIN);
  });
});

describe('a three-hour meeting with many items and breaks', () => {
  const many = Array.from({ length: 9 }, (_, index) => item(`i${index}`, index, 20));

  it('item time plus breaks is the wall time, to the millisecond', () => {
    // Items back to back from the start, two breaks, odd milliseconds everywhere.
    const times = [0, 17 * MIN + 431, 41 * MIN + 9, 58 * MIN + 999, 80 * MIN, 101 * MIN + 1, 133 * MIN, 150 * MIN + 7, 166 * MIN];
    const stored: MeetingClockEvent[] = [];
    const push = (at: number, kind: MeetingClockEventKind, itemId?: string): void => {
      stored.push({ id: `e${stored.length + 1}`, meetingId: 'm1', seq: stored.length + 1, at: T0 + at, kind, ...(itemId ? { itemId } : {}) });
    };
    times.forEach((at, index) => push(at, index === 0 ? 'start' : 'item', `i${index}`));
    push(60 * MIN + 500, 'pause');
    push(75 * MIN + 250, 'resume');
    push(140 * MIN, 'pause');
    push(150 * MIN - 1, 'resume');
    // Re-sorting by time keeps each break inside the item it belongs to; seq stays insertion order.
    stored.sort((a, b) => a.at - b.at).forEach((event, index) => (event.seq = index + 1));
    push(3 * HOUR, 'end-items');

    for (const now of [3 * HOUR, 3 * HOUR + 30 * MIN]) {
      const run = deriveRun(stored, many, T0 + now);
      const breaks = 15 * MIN - 250 + 10 * MIN - 1;
      expect(run.breakMs).toBe(breaks);
      expect(sum(run.itemElapsedMs) + run.breakMs).toBe(3 * HOUR);
      expect(run.meetingElapsedMs).toBe(3 * HOUR - breaks);
      expect(run.itemElapsedMs.i0).toBe(17 * MIN + 431);
      expect(run.itemElapsedMs.i3).toBe(80 * MIN - (58 * MIN + 999) - (15 * MIN - 250));
      expect(run.itemElapsedMs.i8).toBe(3 * HOUR - 166 * MIN);
      expect(Object.values(run.itemStatus).every((status) => status === 'done')).toBe(true);
    }
  });
});

// ---------------------------------------------------------------- property-style

const KINDS: MeetingClockEventKind[] = ['start', 'pause', 'resume', 'item', 'item', 'item', 'defer', 'end-items', 'reopen'];

interface Generated {
  events: MeetingClockEvent[];
  items: AgendaItem[];
  now: number;
  jumped: boolean;
  reopened: boolean;
}

function generate(seed: number, allowJumps: boolean): Generated {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const items = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, index) =>
    item(`i${index}`, Math.floor(random() * 5), 1 + Math.floor(random() * 30)),
  );
  const ids = [...items.map((i) => i.id), 'gone'];
  const generatedEvents: MeetingClockEvent[] = [];
  let clock = T0;
  let jumped = false;
  let reopened = false;
  const count = Math.floor(random() * 40);
  for (let seq = 1; seq <= count; seq += 1) {
    if (allowJumps && random() < 0.1) {
      clock -= Math.floor(random() * HOUR);
      jumped = true;
    } else {
      clock += Math.floor(random() * 20 * MIN);
    }
    let kind = seq === 1 && random() < 0.8 ? 'start' : pick(KINDS);
    // Reopen is kept rare, so most runs can be held to the exact wall-time check.
    if (kind === 'reopen' && random() < 0.8) kind = 'item';
    if (kind === 'reopen') reopened = true;
    const itemId = kind === 'item' || kind === 'defer' || (kind === 'start' && random() < 0.5) ? pick(ids) : undefined;
    generatedEvents.push({ id: `e${seq}`, meetingId: 'm1', seq, at: clock, kind, ...(itemId ? { itemId } : {}) });
  }
  const now = clock + (allowJumps && random() < 0.2 ? -Math.floor(random() * HOUR) : Math.floor(random() * HOUR));
  return { events: generatedEvents, items, now, jumped: jumped || now < clock, reopened };
}

function checkInvariants({ events: stored, items, now, jumped, reopened }: Generated): void {
  const run = deriveRun(stored, items, now);

  // Nothing is ever negative.
  for (const value of [...Object.values(run.itemElapsedMs), run.meetingElapsedMs, run.breakMs]) {
    expect(value).toBeGreaterThanOrEqual(0);
  }
  // Item time is part of the meeting's discussion time, never more.
  expect(sum(run.itemElapsedMs)).toBeLessThanOrEqual(run.meetingElapsedMs);

  // At most one item is current, and it is the one reported.
  const current = Object.entries(run.itemStatus).filter(([, status]) => status === 'current');
  expect(current.length).toBeLessThanOrEqual(1);
  expect(current[0]?.[0] ?? null).toBe(run.currentItemId);
  if (run.phase === 'not-started' || run.phase === 'closing') expect(run.currentItemId).toBeNull();

  // Next is the first pending item by order.
  const firstPending = items
    .slice()
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
    .find((i) => run.itemStatus[i.id] === 'pending');
  expect(run.nextItemId).toBe(firstPending?.id ?? null);

  if (run.startedAt === null) {
    expect(run.meetingElapsedMs + run.breakMs).toBe(0);
  } else {
    const span = (run.endedAt ?? run.effectiveNow) - run.startedAt;
    // Every millisecond from start to end (or now) is discussion or break, exactly once.
    if (!jumped && !reopened) expect(run.meetingElapsedMs + run.breakMs).toBe(span);
    else expect(run.meetingElapsedMs + run.breakMs).toBeLessThanOrEqual(run.effectiveNow - run.startedAt);
  }
  expect(run.effectiveNow).toBeGreaterThanOrEqual(Math.max(...normaliseEvents(stored).map((e) => e.at), Number.NEGATIVE_INFINITY));

  // A later look never shows less time: the clock does not run backwards on screen.
  const later = deriveRun(stored, items, run.effectiveNow + 7 * MIN + 3);
  for (const id of Object.keys(run.itemElapsedMs)) {
    expect(later.itemElapsedMs[id]).toBeGreaterThanOrEqual(run.itemElapsedMs[id]!);
  }
  expect(later.meetingElapsedMs).toBeGreaterThanOrEqual(run.meetingElapsedMs);
  expect(later.breakMs).toBeGreaterThanOrEqual(run.breakMs);
  expect(later.itemStatus).toEqual(run.itemStatus);

  // The order events arrive in does not matter; seq does.
  expect(deriveRun(stored.slice().reverse(), items, now)).toEqual(run);
}

describe('random event sequences (seeded)', () => {
  const seeds = Array.from({ length: 400 }, (_, index) => index + 1);

  it('hold every invariant with a steady clock', () => {
    const phases = new Set<string>();
    let exactSpans = 0;
    for (const seed of seeds) {
      const generated = generate(seed, false);
      const run = deriveRun(generated.events, generated.items, generated.now);
      phases.add(run.phase);
      if (run.startedAt !== null && !generated.reopened) exactSpans += 1;
      try {
        checkInvariants(generated);
      } catch (error) {
        throw new Error(`seed ${seed} (steady clock): ${String(error)}`, { cause: error });
      }
    }
    // The generator really does reach every phase and the exact wall-time check.
    expect([...phases].sort()).toEqual(['closing', 'not-started', 'paused', 'running']);
    expect(exactSpans).toBeGreaterThan(100);
  });

  it('hold every invariant with a clock that jumps back', () => {
    let jumps = 0;
    for (const seed of seeds) {
      const generated = generate(seed, true);
      if (generated.jumped) jumps += 1;
      try {
        checkInvariants(generated);
      } catch (error) {
        throw new Error(`seed ${seed} (jumping clock): ${String(error)}`, { cause: error });
      }
    }
    // The generator really does exercise jumps.
    expect(jumps).toBeGreaterThan(100);
  });
});

describe('the shape of a run (what the screen draws without its clocks)', () => {
  it('stays the same as the seconds pass, and changes when the item is nearly up, then over', () => {
    const steps: Step[] = [[0, 'start', 'A']];
    const keys = [0, 1, 5, 7.9].map((minutes) => runShapeKey(runShape(runAt(minutes, ...steps))));
    expect(new Set(keys).size).toBe(1);
    const warning = runShapeKey(runShape(runAt(8, ...steps)));
    const over = runShapeKey(runShape(runAt(10, ...steps)));
    expect(new Set([keys[0], warning, over, runShapeKey(runShape(runAt(10.5, ...steps)))]).size).toBe(3);
  });

  it('changes with every event that moves the agenda', () => {
    const base: Step[] = [[0, 'start', 'A']];
    const more: Step[][] = [[[1, 'item', 'B']], [[1, 'defer', 'A']], [[1, 'end-items']], [[1, 'pause']]];
    const keys = [base, ...more.map((step) => [...base, ...step])].map((steps) => runShapeKey(runShape(runAt(2, ...steps))));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is the same whenever its key is, for random meetings, save the time of the item running now (seeded)', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const { events: stored, items, now } = generate(seed, false);
      let before = runShape(deriveRun(stored, items, now));
      for (let step = 1; step <= 60; step += 1) {
        const after = runShape(deriveRun(stored, items, now + step * 97 * SEC));
        if (runShapeKey(after) === runShapeKey(before)) {
          const current = after.currentItemId;
          const finished = (shape: typeof after) => Object.fromEntries(Object.entries(shape.itemElapsedMs).filter(([id]) => id !== current));
          expect({ ...after, itemElapsedMs: finished(after) }).toEqual({ ...before, itemElapsedMs: finished(before) });
        }
        before = after;
      }
    }
  });
});

describe('elapsedLabelParts', () => {
  it.each([
    [0, 0, 0, 0],
    [999, 0, 0, 0],
    [1000, 0, 0, 1],
    [59_999, 0, 0, 59],
    [60_000, 0, 1, 0],
    [HOUR - 1, 0, 59, 59],
    [HOUR, 1, 0, 0],
    [3 * HOUR + 25 * MIN + 7 * SEC + 999, 3, 25, 7],
    [27 * HOUR, 27, 0, 0],
    [-5 * MIN, 0, 0, 0],
    [Number.NaN, 0, 0, 0],
  ])('%s ms → %ih %im %is', (ms, hours, minutes, seconds) => {
    expect(elapsedLabelParts(ms)).toEqual({ hours, minutes, seconds });
  });
});

describe('nextSeq', () => {
  it.each([
    [[], 1],
    [[1], 2],
    [[1, 2, 3], 4],
    [[3, 1, 7], 8],
  ])('after %j comes %i', (seqs, expected) => {
    expect(nextSeq(seqs.map((seq) => ({ seq })))).toBe(expected);
  });
});

describe('normaliseEvents', () => {
  it('sorts by seq and never lets time run backwards', () => {
    const stored = events([10, 'start'], [5, 'pause'], [12, 'resume'], [11, 'pause']);
    const normal = normaliseEvents([stored[3]!, stored[1]!, stored[0]!, stored[2]!]);
    expect(normal.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(normal.map((e) => (e.at - T0) / MIN)).toEqual([10, 10, 12, 12]);
    // Events already in time are returned as they are; only the changed ones are copies.
    expect(normal[0]).toBe(stored[0]);
    expect(stored[1]?.at).toBe(T0 + 5 * MIN);
  });
});
