import { useState } from 'preact/hooks';
import { CONTACT_MAX_LENGTH, type CheckInDraft } from '../../domain/checkin';
import type { CheckInLock, Response } from '../../domain/checkin-model';
import { checkOptionalText, checkRequiredText } from '../../domain/text-rules';
import { getParticipantData, type ParticipantData } from '../../db/checkin-repo';
import { finishMyCheckIn } from '../../state/checkin-actions';
import { now } from '../../state/clock';
import { go } from '../routes';
import { useLive } from '../../state/use-live';
import { useTouchWatch } from '../../state/use-touch-watch';
import { TextField } from '../components/fields';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { LiveView } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { t } from '../strings/all';
import { AnswerControl, ReadAloudButton, spokenPrompt, Step } from './answers';

/** Two minutes without a touch mid-check-in asks "Are you still there?"; 30 seconds more clears it. */
export const IDLE_MS = 2 * 60_000;
export const STILL_THERE_MS = 30_000;
/** "Thank you" (the answers are saved) clears itself after this long without a touch. */
export const THANKS_MS = 30_000;

type At = { at: 'start' } | { at: 'who' } | { at: 'prompt'; index: number } | { at: 'one-to-one' } | { at: 'done' };

/**
 * The participant's side of the locked tablet. Each person's check-in is a
 * fresh component (a new key), so nothing they chose or typed survives into
 * the next person's: no state, no form values, no history entries. Answers
 * are saved as the person reaches "Thank you", which has no way back to them:
 * it clears at once on "Done", or by itself after THANKS_MS without a touch.
 */
export function ParticipantFlow({ lock, onChair }: { lock: CheckInLock; onChair: () => void }) {
  const [round, setRound] = useState(0);
  const data = useLive(() => getParticipantData(lock.meetingId), [lock.meetingId]);
  return (
    <LiveView live={data}>
      {(found) => (found ? <OnePerson key={round} lock={lock} data={found} onChair={onChair} onFinished={() => setRound((r) => r + 1)} /> : null)}
    </LiveView>
  );
}

function useIdle(active: boolean, onGone: () => void): { asking: boolean; stillHere: () => void } {
  const [askedAt, setAskedAt] = useState<number | null>(null);
  const watch = useTouchWatch(active, (lastTouch) => {
    const at = now();
    setAskedAt((asked) => {
      if (asked === null) return at - lastTouch >= IDLE_MS ? at : null;
      if (at - asked >= STILL_THERE_MS) onGone();
      return asked;
    });
  });
  return {
    asking: askedAt !== null,
    stillHere: () => {
      watch.touched();
      setAskedAt(null);
    },
  };
}

/** "Thank you" clears itself after THANKS_MS without a touch: the person may walk off without tapping Done. */
function useThanksClears(active: boolean, onGone: () => void) {
  useTouchWatch(active, (lastTouch) => {
    if (now() - lastTouch >= THANKS_MS) onGone();
  });
}

