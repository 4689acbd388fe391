import type { Meeting } from '../domain/model';
import { db } from './connection';

/**
 * The home screen's list of meetings, kept apart from the rest of the meetings'
 * storage code: that code carries deferred agenda items, which needs the
 * meeting clock, and none of it belongs in the first screen's download.
 */
export interface MeetingListEntry {
  meeting: Meeting;
  groupName: string;
}

export async function listMeetings(): Promise<MeetingListEntry[]> {
  const database = db();
  return database.transaction('r', database.meetings, database.groups, async () => {
    const [meetings, groups] = await Promise.all([database.meetings.toArray(), database.groups.toArray()]);
    const names = new Map(groups.map((g) => [g.id, g.name]));
    return meetings.map((meeting) => ({ meeting, groupName: names.get(meeting.groupId) ?? '' }));
  });
}

