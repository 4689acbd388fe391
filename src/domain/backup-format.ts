/**
 * Heard's backup file: what it holds, how a file is checked before anything
 * is written, and which copy wins when a record is on the device already.
 */

export const BACKUP_FORMAT = 'heard-backup';
/** Far more than years of one group's meetings; a bigger file is not a Heard backup. */
export const BACKUP_MAX_BYTES = 20 * 1024 * 1024;

export type Row = Record<string, unknown>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: number;
  scope: { kind: 'group'; groupId: string } | { kind: 'meeting'; groupId: string; meetingId: string };
  /** Every row of every table that belongs to the scope, keyed by table name. */
  tables: Record<string, Row[]>;
}

export type BackupProblem =
  | { code: 'too-large' }
  | { code: 'not-json' }
  | { code: 'wrong-format' }
  | { code: 'newer-version'; version: number }
  | { code: 'unknown-version' }
  | { code: 'missing-fields'; where: string }
  | { code: 'unknown-table'; table: string };

export type BackupCheck = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

/** A table's primary key as field names: 'id' → ['id'], '[meetingId+personId]' → ['meetingId', 'personId']. */
export function keyPathOf(storeSpec: string): string[] {
  const first = storeSpec.split(',')[0]!.trim().replace(/^[&*+]+/, '');
  return first.startsWith('[') ? first.slice(1, -1).split('+') : [first];
}

const isObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const isKey = (value: unknown) => (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value));

/**
 * Checks a file's text against the tables this version of Heard knows
 * (`tables`: name → primary key fields). Nothing is written until this says yes.
 */
export function checkBackup(text: string, currentVersion: number, tables: Readonly<Record<string, readonly string[]>>): BackupCheck {
  // Length in UTF-16 units is never more than the bytes it came from, so this cannot refuse a file under the limit.
  if (text.length > BACKUP_MAX_BYTES) return { ok: false, problem: { code: 'too-large' } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'not-json' } };
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT) return { ok: false, problem: { code: 'wrong-format' } };
  const version = data.schemaVersion;
  if (version === undefined) return { ok: false, problem: { code: 'missing-fields', where: 'schemaVersion' } };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problem: { code: 'unknown-version' } };
  if (version > currentVersion) return { ok: false, problem: { code: 'newer-version', version } };
  const scope = data.scope;
  if (!isObject(scope) || !isKey(scope.groupId) || (scope.kind !== 'group' && scope.kind !== 'meeting') || (scope.kind === 'meeting' && !isKey(scope.meetingId))) {
    return { ok: false, problem: { code: 'missing-fields', where: 'scope' } };
  }
  if (typeof data.exportedAt !== 'number') return { ok: false, problem: { code: 'missing-fields', where: 'exportedAt' } };
  if (!isObject(data.tables)) return { ok: false, problem: { code: 'missing-fields', where: 'tables' } };
  for (const [table, rows] of Object.entries(data.tables)) {
    const keyPath = tables[table];
    if (!keyPath) return { ok: false, problem: { code: 'unknown-table', table } };
    if (!Array.isArray(rows)) return { ok: false, problem: { code: 'missing-fields', where: table } };
    for (const [index, row] of rows.entries()) {
      if (!isObject(row) || !keyPath.every((field) => isKey(row[field]))) {
        return { ok: false, problem: { code: 'missing-fields', where: `${table} ${index + 1}` } };
      }
    }
  }
  const groups = (data.tables.groups as Row[] | undefined) ?? [];
  if (!groups.some((g) => g.id === scope.groupId)) return { ok: false, problem: { code: 'missing-fields', where: 'groups' } };
  return { ok: true, backup: data as unknown as Backup };
}

export type RestoreChoice = 'add' | 'update' | 'keep';

/**
 * The rule a restore follows for one record: a record not on the device is
 * added; one on the device is replaced only by a copy changed later than it
 * (by updatedAt). A record with no change time (a speaking turn, a tap on the
 * clock, someone's arrival) that is already here is kept as it is here.
 */
export function restoreChoice(local: Row | undefined, incoming: Row): RestoreChoice {
  if (!local) return 'add';
  const localAt = local.updatedAt;
  const incomingAt = incoming.updatedAt;
  if (typeof localAt === 'number' && typeof incomingAt === 'number' && incomingAt > localAt) return 'update';
  return 'keep';
}
