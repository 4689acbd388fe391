import { computeBalance, turnMs } from '../src/domain/balance';
import { talkSpans } from '../src/domain/meeting-clock';
import { orderQueue } from '../src/domain/speaker-queue';
import { lastTapUndo, latestTurn } from '../src/domain/speaking';
import { countTalk, scopeTurns } from '../src/domain/talk';
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
 * item and the meeting), who is not yet heard, the queue's order and the undo,
 * with the turns counted again by the rule (countTalk). The spans change only
 * with the clock's events, not with a tap, but are worked out here too.
 */
export function runBalanceBench(runs = 400): Timing {
  const m = syntheticMeeting();
  const now = m.endsAt;
  const samples: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    const started = performance.now();
    const counted = countTalk(m.turns, talkSpans(m.events, m.items));
    const currentItem = 'item11';
    const common = { people: m.people, perspectives: m.group.perspectives, attendees: m.attendees, now, talk: counted };
    const item = computeBalance({ ...common, itemId: currentItem });
    const meeting = computeBalance(common);
    const talk = new Map<string, number>();
    for (const turn of scopeTurns(counted)) if (turn.personId) talk.set(turn.personId, (talk.get(turn.personId) ?? 0) + turnMs(turn, now));
    const order = orderQueue(m.queue, 'least-heard', talk, talk);
    const undo = lastTapUndo(latestTurn(m.turns));
    const elapsed = performance.now() - started;
    // Use the results so the work cannot be optimised away.
    if (item.totalTalkMs < 0 || meeting.people.length !== 40 || order.length === 0 || !undo) throw new Error('unexpected result');
    if (i >= 20) samples.push(elapsed);
  }
  return summarise(samples);
}
