import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { QueueEntry, Turn } from '../domain/balance-model';
import type { Id } from '../domain/model';
import { compareTurns } from '../domain/speaking';
import { db, openForDirectWrites } from './connection';
import { STORED_DURABILITY, type HeardDb } from './schema';

/**
 * The speaker tiles' write path. A tap is the one write a chair makes dozens
 * of times an hour, so it is one put in one IndexedDB transaction, with
 * nothing read first: what the tap means is worked out from the turn that
 * began last, which this tab keeps in memory. It is read from storage when a
 * meeting's first tap comes, and again whenever anything else (an undo, a
 * correction, another tab) changes the turns. Settled reads (settleTurns)
 * make any interleaving of taps from two tabs a valid sequence of turns.
 */
/**
 * What this tab knows of a meeting's taps: the turn that began last once
 * every tap asked for is worked out (`known`, or still being read), and the
 * last write asked for (IndexedDB commits writes to one store in the order
 * they were asked for, so when it settles, all earlier ones have).
 */
interface MeetingTaps {
  known: { latest: Turn | undefined } | null;
  reading: Promise<Turn | undefined> | null;
  lastWrite: Promise<void>;
}

const tapsByDatabase = new WeakMap<HeardDb, Map<Id, MeetingTaps>>();

/** A tap this tab stored, or any other change to the turns (an undo, a correction, another tab). */
export type TurnsChange = { kind: 'tap-stored'; turn: Turn } | { kind: 'changed-elsewhere' };
const turnListeners = new Set<(change: TurnsChange) => void>();

/**
 * For the running screen: its turns follow this tab's taps record by record,
 * and are read again only when something else changed them.
 */
export function watchTurns(listener: (change: TurnsChange) => void): () => void {
  watchOtherChanges();
  turnListeners.add(listener);
  return () => turnListeners.delete(listener);
}
let ownWrite = false;
let watching = false;

/** Dexie announces every committed change to the turns, in this tab or another: what this tab knew may be stale. */
function watchOtherChanges(): void {
  if (watching) return;
  watching = true;
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    if (ownWrite) return;
    const current = db();
    const turnsPart = `idb://${current.name}/turns/`;
    if (!('all' in parts) && !Object.keys(parts).some((key) => key.startsWith(turnsPart))) return;
    for (const [meetingId, taps] of tapsByDatabase.get(current) ?? []) forget(current, meetingId, taps);
    for (const listener of turnListeners) listener({ kind: 'changed-elsewhere' });
  });
}

function tapsOf(database: HeardDb): Map<Id, MeetingTaps> {
  watchOtherChanges();
  let taps = tapsByDatabase.get(database);
  if (!taps) {
    taps = new Map();
    tapsByDatabase.set(database, taps);
  }
  return taps;
}

/** Reads the truth again, after the writes already asked for. */
function forget(database: HeardDb, meetingId: Id, taps: MeetingTaps): void {
  taps.known = null;
  knownWhenRead(taps, taps.lastWrite.then(() => readLatest(database, meetingId)));
}

/** Once `reading` is the last thing this tab waits on for the meeting, the turn it gives is known. */
function knownWhenRead(taps: MeetingTaps, reading: Promise<Turn | undefined>): void {
  taps.reading = reading;
  reading.then(
    (latest) => {
      if (taps.reading === reading) Object.assign(taps, { known: { latest }, reading: null });
    },
    () => {
      if (taps.reading === reading) taps.reading = null;
    },
  );
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
 * the promise settles when this tap's transaction has committed. When this tab
 * knows the last turn, the transaction starts before this function returns.
 */
export function storeTap(
  meetingId: Id,
  decide: (latest: Turn | undefined) => Turn | null,
  queueEntryDone?: (turn: Turn) => QueueEntry | undefined,
): Promise<void> {
  const database = db();
  const all = tapsOf(database);
  let taps = all.get(meetingId);
  if (!taps) all.set(meetingId, (taps = { known: null, reading: null, lastWrite: Promise.resolve() }));
  if (taps.known) {
    const turn = decide(taps.known.latest);
    if (!turn) return Promise.resolve();
    taps.known = { latest: turn };
    return track(database, meetingId, taps, put(database, turn, queueEntryDone));
  }
  // Not known yet (the first tap, or just after a change from elsewhere): taps wait for the read, in order.
  const meeting = taps;
  const before = meeting.reading ?? meeting.lastWrite.then(() => readLatest(database, meetingId));
  const record = before.then(decide);
  knownWhenRead(meeting, record.then((turn) => turn ?? before));
  return track(database, meetingId, meeting, record.then((turn) => (turn ? put(database, turn, queueEntryDone) : undefined)));
}

function track(database: HeardDb, meetingId: Id, taps: MeetingTaps, written: Promise<void>): Promise<void> {
  taps.lastWrite = written.catch(() => undefined);
  // A write that failed leaves what this tab assumed untrue: read the truth before the next tap.
  written.catch(() => forget(database, meetingId, taps));
  return written;
}

/** Waits for the taps already asked for, so an undo or correction never overtakes one. */
export function tapsWritten(meetingId: Id): Promise<void> {
  return tapsByDatabase.get(db())?.get(meetingId)?.lastWrite ?? Promise.resolve();
}

async function put(database: HeardDb, turn: Turn, withQueueEntry?: (turn: Turn) => QueueEntry | undefined): Promise<void> {
  // Opened by the screen's reads long before any tap; opening here only for a tap with nothing read first.
  await openForDirectWrites(database);
  const idb = database.backendDB();
  const queueEntryDone = withQueueEntry?.(turn);
  const stores = queueEntryDone ? ['turns', 'queue'] : ['turns'];
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(stores, 'readwrite', { durability: STORED_DURABILITY });
    tx.objectStore('turns').put(turn);
    if (queueEntryDone) tx.objectStore('queue').put(queueEntryDone);
    tx.oncomplete = () => {
      resolve();
      // Stored: the screen hears of it straight after, without holding up the tap.
      setTimeout(() => announce(database, turn, queueEntryDone), 0);
    };
    // An abort (a full disk) carries its reason in tx.error; a failed request aborts the transaction too.
    tx.onabort = () => reject(tx.error ?? new DOMException('The tap was not stored', 'AbortError'));
  });
}

/**
 * Tells Dexie's live queries, here and in other tabs, what changed, as Dexie's own writes do:
 * through Dexie's public, documented trigger `Dexie.on('storagemutated').fire(parts)`, with
 * the parts written in the form that page documents (`idb://<database>/<table>/<index>` and
 * the keys touched; https://dexie.org/docs/Dexie/Dexie.on.storagemutated). The test "a tap puts
 * exactly one record, and live views see it at once" fails if Dexie ever reads them otherwise.
 */
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
  for (const listener of turnListeners) listener({ kind: 'tap-stored', turn });
}
