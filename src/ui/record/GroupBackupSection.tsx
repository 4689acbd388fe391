import { isoDay } from '../../domain/dates';
import { now } from '../../state/clock';
import { makeGroupBackup } from '../../state/export-actions';
import { t } from '../strings/all';
import { backupFile } from './record-files';
import { useFileMaker } from './use-file-maker';

const w = t.exports.backup;

/** "Back up this group": one file with everything about the group, kept on the device until the person moves it. */
export function GroupBackupSection({ groupId }: { groupId: string }) {
  const { message, makeFile } = useFileMaker(w);
  const backUp = () =>
    makeFile(async () => {
      const backup = await makeGroupBackup(groupId);
      const group = backup?.tables.groups?.[0] as { name?: string } | undefined;
      return backup && group ? backupFile(backup, group.name ?? 'group', isoDay(now())) : null;
    });
  return (
    <section aria-labelledby="heading-backup">
      <h2 id="heading-backup">{w.groupTitle}</h2>
      <p>{w.groupIntro}</p>
      <button type="button" class="button button--secondary" onClick={() => void backUp()}>
        {w.groupButton}
      </button>
      <p role="status" class="field__hint">
        {message}
      </p>
    </section>
  );
}