function OnePerson({ lock, data, onChair, onFinished }: { lock: CheckInLock; data: ParticipantData; onChair: () => void; onFinished: () => void }) {
  const [step, setStep] = useState<At>({ at: 'start' });
  const [personId, setPersonId] = useState<string | null>(null);
  const [nameToAnswers, setNameToAnswers] = useState(false);
  const [responses, setResponses] = useState<Record<string, Response>>({});
  const [wantsOneToOne, setWantsOneToOne] = useState<'' | 'yes' | 'no'>('');
  const [contact, setContact] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  // Leaving before the answers are saved keeps nothing: the next person starts clean.
  const idle = useIdle(step.at !== 'start' && step.at !== 'done', onFinished);
  useThanksClears(step.at === 'done', onFinished);
  const prompts = lock.prompts;
  const personName = data.notYetIn.find((p) => p.id === personId)?.name ?? '';

  if (idle.asking) {
    return (
      <Step>
        <PageTitle text={t.checkin.stillThereTitle} />
        <p class="lede">{t.checkin.stillThereHint}</p>
        <button type="button" class="button button--start" onClick={idle.stillHere}>
          {t.checkin.stillHere}
        </button>
      </Step>
    );
  }

  const back = (to: At) => (
    <button type="button" class="button button--secondary" onClick={() => (setErrors([]), setStep(to))}>
      {t.checkin.back}
    </button>
  );
  const afterPrompts: At = { at: 'one-to-one' };
  const lastPrompt: At = prompts.length > 0 ? { at: 'prompt', index: prompts.length - 1 } : { at: 'who' };

  switch (step.at) {
    case 'start':
      return (
        <Step>
          <PageTitle text={t.checkin.passTitle} />
          <p class="lede">{t.checkin.passHint}</p>
          <button type="button" class="button button--start" onClick={() => setStep({ at: 'who' })}>
            {t.checkin.startMine}
          </button>
          <p>
            {/* Replace, never push, like everything on the locked tablet: history does not grow. */}
            <a href="#/your-information" onClick={(e) => (e.preventDefault(), go({ name: 'your-information' }, { replace: true }))}>
              {t.lock.yourInformation.link}
            </a>
          </p>
          <div class="checkin-chair">
            <button type="button" class="button button--secondary" onClick={onChair}>
              {t.checkin.chairFinish}
            </button>
          </div>
        </Step>
      );
    case 'who':
      return (
        <Step>
          <PageTitle text={t.checkin.whoTitle} />
          <p class="field__hint" id="who-hint">
            {t.checkin.whoHint}
          </p>
          <div role="radiogroup" aria-label={t.checkin.whoTitle} aria-describedby="who-hint" class="radios radios--stacked">
            {[...data.notYetIn, { id: '', name: t.checkin.ratherNotSay }].map((person) => (
              <label key={person.id} class="checkbox">
                <input
                  type="radio"
                  name="who"
                  value={person.id}
                  checked={(personId ?? '') === person.id && (person.id !== '' || personId === null)}
                  onChange={() => {
                    setPersonId(person.id || null);
                    if (!person.id) setNameToAnswers(false);
                  }}
                />
                <span>{person.name}</span>
              </label>
            ))}
          </div>
          {personId ? (
            <label class="checkbox">
              <input type="checkbox" checked={nameToAnswers} aria-describedby="name-hint" onChange={(e) => setNameToAnswers((e.currentTarget as HTMLInputElement).checked)} />
              <span>{t.checkin.nameToAnswers}</span>
            </label>
          ) : null}
          {personId ? (
            <p class="field__hint" id="name-hint">
              {t.checkin.nameToAnswersHint}
            </p>
          ) : null}
          <div class="checkin-nav">
            {back({ at: 'start' })}
            <button type="button" class="button" onClick={() => setStep(prompts.length > 0 ? { at: 'prompt', index: 0 } : afterPrompts)}>
              {t.checkin.next}
            </button>
          </div>
        </Step>
      );
    case 'prompt': {
      const prompt = prompts[step.index]!;
      return (
        <Step key={prompt.id}>
          <p class="checkin-progress">{t.checkin.questionOf(step.index + 1, prompts.length)}</p>
          <PageTitle text={prompt.text} />
          <ReadAloudButton text={spokenPrompt(prompt)} />
          <AnswerControl
            prompt={prompt}
            label={prompt.text}
            response={responses[prompt.id]}
            onChange={(response) => setResponses((all) => ({ ...all, [prompt.id]: response }))}
          />
          <div class="checkin-nav">
            {back(step.index === 0 ? { at: 'who' } : { at: 'prompt', index: step.index - 1 })}
            <button type="button" class="button" onClick={() => setStep(step.index + 1 < prompts.length ? { at: 'prompt', index: step.index + 1 } : afterPrompts)}>
              {t.checkin.next}
            </button>
          </div>
        </Step>
      );
    }
    case 'one-to-one': {
      const next = async () => {
        const found: FieldError[] = [];
        if (wantsOneToOne === '') found.push({ fieldId: 'one-to-one-yes', message: t.checkin.chooseOne });
        if (wantsOneToOne === 'yes') {
          const checked = checkRequiredText(contact, CONTACT_MAX_LENGTH);
          if (checked.problem === 'empty') found.push({ fieldId: 'contact', message: t.checkin.contactEmpty });
          if (checked.problem === 'too-long') found.push({ fieldId: 'contact', message: t.checkin.contactTooLong(CONTACT_MAX_LENGTH) });
        }
        setErrors(found);
        if (found.length > 0 || saving) return;
        setSaving(true);
        setFailed(false);
        const draft: CheckInDraft = {
          personId,
          nameToAnswers: personId !== null && nameToAnswers,
          responses,
          oneToOneContact: wantsOneToOne === 'yes' ? checkOptionalText(contact, CONTACT_MAX_LENGTH).value : null,
        };
        const result = await finishMyCheckIn(draft, lock);
        setSaving(false);
        if (!result.ok) return setFailed(true);
        // Saved: nothing of theirs is kept in this component for "Thank you" to show, or Back to return to.
        setResponses({});
        setContact('');
        setPersonId(null);
        setStep({ at: 'done' });
      };
      const contactError = errors.find((e) => e.fieldId === 'contact')?.message;
      return (
        <Step>
          <ErrorSummary errors={errors} />
          <PageTitle text={t.checkin.oneToOneTitle} />
          <p class="lede" id="one-to-one-hint">
            {t.checkin.oneToOneHint}
          </p>
          <div role="radiogroup" aria-label={t.checkin.oneToOneTitle} aria-describedby="one-to-one-hint" class="answer-tiles">
            {(['yes', 'no'] as const).map((value) => (
              <label key={value} class="answer-tile">
                <input
                  id={`one-to-one-${value}`}
                  type="radio"
                  name="one-to-one"
                  checked={wantsOneToOne === value}
                  onChange={() => {
                    setWantsOneToOne(value);
                    if (value === 'yes' && !contact && personName) setContact(personName);
                  }}
                />
                <span class="answer-tile__label">{value === 'yes' ? t.checkin.oneToOneYes : t.checkin.oneToOneNo}</span>
              </label>
            ))}
          </div>
          {wantsOneToOne === 'yes' ? (
            <TextField id="contact" label={t.checkin.contact} hint={t.checkin.contactHint} error={contactError} value={contact} maxLength={CONTACT_MAX_LENGTH} onInput={setContact} />
          ) : null}
          {failed ? (
            <p class="field__error" role="alert">
              {t.checkin.saveFailed}
            </p>
          ) : null}
          <div class="checkin-nav">
            {back(lastPrompt)}
            <button type="button" class="button button--start" disabled={saving} onClick={() => void next()}>
              {t.checkin.saveAnswers}
            </button>
          </div>
        </Step>
      );
    }
    case 'done':
      // No Back: the answers are saved and gone from this screen.
      return (
        <Step>
          <PageTitle text={t.checkin.doneTitle} />
          <p class="lede">{t.checkin.doneHint}</p>
          <p class="field__hint">{t.checkin.doneClears}</p>
          <div class="checkin-nav">
            <button type="button" class="button button--start" onClick={onFinished}>
              {t.checkin.done}
            </button>
          </div>
        </Step>
      );
  }
}
