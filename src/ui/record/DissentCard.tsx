import { useState } from 'preact/hooks';
import { formatDayAndClock } from '../dates';
import type { Id } from '../../domain/model';
import type { DissentEntry } from '../../domain/record-model';
import { canMoveDissent, RESOLUTION_MAX_LENGTH } from '../../domain/record';
import { checkRequiredText } from '../../domain/text-rules';
import type { GroupRecord } from '../../db/record-repo';
import { resolve, revisit } from '../../state/record-actions';
import { TextArea } from '../components/fields';
import { t } from '../strings/all';
import { ProblemAlert } from '../components/ProblemAlert';
import { InlineForm } from './InlineForm';
import { itemTitle, meetingTitle, personName, saveProblem, short } from './record-words';
import { useRecordSubmit } from './use-record-submit';
import { textProblemWords } from '../text-problems';

export function StatusTag({ kind, label }: { kind: string; label: string }) {
  return <span class={`status-tag status-tag--${kind}`}>{label}</span>;
}

function ResolveForm({ entry, meetingId, onDone }: { entry: DissentEntry; meetingId: Id | null; onDone: () => void }) {
  const [how, setHow] = useState('');
  const checked = checkRequiredText(how, RESOLUTION_MAX_LENGTH);
  const { submitted, problem, onSubmit } = useRecordSubmit(() => resolve(entry.id, checked.value, meetingId), () => Boolean(checked.problem), onDone);
  const error = submitted ? textProblemWords(checked, t.record.howEmpty, t.record.howLong(RESOLUTION_MAX_LENGTH)) : undefined;
  const fieldId = `resolve-${entry.id}`;
  return (
    <InlineForm
      submitLabel={t.record.saveResolved}
      problem={problem}
      onCancel={onDone}
      onSubmit={(event) => {
        if (checked.problem) document.getElementById(fieldId)?.focus();
        void onSubmit(event);
      }}
    >
      <TextArea
        id={fieldId}
        label={t.record.how}
        hint={t.record.howHint}
        value={how}
        rows={3}
        maxLength={RESOLUTION_MAX_LENGTH}
        error={error}
        onInput={setHow}
      />
    </InlineForm>
  );
}

/**
 * One entry of the register: the person's words, who and when, where it
 * stands and everything that happened to it. `meetingId` is the meeting a
 * change is made at (null between meetings); `readOnly` hides the buttons.
 */
export function DissentCard({
  entry,
  record,
  meetingId,
  readOnly = false,
}: {
  entry: DissentEntry;
  record: GroupRecord;
  meetingId: Id | null;
  readOnly?: boolean;
}) {
  const [resolving, setResolving] = useState(false);
  const [problem, setProblem] = useState('');
  const item = itemTitle(record, entry.itemId);
  const decision = record.decisions.find((d) => d.id === entry.decisionId);
  const open = canMoveDissent(entry.status, 'resolved');
  const revisitedHere = meetingId !== null && entry.history.some((h) => h.status === 'revisited' && h.meetingId === meetingId);
  return (
    <li class="record-card">
      <StatusTag kind={entry.status} label={t.record.status[entry.status]} />
      <blockquote class="record-card__words">{entry.words}</blockquote>
      <p class="record-card__meta">
        {entry.raisedById ? t.record.raisedByName(personName(record, entry.raisedById)) : t.record.raisedAnonymously}
        {' · '}
        {t.record.parkedAt(meetingTitle(record, entry.meetingId), formatDayAndClock(entry.createdAt))}
        {item ? ` ${t.record.onItem(item)}` : ''}
      </p>
      {entry.status === 'resolved' ? <p class="record-card__outcome">{t.record.resolvedHow(entry.resolution)}</p> : null}
      {entry.status === 'standing' && decision ? <p class="record-card__outcome">{t.record.standingAgainst(decision.text)}</p> : null}
      {revisitedHere && open ? <p class="record-card__outcome">{t.record.revisitedHere}</p> : null}
      {entry.history.length > 1 ? (
        <>
          <p class="visually-hidden">{t.record.historyTitle}</p>
          <ol class="record-card__history">
            {entry.history.map((h, index) => (
              <li key={index}>
                {t.record.historyLine(t.record.history[h.status], formatDayAndClock(h.at), meetingTitle(record, h.meetingId))}
                {h.note && h.status === 'revisited' ? `: ${h.note}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {!readOnly && open && !resolving ? (
        <div class="actions">
          {revisitedHere ? null : (
            <button
              type="button"
              class="button button--secondary button--small"
              aria-label={t.record.revisitNamed(short(entry.words))}
              onClick={async () => {
                const result = await revisit(entry.id, meetingId);
                setProblem(result.ok ? '' : saveProblem(result));
              }}
            >
              {t.record.revisit}
            </button>
          )}
          <button
            type="button"
            class="button button--secondary button--small"
            aria-label={t.record.resolveNamed(short(entry.words))}
            onClick={() => setResolving(true)}
          >
            {t.record.resolve}
          </button>
        </div>
      ) : null}
      <ProblemAlert problem={problem} />
      {resolving ? <ResolveForm entry={entry} meetingId={meetingId} onDone={() => setResolving(false)} /> : null}
    </li>
  );
}
