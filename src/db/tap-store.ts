import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { QueueEntry, Turn } from '../domain/balance-model';
import type { Id } from '../domain/model';
import { compareTurns } from '../domain/speaking';
import { db } from './connection';
import type { HeardDb } from './schema';

/**
 * The speaker tiles' write path. A tap is the one write a chair makes dozens
 * of times an hour, so it is one put in one IndexedDB transaction, with
 * nothing read first: what the tap means is worked out from the turn that
 * began last, which this tab keeps in memory. It is read from storage when a
 * meeting's first tap comes, and again whenever anything else (an undo, a
 * correction, another tab) changes the turns. Settled reads (settleTurns)
 * make any interleaving of taps from two tabs a valid sequence of turns.
 */
interface MeetingTaps {
  /** The turn that began last, once every tap already asked for has been worked out. */
  latest: Promise<Turn | undefined>;
  /** Settles when every tap already asked for is stored (or has failed). */
  written: Promise<void>;
}

const tapsByDatabase = new WeakMap<HeardDb, Map<Id, MeetingTaps>>();
let ownWrite = false;
let watching = false;

function tapsOf(database: HeardDb): Map<Id, MeetingTaps> {
  let taps = tapsByDatabase.get(database);
  if (!taps) {
    taps = new Map();
    tapsByDatabase.set(database, taps);
  }
  if (!watching) {
    watching = true;
    // Dexie announces every committed change to the turns, in this tab or another: what this tab knew may be stale.
    Dexie.on('storagemutated', (parts: ObservabilitySet) => {
      if (ownWrite) return;
      const current = db();
      const turnsPart = `idb://${current.name}/turns/`;
      if (!('all' in parts) && !Object.keys(parts).some((key) => key.startsWith(turnsPart))) return;
      const known = tapsByDatabase.get(current);
      if (!known) return;
      for (const [meetingId, taps] of known) known.set(meetingId, { latest: taps.written.then(() => readLatest(current, meetingId)), written: taps.written });
    });
  }
  return taps;
}

/**
 * The last few turns of a meeting by start, in settleTurns' order: the index
 * orders turns that began at one moment by id alone, so a few are read.
 */
export async function readLastTurns(database: HeardDb, meetingId: Id): Promise<Turn[]> {
  const last = await database.turns.where('[meetingId+startedAt]').between([meetingId, Dexie.minKey], [meetingId, Dexie.maxKey]).reverse().limit(3).toArray();
  return last.sort(compareTurns);
}

async function readLatest(database: HeardDb, meetingId: Id): Promise<Turn | undefined> {
  return (await readLastTurns(database, meetingId)).at(-1);
}

/**
 * Stores the record `decide` makes from the turn that began last (null: nothing
 * to store). Taps are worked out and written in the order they were asked for;
 * the promise settles when this tap's transaction has committed.
 */
export function storeTap(meetingId: Id, decide: (latest: Turn | undefined) => Turn | null, queueEntryDone?: QueueEntry): Promise<void> {
  const database = db();
  const taps = tapsOf(database);
  const before = taps.get(meetingId);
  const previous = before ? before.latest : readLatest(database, meetingId);
  const record = previous.then((latest) => decide(latest));
  const written = record.then((turn) => (turn ? put(database, turn, queueEntryDone) : undefined));
  const entry: MeetingTaps = {
    latest: record.then((turn) => turn ?? previous),
    written: written.then(
      () => undefined,
      () => undefined,
    ),
  };
  taps.set(meetingId, entry);
  // A write that failed leaves what this tab assumed untrue: read the truth before the next tap.
  written.catch(() => {
    if (taps.get(meetingId) === entry) taps.set(meetingId, { latest: entry.written.then(() => readLatest(database, meetingId)), written: entry.written });
  });
  return written;
}

/** Waits for the taps already asked for, so an undo or correction never overtakes one. */
export function tapsWritten(meetingId: Id): Promise<void> {
  return tapsByDatabase.get(db())?.get(meetingId)?.written ?? Promise.resolve();
}

async function put(database: HeardDb, turn: Turn, queueEntryDone?: QueueEntry): Promise<void> {
  if (!database.isOpen()) await database.open();
  const idb = database.backendDB();
  const stores = queueEntryDone ? ['turns', 'queue'] : ['turns'];
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(stores, 'readwrite');
    tx.objectStore('turns').put(turn);
    if (queueEntryDone) tx.objectStore('queue').put(queueEntryDone);
    tx.oncomplete = () => resolve();
    // An abort (a full disk) carries its reason in tx.error; a failed request aborts the transaction too.
    tx.onabort = () => reject(tx.error ?? new DOMException('The tap was not stored', 'AbortError'));
  });
  announce(database, turn, queueEntryDone);
}

/** Tells Dexie's live queries, here and in other tabs, what changed: as Dexie's own writes do. */
function announce(database: HeardDb, turn: Turn, queueEntryDone?: QueueEntry): void {
  const parts: ObservabilitySet = {
    [`idb://${database.name}/turns/`]: new RangeSet(turn.id),
    [`idb://${database.name}/turns/meetingId`]: new RangeSet(turn.meetingId),
    [`idb://${database.name}/turns/[meetingId+startedAt]`]: new RangeSet([turn.meetingId, turn.startedAt]),
  };
  if (queueEntryDone) {
    parts[`idb://${database.name}/queue/`] = new RangeSet(queueEntryDone.id);
    parts[`idb://${database.name}/queue/meetingId`] = new RangeSet(queueEntryDone.meetingId);
  }
  ownWrite = true;
  try {
    Dexie.on('storagemutated').fire(parts);
  } finally {
    ownWrite = false;
  }
}
