import { useState } from 'preact/hooks';
import { pinWaitRemaining } from '../../domain/checkin';
import { DELETE_PHRASE, type SealedGlance } from '../../domain/checkin-seal';
import { formatDayAndClock } from '../dates';
import { readSealedGlance } from '../../db/checkin-repo';
import { deleteSealedWords, openSealedWithPin } from '../../state/checkin-actions';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { useNow } from '../../state/use-now';
import { ErrorSummary } from '../components/ErrorSummary';
import { TypedNameConfirm } from '../components/TypedNameConfirm';
import { t } from '../strings/all';
import { PinField } from './answers';
import { WrongTries } from './ChairUnlock';
import { useSubmit } from '../use-submit';

const w = t.checkin;

/**
 * A check-in ended without the chair PIN: how much is sealed (never what),
 * the PIN that opens it, and, when nobody knows the PIN, deleting it after
 * typing DELETE. The words themselves are never read here: the database hands
 * the screen a glance without them (db/checkin-repo.ts readSealedGlance).
 */
export function SealedAnswers({ meetingId }: { meetingId: string }) {
  const sealed = useLive(() => readSealedGlance(meetingId), [meetingId]);
  const [done, setDone] = useState('');
  if (sealed.status !== 'ready') return null;
  if (!sealed.value) {
    return done ? (
      <p class="notice" role="status">
        {done}
      </p>
    ) : null;
  }
  return <Sealed glance={sealed.value} onDone={setDone} />;
}

function Sealed({ glance, onDone }: { glance: SealedGlance; onDone: (message: string) => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [deleting, setDeleting] = useState(false);
  const withDevice = glance.opensWithDevicePin;
  const time = useNow(1000, glance.wrongPinAt.length > 0);
  const wait = pinWaitRemaining(glance.wrongPinAt, time);

  const form = useSubmit(
    async () => {
      const result = await openSealedWithPin(glance.meetingId, pin, t.sync.summaryWords);
      setPin('');
      if (result === 'unlocked') return onDone(w.sealedOpened);
      setError(result === 'wrong' ? w.pinProblems.wrong : result === 'must-wait' ? t.lock.prompt.mustWait : t.loadFailed);
    },
    () => {
      if (wait > 0) return true;
      if (pin === '') setError(w.pinProblems.empty);
      return pin === '';
    },
  );

  return (
    <section class="notice" aria-labelledby="sealed-title">
      <h2 id="sealed-title">{w.sealedTitle}</h2>
      <p>{w.sealedWhy(formatDayAndClock(glance.sealedAt))}</p>
      <p>
        <strong>{w.sealedCounts(glance.counts)}</strong>
      </p>
      <p>{w.sealedNotIn}</p>
      <form onSubmit={(e) => void form.onSubmit(e)} noValidate>
        <ErrorSummary errors={error ? [{ fieldId: 'sealed-pin', message: error }] : []} />
        <PinField
          id="sealed-pin"
          label={withDevice ? w.sealedPinOrDevice : w.sealedPin}
          hint={withDevice ? w.sealedPinOrDeviceHint : w.sealedPinHint}
          error={error || undefined}
          value={pin}
          disabled={wait > 0}
          onInput={setPin}
        />
        <WrongTries wait={wait} tries={glance.wrongPinAt.length} words={w} />
        <div class="actions">
          <button type="submit" class="button" disabled={wait > 0 || form.busy}>
            {w.openSealed}
          </button>
        </div>
      </form>
      <h3>{w.deleteSealedTitle}</h3>
      <p>{w.deleteSealedHint}</p>
      {deleting ? (
        <TypedNameConfirm
          id="delete-sealed"
          name={DELETE_PHRASE}
          words={w.deleteSealedWords}
          onCancel={() => setDeleting(false)}
          onConfirm={async (typed) => {
            const result = await deleteSealedWords(glance.meetingId, typed);
            if (result.ok) onDone(w.sealedDeleted);
            return result;
          }}
        />
      ) : (
        <button type="button" class="button button--warning" onClick={() => setDeleting(true)}>
          {w.deleteSealedStart}
        </button>
      )}
    </section>
  );
}

/** On the meeting's record: some of its check-in is sealed, so the record and its files do not hold it. */
export function SealedNotice({ meetingId }: { meetingId: string }) {
  const sealed = useLive(() => readSealedGlance(meetingId), [meetingId]);
  if (sealed.status !== 'ready' || !sealed.value) return null;
  return (
    <p class="notice">
      {w.sealedOnRecord} <a href={pathOf({ name: 'checkin', meetingId })}>{w.sealedOnRecordLink}</a>
    </p>
  );
}
