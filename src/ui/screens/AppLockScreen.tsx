import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { readAppLockState } from '../../db/app-lock-repo';
import { DEFAULT_IDLE, IDLE_CHOICES, type AppLockConfig, type IdleMinutes } from '../../domain/app-lock';
import { checkNewPin } from '../../domain/checkin';
import { changeAppLockPin, lockNow, setIdleMinutes, turnOffAppLock, turnOnAppLock, type PinChange } from '../../state/app-lock-actions';
import { canHashPin } from '../../state/chair-pin';
import { useLive } from '../../state/use-live';
import { PinField } from '../checkin/answers';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { LiveView } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { t } from '../strings/all';
import { useSubmit, type Submit } from '../use-submit';

const w = t.lock.appLock;

/** The device PIN's settings: on with a PIN and an idle time, the idle time, a new PIN, off. */
export function AppLockScreen() {
  const state = useLive(readAppLockState, []);
  // Each message says what it is about, so one left from before a reset (the screen stays under the lock) is not shown.
  const [message, setMessage] = useState<{ text: string; on: boolean } | null>(null);
  const on = state.status === 'ready' && state.value.config !== null;
  const shown = message && message.on === on ? message.text : '';
  return (
    <>
      <PageTitle text={w.title} />
      <p>{w.intro}</p>
      <p role="status" class={shown ? 'notice' : 'visually-hidden'}>
        {shown}
      </p>
      <LiveView live={state}>
        {(found) =>
          !canHashPin() ? (
            <p class="warning">{w.cannotHash}</p>
          ) : found.config ? (
            <LockOn config={found.config} setMessage={setMessage} />
          ) : (
            <>
              <p>{w.statusOff}</p>
              <TurnOn setMessage={setMessage} />
            </>
          )
        }
      </LiveView>
    </>
  );
}

type SetMessage = (message: { text: string; on: boolean }) => void;

function pinErrors(fieldId: string, pin: string, again: string): FieldError[] {
  const problem = checkNewPin(pin, again);
  if (!problem) return [];
  return [{ fieldId: problem === 'mismatch' ? `${fieldId}-again` : fieldId, message: w.problems[problem] }];
}

const errorFor = (errors: readonly FieldError[], id: string) => errors.find((e) => e.fieldId === id)?.message;

