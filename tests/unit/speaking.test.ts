import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/domain/balance-model';
import type { EpochMs } from '../../src/domain/model';
import { lastTapUndo, openTurn, shortenTurn, tap, UNDO_WINDOW_MS, type TapChange, type TapTarget, type UndoChange } from '../../src/domain/speaking';

const SEC = 1000;
// An awkward start, not on a whole second, so nothing passes by rounding luck.
const T0 = Date.UTC(2030, 2, 14, 10, 0) + 123;
const at = (seconds: number): EpochMs => T0 + seconds * SEC;

function turn(id: string, personId: string | null, from: number, to: number | null, crossTalk = personId === null): Turn {
  return { id, meetingId: 'm1', itemId: 'i1', personId, crossTalk, startedAt: at(from), endedAt: to === null ? null : at(to) };
}

function next(id: string, seconds: number) {
  return { id, meetingId: 'm1', itemId: 'i1', at: at(seconds) };
}

/** The stored turns after a tap, as the repository writes them. */
function apply(turns: readonly Turn[], change: TapChange): Turn[] {
  const updated = turns.map((t) => (change.end && t.id === change.end.turnId ? { ...t, endedAt: change.end.at } : t));
  return change.start ? [...updated, change.start] : updated;
}

/** The stored turns after an undo, as the repository writes them. */
function undo(turns: readonly Turn[], change: UndoChange): Turn[] {
  return turns.filter((t) => t.id !== change.deleteTurnId).map((t) => (t.id === change.reopenTurnId ? { ...t, endedAt: null } : t));
}

const byId = (turns: readonly Turn[]) => turns.slice().sort((a, b) => (a.id < b.id ? -1 : 1));

// ---------------------------------------------------------------- tap

describe('tap', () => {
  it('starts a turn for the person tapped when nobody is speaking', () => {
    expect(tap([], { personId: 'a' }, next('t1', 5))).toEqual({
      end: null,
      start: { id: 't1', meetingId: 'm1', itemId: 'i1', personId: 'a', crossTalk: false, startedAt: at(5), endedAt: null },
    });
  });

  it('starts a turn after earlier, finished turns', () => {
    const change = tap([turn('t1', 'a', 0, 10)], { personId: 'a' }, next('t2', 20));
    expect(change.end).toBeNull();
    expect(change.start).toMatchObject({ id: 't2', personId: 'a', startedAt: at(20), endedAt: null });
  });

  it('hands over: the previous turn ends at the very moment the next starts', () => {
    const change = tap([turn('t1', 'a', 0, null)], { personId: 'b' }, next('t2', 30));
    expect(change.end).toEqual({ turnId: 't1', at: at(30) });
    expect(change.start).toMatchObject({ id: 't2', personId: 'b', crossTalk: false, startedAt: at(30), endedAt: null });
  });

  it('tapping the speaker again stops them, and starts nothing', () => {
    expect(tap([turn('t1', 'a', 0, null)], { personId: 'a' }, next('t2', 30))).toEqual({ end: { turnId: 't1', at: at(30) }, start: null });
  });

  it('"Nobody speaking" (null) stops the speaker, and does nothing when nobody is', () => {
    expect(tap([turn('t1', 'a', 0, null)], null, next('t2', 30))).toEqual({ end: { turnId: 't1', at: at(30) }, start: null });
    expect(tap([turn('t1', 'a', 0, 10)], null, next('t2', 30))).toEqual({ end: null, start: null });
    expect(tap([], null, next('t1', 30))).toEqual({ end: null, start: null });
  });

  it('cross-talk on starts a turn against nobody; on again turns it off', () => {
    const on = tap([turn('t1', 'a', 0, null)], { crossTalk: true }, next('t2', 30));
    expect(on.end).toEqual({ turnId: 't1', at: at(30) });
    expect(on.start).toMatchObject({ id: 't2', personId: null, crossTalk: true, startedAt: at(30), endedAt: null });

    const off = tap([turn('t1', 'a', 0, 30), on.start!], { crossTalk: true }, next('t3', 50));
    expect(off).toEqual({ end: { turnId: 't2', at: at(50) }, start: null });
  });

  it('a person tapped during cross-talk takes over from it', () => {
    const change = tap([turn('x', null, 0, null)], { personId: 'a' }, next('t2', 12));
    expect(change.end).toEqual({ turnId: 'x', at: at(12) });
    expect(change.start).toMatchObject({ personId: 'a', crossTalk: false, startedAt: at(12) });
  });

  it('with a clock behind the open turn’s start never makes a negative turn', () => {
    // The tablet's clock jumped back 20 s while a was speaking.
    const handOver = tap([turn('t1', 'a', 100, null)], { personId: 'b' }, next('t2', 80));
    expect(handOver.end).toEqual({ turnId: 't1', at: at(100) });
    expect(handOver.start).toMatchObject({ startedAt: at(100) });
    expect(tap([turn('t1', 'a', 100, null)], null, next('t2', 80)).end).toEqual({ turnId: 't1', at: at(100) });
    expect(tap([turn('t1', 'a', 100, null)], { personId: 'a' }, next('t2', 80)).end).toEqual({ turnId: 't1', at: at(100) });
  });

  it('ends the latest open turn if, somehow, two are open', () => {
    const change = tap([turn('old', 'a', 0, null), turn('new', 'b', 10, null)], { personId: 'b' }, next('t3', 20));
    expect(change).toEqual({ end: { turnId: 'new', at: at(20) }, start: null });
  });
});

