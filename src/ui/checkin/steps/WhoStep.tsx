import type { ParticipantData } from '../../../db/checkin-repo';
import { PageTitle } from '../../components/PageTitle';
import { t } from '../../strings/all';
import { Step } from '../answers';
import { ReadAloudButton, ReadNameButton } from '../ReadAloud';
import { nextStep, type FlowEvent, type FlowState } from '../participant-flow-state';
import { BackButton } from './BackButton';

/** Who they are, or "I'd rather not say"; with a name, whether it goes with their answers. */
export function WhoStep({ state, data, promptCount, dispatch }: { state: FlowState; data: ParticipantData; promptCount: number; dispatch: (event: FlowEvent) => void }) {
  const { personId, nameToAnswers } = state;
  return (
    <Step>
      <PageTitle text={t.checkin.whoTitle} />
      <ReadAloudButton />
      <p class="field__hint" id="who-hint">
        {t.checkin.whoHint}
      </p>
      <p class="field__hint" id="who-hear-hint">
        {t.checkin.whoHearHint}
      </p>
      {/* A fieldset, not a radiogroup: each name has its own "Hear name" button beside it. */}
      <fieldset class="fieldset who-list" aria-label={t.checkin.whoTitle} aria-describedby="who-hint who-hear-hint">
        {[...data.notYetIn, { id: '', name: t.checkin.ratherNotSay }].map((person) => (
          <div key={person.id} class="who-row">
            {/* A name is never in "Read it to me": the list read out would tell the room who has not checked in. */}
            <label class="checkbox" data-unread={person.id ? '' : undefined}>
              <input
                type="radio"
                name="who"
                value={person.id}
                checked={(personId ?? '') === person.id && (person.id !== '' || personId === null)}
                onChange={() => dispatch({ type: 'choose-person', personId: person.id || null })}
              />
              <span>{person.name}</span>
            </label>
            {person.id ? <ReadNameButton name={person.name} /> : null}
          </div>
        ))}
      </fieldset>
      {personId ? (
        <label class="checkbox">
          <input
            type="checkbox"
            checked={nameToAnswers}
            aria-describedby="name-hint"
            onChange={(e) => dispatch({ type: 'name-to-answers', on: (e.currentTarget as HTMLInputElement).checked })}
          />
          <span>{t.checkin.nameToAnswers}</span>
        </label>
      ) : null}
      {personId ? (
        <p class="field__hint" id="name-hint">
          {t.checkin.nameToAnswersHint}
        </p>
      ) : null}
      <div class="checkin-nav">
        <BackButton step={state.step} promptCount={promptCount} dispatch={dispatch} />
        <button type="button" class="button" onClick={() => dispatch({ type: 'go', to: nextStep(state.step, promptCount) })}>
          {t.checkin.next}
        </button>
      </div>
    </Step>
  );
}
