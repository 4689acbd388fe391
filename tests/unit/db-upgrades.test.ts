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

const v2 = {
  rule: {
    id: 'v2-rule',
    groupId: 'v1-group',
    text: 'Everyone gets a chance to speak.',
    order: 0,
    status: 'agreed' as const,
    agreedAt: Date.UTC(2030, 2, 14, 10, 5),
    agreedAtMeetingId: 'v1-meeting',
    templateKey: 'everyone-speaks',
    createdAt: Date.UTC(2030, 2, 1),
    updatedAt: Date.UTC(2030, 2, 14, 10, 5),
  },
  item: {
    id: 'v2-item',
    meetingId: 'v1-meeting',
    order: 0,
    title: 'Discharge letters',
    purpose: 'decision' as const,
    timeboxMinutes: 20,
    leadId: 'v1-aoife',
    decidedBy: { kind: 'elsewhere' as const, who: 'Trust board' },
    nonNegotiables: 'The budget is fixed.',
    papers: [{ id: 'v2-paper', title: 'Draft letter', link: 'https://example.org/letter', sentOn: '2030-03-01' }],
    notes: 'Agreed to redraft.',
    createdAt: Date.UTC(2030, 2, 1),
    updatedAt: Date.UTC(2030, 2, 1),
  },
  events: [
    { id: 'v2-e1', meetingId: 'v1-meeting', seq: 1, at: Date.UTC(2030, 2, 14, 10, 0), kind: 'start' as const },
    { id: 'v2-e2', meetingId: 'v1-meeting', seq: 2, at: Date.UTC(2030, 2, 14, 10, 2), kind: 'item' as const, itemId: 'v2-item' },
  ],
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
  2: {
    async write(db) {
      await fixtures[1]!.write(db);
      await db.transaction('rw', [db.groundRules, db.agendaItems, db.clockEvents], async () => {
        await db.groundRules.add(v2.rule);
        await db.agendaItems.add(v2.item);
        await db.clockEvents.bulkAdd(v2.events);
      });
    },
    async check(db) {
      await fixtures[1]!.check(db);
      expect(await db.groundRules.where('groupId').equals('v1-group').toArray()).toEqual([v2.rule]);
      expect(await db.agendaItems.where('meetingId').equals('v1-meeting').toArray()).toEqual([v2.item]);
      expect(await db.clockEvents.where('meetingId').equals('v1-meeting').sortBy('seq')).toEqual(v2.events);
      // Two tabs can never both store step 2 of one meeting's clock.
      await expect(db.clockEvents.add({ ...v2.events[1]!, id: 'v2-duplicate-step' })).rejects.toThrow();
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
