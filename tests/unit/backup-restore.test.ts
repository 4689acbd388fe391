import { useFreshDb } from '../support/fresh-db';
import { describe, expect, it } from 'vitest';
import { BACKUP_MAX_BYTES, type Backup } from '../../src/domain/backup-format';
import { backupGroup, backupMeeting, backupTables, NEVER_BACKED_UP, restoreBackup } from '../../src/db/export-repo';
import { CURRENT_SCHEMA_VERSION } from '../../src/db/schema';
import { restoreFromFile } from '../../src/state/export-actions';
import { makeMeeting } from '../support/fixtures';
import { seedRecord, T0 } from '../support/record-seed';

const db = useFreshDb();

async function everyTable(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db().tables) out[table.name] = await table.toArray();
  return out;
}

async function wipe(): Promise<void> {
  await db().transaction('rw', db().tables, async () => {
    for (const table of db().tables) await table.clear();
  });
}

const fileOf = (text: string) => new Blob([text], { type: 'application/json' });

describe('group backup', () => {
  it('holds every table of the schema except the device’s own, and never the PIN, the lock or the device key', async () => {
    await seedRecord(db());
    const backup = (await backupGroup('group-1', T0))!;
    expect(backup.format).toBe('heard-backup');
    expect(backup.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    // Generic over the schema: a table added later is either backed up or named as never backed up.
    expect(Object.keys(backup.tables).sort()).toEqual(db().tables.map((t) => t.name).filter((n) => !NEVER_BACKED_UP.includes(n)).sort());
    for (const name of Object.keys(backup.tables)) expect(backup.tables[name]!.length, name).toBeGreaterThan(0);
    const text = JSON.stringify(backup);
    expect(text).not.toContain('SECRET-PIN-HASH');
    expect(text).not.toContain('SECRET-DEVICE-KEY');
    expect(text).not.toContain('checkin-lock');
    expect(backup.tables.settings).toBeUndefined();
  });

  it('round-trips: backup, wipe, restore gives every table back exactly as it was (device tables aside)', async () => {
    await seedRecord(db());
    const before = await everyTable();
    const text = JSON.stringify(await backupGroup('group-1', T0));
    await wipe();
    const outcome = await restoreFromFile(fileOf(text));
    expect(outcome.ok).toBe(true);
    const after = await everyTable();
    for (const name of Object.keys(before)) {
      if (NEVER_BACKED_UP.includes(name)) expect(after[name], name).toEqual([]);
      else expect(after[name], name).toEqual(before[name]);
    }
  });

  it('holds every turn of every meeting of the group once, by meeting then id, and none of another group', async () => {
    await seedRecord(db());
    const turn = (meetingId: string, id: string) => ({ id, meetingId, itemId: null, personId: null, crossTalk: true, startedAt: T0, endedAt: T0 + 1000 });
    await db().meetings.bulkAdd([makeMeeting({ id: 'meeting-0', groupId: 'group-1' }), makeMeeting({ id: 'meeting-x', groupId: 'group-other' })]);
    await db().turns.bulkAdd([turn('meeting-2', 't-b'), turn('meeting-0', 't-z'), turn('meeting-2', 't-a'), turn('meeting-x', 't-other'), turn('meeting-0', 't-c')]);
    const everyTurn = (await db().turns.toArray()).filter((t) => t.meetingId !== 'meeting-x');
    const expected = everyTurn.sort((a, b) => (a.meetingId + ' ' + a.id < b.meetingId + ' ' + b.id ? -1 : 1)).map((t) => t.id);

    const backup = (await backupGroup('group-1', T0))!;
    expect(backup.tables.turns!.map((t) => t.id)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['t-z', 't-c', 't-a', 't-b']));
  });

  it('restoring the same file twice adds nothing the second time', async () => {
    await seedRecord(db());
    const text = JSON.stringify(await backupGroup('group-1', T0));
    await wipe();
    const first = await restoreFromFile(fileOf(text));
    const once = await everyTable();
    const second = await restoreFromFile(fileOf(text));
    expect(first.ok && first.result.added).toBeGreaterThan(0);
    expect(second.ok && second.result).toMatchObject({ added: 0, updated: 0 });
    expect(await everyTable()).toEqual(once);
  });

  it('keeps a record changed on this device after the backup, and takes a newer one from the file', async () => {
    await seedRecord(db());
    const text = JSON.stringify(await backupGroup('group-1', T0));
    await db().actions.update('a1', { what: 'Changed here later', updatedAt: T0 + 10 * 3600_000 });
    await db().actions.update('a2', { what: 'Older here', updatedAt: T0 - 1 });
    const outcome = await restoreFromFile(fileOf(text));
    expect(outcome.ok && outcome.result.updated, JSON.stringify(outcome)).toBe(1);
    expect((await db().actions.get('a1'))!.what).toBe('Changed here later');
    expect((await db().actions.get('a2'))!.what).toBe('+44 7700 900123 to ring');
  });

  it('a meeting backup holds that meeting, its group and roster, and no other meeting', async () => {
    await seedRecord(db());
    const backup = (await backupMeeting('meeting-1', T0))!;
    expect(backup.scope).toEqual({ kind: 'meeting', groupId: 'group-1', meetingId: 'meeting-1' });
    expect(backup.tables.meetings!.map((m) => m.id)).toEqual(['meeting-1']);
    expect(backup.tables.people).toHaveLength(4);
    expect(backup.tables.turns).toHaveLength(3);
    expect(backup.tables.groundRules).toEqual([]);
  });
});

