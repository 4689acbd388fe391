import type { EpochMs, Id } from '../domain/model';
import { isSummaryEntry, type OutboxEntry, type RequestOutboxEntry, type SummaryOutboxEntry, type SyncLast, type SyncProblem, type SyncSettings } from '../domain/sync-model';
import { isDue, isHeldBack, isOutdatedAnswer, setsAside } from '../domain/sync-rules';
import { db, readAtOnce } from './connection';
import { watch } from './live';
import type { HeardDb } from './schema';
import { listGroups } from './groups-repo';
import { readSyncGlance, SYNC_LAST_KEY, SYNC_SETTINGS_KEY } from './settings-repo';

export interface OutboxRow extends SummaryOutboxEntry {
  meetingTitle: string;
}

export async function listOutbox(): Promise<OutboxRow[]> {
  const database = db();
  return database.transaction('r', [database.outbox, database.meetings], async () => {
    const entries = (await database.outbox.toArray()).filter(isSummaryEntry);
    const meetings = await database.meetings.bulkGet(entries.map((e) => e.meetingId));
    return entries
      .map((entry, i) => ({ ...entry, meetingTitle: meetings[i]?.title ?? '' }))
      .sort((a, b) => a.createdAt - b.createdAt);
  });
}

export interface RequestRow extends RequestOutboxEntry {
  /** The group's name while it is still on this device (it is gone after a group's deletion). */
  groupName: string | null;
}

/** Erasure and deletion requests, oldest first. */
export async function listRequests(): Promise<RequestRow[]> {
  const database = db();
  return database.transaction('r', [database.outbox, database.groups], async () => {
    const entries = (await database.outbox.toArray()).filter((e): e is RequestOutboxEntry => !isSummaryEntry(e));
    const groups = await database.groups.bulkGet(entries.map((e) => e.request.groupId));
    return entries.map((entry, i) => ({ ...entry, groupName: groups[i]?.name ?? null })).sort((a, b) => a.createdAt - b.createdAt);
  });
}

/**
 * Takes up to `take` entries that are due for this tab to send (or those `take` picks), marking
 * them 'sending' until `now + leaseMs`. One rw transaction: IndexedDB runs
 * such transactions on the same table one after another, so two tabs can
 * never claim the same summary at once.
 */
export async function claimDue(
  now: EpochMs,
  leaseMs: number,
  /** How many, or which of the due entries (oldest first) to take. */
  take: number | ((due: OutboxEntry[]) => OutboxEntry[]),
  orphansToo = false,
): Promise<OutboxEntry[]> {
  const database = db();
  return database.transaction('rw', database.outbox, async () => {
    const candidates = await database.outbox.where('status').anyOf('waiting', 'sending').toArray();
    const due = candidates
      // With the outbox's Web Lock held, no other tab is sending: a 'sending' row is left over from a closed tab.
      .filter((entry) => isDue(entry, now) || (orphansToo && entry.status === 'sending'))
      .filter((entry) => !isHeldBack(entry, candidates))
      .sort((a, b) => a.createdAt - b.createdAt);
    const taken = typeof take === 'number' ? due.slice(0, take) : take(due);
    for (const entry of taken) {
      entry.status = 'sending';
      entry.leaseUntil = now + leaseMs;
      await database.outbox.put(entry);
    }
    return taken;
  });
}

/**
 * The server has `revision`. If the meeting was closed again while it was on
 * the way, the newer revision stays waiting.
 */
export async function markSent(id: Id, revision: number, at: EpochMs): Promise<void> {
  const database = db();
  await database.transaction('rw', [database.outbox, database.settings], async () => {
    const entry = await database.outbox.get(id);
    if (!entry) return;
    const newer = entry.revision > revision;
    await database.outbox.put({
      ...entry,
      status: newer ? 'waiting' : 'sent',
      attempts: 0,
      lastError: null,
      leaseUntil: null,
      nextAttemptAt: newer ? at : entry.nextAttemptAt,
      sentAt: at,
      sentRevision: Math.max(entry.sentRevision ?? 0, revision),
      updatedAt: at,
    });
    await writeLast(database, { lastError: null, lastSentAt: at, lastAttemptAt: at });
  });
}

/** What became of a summary or request the server did not take. */
export type FailedFate = 'waiting' | 'set-aside' | 'outdated';

/**
 * Back to waiting, with the problem and when to try again; or set aside, when
 * the server refused it or failed on it again and again (setsAside). `httpStatus`
 * is the answer's status, if any. 'outdated': the key or server it was sent with
 * (`sentWith`) is no longer the one saved, so the refusal of that key is no
 * reason to wait: due at once, no try counted. Read in the same transaction as
 * the write, so a key saved at any moment either is seen here or comes before
 * the "everything due now" that follows a save.
 */
