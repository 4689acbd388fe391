import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/domain/balance-model';
import type { EpochMs } from '../../src/domain/model';
import { lastTapAt, lastTapUndo, latestTurn, openTurn, settleTurns, shortenTurn, tap, UNDO_WINDOW_MS, withTurn, type TapTarget, type UndoChange } from '../../src/domain/speaking';
import { prng } from '../support/prng';

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

/** The stored turns after one write, as the tap store puts it. */
function store(turns: readonly Turn[], written: Turn | null): Turn[] {
  if (!written) return [...turns];
  return turns.some((t) => t.id === written.id) ? turns.map((t) => (t.id === written.id ? written : t)) : [...turns, written];
}

function tapOn(turns: readonly Turn[], target: TapTarget, n: ReturnType<typeof next>): Turn[] {
  return store(turns, tap(latestTurn(turns), target, n));
}

/** The turn that began last, as stored (not settled), as storage reads it for undo. */
function lastStored(turns: readonly Turn[]): Turn | undefined {
  return latestTurn(turns);
}

/** The stored turns after an undo, as the repository writes them. */
function undo(turns: readonly Turn[], change: UndoChange): Turn[] {
  return turns.filter((t) => t.id !== change.deleteTurnId).map((t) => (t.id === change.reopenTurnId ? { ...t, endedAt: null } : t));
}

function undoOn(turns: readonly Turn[]): Turn[] | null {
  const change = lastTapUndo(lastStored(turns));
  return change ? undo(turns, change) : null;
}

// ---------------------------------------------------------------- tap

describe('tap', () => {
  it('starts a turn for the person tapped when nobody is speaking', () => {
    expect(tap(undefined, { personId: 'a' }, next('t1', 5))).toEqual({ id: 't1', meetingId: 'm1', itemId: 'i1', personId: 'a', crossTalk: false, startedAt: at(5), endedAt: null });
  });

  it('starts a turn after an earlier, finished turn', () => {
    expect(tap(turn('t1', 'a', 0, 10), { personId: 'a' }, next('t2', 20))).toMatchObject({ id: 't2', personId: 'a', startedAt: at(20), endedAt: null });
  });

  it('hands over by writing only the new turn; read back, the previous one ends the moment the next starts', () => {
    const written = tap(turn('t1', 'a', 0, null), { personId: 'b' }, next('t2', 30));
    expect(written).toMatchObject({ id: 't2', personId: 'b', crossTalk: false, startedAt: at(30), endedAt: null });
    expect(settleTurns([turn('t1', 'a', 0, null), written!])).toEqual([turn('t1', 'a', 0, 30), turn('t2', 'b', 30, null, false)]);
  });

  it('tapping the speaker again stops them: the running turn is written with its end', () => {
    expect(tap(turn('t1', 'a', 0, null), { personId: 'a' }, next('t2', 30))).toEqual(turn('t1', 'a', 0, 30));
  });

  it('"Nobody speaking" (null) stops the speaker, and writes nothing when nobody is', () => {
    expect(tap(turn('t1', 'a', 0, null), null, next('t2', 30))).toEqual(turn('t1', 'a', 0, 30));
    expect(tap(turn('t1', 'a', 0, 10), null, next('t2', 30))).toBeNull();
    expect(tap(undefined, null, next('t1', 30))).toBeNull();
  });

  it('cross-talk on starts a turn against nobody; on again turns it off', () => {
    const on = tap(turn('t1', 'a', 0, null), { crossTalk: true }, next('t2', 30));
    expect(on).toMatchObject({ id: 't2', personId: null, crossTalk: true, startedAt: at(30), endedAt: null });
    expect(tap(on!, { crossTalk: true }, next('t3', 50))).toEqual({ ...on!, endedAt: at(50) });
  });

  it('a person tapped during cross-talk takes over from it', () => {
    expect(tap(turn('x', null, 0, null), { personId: 'a' }, next('t2', 12))).toMatchObject({ personId: 'a', crossTalk: false, startedAt: at(12) });
  });

  it('with a clock behind, never makes a negative turn nor puts a turn before the one tapped earlier', () => {
    // The tablet's clock jumped back 20 s while a was speaking.
    expect(tap(turn('t1', 'a', 100, null), { personId: 'b' }, next('t2', 80))).toMatchObject({ startedAt: at(100) + 1 });
    expect(tap(turn('t1', 'a', 100, null), null, next('t2', 80))).toEqual(turn('t1', 'a', 100, 100));
    expect(tap(turn('t1', 'a', 100, null), { personId: 'a' }, next('t2', 80))).toEqual(turn('t1', 'a', 100, 100));
    // a spoke 100–200 s, then the clock jumped back to 150 s: b starts when a stopped, not inside a's turn.
    expect(tap(turn('t1', 'a', 100, 200), { personId: 'b' }, next('t2', 150))).toMatchObject({ startedAt: at(200) });
  });
});

