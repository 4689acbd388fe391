import type { Attendee, Group, Id, Meeting, Person } from '../domain/model';
import { db, readAtOnce } from './connection';
import type { HeardDb } from './schema';
import { getGroupDetail } from './groups-repo';
import { carryDeferredItems } from './carry-deferred';
import { RuleError } from '../domain/rule-codes';

export async function meetingsOfGroup(groupId: Id): Promise<Meeting[]> {
  return db().meetings.where('groupId').equals(groupId).toArray();
}

export interface MeetingDetail {
  meeting: Meeting;
  group: Group;
  /** Everyone in the group, guests of this meeting included, so names always resolve. */
  people: Person[];
  attendees: Attendee[];
}

export async function getMeetingDetail(meetingId: Id): Promise<MeetingDetail | null> {
  const database = db();
  return database.transaction('r', [database.meetings, database.groups, database.people, database.attendees], async () => {
    const meeting = await database.meetings.get(meetingId);
    if (!meeting) return null;
    const group = await database.groups.get(meeting.groupId);
    if (!group) return null;
    const people = (await database.people.where('groupId').equals(group.id).toArray()).filter(
      (p) => !p.guestOfMeetingId || p.guestOfMeetingId === meetingId,
    );
    const attendees = await database.attendees.where('meetingId').equals(meetingId).toArray();
    return { meeting, group, people, attendees };
  });
}

/** Saves the meeting and who is expected, replacing the expected list but keeping guests. */
export async function saveMeeting(meeting: Meeting, expectedIds: readonly Id[]): Promise<void> {
  const database = db();
  const tables = [database.meetings, database.groups, database.people, database.attendees, database.agendaItems, database.clockEvents];
  await database.transaction('rw', tables, async () => {
    if (!(await database.groups.get(meeting.groupId))) throw new RuleError('group-missing');
    await database.meetings.put(meeting);
    const guests = new Set(
      (await database.people.where('groupId').equals(meeting.groupId).toArray())
        .filter((p) => p.guestOfMeetingId === meeting.id)
        .map((p) => p.id),
    );
    const existing = await database.attendees.where('meetingId').equals(meeting.id).toArray();
    const stale = existing.filter((a) => !guests.has(a.personId) && !expectedIds.includes(a.personId));
    await database.attendees.bulkDelete(stale.map((a) => [a.meetingId, a.personId]));
    await database.attendees.bulkPut(expectedIds.map((personId) => ({ meetingId: meeting.id, personId, expected: true })));
    await database.groups.update(meeting.groupId, { updatedAt: meeting.updatedAt });
    // A new or moved meeting may be the next one for items deferred earlier.
    await carryDeferredItems(database, meeting.groupId, meeting.updatedAt);
  });
}

/** A guest on the day: a person of the group who belongs to this one meeting only. */
export async function addGuest(guest: Person, meetingId: Id): Promise<void> {
  const database = db();
  await database.transaction('rw', [database.meetings, database.people, database.attendees], async () => {
    if (!(await database.meetings.get(meetingId))) throw new RuleError('meeting-missing');
    await database.people.add({ ...guest, guestOfMeetingId: meetingId });
    await database.attendees.put({ meetingId, personId: guest.id, expected: true });
  });
}

/** What readGroupMeetings reads. */
export const GROUP_MEETINGS_TABLES = (database: HeardDb) => [database.groups, database.people, database.meetings];

/** A group and its meetings, read together (the retention screen). */
export function readGroupMeetings(groupId: Id): Promise<{ group: Group; meetings: Meeting[] } | null> {
  return readAtOnce(GROUP_MEETINGS_TABLES, async () => {
    const detail = await getGroupDetail(groupId);
    return detail ? { group: detail.group, meetings: await meetingsOfGroup(groupId) } : null;
  });
}
