import type { Table } from 'dexie';
import type { Id } from '../domain/model';
import { db } from './connection';
import type { HeardDb } from './schema';
import { RuleError } from '../domain/rule-codes';

/** Removing a whole group from the device: kept apart from groups-repo, which the first screen loads. */

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
