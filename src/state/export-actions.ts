import { BACKUP_MAX_BYTES, type Backup, type BackupProblem } from '../domain/backup-format';
import type { Id } from '../domain/model';
import { backupGroup, backupMeeting, checkBackupText, restoreBackup, type RestoreResult } from '../db/export-repo';
import { now } from './clock';
import { save } from './save-status';

export function makeGroupBackup(groupId: Id): Promise<Backup | null> {
  return backupGroup(groupId, now());
}

export function makeMeetingBackup(meetingId: Id): Promise<Backup | null> {
  return backupMeeting(meetingId, now());
}

export type RestoreOutcome = { ok: true; result: RestoreResult } | { ok: false; problem: BackupProblem | { code: 'write-failed' } };

/** Checks the whole file first (size, then contents); only a file that passes is written, in one transaction. */
export async function restoreFromFile(file: Blob): Promise<RestoreOutcome> {
  if (file.size > BACKUP_MAX_BYTES) return { ok: false, problem: { code: 'too-large' } };
  const checked = checkBackupText(await file.text());
  if (!checked.ok) return checked;
  const written = await save(() => restoreBackup(checked.backup));
  return written.ok ? { ok: true, result: written.value } : { ok: false, problem: { code: 'write-failed' } };
}
