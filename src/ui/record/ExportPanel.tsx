import { isoDay } from '../../domain/dates';
import type { MeetingRecord } from '../../domain/meeting-record';
import { now } from '../../state/clock';
import { makeMeetingBackup } from '../../state/export-actions';
import { t } from '../strings/all';
import { actionsCsv, attendanceCsv, backupFile, balanceCsv, calendarIcs, minutesMarkdown, type RecordFile } from './record-files';
import { canShareFiles } from './save-file';
import { useFileMaker } from './use-file-maker';

const w = t.exports.files;

interface Export {
  key: string;
  label: string;
  make: () => Promise<RecordFile | null> | RecordFile | null;
}

/** Every file the record can be saved as: a download, or the share sheet where the tablet offers it. */
export function ExportPanel({ record, perPerson }: { record: MeetingRecord; perPerson: boolean }) {
  const { message, makeFile } = useFileMaker(w);
  const exportsList: Export[] = [
    { key: 'markdown', label: w.markdown, make: () => minutesMarkdown(record, perPerson) },
    { key: 'actions', label: w.actionsCsv, make: () => actionsCsv(record) },
    { key: 'attendance', label: w.attendanceCsv, make: () => attendanceCsv(record) },
    { key: 'balance', label: w.balanceCsv, make: () => balanceCsv(record, perPerson) },
    { key: 'ics', label: w.ics, make: () => calendarIcs(record, now()) },
    {
      key: 'backup',
      label: w.backupMeeting,
      make: async () => {
        const backup = await makeMeetingBackup(record.meeting.id);
        return backup ? backupFile(backup, record.meeting.title, isoDay(now())) : null;
      },
    },
  ];
  const sharing = canShareFiles({ name: 'x.txt', type: 'text/plain', text: '' });
  const run = (item: Export, how: 'download' | 'share') => makeFile(item.make, how);
  return (
    <section aria-labelledby="record-exports" class="record-exports">
      <h2 id="record-exports">{t.exports.sections.exports}</h2>
      <p>
        {w.intro} {w.namesNote(record.names)}
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={() => window.print()}>
          {w.print}
        </button>
      </div>
      <ul class="export-list">
        {exportsList.map((item) => (
          <li key={item.key} class="actions">
            <button type="button" class="button button--secondary" onClick={() => void run(item, 'download')}>
              {w.download(item.label)}
            </button>
            {sharing ? (
              <button type="button" class="button button--secondary" onClick={() => void run(item, 'share')}>
                {w.share(item.label)}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <p role="status" class="field__hint">
        {message}
      </p>
    </section>
  );
}
