import type { Table } from 'dexie';
import { BACKUP_FORMAT, checkBackup, keyPathOf, restoreChoice, type Backup, type BackupCheck, type Row } from '../domain/backup-format';
import { DEFAULT_THRESHOLDS, type BalanceThresholds } from '../domain/balance';
import type { RecordSource } from '../domain/meeting-record';
import { readBalanceSettings } from './settings-repo';
import type { EpochMs, Id } from '../domain/model';
import { db } from './connection';
import { meetingSourceTables, readMeetingSources } from './meeting-sources';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, type HeardDb } from './schema';

/** Everything the record of one meeting is made from, read in one transaction. */
export async function getRecordSource(meetingId: Id): Promise<RecordSource | null> {
  const database = db();
  return database.transaction('r', [...meetingSourceTables(database), database.settings], async () => {
    const sources = await readMeetingSources(database, meetingId);
    if (!sources) return null;
    const { meeting, groupDissent, groupMeetings, groupReviews: _reviews, ...rest } = sources;
    const dissent = groupDissent.filter((d) => d.meetingId === meetingId || d.history.some((h) => h.meetingId === meetingId));
    const nextMeeting = groupMeetings.filter((m) => m.startsAt > meeting.startsAt && m.id !== meetingId).sort((a, b) => a.startsAt - b.startsAt)[0] ?? null;
    // The group's own measure of a fair share, so the record's words are the running screen's.
    const settings = await readBalanceSettings<{ thresholds?: Partial<BalanceThresholds> }>(meeting.groupId);
    return { ...rest, meeting, dissent, nextMeeting, thresholds: { ...DEFAULT_THRESHOLDS, ...settings?.thresholds } };
  });
}

/**
 * Tables never in a backup. The settings hold the chair PIN's hash, the
 * check-in lock and the sync device key; the outbox is what this device still
 * has to send; the sealed check-ins hold words that only the chair's secret
 * opens, and anyone holding the tablet may make a backup. Opened, they are
 * back in the check-in's own tables, and in every backup made after.
 */
export const NEVER_BACKED_UP: readonly string[] = ['settings', 'outbox', 'sealedCheckIns'];

/** Every table a backup holds, with its primary key fields, from the schema itself so a later table is not forgotten. */
export function backupTables(): Record<string, string[]> {
  const specs: Record<string, string | null> = {};
  for (const version of SCHEMA_VERSIONS) Object.assign(specs, version.stores);
  const tables: Record<string, string[]> = {};
  for (const [name, spec] of Object.entries(specs)) if (spec !== null && !NEVER_BACKED_UP.includes(name)) tables[name] = keyPathOf(spec);
  return tables;
}

type AnyTable = Table<Row, unknown>;

const hasIndex = (table: AnyTable, name: string) => table.schema.indexes.some((index) => index.name === name);

/**
 * The rows of one table that belong to the scope. A table is tied to a group
 * or a meeting by its groupId or meetingId index; a table with neither is an
 * error, so a new table must say how it belongs before backups run at all.
 */
async function rowsOf(table: AnyTable, groupId: Id, meetingIds: readonly Id[], meetingOnly: boolean): Promise<Row[]> {
  if (table.name === 'groups') return (await table.where('id').equals(groupId).toArray()) as Row[];
  if (table.name === 'meetings') return (await table.where('id').anyOf([...meetingIds]).toArray()) as Row[];
  if (table.name === 'people') {
    const people = await table.where('groupId').equals(groupId).toArray();
    // A meeting's backup keeps the roster, so names resolve, but not other meetings' guests.
    return meetingOnly ? people.filter((p) => !p.guestOfMeetingId || meetingIds.includes(p.guestOfMeetingId as Id)) : people;
  }
  if (hasIndex(table, 'meetingId') && (meetingOnly || !hasIndex(table, 'groupId'))) {
    // One read of the index per meeting, all asked for at once, in anyOf's order (by meeting, then
    // key): anyOf walks a cursor a record at a time, and a group's turns run to tens of thousands.
    const ids = [...new Set(meetingIds)].sort();
    const parts = await Promise.all(ids.map((meetingId) => table.where('meetingId').equals(meetingId).toArray()));
    return parts.flat() as Row[];
  }
  if (hasIndex(table, 'groupId')) {
    const rows = (await table.where('groupId').equals(groupId).toArray()) as Row[];
    return meetingOnly ? rows.filter((row) => meetingIds.includes(row.meetingId as Id)) : rows;
  }
  throw new Error(`Heard does not know which group the table ${table.name} belongs to`);
}

