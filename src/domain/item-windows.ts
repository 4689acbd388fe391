import type { MeetingClockEvent } from './agenda-model';
import { normaliseEvents } from './meeting-clock';
import type { EpochMs, Id } from './model';

export type Window = readonly [from: EpochMs, to: EpochMs];

/**
 * When each agenda item was the one being discussed, from the clock's taps.
 * Breaks inside an item stay inside its window: the people in the room were
 * still there. An item revisited later has more than one window.
 */
export function itemWindows(events: readonly MeetingClockEvent[], now: EpochMs): Map<Id, Window[]> {
  const windows = new Map<Id, Window[]>();
  // Follows deriveRun's phases, so the windows agree with the meeting clock on
  // which events it ignores (a second start, an item chosen while closing…).
  let phase: 'not-started' | 'running' | 'closing' = 'not-started';
  let currentId: Id | null = null;
  let closedByEnd: Id | null = null;
  let from = 0;
  const close = (at: EpochMs) => {
    if (currentId === null) return;
    const list = windows.get(currentId) ?? [];
    list.push([from, Math.max(from, at)]);
    windows.set(currentId, list);
    currentId = null;
  };
  const open = (id: Id, at: EpochMs) => {
    close(at);
    currentId = id;
    from = at;
  };
  for (const event of normaliseEvents(events)) {
    if (event.kind === 'start') {
      // A second 'start' (a double tap, two tabs) changes nothing.
      if (phase !== 'not-started') continue;
      phase = 'running';
      if (event.itemId !== undefined) open(event.itemId, event.at);
    } else if (event.kind === 'item') {
      if (event.itemId === undefined || phase === 'closing' || currentId === event.itemId) continue;
      phase = 'running';
      open(event.itemId, event.at);
    } else if (event.kind === 'defer') {
      if (currentId === event.itemId) close(event.at);
      if (closedByEnd === event.itemId) closedByEnd = null;
    } else if (event.kind === 'end-items') {
      if (phase !== 'running') continue;
      phase = 'closing';
      closedByEnd = currentId;
      close(event.at);
    } else if (event.kind === 'reopen') {
      if (phase !== 'closing') continue;
      phase = 'running';
      // Back to the meeting: the item that was being discussed carries on.
      if (closedByEnd !== null) open(closedByEnd, event.at);
      closedByEnd = null;
    }
  }
  close(now);
  return windows;
}

/** From the start of the meeting to its end (or now), for meeting-wide figures. */
export function meetingWindow(events: readonly MeetingClockEvent[], now: EpochMs): Window[] {
  const ordered = normaliseEvents(events);
  const start = ordered.find((e) => e.kind === 'start' || e.kind === 'item');
  if (!start) return [];
  let end: EpochMs | null = null;
  for (const event of ordered.slice(ordered.indexOf(start))) {
    // A second 'end-items' while closing changes nothing, as on the meeting clock.
    if (event.kind === 'end-items' && end === null) end = event.at;
    else if (event.kind === 'reopen') end = null;
  }
  return [[start.at, Math.max(start.at, end ?? now)]];
}
