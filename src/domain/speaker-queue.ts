import type { QueueEntry } from './balance-model';
import type { Id } from './model';

export type QueueMode = 'asked' | 'least-heard';

/**
 * The order people will be called in. A chair's hand moves (positions) win;
 * otherwise in the order asked, or least heard first — least talk this
 * meeting, then this item, then whoever asked first.
 */
export function orderQueue(
  entries: readonly QueueEntry[],
  mode: QueueMode,
  meetingTalkMs: ReadonlyMap<Id, number>,
  itemTalkMs: ReadonlyMap<Id, number>,
): QueueEntry[] {
  const waiting = entries.filter((e) => e.doneAt === null);
  const byRule = (a: QueueEntry, b: QueueEntry) =>
    mode === 'least-heard'
      ? (meetingTalkMs.get(a.personId) ?? 0) - (meetingTalkMs.get(b.personId) ?? 0) ||
        (itemTalkMs.get(a.personId) ?? 0) - (itemTalkMs.get(b.personId) ?? 0) ||
        a.askedAt - b.askedAt
      : a.askedAt - b.askedAt;
  return waiting.sort((a, b) => {
    if (a.position !== null && b.position !== null) return a.position - b.position;
    if (a.position !== null) return -1;
    if (b.position !== null) return 1;
    return byRule(a, b) || (a.id < b.id ? -1 : 1);
  });
}

/** The queue with `id` moved by `delta`, every entry given its place so the chair's order sticks. */
export function moveInQueue(ordered: readonly QueueEntry[], id: Id, delta: number): QueueEntry[] {
  const list = ordered.slice();
  const from = list.findIndex((e) => e.id === id);
  if (from < 0) return list.map((e, position) => ({ ...e, position }));
  const to = Math.min(Math.max(from + delta, 0), list.length - 1);
  const [moved] = list.splice(from, 1);
  list.splice(to, 0, moved!);
  return list.map((e, position) => ({ ...e, position }));
}

/** True when `personId` is already waiting: asking twice keeps one place. */
export function isWaiting(entries: readonly QueueEntry[], personId: Id): boolean {
  return entries.some((e) => e.personId === personId && e.doneAt === null);
}
