import { useState } from 'preact/hooks';
import { checkNewPin, isPinShaped } from '../../domain/checkin';
import { getLauncherData, type LauncherData } from '../../db/checkin-repo';
import type { RunData } from '../../db/run-repo';
import { canHashPin } from '../../state/chair-pin';
import { checkPin, startCheckIn } from '../../state/checkin-actions';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { LiveView } from '../components/LiveView';
import { PinField } from '../checkin/answers';
import { PromptEditor } from '../checkin/PromptEditor';
import { t } from '../strings/all';
import { ruleWords } from '../rule-words';
import { useSubmit } from '../use-submit';

function PinForm({ data, launcher, onCancel }: { data: RunData; launcher: LauncherData; onCancel: () => void }) {
  const [setNew, setSetNew] = useState(launcher.pin === null);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const form = useSubmit(
    async () => {
      if (!setNew && !(await checkPin(pin))) {
        setPin('');
        setErrors([{ fieldId: 'pin', message: t.checkin.pinProblems.wrong }]);
        return;
      }
      const result = await startCheckIn(data.meeting, launcher.prompts, (key) => t.checkin.libraryText[key] ?? key, setNew ? pin : null);
      if (!result.ok) setErrors([{ fieldId: 'pin', message: result.rule ? ruleWords(result.rule, { 'already-locked': t.checkin.alreadyLocked }) : t.loadFailed }]);
      // On success the lock is stored and the whole app turns into the check-in.
    },
    () => {
      const found: FieldError[] = [];
      if (setNew) {
        const problem = checkNewPin(pin, again);
        if (problem === 'mismatch') found.push({ fieldId: 'pin-again', message: t.checkin.pinProblems.mismatch });
        else if (problem) found.push({ fieldId: 'pin', message: t.checkin.pinProblems[problem] });
      } else if (!isPinShaped(pin)) {
        found.push({ fieldId: 'pin', message: pin ? t.checkin.pinProblems.format : t.checkin.pinProblems.empty });
      }
      setErrors(found);
      return found.length > 0;
    },
  );
  if (!canHashPin()) return <p class="warning">{t.checkin.cannotHash}</p>;

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  return (
    <form noValidate onSubmit={(e) => void form.onSubmit(e)} aria-labelledby="pin-form-title">
      <h4 id="pin-form-title">{setNew ? t.checkin.setPinTitle : t.checkin.enterPinTitle}</h4>
      <ErrorSummary errors={errors} />
      <PinField id="pin" label={t.checkin.pin} hint={setNew ? t.checkin.setPinHint : t.checkin.enterPinHint} error={errorFor('pin')} value={pin} onInput={setPin} />
      {setNew ? <PinField id="pin-again" label={t.checkin.pinAgain} error={errorFor('pin-again')} value={again} onInput={setAgain} /> : null}
      <div class="actions">
        <button type="submit" class="button button--start" disabled={form.busy}>
          {t.checkin.lockAndStart}
        </button>
        {launcher.pin ? (
          <button type="button" class="button button--secondary" onClick={() => (setSetNew(!setNew), setErrors([]), setPin(''), setAgain(''))}>
            {setNew ? t.checkin.useStoredPin : t.checkin.setNewPinInstead}
          </button>
        ) : null}
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t.checkin.cancel}
        </button>
      </div>
    </form>
  );
}

/** In the meeting's closing step: start the check-in, see its answers, change its questions. */
export function CheckInLauncher({ data }: { data: RunData }) {
  const meetingId = data.meeting.id;
  const groupId = data.meeting.groupId;
  const launcher = useLive(() => getLauncherData(groupId, meetingId), [groupId, meetingId]);
  const [asking, setAsking] = useState(false);
  if (data.meeting.state === 'closed') return null;
  return (
    <section class="notice" aria-labelledby="checkin-launcher-title">
      <h3 id="checkin-launcher-title">{t.checkin.launcherTitle}</h3>
      <LiveView live={launcher}>
        {(found) => (
          <>
            <p>{t.checkin.launcherHint}</p>
            {found.answerCount > 0 ? (
              <p>
                {t.checkin.answersSoFar(found.answerCount)} <a href={pathOf({ name: 'checkin', meetingId })}>{t.checkin.seeAnswers}</a>
              </p>
            ) : null}
            {asking ? (
              <PinForm data={data} launcher={found} onCancel={() => setAsking(false)} />
            ) : (
              <button type="button" class="button button--start" onClick={() => setAsking(true)}>
                {t.checkin.start}
              </button>
            )}
            <details class="details">
              <summary>{t.checkin.promptsTitle}</summary>
              <PromptEditor groupId={groupId} stored={found.prompts} />
            </details>
          </>
        )}
      </LiveView>
    </section>
  );
}
