import type { Group, Id, Person } from '../domain/model';
import type { SampleData } from '../domain/sample-group';
import type { Table } from 'dexie';
import { db } from './connection';
import type { HeardDb } from './schema';
import { RuleError } from './storage-errors';

export interface GroupSummary {
  group: Group;
  activeCount: number;
}

export async function listGroups(): Promise<GroupSummary[]> {
  const database = db();
  return database.transaction('r', database.groups, database.people, async () => {
    const groups = await database.groups.toArray();
    const people = await database.people.toArray();
    return groups
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .map((group) => ({
        group,
        activeCount: people.filter((p) => p.groupId === group.id && p.status === 'active' && !p.guestOfMeetingId).length,
      }));
  });
}

export interface GroupDetail {
  group: Group;
  people: Person[];
  meetingCount: number;
}

export async function getGroupDetail(groupId: Id): Promise<GroupDetail | null> {
  const database = db();
  return database.transaction('r', database.groups, database.people, database.meetings, async () => {
    const group = await database.groups.get(groupId);
    if (!group) return null;
    const people = await database.people.where('groupId').equals(groupId).toArray();
    const meetingCount = await database.meetings.where('groupId').equals(groupId).count();
    return { group, people: people.filter((p) => !p.guestOfMeetingId), meetingCount };
  });
}

export async function addGroup(group: Group, people: readonly Person[] = []): Promise<void> {
  const database = db();
  await database.transaction('rw', database.groups, database.people, async () => {
    await database.groups.add(group);
    if (people.length > 0) await database.people.bulkAdd([...people]);
  });
}

export async function putGroup(group: Group): Promise<void> {
  const database = db();
  await database.transaction('rw', database.groups, database.people, async () => {
    const people = await database.people.where('groupId').equals(group.id).toArray();
    const known = new Set(group.perspectives.map((p) => p.id));
    // A perspective somebody holds may be renamed, never removed from under them.
    if (people.some((p) => !known.has(p.perspectiveId))) throw new RuleError('perspective-in-use');
    await database.groups.put(group);
  });
}

export async function addPerson(person: Person): Promise<void> {
  const database = db();
  await database.transaction('rw', database.groups, database.people, async () => {
    if (!(await database.groups.get(person.groupId))) throw new RuleError('group-missing');
    await database.people.add(person);
    await database.groups.update(person.groupId, { updatedAt: person.createdAt });
  });
}

export async function putPerson(person: Person): Promise<void> {
  const database = db();
  await database.transaction('rw', database.people, async () => {
    await database.people.put(person);
  });
}

/** Only a group with no meetings may lose a person outright; otherwise mark them as having left. */
export async function removePerson(personId: Id): Promise<void> {
  const database = db();
  await database.transaction('rw', database.people, database.meetings, database.attendees, async () => {
    const person = await database.people.get(personId);
    if (!person) return;
    if ((await database.meetings.where('groupId').equals(person.groupId).count()) > 0) {
      throw new RuleError('person-has-meetings');
    }
    await database.people.delete(personId);
  });
}

export async function addSample(sample: SampleData): Promise<void> {
  const database = db();
  const tables = [database.groups, database.people, database.meetings, database.attendees, database.agendaItems, database.groundRules];
  await database.transaction('rw', tables, async () => {
    await database.groups.add(sample.group);
    await database.people.bulkAdd(sample.people);
    await database.meetings.add(sample.meeting);
    await database.attendees.bulkAdd(sample.attendees);
    await database.agendaItems.bulkAdd(sample.items);
    await database.groundRules.bulkAdd(sample.rules);
  });
}

/** Tables that describe this device, not a group: a group's deletion handles them itself, if at all. */
const DEVICE_TABLES = ['settings', 'outbox'];

/** Every table that holds a group's records. */
export function groupTables(database: HeardDb): Table[] {
  return database.tables.filter((table) => !DEVICE_TABLES.includes(table.name));
}

/**
 * Deletes a group and every row of it, in every table, inside the caller's
 * transaction over groupTables(). A row belongs to the group by its groupId,
 * or its meetingId for tables without one; a table with neither stops the
 * deletion, so a table added later must say how it belongs first.
 */
export async function removeGroupRows(database: HeardDb, groupId: Id): Promise<void> {
  const meetingIds = await database.meetings.where('groupId').equals(groupId).primaryKeys();
  for (const table of groupTables(database)) {
    const indexed = (name: string) => table.schema.indexes.some((index) => index.name === name);
    if (table.name === 'groups' || table.name === 'meetings') continue;
    if (indexed('groupId')) await table.where('groupId').equals(groupId).delete();
    else if (indexed('meetingId')) await table.where('meetingId').anyOf(meetingIds).delete();
    else throw new Error(`Heard does not know which group the table ${table.name} belongs to`);
  }
  await database.meetings.bulkDelete(meetingIds);
  await database.groups.delete(groupId);
}

/** Deletes a sample group and everything in it, in one step. Real groups are deleted only after the chair types the name. */
export async function deleteSampleGroup(groupId: Id): Promise<void> {
  const database = db();
  await database.transaction('rw', groupTables(database), async () => {
    const group = await database.groups.get(groupId);
    if (!group) return;
    if (!group.sample) throw new RuleError('not-sample');
    await removeGroupRows(database, groupId);
  });
}
