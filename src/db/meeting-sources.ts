import type { AgendaItem, MeetingClockEvent } from '../domain/agenda-model';
import type { GlossaryTerm, Turn } from '../domain/balance-model';
import type { GroupReview } from '../domain/arein-model';
import type { CheckInAnswers } from '../domain/checkin-model';
import type { RecordSource } from '../domain/meeting-record';
import type { Attendee, Id, Meeting } from '../domain/model';
import type { ActionItem, Decision, DissentEntry } from '../domain/record-model';
import { sortByOrder } from '../domain/reorder';
import { settleTurns } from '../domain/speaking';
import type { HeardDb } from './schema';

/**
 * Everything stored about one meeting that its record and its summary are
 * made from: the record's own sources, with the group-wide lists each of them
 * narrows in its own way.
 */
export interface MeetingSources extends Omit<RecordSource, 'dissent' | 'nextMeeting'> {
  /** The group's dissent: entries raised, revisited or closed at this meeting are among them. */
  groupDissent: DissentEntry[];
  groupMeetings: Meeting[];
  groupReviews: GroupReview[];
}

/** The tables readMeetingSources reads: a transaction around it takes at least these. */
export function meetingSourceTables(database: HeardDb) {
  return [
    database.meetings,
    database.groups,
    database.people,
    database.attendees,
    database.agendaItems,
    database.clockEvents,
    database.turns,
    database.glossary,
    database.dissent,
    database.decisions,
    database.actions,
    database.checkinAnswers,
    database.checkinMarks,
    database.oneToOnes,
    database.sealedCheckIns,
    database.groupReviews,
  ];
}

/** Reads one meeting's sources inside the caller's transaction; null when the meeting or its group is gone. */
export async function readMeetingSources(database: HeardDb, meetingId: Id): Promise<MeetingSources | null> {
  const meeting = await database.meetings.get(meetingId);
  if (!meeting) return null;
  const group = await database.groups.get(meeting.groupId);
  if (!group) return null;
  const byMeeting = <T>(table: { where(index: string): { equals(value: Id): { toArray(): Promise<T[]> } } }) => table.where('meetingId').equals(meetingId).toArray();
  const [people, attendees, items, events, turns, glossary, groupDissent, decisions, actions, checkinAnswers, checkedIn, oneToOnes, groupMeetings, groupReviews] =
    await Promise.all([
      database.people.where('groupId').equals(group.id).toArray(),
      byMeeting<Attendee>(database.attendees),
      byMeeting<AgendaItem>(database.agendaItems),
      byMeeting<MeetingClockEvent>(database.clockEvents),
      byMeeting<Turn>(database.turns).then(settleTurns),
      byMeeting<GlossaryTerm>(database.glossary),
      database.dissent.where('groupId').equals(group.id).toArray(),
      byMeeting<Decision>(database.decisions),
      byMeeting<ActionItem>(database.actions),
      byMeeting<CheckInAnswers>(database.checkinAnswers),
      database.checkinMarks.where('meetingId').equals(meetingId).count(),
      // Sealed requests still count: how many asked is no secret, only who and how to reach them.
      Promise.all([database.oneToOnes.where('meetingId').equals(meetingId).count(), database.sealedCheckIns.get(meetingId)]).then(
        ([open, sealed]) => open + (sealed?.counts.oneToOnes ?? 0),
      ),
      database.meetings.where('groupId').equals(group.id).toArray(),
      database.groupReviews.where('groupId').equals(group.id).toArray(),
    ]);
  return {
    meeting,
    group,
    people: people.filter((p) => !p.guestOfMeetingId || p.guestOfMeetingId === meetingId),
    attendees,
    items: sortByOrder(items),
    events: events.sort((a, b) => a.seq - b.seq),
    turns,
    glossary,
    groupDissent,
    decisions,
    actions,
    checkinAnswers,
    checkedIn,
    oneToOnes,
    groupMeetings,
    groupReviews,
  };
}
