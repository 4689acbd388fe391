import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgendaItem } from '../../domain/agenda-model';
import type { RunShape } from '../../domain/meeting-clock';
import type { RunData } from '../../db/run-repo';
import { setVibrateOnOverrun } from '../../state/preferences';
import { clockTap, saveNotes } from '../../state/run-actions';
import type { WakeLockState } from '../../state/wake-lock';
import { TextArea } from '../components/fields';
import { memo } from '../memo';
import { t } from '../strings/all';
import { AgendaProgress } from './AgendaProgress';
import { RecordPanel } from './RecordPanel';
import { VoiceBalancePanel } from './VoiceBalancePanel';

function NotesField({ item }: { item: AgendaItem }) {
  const [text, setText] = useState(item.notes);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = (value: string) => {
    clearTimeout(timer.current);
    if (value !== item.notes) void saveNotes(item.id, value);
  };
  // Typing is saved shortly after it pauses, and at once when the field is left.
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <TextArea
      id={`notes-${item.id}`}
      label={t.run.notes}
      hint={t.run.notesHint}
      value={text}
      rows={3}
      onInput={(value) => {
        setText(value);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => flush(value), 800);
      }}
      onBlur={() => flush(text)}
    />
  );
}

type BelowProps = { data: RunData; run: RunShape; current: AgendaItem | undefined; wakeLock: WakeLockState; vibrate: boolean };

const MemoRecordPanel = memo(RecordPanel);
const MemoVoiceBalancePanel = memo(VoiceBalancePanel);

/**
 * The running screen below its top: who is speaking and the balance, notes, the record and the
 * agenda left. Its code is fetched once the top has been drawn, so a first visit shows the
 * meeting's title and clock without waiting for it.
 */
export function BelowTheTop({ data, run, current, wakeLock, vibrate }: BelowProps) {
  const meetingId = data.meeting.id;
  return (
    <>
      <MemoVoiceBalancePanel data={data} itemId={run.currentItemId} />
      {current ? <NotesField key={current.id} item={current} /> : null}
      <MemoRecordPanel data={data} currentItemId={run.currentItemId} />
      <AgendaProgress data={data} run={run} />
      {current && run.nextItemId ? (
        <div class="actions">
          <button type="button" class="button button--secondary" onClick={() => void clockTap(meetingId, 'end-items')}>
            {t.run.endDiscussion}
          </button>
        </div>
      ) : null}
      <p class="field__hint">{wakeLock === 'unsupported' ? t.run.wakeLockUnsupported : wakeLock === 'on' ? t.run.wakeLockOn : ''}</p>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={vibrate}
          onChange={(event) => void setVibrateOnOverrun((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t.run.vibrate}</span>
      </label>
    </>
  );
}

