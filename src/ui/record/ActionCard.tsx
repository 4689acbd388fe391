import { useState } from 'preact/hooks';
import { isoDay } from '../../domain/dates';
import { formatDayAndClock, formatIsoDay, formatShortDay } from '../dates';
import type { Id } from '../../domain/model';
import type { ActionItem } from '../../domain/record-model';
import { checkDue, isPastDue, lastChangeAt, NOTE_MAX_LENGTH } from '../../domain/record';
import { checkOptionalText, checkRequiredText } from '../../domain/text-rules';
import type { GroupRecord } from '../../db/record-repo';
import { now } from '../../state/clock';
import { carryOn, drop, markDone, reopen, update } from '../../state/record-actions';
import type { SaveResult } from '../../state/save-status';
import { TextArea, TextField } from '../components/fields';
import { t } from '../strings/all';
import { ProblemAlert } from '../components/ProblemAlert';
import { StatusTag } from './DissentCard';
import { InlineForm } from './InlineForm';
import { meetingTitle, ownerName, saveProblem, short } from './record-words';
import { useRecordSubmit } from './use-record-submit';
import { textProblemWords } from '../text-problems';

/** The due date, with a warning in words when it has passed and the action is still open. */
export function DueLine({ item }: { item: ActionItem }) {
  const overdue = item.status === 'open' && isPastDue(item.due, isoDay(now()));
  return overdue ? (
    <p class="record-card__meta">
      <span class="status-tag status-tag--open">{t.record.overdue(formatIsoDay(item.due))}</span>
    </p>
  ) : (
    <p class="record-card__meta">{t.record.dueOn(formatIsoDay(item.due))}</p>
  );
}

function UpdateForm({ item, meetingId, onDone }: { item: ActionItem; meetingId: Id | null; onDone: () => void }) {
  const [due, setDue] = useState(item.due);
  const [note, setNote] = useState('');
  const dueProblem = checkDue(due);
  const checkedNote = checkOptionalText(note, NOTE_MAX_LENGTH);
  const { submitted, problem, onSubmit } = useRecordSubmit(
    () => update(item.id, due.trim(), checkedNote.value, meetingId),
    () => Boolean(dueProblem || checkedNote.problem),
    onDone,
  );
  const dueError = submitted && dueProblem ? (dueProblem === 'due-missing' ? t.record.dueEmpty : t.record.dueInvalid) : undefined;
  const noteError = submitted && checkedNote.problem ? t.record.noteLong(NOTE_MAX_LENGTH) : undefined;
  const past = !dueProblem && isPastDue(due.trim(), isoDay(now()));
  return (
    <InlineForm
      submitLabel={t.record.saveUpdate}
      problem={problem}
      onCancel={onDone}
      onSubmit={onSubmit}
    >
      <TextField id={`due-${item.id}`} type="date" label={t.record.newDue} hint={t.record.dueHint} value={due} error={dueError} onInput={setDue} />
      {past ? <p class="warning">{t.record.duePast(formatIsoDay(due.trim()))}</p> : null}
      <TextArea
        id={`progress-${item.id}`}
        label={t.record.progress}
        hint={t.record.progressHint}
        rows={2}
        value={note}
        maxLength={NOTE_MAX_LENGTH}
        error={noteError}
        onInput={setNote}
      />
    </InlineForm>
  );
}

