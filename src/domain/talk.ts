import type { Turn } from './balance-model';
import type { EpochMs, Id } from './model';
import { tap, type TapTarget } from './speaking';

/**
 * When talk counts: the one rule behind every figure of talk (the speaker's
 * tile, the balance, the record, every export, the office's summary).
 *
 * A turn counts only inside a span: a stretch in which the meeting is running
 * with one item (or none) under discussion. A turn ends when its span does —
 * when the meeting pauses, when the item changes or is deferred, when the
 * meeting ends — whatever was stored, so a forgotten "Nobody speaking" never
 * turns a break or the check-in into somebody's talk. A turn begun outside
 * every span (on a break) counts nothing. The cut is made when the turns are
 * read, from the clock's own events, so meetings stored before this rule are
 * read by it too, and a tap stays one write with nothing read first.
 */

export type TalkCut = 'break' | 'next-item' | 'deferred' | 'ended';

export interface TalkSpan {
  from: EpochMs;
  /** Null while it is still going on. */
  to: EpochMs | null;
  itemId: Id | null;
  /** What ended it; null while it is going on. */
  endedBy: TalkCut | null;
}

export type Window = readonly [from: EpochMs, to: EpochMs];

declare const counted: unique symbol;

/** A meeting's talk as it counts: only countTalk makes one, so no figure can skip the rule. */
export interface Talk {
  readonly [counted]: true;
  /** Settled turns cut to their spans, in order; turns begun outside every span left out. */
  readonly turns: readonly Turn[];
  readonly spans: readonly TalkSpan[];
  /** The turn that began last, when its span's end ended it (not a tap): for the screen to say so. */
  readonly cut: { turn: Turn; by: TalkCut } | null;
}

/** The span a moment falls in (from ≤ at < to), or undefined on a break, before the start or after the end. */
export function spanAt(spans: readonly TalkSpan[], at: EpochMs): TalkSpan | undefined {
  for (let i = spans.length - 1; i >= 0; i -= 1) {
    const span = spans[i]!;
    if (span.from <= at) return span.to === null || at < span.to ? span : undefined;
  }
  return undefined;
}

/** One turn as it counts, or null when it began outside every span. */
export function countTurn(turn: Turn, spans: readonly TalkSpan[]): Turn | null {
  const span = spanAt(spans, turn.startedAt);
  return span ? cutToSpan(turn, span) : null;
}

function cutToSpan(turn: Turn, span: TalkSpan): Turn {
  const endedAt = span.to === null ? turn.endedAt : turn.endedAt === null ? span.to : Math.min(turn.endedAt, span.to);
  // The turn belongs to the item its span was on, whatever a stale screen wrote.
  return endedAt === turn.endedAt && span.itemId === turn.itemId ? turn : { ...turn, endedAt, itemId: span.itemId };
}

/**
 * The turn that began last, as the next tap must see it: ended where its span
 * ended, and a turn begun outside every span ended where it began. So after a
 * break, tapping the person who was speaking starts them again rather than
 * stopping a turn the break already ended.
 */
export function latestAsCounted(latest: Turn | undefined, spans: readonly TalkSpan[]): Turn | undefined {
  if (!latest) return undefined;
  return countTurn(latest, spans) ?? { ...latest, endedAt: latest.endedAt ?? latest.startedAt };
}

/** Settled turns (settleTurns: in order, none overlapping) as they count. */
export function countTalk(settled: readonly Turn[], spans: readonly TalkSpan[]): Talk {
  const turns: Turn[] = [];
  let s = 0;
  for (const turn of settled) {
    // Turns come in order of start, so the span they start in only moves forwards.
    while (s < spans.length && spans[s]!.to !== null && spans[s]!.to! <= turn.startedAt) s += 1;
    const span = spans[s];
    if (span && span.from <= turn.startedAt) turns.push(cutToSpan(turn, span));
  }
  const last = settled[settled.length - 1];
  const lastCounted = turns[turns.length - 1];
  let cut: Talk['cut'] = null;
  if (last && lastCounted && lastCounted.id === last.id && lastCounted.endedAt !== last.endedAt) {
    const span = spanAt(spans, last.startedAt);
    if (span?.endedBy) cut = { turn: lastCounted, by: span.endedBy };
  }
  return { turns, spans, cut } as unknown as Talk;
}

/** The windows of a scope: the whole meeting's running time, or one item's. Breaks are in neither. */
export function talkWindows(spans: readonly TalkSpan[], itemId?: Id | null): Window[] {
  return spans
    .filter((span) => itemId === undefined || span.itemId === itemId)
    .map((span) => [span.from, span.to ?? Number.POSITIVE_INFINITY] as const);
}

/** The turns of a scope. */
export function scopeTurns(talk: Talk, itemId?: Id | null): readonly Turn[] {
  return itemId === undefined ? talk.turns : talk.turns.filter((turn) => turn.itemId === itemId);
}

/** The turn running now, if any: a turn its span has ended is not running. */
export function runningTurn(talk: Talk): Turn | undefined {
  const last = talk.turns[talk.turns.length - 1];
  return last?.endedAt === null ? last : undefined;
}

/**
 * The record a tap writes, by the rule: on a break, before the start or after
 * the end a tap writes nothing (nobody's talk); otherwise as `tap`, with the
 * last turn as it counts and the new turn on the item its span is on.
 */
export function tapInSpans(
  latest: Turn | undefined,
  target: TapTarget,
  next: { id: Id; meetingId: Id; at: EpochMs },
  spans: readonly TalkSpan[],
): Turn | null {
  // A tablet's clock set back behind the meeting's last event taps at that event, as the clock reads it.
  const last = spans[spans.length - 1];
  const at = last ? Math.max(next.at, last.to ?? last.from) : next.at;
  const span = spanAt(spans, at);
  if (!span) return null;
  return tap(latestAsCounted(latest, spans), target, { ...next, at, itemId: span.itemId });
}
