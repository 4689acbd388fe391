import type { EpochMs, Id } from './model';
import type { AgendaItem, AgendaItemStatus, MeetingClockEvent } from './agenda-model';
import { timeboxMs } from './agenda';
import { sortByOrder } from './reorder';
import type { TalkCut, TalkSpan } from './talk';

/**
 * The running meeting, derived from the stored clock events and `now` only.
 * Nothing here counts ticks: the screen re-derives every second, and a reload,
 * a closed tab or a sleeping tablet gives exactly the same answer.
 */

export type RunPhase = 'not-started' | 'running' | 'paused' | 'closing';
export type ItemTimerState = 'ok' | 'warning' | 'over';

export interface MeetingRun {
  phase: RunPhase;
  startedAt: EpochMs | null;
  currentItemId: Id | null;
  /** The first item by order that is still pending (never the current one). */
  nextItemId: Id | null;
  /** Every item passed in, 'pending' unless an event says otherwise. */
  itemStatus: Record<Id, AgendaItemStatus>;
  /** Discussion time per item, across every visit; breaks excluded. */
  itemElapsedMs: Record<Id, number>;
  /** Time since start, less breaks, stopping at 'end-items'. */
  meetingElapsedMs: number;
  breakMs: number;
  /** Negative once the current item has run over its timebox. */
  currentItemRemainingMs: number | null;
  currentItemState: ItemTimerState | null;
  /** now + what is left of the current item + timeboxes of pending items; null unless running or paused. */
  projectedFinish: EpochMs | null;
  /** When the discussion ended ('end-items'); null unless closing. */
  endedAt: EpochMs | null;
  /**
   * The stretches in which the meeting was running, each with the item under
   * discussion: the only time in which talk counts (see talk.ts). Every
   * elapsed time above is their length.
   */
  spans: TalkSpan[];
  /**
   * The moment all of this was worked out at: `now`, or the last event's time
   * when the tablet's clock is behind it.
   */
  effectiveNow: EpochMs;
}

/** The share of a timebox at which the quiet warning starts. */
export const WARNING_PERCENT = 80;

/** Warning from exactly 80 % of the timebox, over from exactly 100 %. */
export function itemTimerState(elapsedMs: number, timeboxMinutes: number): ItemTimerState {
  const box = timeboxMs(timeboxMinutes);
  // An item with no usable timebox cannot run over it.
  if (box === 0) return 'ok';
  if (elapsedMs >= box) return 'over';
  // Whole-number comparison, so exactly 80 % is not lost to floating point.
  if (elapsedMs * 100 >= box * WARNING_PERCENT) return 'warning';
  return 'ok';
}

export interface ElapsedParts {
  hours: number;
  minutes: number;
  seconds: number;
}

/**
 * Whole hours, minutes and seconds, rounded down. Negative and unreadable
 * times show as zero; for an overrun pass the size of it (Math.abs).
 */