describe('openTurn', () => {
  it('is the running turn, whatever order the turns are stored in', () => {
    const turns = [turn('t1', 'a', 0, 10), turn('t2', 'b', 10, null), turn('t3', 'a', 5, 8)];
    expect(openTurn(turns)?.id).toBe('t2');
    expect(openTurn(turns.slice().reverse())?.id).toBe('t2');
  });

  it('is undefined when nobody is speaking', () => {
    expect(openTurn([])).toBeUndefined();
    expect(openTurn([turn('t1', 'a', 0, 10)])).toBeUndefined();
  });
});

// ---------------------------------------------------------------- lastTapUndo

describe('lastTapUndo', () => {
  it('has nothing to undo before any tap', () => {
    expect(lastTapUndo([])).toBeNull();
  });

  it('after a start: deletes the new turn, reopens nothing', () => {
    expect(lastTapUndo([turn('t1', 'a', 0, 10), turn('t2', 'b', 20, null)])).toEqual({ at: at(20), deleteTurnId: 't2', reopenTurnId: null });
  });

  it('after a hand-over: deletes the new turn and reopens the one it ended', () => {
    expect(lastTapUndo([turn('t1', 'a', 0, 10), turn('t2', 'b', 10, null)])).toEqual({ at: at(10), deleteTurnId: 't2', reopenTurnId: 't1' });
    // To cross-talk as well.
    expect(lastTapUndo([turn('t1', 'a', 0, 10), turn('x', null, 10, null)])).toEqual({ at: at(10), deleteTurnId: 'x', reopenTurnId: 't1' });
  });

  it('after a stop: reopens the turn it ended', () => {
    expect(lastTapUndo([turn('t1', 'a', 0, 10), turn('t2', 'b', 10, 25)])).toEqual({ at: at(25), deleteTurnId: null, reopenTurnId: 't2' });
  });

  it('after a start that followed a stop: deletes only the new turn', () => {
    expect(lastTapUndo([turn('t1', 'a', 0, 10), turn('t2', 'b', 30, null)])).toEqual({ at: at(30), deleteTurnId: 't2', reopenTurnId: null });
  });

  it('does not depend on the order the turns are stored in (so it survives a reload)', () => {
    const turns = [turn('t1', 'a', 0, 10), turn('t2', 'b', 10, 20), turn('t3', 'c', 20, null)];
    const expected = { at: at(20), deleteTurnId: 't3', reopenTurnId: 't2' };
    expect(lastTapUndo(turns)).toEqual(expected);
    expect(lastTapUndo(turns.slice().reverse())).toEqual(expected);
    expect(lastTapUndo([turns[1]!, turns[2]!, turns[0]!])).toEqual(expected);
  });

  it('after a hand-over with the clock behind (both turns start at the same moment)', () => {
    // a started at 100 s; the clock jumped back and b was tapped "at 80 s": a [100, 100], b from 100.
    const turns = [turn('a1', 'a', 100, 100), turn('b1', 'b', 100, null)];
    const expected = { at: at(100), deleteTurnId: 'b1', reopenTurnId: 'a1' };
    expect(lastTapUndo(turns)).toEqual(expected);
    expect(lastTapUndo(turns.slice().reverse())).toEqual(expected);
  });

  it('after a stop with the clock behind (a zero-length turn): reopens it rather than deleting it', () => {
    expect(lastTapUndo([turn('t0', 'c', 40, 100), turn('a1', 'a', 100, 100)])).toEqual({ at: at(100), deleteTurnId: null, reopenTurnId: 'a1' });
  });

  it('after a start with the clock behind the last stop: deletes the new turn and reopens nothing', () => {
    // a spoke 100–200 s; the clock jumped back and b was tapped "at 150 s", overlapping a's turn.
    const turns = [turn('a1', 'a', 100, 200), turn('b1', 'b', 150, null)];
    expect(lastTapUndo(turns)).toEqual({ at: at(150), deleteTurnId: 'b1', reopenTurnId: null });
  });

  it('offers undo for at least the 10 seconds the issue asks for', () => {
    expect(UNDO_WINDOW_MS).toBeGreaterThanOrEqual(10 * SEC);
  });
});

// ---------------------------------------------------------------- tap and undo together

/** mulberry32: a tiny seeded PRNG, so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The few turns storage reads for undo, which must give the same answer as all of them:
 * the running turn, the turns that ended as it started, the turns that ended last.
 */
