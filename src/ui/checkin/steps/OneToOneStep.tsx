import { CONTACT_MAX_LENGTH } from '../../../domain/checkin';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../strings/all';
import { CHOICES_SHOWN } from '../../../domain/checkin-model';
import { Step, Tiles } from '../answers';
import { ChoiceMark } from '../pictures';
import { ReadAloudButton } from '../ReadAloud';
import type { FlowEvent, FlowState, OneToOneProblems } from '../participant-flow-state';
import { BackButton } from './BackButton';

function errorsOf(problems: OneToOneProblems): FieldError[] {
  const errors: FieldError[] = [];
  if (problems.contact === 'empty') errors.push({ fieldId: 'contact', message: t.checkin.contactEmpty });
  if (problems.contact === 'too-long') errors.push({ fieldId: 'contact', message: t.checkin.contactTooLong(CONTACT_MAX_LENGTH) });
  return errors;
}

const ONE_TO_ONE = CHOICES_SHOWN.filter((c): c is 'yes' | 'no' => c !== 'not-sure');

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
      <ReadAloudButton />
      <p class="lede" id="one-to-one-hint">
        {t.checkin.oneToOneHint}
      </p>
      <Tiles
        name="one-to-one"
        label={t.checkin.oneToOneTitle}
        describedBy="one-to-one-hint"
        value={wantsOneToOne}
        // The same order as every other answer: no on the left, yes on the right.
        choices={ONE_TO_ONE.map((value) => ({
          value,
          id: `one-to-one-${value}`,
          label: value === 'yes' ? t.checkin.oneToOneYes : t.checkin.oneToOneNo,
          picture: <ChoiceMark choice={value} />,
        }))}
        onChange={(value) => dispatch({ type: 'one-to-one', wants: value as 'yes' | 'no', personName })}
      />
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
