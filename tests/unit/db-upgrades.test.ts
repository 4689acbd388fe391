import '../support/fresh-db';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, createHeardDb, SCHEMA_VERSIONS, type HeardDb } from '../../src/db/schema';
import { makeGroup, makeMeeting, makePerson } from '../support/fixtures';
import { uniqueDbName } from '../support/fresh-db';

/**
 * A tablet may hold data written by any released schema version. For each
 * version, `write` stores realistic records through a database opened at that
 * version; `check` opens nothing itself and asserts, on the database opened at
 * the current version, that every record reads back as the migration promises.
 *
 * Adding a version to SCHEMA_VERSIONS without adding a fixture here fails below.
 */
interface Fixture {
  write: (db: HeardDb) => Promise<void>;
  check: (db: HeardDb) => Promise<void>;
}

const v1 = {
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

const fixtures: Record<number, Fixture> = {
  1: {
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
  },
};

const opened: HeardDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('database upgrades', () => {
  it('has a fixture for every released schema version', () => {
    const missing = SCHEMA_VERSIONS.map((v) => v.version).filter((version) => !fixtures[version]);
    expect(missing).toEqual([]);
  });

  it('lists schema versions oldest first, each version once', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(CURRENT_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('reads data written at version %i after opening at the current version', async (version) => {
    const fixture = fixtures[version];
    if (!fixture) throw new Error(`No fixture for schema version ${version}`);
    const name = uniqueDbName(`upgrade-from-${version}`);

    const old = createHeardDb(name, version);
    await fixture.write(old);
    expect(old.verno).toBe(version);
    old.close();

    const current = createHeardDb(name);
    opened.push(current);
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    await fixture.check(current);
  });
});