function fewForUndo(turns: readonly Turn[]): Turn[] {
  const open = openTurn(turns);
  const lastEnd = Math.max(...turns.map((t) => t.endedAt ?? Number.NEGATIVE_INFINITY));
  return turns.filter((t) => t === open || (open !== undefined && t.endedAt === open.startedAt) || t.endedAt === lastEnd);
}

const TARGETS: TapTarget[] = [{ personId: 'a' }, { personId: 'b' }, { personId: 'c' }, { crossTalk: true }, null];

describe('random taps (seeded)', () => {
  it('never leave two turns open (nor does undo) or a turn negative, even with a clock that jumps back; undo needs only a few turns', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = prng(seed);
      let turns: Turn[] = [];
      let clock = 0;
      const problems: string[] = [];
      for (let i = 0; i < 60 && problems.length === 0; i += 1) {
        clock += random() < 0.15 ? -random() * 60 : random() * 60;
        turns = apply(turns, tap(turns, TARGETS[Math.floor(random() * TARGETS.length)]!, next(`t${i}`, clock)));
        // At most one person (or cross-talk) is speaking at any moment, and undo keeps it so.
        const openNow = turns.filter((t) => t.endedAt === null).length;
        const undoChange = lastTapUndo(turns);
        const openAfterUndo = undoChange ? undo(turns, undoChange).filter((t) => t.endedAt === null).length : 0;
        if (openNow > 1 || openAfterUndo > 1) problems.push(`tap ${i}: ${openNow} open, ${openAfterUndo} after undo`);
        // No turn ends before it began.
        if (turns.some((t) => t.endedAt !== null && t.endedAt < t.startedAt)) problems.push(`tap ${i}: a negative turn`);
        if (JSON.stringify(lastTapUndo(fewForUndo(turns))) !== JSON.stringify(undoChange)) problems.push(`tap ${i}: undo differs from a few turns`);
      }
      expect(problems, `seed ${seed}`).toEqual([]);
    }
  });

  it('are each taken back exactly by undo, from a few turns as from all, with a clock that only moves forward', () => {
    let undone = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = prng(seed);
      let turns: Turn[] = [];
      let clock = 0;
      const problems: string[] = [];
      for (let i = 0; i < 40 && problems.length === 0; i += 1) {
        clock += 1 + random() * 60;
        const change = tap(turns, TARGETS[Math.floor(random() * TARGETS.length)]!, next(`t${i}`, clock));
        if (!change.end && !change.start) continue; // nothing happened, so nothing to take back
        const after = apply(turns, change);
        const undoChange = lastTapUndo(after);
        if (!undoChange) problems.push(`tap ${i}: nothing to undo`);
        else if (JSON.stringify(lastTapUndo(fewForUndo(after))) !== JSON.stringify(undoChange)) problems.push(`tap ${i}: undo differs from a few turns`);
        // Undo puts the stored turns back exactly as they were before the tap.
        else if (JSON.stringify(byId(undo(after, undoChange))) !== JSON.stringify(byId(turns))) problems.push(`tap ${i}: undo did not restore the turns`);
        else undone += 1;
        turns = after;
      }
      expect(problems, `seed ${seed}`).toEqual([]);
    }
    expect(undone).toBeGreaterThan(4000);
  });
});

// ---------------------------------------------------------------- shortenTurn

describe('shortenTurn', () => {
  const ended = turn('t1', 'a', 0, 90);

  it('shortens an ended turn, keeping everything else', () => {
    expect(shortenTurn(ended, 60 * SEC, at(500))).toEqual({ ...ended, endedAt: at(60) });
  });

  it('accepts the same length', () => {
    expect(shortenTurn(ended, 90 * SEC, at(500))).toEqual(ended);
  });

  it('refuses to make a turn longer than was recorded', () => {
    expect(shortenTurn(ended, 90 * SEC + 1, at(500))).toBe('longer-than-before');
  });

  it.each([0, -1, -60 * SEC, Number.NaN, Number.POSITIVE_INFINITY])('refuses a duration of %s', (durationMs) => {
    expect(shortenTurn(ended, durationMs, at(500))).toBe('not-positive');
  });

  it('shortens a running turn against its length so far, ending it there', () => {
    const running = turn('t2', 'b', 100, null);
    expect(shortenTurn(running, 30 * SEC, at(145))).toEqual({ ...running, endedAt: at(130) });
    expect(shortenTurn(running, 45 * SEC, at(145))).toEqual({ ...running, endedAt: at(145) });
    expect(shortenTurn(running, 46 * SEC, at(145))).toBe('longer-than-before');
    // A clock behind its start: it has no length yet to shorten.
    expect(shortenTurn(running, 1, at(90))).toBe('longer-than-before');
  });

  it('does not change the turn it is given', () => {
    const copy = { ...ended };
    shortenTurn(ended, 10 * SEC, at(500));
    expect(ended).toEqual(copy);
  });
});
