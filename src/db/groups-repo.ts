import type { Group, Id, Person } from '../domain/model';
import type { SampleData } from '../domain/sample-group';
import { db } from './connection';
import { RuleError } from '../domain/rule-codes';

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
