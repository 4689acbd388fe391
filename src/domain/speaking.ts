import type { Turn } from './balance-model';
import type { EpochMs, Id } from './model';

/** What a tap on the speaker tiles does to the stored turns: end one, start one, or both. */
export interface TapChange {
  end: { turnId: Id; at: EpochMs } | null;
  start: Turn | null;
}

export type TapTarget = { personId: Id } | { crossTalk: true } | null;

export function openTurn(turns: readonly Turn[]): Turn | undefined {
  let open: Turn | undefined;
  for (const turn of turns) if (turn.endedAt === null && (!open || turn.startedAt > open.startedAt)) open = turn;
  return open;
}

/**
 * Tap a person: they speak, and whoever was speaking stops. Tap the speaker
 * again, or nobody (null): the turn ends. A tap never ends a turn before it
 * began, even if the tablet's clock has jumped back.
 */
export function tap(
  turns: readonly Turn[],
  target: TapTarget,
  next: { id: Id; meetingId: Id; itemId: Id | null; at: EpochMs },
): TapChange {
  const open = openTurn(turns);
  const endAt = open ? Math.max(next.at, open.startedAt) : next.at;
  const end = open ? { turnId: open.id, at: endAt } : null;
  const sameAsOpen =
    open !== undefined &&
    target !== null &&
    ('crossTalk' in target ? open.crossTalk : !open.crossTalk && open.personId === target.personId);
  if (target === null || sameAsOpen) return { end, start: null };
  return {
    end,
    start: {
      id: next.id,
      meetingId: next.meetingId,
      itemId: next.itemId,
      personId: 'crossTalk' in target ? null : target.personId,
      crossTalk: 'crossTalk' in target,
      startedAt: endAt,
      endedAt: null,
    },
  };
}

/** How to take back the last tap, worked out from the stored turns alone (so it survives a reload). */
export interface UndoChange {
  at: EpochMs;
  deleteTurnId: Id | null;
  reopenTurnId: Id | null;
}

/**
 * `turns` need not be all of the meeting's: the running turn, the turns that ended
 * when it started, and the turns that ended last are enough.
 */
export function lastTapUndo(turns: readonly Turn[]): UndoChange | null {
  // A tap ends the running turn before it starts another, so a running turn was started by the last tap.
  const open = openTurn(turns);
  if (open) {
    // A hand-over ended the previous turn at the very moment this one started.
    const handedOver = latest(turns.filter((t) => t.id !== open.id && t.endedAt === open.startedAt));
    return { at: open.startedAt, deleteTurnId: open.id, reopenTurnId: handedOver?.id ?? null };
  }
  // Nobody speaking: the last tap stopped the turn that ended last.
  const stopped = latest(turns);
  if (!stopped || stopped.endedAt === null) return null;
  return { at: stopped.endedAt, deleteTurnId: null, reopenTurnId: stopped.id };
}

/** The turn that ended last; on a tie (a clock held back), the one that started last. */
function latest(turns: readonly Turn[]): Turn | undefined {
  const end = (turn: Turn) => turn.endedAt ?? Number.POSITIVE_INFINITY;
  return turns.reduce<Turn | undefined>(
    (best, turn) => (!best || end(turn) > end(best) || (end(turn) === end(best) && turn.startedAt > best.startedAt) ? turn : best),
    undefined,
  );
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
