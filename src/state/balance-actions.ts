import type { GlossaryTerm, QueueEntry, Turn } from '../domain/balance-model';
import type { Attendee, Id } from '../domain/model';
import { arriveAt } from '../domain/balance';
import { moveInQueue } from '../domain/speaker-queue';
import { openTurn, shortenTurn, type TapTarget } from '../domain/speaking';
import { latestAsCounted, tapInSpans, type TalkSpan } from '../domain/talk';
import * as repo from '../db/balance-repo';
import { storeTap } from '../db/tap-store';
import { RuleError } from '../domain/rule-codes';
import { now } from './clock';
import { newId } from '../db/ids';
import { save } from './save-status';

/** What the running screen knows when a tile is tapped: when talk counts, and who waits to speak. */
export interface TapContext {
  spans: readonly TalkSpan[];
  queue: readonly QueueEntry[];
}

/** Whoever starts speaking leaves the queue, in the tap's own write: undoing the tap puts them back. */
function leavesQueue(queue: readonly QueueEntry[], personId: Id) {
  const waiting = queue.find((entry) => entry.personId === personId && entry.doneAt === null);
  if (!waiting) return undefined;
  return (turn: Turn): QueueEntry | undefined =>
    turn.endedAt === null && !turn.crossTalk && turn.personId === personId ? { ...waiting, doneAt: turn.startedAt, floorTurnId: turn.id } : undefined;
}

/**
 * One tap on the speaker tiles (or "Nobody speaking", or cross-talk), stored
 * at the moment of the tap. Nothing is read first: the turn that began last
 * is known to the tap store, and when talk counts to the screen.
 */
export function tapSpeaker(meetingId: Id, target: TapTarget, context: TapContext) {
  const next = { id: newId(), meetingId, at: now() };
  const leaving = target && 'personId' in target ? leavesQueue(context.queue, target.personId) : undefined;
  return save(() => storeTap(meetingId, (latest) => tapInSpans(latest, target, next, context.spans), leaving));
}

/** "Next speaker": the top of the queue gets the floor and leaves the queue, in one step. */
export function giveFloor(meetingId: Id, entry: QueueEntry, context: TapContext) {
  const next = { id: newId(), meetingId, at: now() };
  return save(() =>
    storeTap(
      meetingId,
      (latest) => {
        const running = openTurn(latest ? [latestAsCounted(latest, context.spans)!] : []);
        // Already speaking (the chair tapped their tile first): their turn carries on, never stops.
        const keepGoing = running && !running.crossTalk && running.personId === entry.personId;
        return keepGoing ? { ...running } : tapInSpans(latest, { personId: entry.personId }, next, context.spans);
      },
      (turn) => ({ ...entry, doneAt: next.at, floorTurnId: turn.id }),
    ),
  );
}

export function undoTap(meetingId: Id) {
  return save(() => repo.undoLastTap(meetingId));
}

export function changeSpeaker(turn: Turn, personId: Id | null) {
  return save(() => repo.changeTurnSpeaker(turn, personId));
}

export function shorten(turn: Turn, durationMs: number) {
  const result = shortenTurn(turn, durationMs, now());
  return save(async () => {
    if (typeof result === 'string') throw new RuleError(result);
    await repo.putTurn(result);
  });
}

export function removeTurn(turn: Turn) {
  return save(() => repo.deleteTurn(turn));
}

/** Arrived late, left early, or back: fair shares follow who was in the room, and for how long. */
export function markArrived(attendee: Attendee) {
  return save(() => repo.putAttendee(arriveAt(attendee, now())));
}

export function markLeft(attendee: Attendee) {
  return save(() => repo.putAttendee({ ...attendee, leftAt: now() }));
}

export function markNotHere(attendee: Attendee) {
  return save(() => repo.putAttendee({ ...attendee, arrivedAt: null, leftAt: null, away: [] }));
}

export function askToSpeak(meetingId: Id, personId: Id) {
  return save(() => repo.addToQueue({ id: newId(), meetingId, personId, askedAt: now(), position: null, doneAt: null }));
}

export function leaveQueue(entry: QueueEntry) {
  return save(() => repo.putQueueEntries([{ ...entry, doneAt: now() }]));
}

export function moveQueueEntry(ordered: readonly QueueEntry[], entryId: Id, delta: number) {
  return save(() => repo.putQueueEntries(moveInQueue(ordered, entryId, delta)));
}

/** Switching between "in order asked" and "least heard first" drops any hand-made order. */
export function clearQueueOrder(entries: readonly QueueEntry[]) {
  return save(() => repo.putQueueEntries(entries.filter((e) => e.position !== null).map((e) => ({ ...e, position: null }))));
}

export function flagJargon(groupId: Id, meetingId: Id, term: string, askedById: Id | null) {
  const at = now();
  const entry: GlossaryTerm = { id: newId(), groupId, meetingId, term, explanation: '', askedById, source: 'jargon-flag', createdAt: at, updatedAt: at };
  return save(() => repo.putGlossaryTerm(entry));
}

export function explainTerm(term: GlossaryTerm, explanation: string) {
  return save(() => repo.putGlossaryTerm({ ...term, explanation, updatedAt: now() }));
}
