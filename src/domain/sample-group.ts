import type { Attendee, EpochMs, Group, Meeting, Person } from './model';
import { DEFAULT_PERSPECTIVES } from './perspectives';
import { isoDay } from './dates';
import { localMoment } from './meeting-schedule';

export interface SampleData {
  group: Group;
  people: Person[];
  meeting: Meeting;
  attendees: Attendee[];
}

const SAMPLE_PEOPLE: ReadonlyArray<[string, string]> = [
  ['Aoife Byrne', 'lived'],
  ['Malik Hassan', 'lived'],
  ['Grace Doherty', 'carer'],
  ['Tom Reilly', 'carer'],
  ['Dr Niamh Kelly', 'staff'],
  ['Sam Patel', 'staff'],
  ['Joanne Morrow', 'manager'],
  ['Priya Shah', 'voluntary'],
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** A clearly marked sample a newcomer can explore: a workstream with a meeting next week. */
export function buildSampleGroup(newId: () => string, now: EpochMs): SampleData {
  const groupId = newId();
  const group: Group = {
    id: groupId,
    name: 'Sample: Hospital discharge workstream',
    perspectives: DEFAULT_PERSPECTIVES.map((p) => ({ ...p })),
    sample: true,
    createdAt: now,
    updatedAt: now,
  };
  const people: Person[] = SAMPLE_PEOPLE.map(([name, perspectiveId]) => ({
    id: newId(),
    groupId,
    name,
    perspectiveId,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  }));
  const date = isoDay(now + 7 * DAY_MS);
  const meetingId = newId();
  const meeting: Meeting = {
    id: meetingId,
    groupId,
    title: 'Sample: Going home from hospital — planning meeting',
    date,
    startTime: '10:00',
    endTime: '12:00',
    startsAt: localMoment(date, '10:00'),
    venue: 'St Columba’s church hall',
    chairId: people[6]?.id ?? null,
    state: 'not-started',
    sample: true,
    createdAt: now,
    updatedAt: now,
  };
  const attendees: Attendee[] = people.map((p) => ({ meetingId, personId: p.id, expected: true }));
  return { group, people, meeting, attendees };
}
