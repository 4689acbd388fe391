import type { Id, Meeting, Person } from '../domain/model';
import { localMoment } from '../domain/meeting-schedule';
import * as meetings from '../db/meetings-repo';
import { now } from './clock';
import { newId } from '../db/ids';
import { save } from './save-status';

export interface MeetingFields {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  venue: string;
  chairId: Id | null;
}

export function createMeeting(groupId: Id, fields: MeetingFields, expectedIds: readonly Id[]) {
  const at = now();
  const meeting: Meeting = {
    id: newId(),
    groupId,
    ...fields,
    startsAt: localMoment(fields.date, fields.startTime),
    state: 'not-started',
    sample: false,
    createdAt: at,
    updatedAt: at,
  };
  return save(async () => {
    await meetings.saveMeeting(meeting, expectedIds);
    return meeting.id;
  });
}

export function updateMeeting(meeting: Meeting, fields: MeetingFields, expectedIds: readonly Id[]) {
  const next: Meeting = { ...meeting, ...fields, startsAt: localMoment(fields.date, fields.startTime), updatedAt: now() };
  return save(() => meetings.saveMeeting(next, expectedIds));
}

export function addGuest(meeting: Meeting, name: string, perspectiveId: Id) {
  const at = now();
  const guest: Person = { id: newId(), groupId: meeting.groupId, name, perspectiveId, status: 'active', createdAt: at, updatedAt: at };
  return save(() => meetings.addGuest(guest, meeting.id));
}
