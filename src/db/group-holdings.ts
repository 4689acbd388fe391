import type { GroupHoldings, RowChanges } from '../domain/group-holdings';
import type { Id } from '../domain/model';
import { isSummaryEntry } from '../domain/sync-model';
import { meetingSourceTables, readMeetingSources } from './meeting-sources';
import type { HeardDb } from './schema';

/** Every table readGroupHoldings reads: a transaction around it takes at least these. */
export function holdingTables(database: HeardDb) {
  return [...meetingSourceTables(database), database.queue, database.groundRules, database.checkinPrompts, database.outbox];
}

/**
 * Everything stored for one group, read inside the caller's transaction;
 * null when the group is gone. A meeting's turns are read the one way turns
 * are read, through readMeetingSources.
 */
export async function readGroupHoldings(database: HeardDb, groupId: Id): Promise<GroupHoldings | null> {
  const group = await database.groups.get(groupId);
  if (!group) return null;
  const meetings = await database.meetings.where('groupId').equals(groupId).toArray();
  const meetingIds = meetings.map((m) => m.id);
  const [people, glossary, dissent, decisions, actions, groundRules, checkinPrompts, groupReviews, queue, checkinMarks, oneToOnes, outbox] = await Promise.all([
    database.people.where('groupId').equals(groupId).toArray(),
    database.glossary.where('groupId').equals(groupId).toArray(),
    database.dissent.where('groupId').equals(groupId).toArray(),
    database.decisions.where('groupId').equals(groupId).toArray(),
    database.actions.where('groupId').equals(groupId).toArray(),
    database.groundRules.where('groupId').equals(groupId).toArray(),
    database.checkinPrompts.where('groupId').equals(groupId).toArray(),
    database.groupReviews.where('groupId').equals(groupId).toArray(),
    database.queue.where('meetingId').anyOf(meetingIds).toArray(),
    database.checkinMarks.where('meetingId').anyOf(meetingIds).toArray(),
    database.oneToOnes.where('meetingId').anyOf(meetingIds).toArray(),
    database.outbox.toArray(),
  ]);
  const holdings: GroupHoldings = {
    group,
    people,
    meetings,
    attendees: [],
    agendaItems: [],
    clockEvents: [],
    turns: [],
    queue,
    glossary,
    dissent,
    decisions,
    actions,
    checkinAnswers: [],
    checkinMarks,
    oneToOnes,
    groundRules,
    checkinPrompts,
    groupReviews,
    outbox: outbox.filter((e) => (isSummaryEntry(e) ? e.summary.groupId === groupId || meetingIds.includes(e.meetingId) : e.request.groupId === groupId)),
  };
  for (const meetingId of meetingIds) {
    const sources = await readMeetingSources(database, meetingId);
    if (!sources) continue;
    holdings.attendees.push(...sources.attendees);
    holdings.agendaItems.push(...sources.items);
    holdings.clockEvents.push(...sources.events);
    holdings.turns.push(...sources.turns);
    holdings.checkinAnswers.push(...sources.checkinAnswers);
  }
  return holdings;
}

/** The holdings' fields are the tables' names, but for the one group. */
export const tableOf = (key: string) => (key === 'group' ? 'groups' : key);

/** Writes an erasure's or deletion's changed rows back, table by table, inside the caller's transaction. */
export async function writeChanges(database: HeardDb, changes: RowChanges): Promise<void> {
  for (const [key, rows] of Object.entries(changes)) {
    if (rows && rows.length > 0) await database.table(tableOf(key)).bulkPut(rows);
  }
}
