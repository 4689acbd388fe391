import type { GlossaryTerm, QueueEntry, Turn } from '../domain/balance-model';
import type { Attendee, Id } from '../domain/model';
import Dexie from 'dexie';
import { lastTapUndo, settleTurns } from '../domain/speaking';
import { db } from './connection';
import { RuleError } from '../domain/rule-codes';
import { readLastTurns, tapsWritten } from './tap-store';

export interface QueueAndGlossary {
  queue: QueueEntry[];
  glossary: GlossaryTerm[];
}

/** A meeting's turns, settled (see settleTurns): in order, each ending at the latest where the next begins. */
export async function getMeetingTurns(meetingId: Id): Promise<Turn[]> {
  return settleTurns(await db().turns.where('meetingId').equals(meetingId).toArray());
}

export async function getQueueAndGlossary(meetingId: Id, groupId: Id): Promise<QueueAndGlossary> {
  const database = db();
  return database.transaction('r', [database.queue, database.glossary], async () => {
    const [queue, glossary] = await Promise.all([
      database.queue.where('meetingId').equals(meetingId).toArray(),
      database.glossary.where('groupId').equals(groupId).toArray(),
    ]);
    return { queue, glossary };
  });
}

/**
 * Undoes the last tap, after any taps still being written. Reads only the
 * turns that began last, however long the meeting has gone on.
 */
export async function undoLastTap(meetingId: Id): Promise<void> {
  await tapsWritten(meetingId);
  const database = db();
  await database.transaction('rw', [database.turns, database.queue], async () => {
    const last = await readLastTurns(database, meetingId);
    const undo = lastTapUndo(last.at(-1));
    if (!undo) throw new RuleError('nothing-to-undo');
    if (undo.deleteTurnId) {
      await database.turns.delete(undo.deleteTurnId);
      // Given the floor by "Next speaker" with that tap: back in the queue, in the place they had.
      const gotFloor = (entry: QueueEntry) => entry.floorTurnId === undo.deleteTurnId;
      await database.queue.where('meetingId').equals(meetingId).filter(gotFloor).modify({ doneAt: null, floorTurnId: undefined });
    }
    if (undo.reopenTurnId) await database.turns.update(undo.reopenTurnId, { endedAt: null });
  });
}

/** A shorter turn: its end is written, as the chair corrected it. */
export async function putTurn(turn: Turn): Promise<void> {
  await tapsWritten(turn.meetingId);
  const database = db();
  await database.transaction('rw', database.turns, async () => {
    await database.turns.put(turn);
  });
}

/** Changes only who spoke: a turn's end, written or implied, stays as it was. */
export async function changeTurnSpeaker(turn: Turn, personId: Id | null): Promise<void> {
  await tapsWritten(turn.meetingId);
  const database = db();
  await database.transaction('rw', database.turns, async () => {
    await database.turns.update(turn.id, { personId, crossTalk: personId === null });
  });
}

/**
 * Deletes a turn recorded by mistake. The turn before it keeps the end it had:
 * written down first, because a stored running turn ends only where the next begins.
 */
export async function deleteTurn(turn: Turn): Promise<void> {
  await tapsWritten(turn.meetingId);
  const database = db();
  await database.transaction('rw', database.turns, async () => {
    const [before] = await database.turns
      .where('[meetingId+startedAt]')
      .between([turn.meetingId, Dexie.minKey], [turn.meetingId, turn.startedAt], true, false)
      .reverse()
      .limit(1)
      .toArray();
    if (before && before.endedAt === null) await database.turns.put({ ...before, endedAt: turn.startedAt });
    await database.turns.delete(turn.id);
  });
}

export async function putAttendee(attendee: Attendee): Promise<void> {
  const database = db();
  await database.transaction('rw', database.attendees, async () => {
    await database.attendees.put(attendee);
  });
}

export async function putQueueEntries(entries: readonly QueueEntry[]): Promise<void> {
  const database = db();
  await database.transaction('rw', database.queue, async () => {
    await database.queue.bulkPut([...entries]);
  });
}

/** Asking to speak twice keeps one place in the queue. */
export async function addToQueue(entry: QueueEntry): Promise<void> {
  const database = db();
  await database.transaction('rw', database.queue, async () => {
    const waiting = await database.queue
      .where('meetingId')
      .equals(entry.meetingId)
      .filter((e) => e.personId === entry.personId && e.doneAt === null)
      .count();
    if (waiting === 0) await database.queue.add(entry);
  });
}

export async function putGlossaryTerm(term: GlossaryTerm): Promise<void> {
  const database = db();
  await database.transaction('rw', database.glossary, async () => {
    await database.glossary.put(term);
  });
}