export async function markFailed(
  id: Id,
  problem: SyncProblem,
  countsAsAttempt: boolean,
  nextAttemptAt: (attempts: number) => EpochMs,
  at: EpochMs,
  httpStatus: number | null = null,
  sentWith: Pick<SyncSettings, 'serverUrl' | 'deviceKey'> | null = null,
): Promise<FailedFate> {
  const database = db();
  return database.transaction('rw', [database.outbox, database.settings], async () => {
    const entry = await database.outbox.get(id);
    const saved = ((await database.settings.get(SYNC_SETTINGS_KEY))?.value ?? {}) as Partial<SyncSettings>;
    if (sentWith && isOutdatedAnswer(problem, sentWith, saved)) {
      if (entry?.status === 'sending') await database.outbox.put({ ...entry, status: 'waiting', leaseUntil: null, nextAttemptAt: at, updatedAt: at });
      return 'outdated';
    }
    let fate: FailedFate = 'waiting';
    if (entry && entry.status === 'sending') {
      const attempts = entry.attempts + (countsAsAttempt ? 1 : 0);
      if (setsAside(problem, attempts)) fate = 'set-aside';
      await database.outbox.put({
        ...entry,
        status: fate === 'set-aside' ? 'set-aside' : 'waiting',
        attempts,
        lastError: problem,
        lastStatus: httpStatus,
        leaseUntil: null,
        nextAttemptAt: nextAttemptAt(Math.max(1, attempts)),
        updatedAt: at,
      });
    }
    const last = (await database.settings.get(SYNC_LAST_KEY))?.value as SyncLast | undefined;
    await writeLast(database, { lastError: problem, lastSentAt: last?.lastSentAt ?? null, lastAttemptAt: at });
    return fate;
  });
}

/**
 * What was set aside is tried again: one entry (the chair's "Try again"), or
 * all of them (new server settings may be what it needed). Kept as it was
 * built; a summary the office has another copy of at its revision needs "Send
 * again" instead, which rebuilds it with the next revision.
 */
export async function retrySetAside(at: EpochMs, id?: Id): Promise<void> {
  const database = db();
  await database.transaction('rw', database.outbox, async () => {
    const entries = id ? [await database.outbox.get(id)] : await database.outbox.where('status').equals('set-aside').toArray();
    for (const entry of entries) {
      if (entry?.status === 'set-aside') await database.outbox.put({ ...entry, status: 'waiting', attempts: 0, nextAttemptAt: at, updatedAt: at });
    }
  });
}

/** When the chair changes the server or key, or taps "Sync now": everything waiting may be tried at once. */
export async function makeAllDue(at: EpochMs): Promise<void> {
  const database = db();
  await database.transaction('rw', database.outbox, async () => {
    await database.outbox.where('status').equals('waiting').modify({ nextAttemptAt: at });
  });
}

/** The earliest time something waiting is due; null when nothing waits. */
export async function nextDueAt(): Promise<EpochMs | null> {
  const unsent = await db().outbox.where('status').anyOf('waiting', 'sending').toArray();
  // A request held back goes when the summaries before it have gone: their times count, not its own.
  const entries = unsent.filter((entry) => !isHeldBack(entry, unsent));
  if (entries.length === 0) return null;
  return Math.min(...entries.map((e) => (e.status === 'sending' ? (e.leaseUntil ?? 0) : e.nextAttemptAt)));
}

async function writeLast(database: HeardDb, last: SyncLast): Promise<void> {
  await database.settings.put({ key: SYNC_LAST_KEY, value: last });
}

export async function readSyncSettings(): Promise<Partial<SyncSettings>> {
  return ((await db().settings.get(SYNC_SETTINGS_KEY))?.value as Partial<SyncSettings> | undefined) ?? {};
}

export async function writeSyncSettings(settings: SyncSettings | null): Promise<void> {
  const database = db();
  await database.transaction('rw', database.settings, async () => {
    if (settings) await database.settings.put({ key: SYNC_SETTINGS_KEY, value: settings });
    else await database.settings.delete(SYNC_SETTINGS_KEY);
  });
}

/**
 * `id:revision` of everything waiting to go, now and again whenever that changes (in this tab
 * or another): how the sync runner hears of a newly closed summary without reading Dexie itself.
 */
export function watchWaiting(onValue: (keys: string[]) => void): () => void {
  return watch(
    async () => (await db().outbox.where('status').equals('waiting').toArray()).map((entry) => `${entry.id}:${entry.revision}`),
    onValue,
    // A failed read here only means no early drain; the backoff timer still runs.
    () => {},
  );
}

/** The sending screen: the settings, the outbox, the requests, the glance and the groups, read together. */
export function readSyncScreen() {
  return readAtOnce((database) => [database.settings, database.outbox, database.meetings, database.groups, database.people], async () => {
    const [settings, rows, requests, glance, groups] = await Promise.all([readSyncSettings(), listOutbox(), listRequests(), readSyncGlance(), listGroups()]);
    return { settings, rows, requests, glance, groups };
  });
}
