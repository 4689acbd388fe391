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

export function lastTapUndo(turns: readonly Turn[]): UndoChange | null {
  let lastStart: Turn | undefined;
  let lastEnd: Turn | undefined;
  for (const turn of turns) {
    if (!lastStart || turn.startedAt > lastStart.startedAt) lastStart = turn;
    if (turn.endedAt !== null && (!lastEnd || turn.endedAt > (lastEnd.endedAt ?? 0))) lastEnd = turn;
  }
  if (!lastStart) return null;
  if (lastEnd && lastEnd.endedAt !== null && lastEnd.endedAt > lastStart.startedAt) {
    return { at: lastEnd.endedAt, deleteTurnId: null, reopenTurnId: lastEnd.id };
  }
  // A hand-over ended the previous turn at the very moment this one started.
  const handedOver = turns.find((t) => t.id !== lastStart!.id && t.endedAt === lastStart!.startedAt);
  return { at: lastStart.startedAt, deleteTurnId: lastStart.id, reopenTurnId: handedOver?.id ?? null };
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