export function elapsedLabelParts(ms: number): ElapsedParts {
  const totalSeconds = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  return {
    hours: Math.floor(totalSeconds / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
  };
}

/** The seq for the next event of a meeting. */
export function nextSeq(events: readonly Pick<MeetingClockEvent, 'seq'>[]): number {
  return events.reduce((max, event) => Math.max(max, event.seq), 0) + 1;
}

/**
 * Orders by seq, and makes time run forwards: an event stamped earlier than
 * the one before it (a tablet resyncing its clock) is treated as happening at
 * the same moment, so no interval is ever negative. Events with no usable
 * time are dropped; Date.now() never gives one.
 */
export function normaliseEvents(events: readonly MeetingClockEvent[]): MeetingClockEvent[] {
  const ordered = events
    .filter((event) => Number.isFinite(event.at))
    .sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let previous = Number.NEGATIVE_INFINITY;
  return ordered.map((event) => {
    const at = Math.max(event.at, previous);
    previous = at;
    return at === event.at ? event : { ...event, at };
  });
}

export function deriveRun(
  events: readonly MeetingClockEvent[],
  items: readonly AgendaItem[],
  now: EpochMs,
): MeetingRun {
  const ordered = normaliseEvents(events);
  const byId = new Map(items.map((item) => [item.id, item]));
  const itemStatus: Record<Id, AgendaItemStatus> = {};
  const itemElapsedMs: Record<Id, number> = {};
  for (const item of items) {
    itemStatus[item.id] = 'pending';
    itemElapsedMs[item.id] = 0;
  }

  let phase: RunPhase = 'not-started';
  let startedAt: EpochMs | null = null;
  let endedAt: EpochMs | null = null;
  let current: Id | null = null;
  // The item that was current when the discussion ended, for 'reopen'.
  let currentBeforeClosing: Id | null = null;
  let breakMs = 0;
  let lastAt = Number.NEGATIVE_INFINITY;
  const spans: TalkSpan[] = [];
  let span: TalkSpan | null = null;

  // Events about an item that is no longer on the agenda (deleted mid-meeting)
  // are ignored rather than leaving the clock pointing at nothing.
  const known = (id: Id | undefined): id is Id => id !== undefined && byId.has(id);

  // Talk counts only while the meeting runs, one item (or none) at a time: a span opens when the
  // meeting runs on an item and closes, with its reason, when either stops.
  const openSpan = (at: EpochMs): void => {
    span = { from: at, to: null, itemId: current, endedBy: null };
    spans.push(span);
  };
  const closeSpan = (at: EpochMs, endedBy: TalkCut): void => {
    if (span === null) return;
    span.to = at;
    span.endedBy = endedBy;
    span = null;
  };

  const makeCurrent = (id: Id, at: EpochMs): void => {
    if (current !== null) itemStatus[current] = 'done';
    current = id;
    itemStatus[id] = 'current';
    if (phase === 'running') {
      closeSpan(at, 'next-item');
      openSpan(at);
    }
  };

  // Break time, counted between events; running time is the spans' own.
  const advance = (to: EpochMs): void => {
    const gap = lastAt === Number.NEGATIVE_INFINITY ? 0 : to - lastAt;
    lastAt = to;
    if (gap > 0 && phase === 'paused') breakMs += gap;
  };

  for (const event of ordered) {
    advance(event.at);
    switch (event.kind) {
      case 'start':
        // A second 'start' (a double tap, two tabs) changes nothing.
        if (phase !== 'not-started') break;
        phase = 'running';
        startedAt = event.at;
        if (known(event.itemId)) makeCurrent(event.itemId, event.at);
        else openSpan(event.at);
        break;
      case 'item':
        if (!known(event.itemId) || phase === 'closing' || event.itemId === current) break;
        // An item chosen before 'start' was recorded still starts the meeting, so no time is lost.
        if (phase === 'not-started') {
          phase = 'running';
          startedAt = event.at;
        }
        // Chosen during a break, the new item waits for the break to end: time stays break time.
        makeCurrent(event.itemId, event.at);
        break;
      case 'defer':
        if (!known(event.itemId)) break;
        itemStatus[event.itemId] = 'deferred';
        if (event.itemId === current) {
          current = null;
          if (phase === 'running') {
            closeSpan(event.at, 'deferred');
            openSpan(event.at);
          }
        }
        if (event.itemId === currentBeforeClosing) currentBeforeClosing = null;
        break;
      case 'pause':
        // Only a running meeting can pause, so a second tap never starts a second break.
        if (phase !== 'running') break;
        phase = 'paused';
        closeSpan(event.at, 'break');
        break;
      case 'resume':
        if (phase !== 'paused') break;
        phase = 'running';
        openSpan(event.at);
        break;
      case 'end-items':
        if (phase !== 'running' && phase !== 'paused') break;
        closeSpan(event.at, 'ended');
        phase = 'closing';
        endedAt = event.at;
        currentBeforeClosing = current;
        if (current !== null) itemStatus[current] = 'done';
        current = null;
        break;
      case 'reopen':
        if (phase !== 'closing') break;
        phase = 'running';
        endedAt = null;
        if (currentBeforeClosing !== null) {
          current = currentBeforeClosing;
          itemStatus[current] = 'current';
        }
        currentBeforeClosing = null;
        openSpan(event.at);
        break;
    }
  }

  const effectiveNow = Number.isFinite(now) ? Math.max(now, lastAt) : lastAt;
  advance(effectiveNow);

  let meetingElapsedMs = 0;
  for (const { from, to, itemId } of spans) {
    const length = Math.max(0, (to ?? effectiveNow) - from);
    meetingElapsedMs += length;
    if (itemId !== null) itemElapsedMs[itemId] = (itemElapsedMs[itemId] ?? 0) + length;
  }

  const orderedItems = sortByOrder(items);
  const nextItemId = orderedItems.find((item) => itemStatus[item.id] === 'pending')?.id ?? null;

  let currentItemRemainingMs: number | null = null;
  let currentItemState: ItemTimerState | null = null;
  const currentItem = current === null ? undefined : byId.get(current);
  if (currentItem) {
    const elapsed = itemElapsedMs[currentItem.id] ?? 0;
    currentItemRemainingMs = timeboxMs(currentItem.timeboxMinutes) - elapsed;
    currentItemState = itemTimerState(elapsed, currentItem.timeboxMinutes);
  }

  let projectedFinish: EpochMs | null = null;
  if (phase === 'running' || phase === 'paused') {
    // An item already over its time still finishes no earlier than now.
    const pending = orderedItems
      .filter((item) => itemStatus[item.id] === 'pending')
      .reduce((sum, item) => sum + timeboxMs(item.timeboxMinutes), 0);
    projectedFinish = effectiveNow + Math.max(0, currentItemRemainingMs ?? 0) + pending;
  }

  return {
    phase,
    startedAt,
    currentItemId: current,
    nextItemId,
    itemStatus,
    itemElapsedMs,
    meetingElapsedMs,
    breakMs,
    currentItemRemainingMs,
    currentItemState,
    projectedFinish,
    endedAt,
    spans,
    // Only with no events and no usable now is there no moment at all.
    effectiveNow: Number.isFinite(effectiveNow) ? effectiveNow : 0,
  };
}


/** When talk counts (see talk.ts): the run's spans, which change only with the clock's events, never with the time. */
export function talkSpans(events: readonly MeetingClockEvent[], items: readonly AgendaItem[]): TalkSpan[] {
  return deriveRun(events, items, Number.NaN).spans;
}

/**
 * What of a run changes only at moments — an event, the current item nearly up
 * or over — and not with every second: the screen draws its agenda, current
 * item and panels from this, and only its clocks each second.
 * `itemElapsedMs` is final for items done or deferred; the current item's
 * time belongs to a clock.
 */
export type RunShape = Pick<MeetingRun, 'phase' | 'currentItemId' | 'nextItemId' | 'itemStatus' | 'itemElapsedMs' | 'currentItemState' | 'endedAt'>;

export function runShape(run: MeetingRun): RunShape {
  const { phase, currentItemId, nextItemId, itemStatus, itemElapsedMs, currentItemState, endedAt } = run;
  return { phase, currentItemId, nextItemId, itemStatus, itemElapsedMs, currentItemState, endedAt };
}

/** Equal for two runs exactly when they have the same shape. */
export function runShapeKey(run: RunShape): string {
  const { phase, currentItemId, nextItemId, itemStatus, currentItemState, endedAt } = run;
  return JSON.stringify([phase, currentItemId, nextItemId, currentItemState, endedAt, itemStatus]);
}
