import { expect } from 'vitest';
import { makeGroup, makeMeeting, makePerson } from '../../support/fixtures';
import type { Fixture } from './fixture';

export const v1 = {
  group: makeGroup({ id: 'v1-group', name: 'Hospital discharge workstream' }),
  sample: makeGroup({ id: 'v1-sample', name: 'Sample: Hospital discharge workstream', sample: true }),
  people: [
    makePerson({ id: 'v1-aoife', groupId: 'v1-group', name: 'Aoife Byrne', perspectiveId: 'lived' }),
    makePerson({ id: 'v1-tom', groupId: 'v1-group', name: 'Tom Reilly', perspectiveId: 'carer', status: 'left' }),
    makePerson({ id: 'v1-guest', groupId: 'v1-group', name: 'Dr Sam Patel', perspectiveId: 'staff', guestOfMeetingId: 'v1-meeting' }),
  ],
  meetings: [
    makeMeeting({ id: 'v1-meeting', groupId: 'v1-group', chairId: 'v1-aoife', state: 'running' }),
    makeMeeting({ id: 'v1-old', groupId: 'v1-group', date: '2029-11-02', startsAt: new Date(2029, 10, 2, 10).getTime(), state: 'closed' }),
  ],
  attendees: [
    { meetingId: 'v1-meeting', personId: 'v1-aoife', expected: true },
    { meetingId: 'v1-meeting', personId: 'v1-guest', expected: true },
    { meetingId: 'v1-old', personId: 'v1-tom', expected: true },
  ],
  settings: [{ key: 'persist-asked', value: true }],
};

export const fixture: Fixture = {
  async write(db) {
    await db.transaction('rw', [db.groups, db.people, db.meetings, db.attendees, db.settings], async () => {
      await db.groups.bulkAdd([v1.group, v1.sample]);
      await db.people.bulkAdd(v1.people);
      await db.meetings.bulkAdd(v1.meetings);
      await db.attendees.bulkAdd(v1.attendees);
      await db.settings.bulkAdd(v1.settings);
    });
  },
  async check(db) {
    expect(await db.groups.get('v1-group')).toEqual(v1.group);
    expect(await db.groups.get('v1-sample')).toEqual(v1.sample);
    for (const person of v1.people) expect(await db.people.get(person.id)).toEqual(person);
    for (const meeting of v1.meetings) expect(await db.meetings.get(meeting.id)).toEqual(meeting);
    expect(await db.attendees.get(['v1-meeting', 'v1-guest'])).toEqual(v1.attendees[1]);
    expect(await db.settings.get('persist-asked')).toEqual(v1.settings[0]);
    // The indexes the app queries by still answer.
    expect((await db.people.where('groupId').equals('v1-group').primaryKeys()).sort()).toEqual(['v1-aoife', 'v1-guest', 'v1-tom']);
    expect(await db.meetings.where('state').anyOf('running', 'closing').primaryKeys()).toEqual(['v1-meeting']);
    expect(await db.attendees.where('meetingId').equals('v1-meeting').count()).toBe(2);
    expect(await db.attendees.where('personId').equals('v1-tom').count()).toBe(1);
    expect((await db.meetings.orderBy('startsAt').primaryKeys())).toEqual(['v1-old', 'v1-meeting']);
  },
};
