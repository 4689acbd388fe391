import type { Group, Id, Perspective, Person } from '../domain/model';
import type { RuleTemplateKey } from '../domain/ground-rules';
import * as groups from '../db/groups-repo';
import { now } from './clock';
import { askToPersistOnce } from './device';
import { newId } from '../db/ids';
import { save } from './save-status';

export async function createGroup(name: string, perspectives: readonly Perspective[]) {
  const at = now();
  const group: Group = { id: newId(), name, perspectives: [...perspectives], sample: false, createdAt: at, updatedAt: at };
  const result = await save(async () => {
    await groups.addGroup(group);
    return group.id;
  });
  if (result.ok) void askToPersistOnce();
  return result;
}

/** `ruleText` gives a template rule's words, which live in the UI's catalogue. */
export async function createSampleGroup(ruleText: (key: RuleTemplateKey) => string) {
  const result = await save(async () => {
    // Fetched when asked for: the sample's people, agenda and rules are no part of the first screen's code.
    const { buildSampleGroup } = await import('../domain/sample-group');
    const sample = buildSampleGroup(newId, now(), ruleText);
    await groups.addSample(sample);
    return sample.group.id;
  });
  if (result.ok) void askToPersistOnce();
  return result;
}

export function updateGroup(group: Group, changes: Partial<Pick<Group, 'name' | 'perspectives'>>) {
  return save(() => groups.putGroup({ ...group, ...changes, updatedAt: now() }));
}

/** Loaded when asked for: the home screen shares this module, and must stay small. */
export function deleteSampleGroup(groupId: Id) {
  return save(async () => (await import('../db/group-removal')).deleteSampleGroup(groupId));
}

export function addPerson(groupId: Id, name: string, perspectiveId: Id) {
  const at = now();
  const person: Person = { id: newId(), groupId, name, perspectiveId, status: 'active', createdAt: at, updatedAt: at };
  return save(async () => {
    await groups.addPerson(person);
    return person;
  });
}

export function updatePerson(person: Person, changes: Partial<Pick<Person, 'name' | 'perspectiveId' | 'status'>>) {
  return save(() => groups.putPerson({ ...person, ...changes, updatedAt: now() }));
}

export function removePerson(personId: Id) {
  return save(() => groups.removePerson(personId));
}
