import type { Turn } from './balance-model';
import type { EpochMs, Id } from './model';

export type TapTarget = { personId: Id } | { crossTalk: true } | null;

/**
 * Turns are stored one record per tap: a tap that hands over writes only the
 * new turn, and the turn it ended may stay stored as running. Read back, every
 * turn ends at the latest when the next one starts, so at most the last can be
 * running — whatever another tab, a crash between taps or a stale screen left.
 * Ordered by compareTurns.
 */
export function settleTurns(turns: readonly Turn[]): Turn[] {
  const ordered = [...turns].sort(compareTurns);
  return ordered.map((turn, i) => {
    const next = ordered[i + 1];
    if (!next) return turn;
    const endedAt = turn.endedAt === null ? next.startedAt : Math.min(turn.endedAt, next.startedAt);
    return endedAt === turn.endedAt ? turn : { ...turn, endedAt };
  });
}

/**
 * By start; among turns that began at one moment (older data, a clock held
 * back), a turn that also ended then comes first; then by id.
 */
export function compareTurns(a: Turn, b: Turn): number {
  return a.startedAt - b.startedAt || Number(isInstant(b)) - Number(isInstant(a)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const isInstant = (turn: Turn) => turn.endedAt !== null && turn.endedAt <= turn.startedAt;

/**
 * Settled turns with one more written turn (a tap's record): the same as
 * settling the stored turns again, without sorting them all for the usual
 * case of a tap, which only ever touches the end.
 */
export function withTurn(settled: readonly Turn[], turn: Turn): Turn[] {
  const last = settled[settled.length - 1];
  if (last && last.id === turn.id) return [...settled.slice(0, -1), turn];
  if (!last || compareTurns(last, turn) < 0) {
    const out = settled.slice();
    if (last && (last.endedAt === null || last.endedAt > turn.startedAt)) out[out.length - 1] = { ...last, endedAt: turn.startedAt };
    out.push(turn);
    return out;
  }
  return settleTurns([...settled.filter((t) => t.id !== turn.id), turn]);
}

/** The turn that began last (in the order of settleTurns). */
export function latestTurn(turns: readonly Turn[]): Turn | undefined {
  let latest: Turn | undefined;
  for (const turn of turns) if (!latest || compareTurns(turn, latest) > 0) latest = turn;
  return latest;
}

export function openTurn(turns: readonly Turn[]): Turn | undefined {
  const latest = latestTurn(turns);
  return latest?.endedAt === null ? latest : undefined;
}

/**
 * The one record a tap writes, given the turn that began last: a new turn
 * (tap a person, or cross-talk), or the running turn ended (tap the speaker
 * again, or nobody); null when there is nothing to do. A new turn begins
 * after the last one began (and after it ended, if it did), so the order of
 * turns is the order of taps and no turn is ever negative, even when the
 * tablet's clock jumps back.
 */
export function tap(latest: Turn | undefined, target: TapTarget, next: { id: Id; meetingId: Id; itemId: Id | null; at: EpochMs }): Turn | null {
  const open = latest?.endedAt === null ? latest : undefined;
  const sameAsOpen =
    open !== undefined && target !== null && ('crossTalk' in target ? open.crossTalk : !open.crossTalk && open.personId === target.personId);
  if (open && (target === null || sameAsOpen)) return { ...open, endedAt: Math.max(next.at, open.startedAt) };
  if (target === null) return null;
  const floor = latest ? Math.max(latest.startedAt + 1, latest.endedAt ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY;
  return {
    id: next.id,
    meetingId: next.meetingId,
    itemId: next.itemId,
    personId: 'crossTalk' in target ? null : target.personId,
    crossTalk: 'crossTalk' in target,
    startedAt: Math.max(next.at, floor),
    endedAt: null,
  };
}

/** How to take back the last tap, worked out from the stored turns alone (so it survives a reload). */
export interface UndoChange {
  at: EpochMs;
  deleteTurnId: Id | null;
  reopenTurnId: Id | null;
}

/**
 * From the turn that began last, as stored. If it is running, the last tap
 * started it: delete it, and the turn it took over from (stored running, its
 * end implied) runs again. If it has ended, the last tap stopped it: reopen it.
 */
export function lastTapUndo(latest: Turn | undefined): UndoChange | null {
  if (!latest) return null;
  if (latest.endedAt !== null) return { at: latest.endedAt, deleteTurnId: null, reopenTurnId: latest.id };
  return { at: latest.startedAt, deleteTurnId: latest.id, reopenTurnId: null };
}

/** When the last tap was, from settled turns: what the screen needs to offer Undo. */
export function lastTapAt(turns: readonly Turn[]): EpochMs | null {
  const latest = latestTurn(turns);
  return latest ? (latest.endedAt ?? latest.startedAt) : null;
}

/** Undo is offered for this long after a tap (the issue asks for at least 10 seconds). */
export const UNDO_WINDOW_MS = 15_000;

export type TurnProblem = 'longer-than-before' | 'not-positive';

/** A turn can be shortened after the fact (the chair forgot to tap), never lengthened past what was recorded. */
export function shortenTurn(turn: Turn, durationMs: number, now: EpochMs): Turn | TurnProblem {
  const current = (turn.endedAt ?? Math.max(now, turn.startedAt)) - turn.startedAt;
  if (!Number.isFinite(durationMs) || durationMs <= 0) return 'not-positive';
  if (durationMs > current) return 'longer-than-before';
  return { ...turn, endedAt: turn.startedAt + durationMs };
}
