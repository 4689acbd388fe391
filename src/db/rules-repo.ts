import type { GroundRule } from '../domain/agenda-model';
import type { Id } from '../domain/model';
import { sortByOrder } from '../domain/reorder';
import { db } from './connection';

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