// ---------------------------------------------------------------- settleTurns, openTurn, latestTurn

describe('settleTurns', () => {
  it('orders turns by start, and ends each at the latest where the next begins', () => {
    const stored = [turn('t3', 'c', 50, null), turn('t1', 'a', 0, null), turn('t2', 'b', 20, 40)];
    expect(settleTurns(stored)).toEqual([turn('t1', 'a', 0, 20), turn('t2', 'b', 20, 40), turn('t3', 'c', 50, null)]);
  });

  it('cuts a turn that was stopped after the next began (two tabs, a stale screen)', () => {
    expect(settleTurns([turn('t1', 'a', 0, 90), turn('t2', 'b', 30, null)])).toEqual([turn('t1', 'a', 0, 30), turn('t2', 'b', 30, null)]);
  });

  it('orders turns that began at the same moment: one that also ended then first, then by id', () => {
    expect(settleTurns([turn('b', 'b', 10, null), turn('a', 'a', 10, null)]).map((t) => [t.id, t.endedAt])).toEqual([
      ['a', at(10)],
      ['b', null],
    ]);
    // Stored before one-record taps, with the clock held back: a's turn ended the moment b's began.
    expect(settleTurns([turn('b', 'b', 100, null), turn('z', 'a', 100, 100)]).map((t) => t.id)).toEqual(['z', 'b']);
  });

  it('is the same whatever order turns are stored in, and settling twice changes nothing', () => {
    const stored = [turn('t1', 'a', 0, null), turn('t2', 'b', 10, null), turn('t3', 'a', 25, 30), turn('t4', null, 40, null)];
    const settled = settleTurns(stored);
    expect(settleTurns(stored.slice().reverse())).toEqual(settled);
    expect(settleTurns(settled)).toEqual(settled);
    expect(settled.filter((t) => t.endedAt === null).map((t) => t.id)).toEqual(['t4']);
  });
});

describe('withTurn', () => {
  it('adds a new turn at the end, ending the one before where it begins', () => {
    const settled = settleTurns([turn('t1', 'a', 0, null)]);
    expect(withTurn(settled, turn('t2', 'b', 30, null))).toEqual([turn('t1', 'a', 0, 30), turn('t2', 'b', 30, null)]);
  });

  it('replaces the running turn when it is stopped, and a corrected earlier turn in its place', () => {
    const settled = settleTurns([turn('t1', 'a', 0, 10), turn('t2', 'b', 20, null)]);
    expect(withTurn(settled, turn('t2', 'b', 20, 25))).toEqual([turn('t1', 'a', 0, 10), turn('t2', 'b', 20, 25)]);
    expect(withTurn(settled, turn('t1', 'c', 0, 5))).toEqual([turn('t1', 'c', 0, 5), turn('t2', 'b', 20, null)]);
  });
});

describe('openTurn and latestTurn', () => {
  it('the running turn is the one that began last, if it has not ended', () => {
    const turns = [turn('t1', 'a', 0, 10), turn('t2', 'b', 10, null), turn('t3', 'a', 5, 8)];
    expect(openTurn(turns)?.id).toBe('t2');
    expect(openTurn(turns.slice().reverse())?.id).toBe('t2');
    expect(latestTurn(turns)?.id).toBe('t2');
  });

  it('a turn stored as running but followed by another is not running', () => {
    expect(openTurn([turn('t1', 'a', 0, null), turn('t2', 'b', 10, 20)])).toBeUndefined();
  });

  it('is undefined when nobody is speaking', () => {
    expect(openTurn([])).toBeUndefined();
    expect(openTurn([turn('t1', 'a', 0, 10)])).toBeUndefined();
    expect(latestTurn([])).toBeUndefined();
  });
});

// ---------------------------------------------------------------- lastTapUndo

