import { useState } from 'preact/hooks';
import { readEraseGlance } from '../../db/app-lock-repo';
import { ERASE_PHRASE } from '../../domain/app-lock';
import { pinWaitRemaining } from '../../domain/checkin';
import type { EpochMs } from '../../domain/model';
import { eraseForgotten, unlockApp } from '../../state/app-lock-actions';
import { useLive } from '../../state/use-live';
import { useNow } from '../../state/use-now';
import { PinField, Step } from '../checkin/answers';
import { WrongTries } from '../checkin/ChairUnlock';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageTitle } from '../components/PageTitle';
import { TypedNameConfirm } from '../components/TypedNameConfirm';
import { t } from '../strings/all';
import { useSubmit } from '../use-submit';

const w = t.lock.prompt;

/** The device PIN, asked over whatever Heard was showing. */
export function AppLockPrompt({ wrongPinAt }: { wrongPinAt: readonly EpochMs[] }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [erasing, setErasing] = useState(false);
  const time = useNow(1000, wrongPinAt.length > 0);
  // From the stored wrong tries and the clock: a reload neither resets nor extends the wait.
  const wait = pinWaitRemaining(wrongPinAt, time);
  const form = useSubmit(
    async () => {
      if (pin === '') return setError(t.lock.appLock.problems.empty);
      const result = await unlockApp(pin);
      setPin('');
      setError(result === 'wrong' ? w.wrong : result === 'must-wait' ? w.mustWait : result === 'failed' ? t.loadFailed : '');
    },
    () => wait > 0,
  );

  if (erasing) return <EraseHeard onCancel={() => setErasing(false)} />;

  return (
    <Step>
      <ErrorSummary errors={error ? [{ fieldId: 'device-pin', message: error }] : []} />
      <PageTitle text={w.title} />
      <p class="lede">{w.hint}</p>
      <form onSubmit={form.onSubmit} noValidate>
        <PinField id="device-pin" label={w.pin} error={error || undefined} value={pin} disabled={wait > 0} onInput={setPin} />
        <WrongTries wait={wait} tries={wrongPinAt.length} words={w} />
        <div class="actions">
          <button type="submit" class="button" disabled={wait > 0 || form.busy}>
            {w.unlock}
          </button>
        </div>
      </form>
      <section class="details" aria-labelledby="forgot-device-pin">
        <h2 id="forgot-device-pin">{w.forgotTitle}</h2>
        <p>{w.forgotHint}</p>
        <button type="button" class="button button--warning" onClick={() => setErasing(true)}>
          {w.eraseStart}
        </button>
      </section>
    </Step>
  );
}

/**
 * A forgotten device PIN: the only way on is to erase Heard's data on this
 * tablet. Said first in numbers (how many groups and meetings, how many
 * summaries will never be sent) and that a backup file restores them; then
 * ERASE typed out. Also reached when the lock's own state cannot be read.
 */
export function EraseHeard({ onCancel }: { onCancel: () => void }) {
  const glance = useLive(readEraseGlance, []);
  return (
    <Step>
      <PageTitle text={w.eraseTitle} />
      {glance.status === 'ready' ? (
        <>
          <p>{w.eraseWhat(glance.value.groups, glance.value.meetings)}</p>
          <p>{w.eraseUnsent(glance.value.unsent)}</p>
        </>
      ) : null}
      <p>{w.eraseBackup}</p>
      <TypedNameConfirm
        id="erase-phrase"
        name={ERASE_PHRASE}
        words={w.eraseWords}
        onCancel={onCancel}
        onConfirm={async (typed) => {
          const result = await eraseForgotten(typed);
          if (result.ok) {
            // Nothing is left: Heard starts afresh on its first screen, with nothing of this page's memory kept either.
            history.replaceState(null, '', '#/');
            location.reload();
          }
          return result;
        }}
      />
    </Step>
  );
}