function DropForm({ item, meetingId, onDone }: { item: ActionItem; meetingId: Id | null; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const checked = checkRequiredText(reason, NOTE_MAX_LENGTH);
  const { submitted, problem, onSubmit } = useRecordSubmit(() => drop(item.id, checked.value, meetingId), () => Boolean(checked.problem), onDone);
  const error = submitted ? textProblemWords(checked, t.record.dropEmpty, t.record.noteLong(NOTE_MAX_LENGTH)) : undefined;
  return (
    <InlineForm
      submitLabel={t.record.saveDrop}
      danger
      problem={problem}
      onCancel={onDone}
      onSubmit={onSubmit}
    >
      <TextArea id={`drop-${item.id}`} label={t.record.dropReason} rows={2} value={reason} maxLength={NOTE_MAX_LENGTH} error={error} onInput={setReason} />
    </InlineForm>
  );
}

// Getters: a string read when this module loads would stay in en-GB if another locale loads later.
const HERE = {
  get done() {
    return t.record.doneHere;
  },
  get carried() {
    return t.record.carriedHere;
  },
  get updated() {
    return t.record.updatedHere;
  },
  get dropped() {
    return t.record.droppedHere;
  },
  reopened: '',
  created: '',
} as const;

/** What came of an action so far: done, dropped with a reason, or still open with its notes. */
export function Outcome({ item, record }: { item: ActionItem; record: GroupRecord }) {
  const settled = [...item.history].reverse().find((h) => h.kind === item.status);
  return (
    <>
      {item.status === 'done' && settled ? <p class="record-card__outcome">{t.record.doneOn(formatShortDay(settled.at))}</p> : null}
      {item.status === 'dropped' ? <p class="record-card__outcome">{t.record.droppedBecause(item.droppedReason)}</p> : null}
      {item.status === 'open' ? <p class="record-card__outcome">{t.record.stillOpen}</p> : null}
      {item.history.length > 1 ? (
        <ol class="record-card__history">
          {item.history.map((h, index) => (
            <li key={index}>
              {t.record.historyLine(t.record.actionHistory[h.kind], formatDayAndClock(h.at), meetingTitle(record, h.meetingId))}
              {h.kind === 'updated' ? ` · ${t.record.dueOn(formatIsoDay(h.due ?? ''))}` : ''}
              {h.note ? `: ${h.note}` : ''}
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}

/**
 * An action and its buttons. At a meeting (`meetingId` set) an open action
 * can be marked done, updated or carried on in one tap; between meetings it
 * can also be dropped with a reason, or a settled one reopened.
 */
export function ActionButtons({ item, meetingId }: { item: ActionItem; meetingId: Id | null }) {
  const [form, setForm] = useState<'update' | 'drop' | null>(null);
  const [problem, setProblem] = useState('');
  const name = short(item.what);
  const tap = async (write: () => Promise<SaveResult<unknown>>) => {
    const result = await write();
    setProblem(result.ok ? '' : saveProblem(result));
  };
  const here = meetingId !== null ? lastChangeAt(item, meetingId) : undefined;
  return (
    <>
      {here && HERE[here.kind] ? <p class="record-card__outcome">{HERE[here.kind]}</p> : null}
      {form === null ? (
        <div class="actions">
          {item.status === 'open' ? (
            <>
              <button type="button" class="button button--small" aria-label={t.record.markDoneNamed(name)} onClick={() => void tap(() => markDone(item.id, meetingId))}>
                {t.record.markDone}
              </button>
              <button type="button" class="button button--secondary button--small" aria-label={t.record.updateNamed(name)} onClick={() => setForm('update')}>
                {t.record.updateAction}
              </button>
              {meetingId !== null && here?.kind !== 'carried' ? (
                <button
                  type="button"
                  class="button button--secondary button--small"
                  aria-label={t.record.carryOnNamed(name)}
                  onClick={() => void tap(() => carryOn(item.id, meetingId))}
                >
                  {t.record.carryOn}
                </button>
              ) : null}
              {meetingId === null ? (
                <button type="button" class="button button--secondary button--small" aria-label={t.record.dropNamed(name)} onClick={() => setForm('drop')}>
                  {t.record.drop}
                </button>
              ) : null}
            </>
          ) : (
            <button type="button" class="button button--secondary button--small" aria-label={t.record.reopenNamed(name)} onClick={() => void tap(() => reopen(item.id, meetingId))}>
              {t.record.reopen}
            </button>
          )}
        </div>
      ) : null}
      <ProblemAlert problem={problem} />
      {form === 'update' ? <UpdateForm item={item} meetingId={meetingId} onDone={() => setForm(null)} /> : null}
      {form === 'drop' ? <DropForm item={item} meetingId={meetingId} onDone={() => setForm(null)} /> : null}
    </>
  );
}

/** One action as a meeting shows it; `buttons` for those from earlier meetings (matters arising). */
export function ActionCard({ item, record, meetingId, buttons = true }: { item: ActionItem; record: GroupRecord; meetingId: Id; buttons?: boolean }) {
  return (
    <li class="record-card">
      <StatusTag kind={item.status} label={t.record.actionStatus[item.status]} />
      <p class="record-card__text">{item.what}</p>
      <p class="record-card__meta">
        {t.record.ownerIs(ownerName(record, item))} · {t.record.fromMeeting(meetingTitle(record, item.meetingId))}
      </p>
      <DueLine item={item} />
      {buttons ? <ActionButtons item={item} meetingId={meetingId} /> : null}
    </li>
  );
}
