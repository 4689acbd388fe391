import type { EpochMs, Id } from '../domain/model';
import { isSummaryEntry, type OutboxEntry, type SummaryOutboxEntry, type SyncSettings } from '../domain/sync-model';
import { buildSummary, type SummaryWords } from '../domain/summary';
import { newDelivery } from '../domain/sync-rules';
import { db } from './connection';
import { meetingSourceTables, readMeetingSources } from './meeting-sources';
import type { HeardDb } from './schema';
import { SYNC_SETTINGS_KEY } from './settings-repo';
import { RuleError } from '../domain/rule-codes';

/** Every table a summary is built from, plus the outbox: closeMeeting's transaction takes these. */
export function summaryTables(database: HeardDb) {
  return [...meetingSourceTables(database), database.settings, database.outbox];
}

/**
 * Builds the meeting's summary from what is stored and puts it in the outbox.
 * Must run inside a transaction over summaryTables(). The first time it makes
 * the id (the server's idempotency key); after that the same id goes out again
 * with the next revision, so the office never gets a second summary of one meeting.
 */
export async function enqueueSummary(database: HeardDb, meetingId: Id, at: EpochMs, newId: () => Id, words: SummaryWords): Promise<OutboxEntry> {
  const entry = await nextSummaryEntry(database, meetingId, at, newId, words);
  await database.outbox.put(entry);
  return entry;
}

/** The meeting's summary built afresh from what is stored, as the next revision, not yet written. */
export async function nextSummaryEntry(database: HeardDb, meetingId: Id, at: EpochMs, newId: () => Id, words: SummaryWords): Promise<SummaryOutboxEntry> {
  const sources = await readMeetingSources(database, meetingId);
  if (!sources) throw new RuleError('meeting-missing');
  const { meeting, group, people, attendees, items, events, turns, groupDissent: dissent, decisions, actions, glossary, groupReviews: reviews } = sources;
  const [existing, settings] = await Promise.all([database.outbox.where('meetingId').equals(meetingId).first(), database.settings.get(SYNC_SETTINGS_KEY)]);
  const id = existing?.id ?? newId();
  const revision = (existing?.revision ?? 0) + 1;
  const review = reviews.filter((r) => r.meetingId === meetingId).sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
  const names = (settings?.value as Partial<SyncSettings> | undefined)?.names === true;
  const summary = buildSummary({
    id,
    revision,
    names,
    meeting,
    group,
    people,
    attendees,
    items,
    events,
    turns,
    dissent,
    decisions,
    actions,
    checkInAnswers: sources.checkinAnswers,
    checkedIn: sources.checkedIn,
    oneToOneRequests: sources.oneToOnes,
    glossary,
    review,
    now: at,
    words,
  });
  return {
    ...newDelivery(at),
    id,
    meetingId,
    revision,
    summary,
    // A rebuild keeps what was sent before, so the server's older revision stays known.
    sentAt: existing?.sentAt ?? null,
    sentRevision: existing?.sentRevision ?? null,
    createdAt: existing?.createdAt ?? at,
  };
}

/** "Send again": the meeting's summary rebuilt from what is stored now (later changes to actions), same id, next revision. */
export async function resendSummary(meetingId: Id, at: EpochMs, newId: () => Id, words: SummaryWords): Promise<OutboxEntry> {
  const database = db();
  return database.transaction('rw', summaryTables(database), () => enqueueSummary(database, meetingId, at, newId, words));
}

/**
 * Saves the settings for sending. With names off, every summary not yet sent
 * that was built with names is rebuilt without them (same id, next revision)
 * in the same transaction: a name typed in its words must not leave, and only
 * the records can say whose name a word is.
 */
export async function saveSyncSettings(settings: SyncSettings, at: EpochMs, newId: () => Id, words: SummaryWords): Promise<void> {
  const database = db();
  await database.transaction('rw', summaryTables(database), async () => {
    await database.settings.put({ key: SYNC_SETTINGS_KEY, value: settings });
    if (settings.names) return;
    const named = (await database.outbox.toArray()).filter(isSummaryEntry).filter((entry) => entry.status !== 'sent' && entry.summary.names);
    for (const entry of named) await enqueueSummary(database, entry.meetingId, at, newId, words);
  });
}