/** A backup as a hostile or broken file would hold it: any fields, any tables. */
type LooseBackup = { tables: Record<string, unknown[]> } & Record<string, unknown>;

describe('a bad file is refused with its reason, and nothing is written', () => {
  const good = async (): Promise<Backup & LooseBackup> => {
    await seedRecord(db());
    const backup = JSON.parse(JSON.stringify(await backupGroup('group-1', T0)));
    await wipe();
    return backup;
  };
  it.each([
    ['not JSON', () => '{"format": "heard-backup",', 'not-json'],
    ['another app’s JSON', () => JSON.stringify({ hello: 'world' }), 'wrong-format'],
    ['a newer schema', (b: LooseBackup) => JSON.stringify({ ...b, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }), 'newer-version'],
    ['a version that is no version', (b: LooseBackup) => JSON.stringify({ ...b, schemaVersion: 'six' }), 'unknown-version'],
    ['no version at all', (b: LooseBackup) => JSON.stringify({ ...b, schemaVersion: undefined }), 'missing-fields'],
    ['no tables', (b: LooseBackup) => JSON.stringify({ ...b, tables: undefined }), 'missing-fields'],
    ['a row with no id', (b: LooseBackup) => JSON.stringify({ ...b, tables: { ...b.tables, turns: [...b.tables.turns!, { meetingId: 'meeting-1' }] } }), 'missing-fields'],
    ['an attendee missing half its key', (b: LooseBackup) => JSON.stringify({ ...b, tables: { ...b.tables, attendees: [{ meetingId: 'meeting-1' }] } }), 'missing-fields'],
    ['the device’s settings', (b: LooseBackup) => JSON.stringify({ ...b, tables: { ...b.tables, settings: [{ key: 'chair-pin', value: 'x' }] } }), 'unknown-table'],
  ])('%s', async (_label, make, code) => {
    const backup = await good();
    const outcome = await restoreFromFile(fileOf(make(backup)));
    expect(outcome).toMatchObject({ ok: false, problem: { code } });
    for (const [name, rows] of Object.entries(await everyTable())) expect(rows, name).toEqual([]);
  });

  it('a file over the limit is refused before it is read', async () => {
    const big = { size: BACKUP_MAX_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    expect(await restoreFromFile(big)).toEqual({ ok: false, problem: { code: 'too-large' } });
  });

  it('a write that fails part-way leaves nothing behind (one transaction)', async () => {
    const backup = await good();
    // A clock event clashing with one on the device on the unique [meetingId+seq] fails the last table written.
    await db().clockEvents.add({ id: 'other', meetingId: 'meeting-1', seq: 1, at: T0, kind: 'start' });
    await expect(restoreBackup(backup)).rejects.toThrow();
    expect(await db().groups.count()).toBe(0);
    expect(await db().people.count()).toBe(0);
    expect(Object.keys(backupTables())).toContain('clockEvents');
  });
});