async function buildBackup(scope: Backup['scope'], at: EpochMs): Promise<Backup | null> {
  const database = db();
  const tables = database.tables.filter((table) => !NEVER_BACKED_UP.includes(table.name)) as unknown as AnyTable[];
  return database.transaction('r', tables, async () => {
    const group = await database.groups.get(scope.groupId);
    if (!group) return null;
    const meetingOnly = scope.kind === 'meeting';
    const meetingIds = meetingOnly ? [scope.meetingId] : await database.meetings.where('groupId').equals(scope.groupId).primaryKeys();
    const out: Record<string, Row[]> = {};
    for (const table of tables) out[table.name] = await rowsOf(table, scope.groupId, meetingIds, meetingOnly);
    if (meetingOnly && out.meetings!.length === 0) return null;
    return { format: BACKUP_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: at, scope, tables: out };
  });
}

export function backupGroup(groupId: Id, at: EpochMs): Promise<Backup | null> {
  return buildBackup({ kind: 'group', groupId }, at);
}

export async function backupMeeting(meetingId: Id, at: EpochMs): Promise<Backup | null> {
  const meeting = await db().meetings.get(meetingId);
  return meeting ? buildBackup({ kind: 'meeting', groupId: meeting.groupId, meetingId }, at) : null;
}

export function checkBackupText(text: string): BackupCheck {
  return checkBackup(text, CURRENT_SCHEMA_VERSION, backupTables());
}

export interface RestoreResult {
  added: number;
  updated: number;
  /** Already on this device, as new as the file's copy or newer: left as they were. */
  kept: number;
  groupId: Id;
  meetingId: Id | null;
}

function keyOf(row: Row, keyPath: readonly string[]): unknown {
  return keyPath.length === 1 ? row[keyPath[0]!] : keyPath.map((field) => row[field]);
}

/**
 * Writes a checked backup in one transaction: all of it or none of it. Ids
 * are kept, and rows are put, never added, so restoring twice changes nothing
 * the second time; a record changed on this device since the backup is kept.
 */
export async function restoreBackup(backup: Backup): Promise<RestoreResult> {
  const database: HeardDb = db();
  const known = backupTables();
  const names = Object.keys(backup.tables).filter((name) => known[name]);
  const tables = names.map((name) => database.table(name) as unknown as AnyTable);
  const result: RestoreResult = {
    added: 0,
    updated: 0,
    kept: 0,
    groupId: backup.scope.groupId,
    meetingId: backup.scope.kind === 'meeting' ? backup.scope.meetingId : null,
  };
  if (tables.length === 0) return result;
  await database.transaction('rw', tables, async () => {
    for (const table of tables) {
      const rows = backup.tables[table.name]!;
      if (rows.length === 0) continue;
      const keyPath = known[table.name]!;
      const local = (await table.bulkGet(rows.map((row) => keyOf(row, keyPath)))) as (Row | undefined)[];
      const writes: Row[] = [];
      rows.forEach((row, index) => {
        const choice = restoreChoice(local[index], row);
        if (choice === 'keep') result.kept += 1;
        else {
          result[choice === 'add' ? 'added' : 'updated'] += 1;
          writes.push(row);
        }
      });
      if (writes.length > 0) await table.bulkPut(writes);
    }
  });
  return result;
}
