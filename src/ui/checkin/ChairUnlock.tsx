import { useState } from 'preact/hooks';
import { pinWaitRemaining } from '../../domain/checkin';
import type { CheckInLock } from '../../domain/checkin-model';
import { readAppLockOn } from '../../db/settings-repo';
import { endWithoutPin, unlockWithPin } from '../../state/checkin-actions';
import { useLive } from '../../state/use-live';
import { useNow } from '../../state/use-now';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageTitle } from '../components/PageTitle';
import { t } from '../strings/all';
import { PinField, Step } from './answers';
import { useSubmit } from '../use-submit';

export function waitWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return t.checkin.seconds(seconds);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? t.checkin.minutes(minutes) : `${t.checkin.minutes(minutes)} ${t.checkin.seconds(rest)}`;
}

/** After wrong PINs: how long to wait before the next try, or how many wrong tries so far; nothing before the first. */
export function WrongTries(props: { wait: number; tries: number; words: { waitFor: (words: string) => string; wrongTries: (n: number) => string } }) {
  if (props.wait > 0) {
    return (
      <p class="warning" role="status">
        {props.words.waitFor(waitWords(props.wait))}
      </p>
    );
  }
  return props.tries > 0 ? <p class="field__hint">{props.words.wrongTries(props.tries)}</p> : null;
}

/** The chair's way back: the PIN, with waits that grow after wrong tries, or ending without it. */
export function ChairUnlock({ lock, onBack }: { lock: CheckInLock; onBack: () => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [confirmEnd, setConfirmEnd] = useState(false);
  const devicePin = useLive(readAppLockOn, []);
  const time = useNow(1000, lock.wrongPinAt.length > 0);
  // Derived from the stored wrong tries and the clock: a reload neither resets nor extends it.
  const wait = pinWaitRemaining(lock.wrongPinAt, time);

  const form = useSubmit(
    async () => {
      const result = await unlockWithPin(pin);
      setPin('');
      if (result === 'wrong') setError(t.checkin.pinProblems.wrong);
      else if (result === 'failed') setError(t.loadFailed);
      else setError('');
    },
    () => wait > 0,
  );

  return (
    <Step>
      <ErrorSummary errors={error ? [{ fieldId: 'unlock-pin', message: error }] : []} />
      <PageTitle text={t.checkin.unlockTitle} />
      <form onSubmit={form.onSubmit} noValidate>
        <PinField id="unlock-pin" label={t.checkin.pin} hint={t.checkin.unlockHint} error={error || undefined} value={pin} disabled={wait > 0} onInput={setPin} />
        <WrongTries wait={wait} tries={lock.wrongPinAt.length} words={t.checkin} />
        <div class="checkin-nav">
          <button type="button" class="button button--secondary" onClick={onBack}>
            {t.checkin.backToCheckIn}
          </button>
          <button type="submit" class="button" disabled={wait > 0 || form.busy}>
            {t.checkin.unlock}
          </button>
        </div>
      </form>
      <section class="details" aria-labelledby="forgot-title">
        <h2 id="forgot-title">{t.checkin.forgotTitle}</h2>
        <p>{t.checkin.forgotHint}</p>
        <ul>
          {t.checkin.forgotWhat.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {devicePin.status === 'ready' && devicePin.value ? (
          <>
            <p>{t.checkin.forgotDevicePin}</p>
            <p>{t.lock.alsoDevicePin}</p>
          </>
        ) : null}
        {confirmEnd ? (
          <div class="actions">
            <button type="button" class="button button--warning" onClick={() => void endWithoutPin()}>
              {t.checkin.confirmEnd}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirmEnd(false)}>
              {t.checkin.cancel}
            </button>
          </div>
        ) : (
          <button type="button" class="button button--secondary" onClick={() => setConfirmEnd(true)}>
            {t.checkin.endWithoutPin}
          </button>
        )}
      </section>
    </Step>
  );
}