describe('lastTapUndo', () => {
  it('has nothing to undo before any tap', () => {
    expect(lastTapUndo(undefined)).toBeNull();
    expect(lastTapAt([])).toBeNull();
  });

  it('after a start: deletes the new turn, reopens nothing', () => {
    expect(lastTapUndo(turn('t2', 'b', 20, null))).toEqual({ at: at(20), deleteTurnId: 't2', reopenTurnId: null });
  });

  it('after a hand-over: deletes the new turn, and the one it took over from runs again', () => {
    const turns = tapOn(tapOn([], { personId: 'a' }, next('t1', 0)), { personId: 'b' }, next('t2', 10));
    const change = lastTapUndo(lastStored(turns));
    expect(change).toEqual({ at: at(10), deleteTurnId: 't2', reopenTurnId: null });
    expect(settleTurns(undo(turns, change!))).toEqual([turn('t1', 'a', 0, null)]);
  });

  it('after a stop: reopens the turn it ended', () => {
    expect(lastTapUndo(turn('t2', 'b', 10, 25))).toEqual({ at: at(25), deleteTurnId: null, reopenTurnId: 't2' });
    expect(lastTapAt([turn('t1', 'a', 0, null), turn('t2', 'b', 10, 25)])).toBe(at(25));
  });

  it('after a start that followed a stop, even at the same moment: deletes only the new turn', () => {
    const turns = tapOn([turn('t1', 'a', 0, 10)], { personId: 'b' }, next('t2', 10));
    expect(lastTapUndo(lastStored(turns))).toEqual({ at: at(10), deleteTurnId: 't2', reopenTurnId: null });
    expect(lastTapAt([turn('t1', 'a', 0, 10), turn('t2', 'b', 30, null)])).toBe(at(30));
  });

  it('offers undo for at least the 10 seconds the issue asks for', () => {
    expect(UNDO_WINDOW_MS).toBeGreaterThanOrEqual(10 * SEC);
  });
});

// ---------------------------------------------------------------- tap and undo together

const TARGETS: TapTarget[] = [{ personId: 'a' }, { personId: 'b' }, { personId: 'c' }, { crossTalk: true }, null];
const who = (t: TapTarget | Turn | null | undefined): string =>
  !t ? '-' : 'crossTalk' in t && t.crossTalk === true ? 'x' : 'personId' in t ? String(t.personId) : '-';

describe('random taps (seeded)', () => {
  it('read back as the chair tapped them: one speaker at a time, never negative, never overlapping, even with a clock that jumps back', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = prng(seed);
      let turns: Turn[] = [];
      let clock = 0;
      // What the chair meant: who has the floor, and the order of everyone given it.
      let speaking = '-';
      const given: string[] = [];
      const problems: string[] = [];
      for (let i = 0; i < 60 && problems.length === 0; i += 1) {
        clock += random() < 0.15 ? -random() * 60 : random() * 60;
        const target = TARGETS[Math.floor(random() * TARGETS.length)]!;
        const turnsBefore = turns;
        turns = tapOn(turns, target, next(`t${i}`, clock));
        if (target === null || who(target) === speaking) speaking = '-';
        else given.push((speaking = who(target)));
        const settled = settleTurns(turns);
        const written = tap(latestTurn(turnsBefore), target, next(`w${i}`, clock));
        if (written && JSON.stringify(withTurn(settleTurns(turnsBefore), written)) !== JSON.stringify(settleTurns(store(turnsBefore, written))))
          problems.push(`tap ${i}: withTurn differs from settling again`);
        if (settled.map(who).join() !== given.join()) problems.push(`tap ${i}: turns ${settled.map(who).join()} not ${given.join()}`);
        if (who(openTurn(settled)) !== speaking) problems.push(`tap ${i}: ${who(openTurn(settled))} speaking, not ${speaking}`);
        if (settled.slice(0, -1).some((t) => t.endedAt === null)) problems.push(`tap ${i}: an earlier turn still running`);
        if (settled.some((t) => t.endedAt !== null && t.endedAt < t.startedAt)) problems.push(`tap ${i}: a negative turn`);
        if (settled.some((t, j) => j > 0 && settled[j - 1]!.endedAt! > t.startedAt)) problems.push(`tap ${i}: overlapping turns`);
      }
      expect(problems, `seed ${seed}`).toEqual([]);
    }
  });

  it('are each taken back exactly by undo, read from the two turns that began last', () => {
    let undone = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = prng(seed);
      let turns: Turn[] = [];
      let clock = 0;
      const problems: string[] = [];
      for (let i = 0; i < 40 && problems.length === 0; i += 1) {
        clock += 1 + random() * 60;
        const after = tapOn(turns, TARGETS[Math.floor(random() * TARGETS.length)]!, next(`t${i}`, clock));
        if (JSON.stringify(after) === JSON.stringify(turns)) continue; // nothing happened, so nothing to take back
        const undoneTurns = undoOn(after);
        if (!undoneTurns) problems.push(`tap ${i}: nothing to undo`);
        // Undo puts the turns back, as read, exactly as they were before the tap.
        else if (JSON.stringify(settleTurns(undoneTurns)) !== JSON.stringify(settleTurns(turns))) problems.push(`tap ${i}: undo did not restore the turns`);
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