/** `underHeading`: the section's heading already says it, so the legend is for screen readers only. */
function IdleChoices({ value, onChange, underHeading = false }: { value: IdleMinutes; onChange: (value: IdleMinutes) => void; underHeading?: boolean }) {
  return (
    <fieldset class="fieldset" aria-describedby="idle-hint">
      <legend class={underHeading ? 'visually-hidden' : 'fieldset__legend'}>{w.idleLegend}</legend>
      <p class="field__hint" id="idle-hint">
        {w.idleHint}
      </p>
      <div class="radios">
        {IDLE_CHOICES.map((minutes) => (
          <label key={minutes} class="checkbox">
            <input type="radio" name="idle-minutes" checked={value === minutes} onChange={() => onChange(minutes)} />
            <span>{w.idleChoice(minutes)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One of the device PIN's forms: its heading, the error summary, its fields, and one button that sends it. */
function PinForm(props: { id: string; title: string; errors: readonly FieldError[]; form: Submit; submitLabel: string; warning?: boolean; children: ComponentChildren }) {
  return (
    <form onSubmit={(e) => void props.form.onSubmit(e)} noValidate aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <ErrorSummary errors={props.errors} />
      {props.children}
      <div class="actions">
        <button type="submit" class={props.warning ? 'button button--warning' : 'button'} disabled={props.form.busy}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}

function TurnOn({ setMessage }: { setMessage: SetMessage }) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [idle, setIdle] = useState<IdleMinutes>(DEFAULT_IDLE);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const form = useSubmit(
    async () => {
      const result = await turnOnAppLock(pin, idle);
      if (result.ok) setMessage({ text: w.turnedOn, on: true });
    },
    () => {
      const found = pinErrors('new-device-pin', pin, again);
      setErrors(found);
      return found.length > 0;
    },
  );
  return (
    <PinForm id="turn-on" title={w.turnOnTitle} errors={errors} form={form} submitLabel={w.turnOn}>
      <PinField id="new-device-pin" label={w.pin} hint={w.pinRules} error={errorFor(errors, 'new-device-pin')} value={pin} onInput={setPin} />
      <PinField id="new-device-pin-again" label={w.pinAgain} error={errorFor(errors, 'new-device-pin-again')} value={again} onInput={setAgain} />
      <IdleChoices value={idle} onChange={setIdle} />
    </PinForm>
  );
}

function LockOn({ config, setMessage }: { config: AppLockConfig; setMessage: SetMessage }) {
  const [idle, setIdle] = useState<IdleMinutes>(config.idleMinutes);
  const saveIdle = async (event: Event) => {
    event.preventDefault();
    const result = await setIdleMinutes(idle);
    if (result.ok) setMessage({ text: w.idleSaved(idle), on: true });
  };
  return (
    <>
      <p>{w.statusOn(config.idleMinutes)}</p>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={lockNow}>
          {w.lockNow}
        </button>
      </div>
      <form onSubmit={(e) => void saveIdle(e)} aria-labelledby="idle-title">
        <h2 id="idle-title">{w.idleLegend}</h2>
        <IdleChoices value={idle} onChange={setIdle} underHeading />
        <div class="actions">
          <button type="submit" class="button">
            {w.saveIdle}
          </button>
        </div>
      </form>
      <ChangePin setMessage={setMessage} />
      <TurnOff setMessage={setMessage} />
    </>
  );
}

/** The current PIN's answer, as a field error: a wrong one is said plainly and nothing changes. */
function currentPinErrors(result: PinChange): FieldError[] {
  if (result === 'wrong') return [{ fieldId: 'current-device-pin', message: w.problems.wrong }];
  if (result === 'failed') return [{ fieldId: 'current-device-pin', message: t.loadFailed }];
  return [];
}

function ChangePin({ setMessage }: { setMessage: SetMessage }) {
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const form = useSubmit(
    async () => {
      const result = await changeAppLockPin(current, pin);
      setErrors(currentPinErrors(result));
      setCurrent('');
      if (result !== 'done') return;
      setPin('');
      setAgain('');
      setMessage({ text: w.changed, on: true });
    },
    () => {
      const found = [...(current === '' ? [{ fieldId: 'current-device-pin', message: w.problems.currentEmpty }] : []), ...pinErrors('changed-device-pin', pin, again)];
      setErrors(found);
      return found.length > 0;
    },
  );
  return (
    <PinForm id="change-pin" title={w.changeTitle} errors={errors} form={form} submitLabel={w.change}>
      <PinField id="current-device-pin" label={w.currentPin} error={errorFor(errors, 'current-device-pin')} value={current} onInput={setCurrent} />
      <PinField id="changed-device-pin" label={w.newPin} hint={w.pinRules} error={errorFor(errors, 'changed-device-pin')} value={pin} onInput={setPin} />
      <PinField id="changed-device-pin-again" label={w.newPinAgain} error={errorFor(errors, 'changed-device-pin-again')} value={again} onInput={setAgain} />
    </PinForm>
  );
}

function TurnOff({ setMessage }: { setMessage: SetMessage }) {
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const form = useSubmit(
    async () => {
      const result = await turnOffAppLock(pin);
      setPin('');
      setErrors(currentPinErrors(result).map((e) => ({ ...e, fieldId: 'off-device-pin' })));
      if (result === 'done') setMessage({ text: w.turnedOff, on: false });
    },
    () => {
      const empty = pin === '';
      if (empty) setErrors([{ fieldId: 'off-device-pin', message: w.problems.currentEmpty }]);
      return empty;
    },
  );
  return (
    <PinForm id="turn-off" title={w.offTitle} errors={errors} form={form} submitLabel={w.turnOff} warning>
      <PinField id="off-device-pin" label={w.currentPin} hint={w.offHint} error={errorFor(errors, 'off-device-pin')} value={pin} onInput={setPin} />
    </PinForm>
  );
}
