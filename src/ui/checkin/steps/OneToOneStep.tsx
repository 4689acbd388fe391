import { CONTACT_MAX_LENGTH } from '../../../domain/checkin';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../strings/all';
import { Step } from '../answers';
import type { FlowEvent, FlowState, OneToOneProblems } from '../participant-flow-state';
import { BackButton } from './BackButton';

function errorsOf(problems: OneToOneProblems): FieldError[] {
  const errors: FieldError[] = [];
  if (problems.choice) errors.push({ fieldId: 'one-to-one-yes', message: t.checkin.chooseOne });
  if (problems.contact === 'empty') errors.push({ fieldId: 'contact', message: t.checkin.contactEmpty });
  if (problems.contact === 'too-long') errors.push({ fieldId: 'contact', message: t.checkin.contactTooLong(CONTACT_MAX_LENGTH) });
  return errors;
}

/** Whether they would like a one-to-one, and how to reach them; then their answers are saved. */
export function OneToOneStep({
  state,
  personName,
  promptCount,
  dispatch,
  onSave,
}: {
  state: FlowState;
  personName: string;
  promptCount: number;
  dispatch: (event: FlowEvent) => void;
  onSave: () => void;
}) {
  const { wantsOneToOne, contact } = state;
  const errors = errorsOf(state.problems);
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
              onChange={() => dispatch({ type: 'one-to-one', wants: value, personName })}
            />
            <span class="answer-tile__label">{value === 'yes' ? t.checkin.oneToOneYes : t.checkin.oneToOneNo}</span>
          </label>
        ))}
      </div>
      {wantsOneToOne === 'yes' ? (
        <TextField
          id="contact"
          label={t.checkin.contact}
          hint={t.checkin.contactHint}
          error={contactError}
          value={contact}
          maxLength={CONTACT_MAX_LENGTH}
          onInput={(text) => dispatch({ type: 'contact', text })}
        />
      ) : null}
      <ProblemAlert problem={state.failed ? t.checkin.saveFailed : ''} />
      <div class="checkin-nav">
        <BackButton step={state.step} promptCount={promptCount} dispatch={dispatch} />
        <button type="button" class="button button--start" disabled={state.saving} onClick={onSave}>
          {t.checkin.saveAnswers}
        </button>
      </div>
    </Step>
  );
}
