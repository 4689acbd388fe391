import { useState } from 'preact/hooks';
import { isResetPhrase, RESET_PHRASE } from '../../domain/app-lock';
import { pinWaitRemaining } from '../../domain/checkin';
import type { EpochMs } from '../../domain/model';
import { resetForgottenPin, unlockApp } from '../../state/app-lock-actions';
import { go } from '../routes';
import { useNow } from '../../state/use-now';
import { PinField, Step } from '../checkin/answers';
import { waitWords } from '../checkin/ChairUnlock';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { PageTitle } from '../components/PageTitle';
import { t } from '../strings/all';

const w = t.lock.prompt;

/** The device PIN, asked over whatever Heard was showing. */
export function AppLockPrompt({ wrongPinAt, checkIn }: { wrongPinAt: readonly EpochMs[]; checkIn: boolean }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState(false);
  const time = useNow(1000, wrongPinAt.length > 0);
  // From the stored wrong tries and the clock: a reload neither resets nor extends the wait.
  const wait = pinWaitRemaining(wrongPinAt, time);

  if (resetting) return <ResetPin checkIn={checkIn} onCancel={() => setResetting(false)} />;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (wait > 0 || busy) return;
    if (pin === '') return setError(t.lock.appLock.problems.empty);
    setBusy(true);
    const result = await unlockApp(pin);
    setBusy(false);
    setPin('');
    setError(result === 'wrong' ? w.wrong : result === 'must-wait' ? w.mustWait : result === 'failed' ? t.loadFailed : '');
  };

  return (
    <Step>
      <ErrorSummary errors={error ? [{ fieldId: 'device-pin', message: error }] : []} />
      <PageTitle text={w.title} />
      <p class="lede">{w.hint}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <PinField id="device-pin" label={w.pin} error={error || undefined} value={pin} disabled={wait > 0} onInput={setPin} />
        {wait > 0 ? (
          <p class="warning" role="status">
            {w.waitFor(waitWords(wait))}
          </p>
        ) : wrongPinAt.length > 0 ? (
          <p class="field__hint">{w.wrongTries(wrongPinAt.length)}</p>
        ) : null}
        <div class="actions">
          <button type="submit" class="button" disabled={wait > 0 || busy}>
            {w.unlock}
          </button>
        </div>
      </form>
      <section class="details" aria-labelledby="forgot-device-pin">
        <h2 id="forgot-device-pin">{w.forgotTitle}</h2>
        <p>{w.forgotHint}</p>
        <button type="button" class="button button--secondary" onClick={() => setResetting(true)}>
          {w.resetStart}
        </button>
      </section>
    </Step>
  );
}

/** A deliberate step: what a reset does and does not do, then the phrase typed out. */
function ResetPin({ checkIn, onCancel }: { checkIn: boolean; onCancel: () => void }) {
  const [phrase, setPhrase] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!isResetPhrase(phrase)) return setError(w.resetPhraseWrong(RESET_PHRASE));
    const result = await resetForgottenPin();
    if (!result.ok) return setError(t.loadFailed);
    // A running check-in stays where it is; otherwise the chair lands where a new PIN is set.
    if (!checkIn) go({ name: 'app-lock' });
  };
  return (
    <Step>
      <ErrorSummary errors={error ? [{ fieldId: 'reset-phrase', message: error }] : []} />
      <PageTitle text={w.resetTitle} />
      {w.resetExplain.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField id="reset-phrase" label={w.resetPhrase(RESET_PHRASE)} error={error || undefined} value={phrase} width="short" onInput={setPhrase} />
        <div class="actions">
          <button type="submit" class="button button--warning">
            {w.resetConfirm}
          </button>
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {w.cancel}
          </button>
        </div>
      </form>
    </Step>
  );
}
