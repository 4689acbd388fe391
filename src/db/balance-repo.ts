import type { GlossaryTerm, QueueEntry, Turn } from '../domain/balance-model';
import type { Attendee, EpochMs, Id } from '../domain/model';
import { lastTapUndo, openTurn, type TapChange } from '../domain/speaking';
import { db } from './connection';
import { RuleError } from './storage-errors';

export interface BalanceData {
  turns: Turn[];
  queue: QueueEntry[];
  glossary: GlossaryTerm[];
}

export async function getBalanceData(meetingId: Id, groupId: Id): Promise<BalanceData> {
  const database = db();
  return database.transaction('r', [database.turns, database.queue, database.glossary], async () => {
    const [turns, queue, glossary] = await Promise.all([
      database.turns.where('meetingId').equals(meetingId).toArray(),
      database.queue.where('meetingId').equals(meetingId).toArray(),
      database.glossary.where('groupId').equals(groupId).toArray(),
    ]);
    return { turns, queue, glossary };
  });
}

/** A turn as stored: `openIn` is set to the meeting's id while the turn runs. */
type StoredTurn = Turn & { openIn?: Id };

function stored(turn: Turn): StoredTurn {
  const { openIn: _ignored, ...plain } = turn as StoredTurn;
  return turn.endedAt === null ? { ...plain, openIn: turn.meetingId } : plain;
}

/**
 * Stores a tap. `change` is worked out from the turns running now, as stored,
 * not as a possibly stale screen showed them, so two tabs tapping can never
 * leave two people speaking at once. Only the running turn is read, however
 * long the meeting has gone on.
 */
export async function applyTap(meetingId: Id, change: (open: Turn[]) => TapChange, queueEntryDone?: { id: Id; at: EpochMs }): Promise<void> {
  const database = db();
  // The queue joins the transaction only when a tap also gives someone the floor: a plain tap stays as small as it can be.
  const tables = queueEntryDone ? [database.turns, database.queue] : [database.turns];
  await database.transaction('rw', tables, async () => {
    const open = await database.turns.where('openIn').equals(meetingId).toArray();
    const { end, start } = change(open);
    const ended = end ? open.find((turn) => turn.id === end.turnId) : undefined;
    // Written whole from the record just read, rather than update()'s read-then-write.
    const writes = [...(ended && end ? [stored({ ...ended, endedAt: end.at })] : []), ...(start ? [stored(start)] : [])];
    if (writes.length > 0) await database.turns.bulkPut(writes);
    if (queueEntryDone) await database.queue.update(queueEntryDone.id, { doneAt: queueEntryDone.at });
  });
}

export async function undoLastTap(meetingId: Id): Promise<void> {
  const database = db();
  await database.transaction('rw', database.turns, async () => {
    // What lastTapUndo needs: the running turn, the turns that ended as it started, the turns that ended last.
    const running = await database.turns.where('openIn').equals(meetingId).toArray();
    const open = openTurn(running);
    const endedAt = (at: EpochMs) => database.turns.where('[meetingId+endedAt]').equals([meetingId, at]).toArray();
    const handedOver = open ? await endedAt(open.startedAt) : [];
    const lastEnd = await database.turns.where('[meetingId+endedAt]').between([meetingId, -Infinity], [meetingId, Infinity]).last();
    const endedLast = lastEnd && lastEnd.endedAt !== null ? await endedAt(lastEnd.endedAt) : [];
    const candidates = [...running, ...handedOver, ...endedLast];
    const undo = lastTapUndo([...new Map(candidates.map((turn) => [turn.id, turn])).values()]);
    if (!undo) throw new RuleError('nothing-to-undo');
    if (undo.deleteTurnId) await database.turns.delete(undo.deleteTurnId);
    if (undo.reopenTurnId) await database.turns.update(undo.reopenTurnId, { endedAt: null, openIn: meetingId } as Partial<StoredTurn>);
  });
}

export async function putTurn(turn: Turn): Promise<void> {
  const database = db();
  await database.transaction('rw', database.turns, async () => {
    await database.turns.put(stored(turn));
  });
}

export async function deleteTurn(turnId: Id): Promise<void> {
  const database = db();
  await database.transaction('rw', database.turns, async () => {
    await database.turns.delete(turnId);
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
