import { computeBalance, turnMs } from '../src/domain/balance';
import { itemWindows, meetingWindow } from '../src/domain/item-windows';
import { orderQueue } from '../src/domain/speaker-queue';
import { lastTapUndo } from '../src/domain/speaking';
import { syntheticMeeting } from './synthetic-meeting';

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), runs: samples.length };
}

/**
 * Everything the running screen recomputes after a tap: both balances (this
 * item and the meeting), who is not yet heard, the queue's order and the undo.
 */
export function runBalanceBench(runs = 400): Timing {
  const m = syntheticMeeting();
  const now = m.endsAt;
  const samples: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    const started = performance.now();
    const windows = itemWindows(m.events, now);
    const currentItem = 'item11';
    const itemTurns = m.turns.filter((turn) => turn.itemId === currentItem);
    const common = { people: m.people, perspectives: m.group.perspectives, attendees: m.attendees, now };
    const item = computeBalance({ ...common, turns: itemTurns, windows: windows.get(currentItem) ?? [] });
    const meeting = computeBalance({ ...common, turns: m.turns, windows: meetingWindow(m.events, now) });
    const talk = new Map<string, number>();
    for (const turn of m.turns) if (turn.personId) talk.set(turn.personId, (talk.get(turn.personId) ?? 0) + turnMs(turn, now));
    const order = orderQueue(m.queue, 'least-heard', talk, talk);
    const undo = lastTapUndo(m.turns);
    const elapsed = performance.now() - started;
    // Use the results so the work cannot be optimised away.
    if (item.totalTalkMs < 0 || meeting.people.length !== 40 || order.length === 0 || !undo) throw new Error('unexpected result');
    if (i >= 20) samples.push(elapsed);
  }
  return summarise(samples);
}
