import type { GroundRule } from '../domain/agenda-model';
import type { Id } from '../domain/model';
import { sortByOrder } from '../domain/reorder';
import { db, readAtOnce } from './connection';
import { GROUP_MEETINGS_TABLES, readGroupMeetings } from './meetings-repo';
import type { Group, Meeting } from '../domain/model';

export async function listRules(groupId: Id): Promise<GroundRule[]> {
  return sortByOrder(await db().groundRules.where('groupId').equals(groupId).toArray());
}

/** Saves one or more rules together: an edit, a state change, or a new order. */
export async function putRules(rules: readonly GroundRule[]): Promise<void> {
  const database = db();
  await database.transaction('rw', database.groundRules, async () => {
    await database.groundRules.bulkPut([...rules]);
  });
}

/** The ground rules screen: the group, its rules and its meetings, read together. */
export function readGroupRules(groupId: Id): Promise<{ group: Group; rules: GroundRule[]; meetings: Meeting[] } | null> {
  return readAtOnce((database) => [...GROUP_MEETINGS_TABLES(database), database.groundRules], async () => {
    const found = await readGroupMeetings(groupId);
    return found ? { ...found, rules: await listRules(groupId) } : null;
  });
}
