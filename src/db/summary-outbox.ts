import type { EpochMs, Id } from '../domain/model';
import type { OutboxEntry, SyncSettings } from '../domain/sync-model';
import { buildSummary } from '../domain/summary';
import { db } from './connection';
import type { HeardDb } from './schema';
import { SYNC_SETTINGS_KEY } from './settings-repo';
import { RuleError } from './storage-errors';

/** Every table a summary is built from, plus the outbox: closeMeeting's transaction takes these. */
export function summaryTables(database: HeardDb) {
  return [
    database.meetings,
    database.groups,
    database.people,
    database.attendees,
    database.agendaItems,
    database.clockEvents,
    database.turns,
    database.dissent,
    database.decisions,
    database.actions,
    database.checkinAnswers,
    database.checkinMarks,
    database.oneToOnes,
    database.glossary,
    database.groupReviews,
    database.settings,
    database.outbox,
  ];
}

/**
 * Builds the meeting's summary from what is stored and puts it in the outbox.
 * Must run inside a transaction over summaryTables(). The first time it makes
 * the id (the server's idempotency key); after that the same id goes out again
 * with the next revision, so the office never gets a second summary of one meeting.
 */
export async function enqueueSummary(database: HeardDb, meetingId: Id, at: EpochMs, newId: () => Id): Promise<OutboxEntry> {
  const meeting = await database.meetings.get(meetingId);
  if (!meeting) throw new RuleError('meeting-missing');
  const group = await database.groups.get(meeting.groupId);
  if (!group) throw new RuleError('group-missing');
  const [people, attendees, items, events, turns, dissent, decisions, actions, answers, marks, oneToOnes, glossary, reviews, existing, settings] =
    await Promise.all([
      database.people.where('groupId').equals(group.id).toArray(),
      database.attendees.where('meetingId').equals(meetingId).toArray(),
      database.agendaItems.where('meetingId').equals(meetingId).toArray(),
      database.clockEvents.where('meetingId').equals(meetingId).toArray(),
      database.turns.where('meetingId').equals(meetingId).toArray(),
      database.dissent.where('groupId').equals(group.id).toArray(),
      database.decisions.where('meetingId').equals(meetingId).toArray(),
      database.actions.where('meetingId').equals(meetingId).toArray(),
      database.checkinAnswers.where('meetingId').equals(meetingId).toArray(),
      database.checkinMarks.where('meetingId').equals(meetingId).count(),
      database.oneToOnes.where('meetingId').equals(meetingId).count(),
      database.glossary.where('meetingId').equals(meetingId).toArray(),
      database.groupReviews.where('groupId').equals(group.id).toArray(),
      database.outbox.where('meetingId').equals(meetingId).first(),
      database.settings.get(SYNC_SETTINGS_KEY),
    ]);
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
    checkInAnswers: answers,
    checkedIn: marks,
    oneToOneRequests: oneToOnes,
    glossary,
    review,
    now: at,
  });
  const entry: OutboxEntry = {
    id,
    meetingId,
    status: 'waiting',
    revision,
    summary,
    attempts: 0,
    lastError: null,
    nextAttemptAt: at,
    leaseUntil: null,
    sentAt: existing?.sentAt ?? null,
    sentRevision: existing?.sentRevision ?? null,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  await database.outbox.put(entry);
  return entry;
}

/** "Send again": the meeting's summary rebuilt from what is stored now (later changes to actions), same id, next revision. */
export async function resendSummary(meetingId: Id, at: EpochMs, newId: () => Id): Promise<OutboxEntry> {
  const database = db();
  return database.transaction('rw', summaryTables(database), () => enqueueSummary(database, meetingId, at, newId));
}
