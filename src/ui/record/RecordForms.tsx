import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isoDay } from '../../domain/dates';
import { formatIsoDay } from '../dates';
import type { Id, Person } from '../../domain/model';
import { DECISION_METHOD_KINDS, type DecisionMethod, type DecisionMethodKind, type DissentEntry } from '../../domain/record-model';
import {
  ACTION_TEXT_MAX_LENGTH,
  checkDue,
  DECIDER_MAX_LENGTH,
  DECISION_TEXT_MAX_LENGTH,
  DISSENT_WORDS_MAX_LENGTH,
  isPastDue,
  ORGANISATION_MAX_LENGTH,
  parseCount,
  votesExceedPresent,
} from '../../domain/record';
import { checkRequiredText } from '../../domain/text-rules';
import { now } from '../../state/clock';
import { addActionNow, parkDissentNow, recordDecision, type RecordPlace } from '../../state/record-actions';
import { ErrorSummary, shownErrors, type FieldError } from '../components/ErrorSummary';
import { Radios, SelectField, TextArea, TextField } from '../components/fields';
import { t } from '../strings/all';
import { InlineForm } from './InlineForm';
import { short } from './record-words';
import { useRecordSubmit } from './use-record-submit';
import { textProblemWords } from '../text-problems';


/** A form's frame: heading, where it is recorded, and the error summary, inside the shared InlineForm. */
function RecordForm(props: {
  id: string;
  title: string;
  where: string;
  errors: readonly FieldError[];
  problem: string;
  submitLabel: string;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Straight to the first field, so parking dissent is two taps and some typing.
    const first = heading.current?.parentElement?.querySelector<HTMLElement>('textarea, input, select');
    first?.focus();
  }, []);
  return (
    <InlineForm labelledBy={`${props.id}-title`} submitLabel={props.submitLabel} problem={props.problem} onSubmit={props.onSubmit} onCancel={props.onCancel}>
      <h3 id={`${props.id}-title`} ref={heading}>
        {props.title}
      </h3>
      <p class="field__hint">{props.where}</p>
      <ErrorSummary errors={props.errors} />
      {props.children}
    </InlineForm>
  );
}

interface FormProps {
  place: RecordPlace;
  where: string;
  people: readonly Person[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

const ANONYMOUS = '';

export function DissentForm({ place, where, people, onDone, onCancel }: FormProps) {
  const [words, setWords] = useState('');
  const [raisedBy, setRaisedBy] = useState(ANONYMOUS);
  const checked = checkRequiredText(words, DISSENT_WORDS_MAX_LENGTH);
  const error = textProblemWords(checked, t.record.wordsEmpty, t.record.wordsLong(DISSENT_WORDS_MAX_LENGTH));
  const { submitted, problem, onSubmit } = useRecordSubmit(
    () => parkDissentNow(place, raisedBy === ANONYMOUS ? null : raisedBy, checked.value),
    () => Boolean(error),
    () => onDone(t.record.parked),
  );
  const errors = submitted && error ? [{ fieldId: 'dissent-words', message: error }] : [];
  return (
    <RecordForm
      id="dissent-form"
      title={t.record.dissentTitle}
      where={where}
      errors={errors}
      problem={problem}
      submitLabel={t.record.park}
      onCancel={onCancel}
      onSubmit={onSubmit}
    >
      <TextArea
        id="dissent-words"
        label={t.record.words}
        hint={t.record.wordsHint(DISSENT_WORDS_MAX_LENGTH)}
        value={words}
        rows={4}
        maxLength={DISSENT_WORDS_MAX_LENGTH}
        error={submitted ? error : undefined}
        onInput={setWords}
      />
      <SelectField
        id="dissent-raised-by"
        label={t.record.raisedBy}
        hint={t.record.anonymousHint}
        value={raisedBy}
        choices={[{ value: ANONYMOUS, label: t.record.anonymous }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        onChange={setRaisedBy}
      />
    </RecordForm>
  );
}

const COUNT_FIELDS = [
  ['for', 'vote-for', t.record.votesFor],
  ['against', 'vote-against', t.record.votesAgainst],
  ['abstain', 'vote-abstain', t.record.votesAbstain],
] as const;

type Counts = { for: string; against: string; abstain: string };

/** A vote's three counts; more votes than people here asks the chair to say the count is right (proxy votes). */
function VoteCounts({
  counts,
  onCounts,
  errorFor,
  tooMany,
  countChecked,
  onCountChecked,
}: {
  counts: Counts;
  onCounts: (counts: Counts) => void;
  errorFor: (fieldId: string) => string | undefined;
  tooMany: { votes: number; present: number } | null;
  countChecked: boolean;
  onCountChecked: (checked: boolean) => void;
}) {
  return (
    <>
      <div class="vote-counts">
        {COUNT_FIELDS.map(([key, id, label]) => (
          <TextField
            key={id}
            id={id}
            type="number"
            width="short"
            label={label}
            value={counts[key]}
            error={errorFor(id)}
            onInput={(value) => onCounts({ ...counts, [key]: value })}
          />
        ))}
      </div>
      {tooMany ? (
        <div class="warning" role="status">
          <p>{t.record.voteTooMany(tooMany.votes, tooMany.present)}</p>
          <label class="checkbox">
            <input
              id="vote-count-checked"
              type="checkbox"
              checked={countChecked}
              aria-invalid={errorFor('vote-count-checked') ? 'true' : undefined}
              onChange={(event) => onCountChecked((event.currentTarget as HTMLInputElement).checked)}
            />
            <span>{t.record.voteCountRight}</span>
          </label>
        </div>
      ) : null}
    </>
  );
}

/** The open dissent a decision may answer, to tick. */
function LinkDissent({ openDissent, linked, onChange }: { openDissent: readonly DissentEntry[]; linked: Id[]; onChange: (linked: Id[]) => void }) {
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{t.record.linkDissent}</legend>
      {openDissent.length === 0 ? (
        <p class="field__hint">{t.record.noDissentToLink}</p>
      ) : (
        <>
          <p class="field__hint">{t.record.linkDissentHint}</p>
          {openDissent.map((entry) => (
            <label key={entry.id} class="checkbox">
              <input
                type="checkbox"
                checked={linked.includes(entry.id)}
                onChange={(event) => {
                  const on = (event.currentTarget as HTMLInputElement).checked;
                  onChange(on ? [...linked, entry.id] : linked.filter((id) => id !== entry.id));
                }}
              />
              <span class="record-card__meta">“{short(entry.words, 120)}”</span>
            </label>
          ))}
        </>
      )}
    </fieldset>
  );
}

export function DecisionForm({
  place,
  where,
  openDissent,
  present,
  decidedElsewhereBy,
  onDone,
  onCancel,
}: Omit<FormProps, 'people'> & { openDissent: readonly DissentEntry[]; present: number; decidedElsewhereBy: string | null }) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<DecisionMethodKind>(decidedElsewhereBy ? 'elsewhere' : 'consensus');
  const [counts, setCounts] = useState({ for: '', against: '', abstain: '' });
  const [by, setBy] = useState(decidedElsewhereBy ?? '');
  const [linked, setLinked] = useState<Id[]>([]);
  const { submitted, problem, onSubmit } = useRecordSubmit(
    () => recordDecision(place, checkedText.value, how, linked),
    () => errors.length > 0,
    () => onDone(t.record.decisionSaved),
  );
  // More votes than people here: saved only once the chair has said the count is right (proxy votes).
  const [countChecked, setCountChecked] = useState(false);

  const checkedText = checkRequiredText(text, DECISION_TEXT_MAX_LENGTH);
  const checkedBy = checkRequiredText(by, DECIDER_MAX_LENGTH);
  const errors: FieldError[] = [];
  const textError = textProblemWords(checkedText, t.record.decisionEmpty, t.record.decisionLong(DECISION_TEXT_MAX_LENGTH));
  if (textError) errors.push({ fieldId: 'decision-text', message: textError });
  const parsed = { for: parseCount(counts.for), against: parseCount(counts.against), abstain: parseCount(counts.abstain) };
  if (kind === 'vote') {
    for (const [key, id, label] of COUNT_FIELDS) if (parsed[key] === null) errors.push({ fieldId: id, message: t.record.voteNotCount(label) });
  }
  if (kind === 'elsewhere') {
    const byError = textProblemWords(checkedBy, t.record.decidedByEmpty, t.record.decidedByLong(DECIDER_MAX_LENGTH));
    if (byError) errors.push({ fieldId: 'decision-by', message: byError });
  }

  const how: DecisionMethod =
    kind === 'vote'
      ? { kind, for: parsed.for ?? 0, against: parsed.against ?? 0, abstain: parsed.abstain ?? 0 }
      : kind === 'elsewhere'
        ? { kind, by: checkedBy.value }
        : { kind };
  const tooMany = votesExceedPresent(how, present);
  if (tooMany && !countChecked) errors.push({ fieldId: 'vote-count-checked', message: t.record.voteCheckFirst });
  const { shown, errorFor } = shownErrors(errors, submitted);

  return (
    <RecordForm
      id="decision-form"
      title={t.record.decisionTitle}
      where={where}
      errors={shown}
      problem={problem}
      submitLabel={t.record.saveDecision}
      onCancel={onCancel}
      onSubmit={onSubmit}
    >
      <TextArea
        id="decision-text"
        label={t.record.decisionText}
        hint={t.record.decisionHint(DECISION_TEXT_MAX_LENGTH)}
        value={text}
        rows={3}
        maxLength={DECISION_TEXT_MAX_LENGTH}
        error={errorFor('decision-text')}
        onInput={setText}
      />
      <Radios
        name="decision-how"
        legend={t.record.howReached}
        value={kind}
        choices={DECISION_METHOD_KINDS.map((k) => ({ value: k, label: t.record.methods[k] }))}
        onChange={(value) => setKind(value as DecisionMethodKind)}
      />
      {kind === 'vote' ? (
        <VoteCounts
          counts={counts}
          onCounts={setCounts}
          errorFor={errorFor}
          tooMany={tooMany ? { votes: how.kind === 'vote' ? how.for + how.against + how.abstain : 0, present } : null}
          countChecked={countChecked}
          onCountChecked={setCountChecked}
        />
      ) : null}
      {kind === 'elsewhere' ? (
        <TextField
          id="decision-by"
          label={t.record.decidedBy}
          hint={t.record.decidedByHint}
          value={by}
          maxLength={DECIDER_MAX_LENGTH}
          error={errorFor('decision-by')}
          onInput={setBy}
        />
      ) : null}
      <LinkDissent openDissent={openDissent} linked={linked} onChange={setLinked} />
    </RecordForm>
  );
}

export function ActionForm({ place, where, people, onDone, onCancel }: FormProps) {
  const [what, setWhat] = useState('');
  const [ownerKind, setOwnerKind] = useState<'person' | 'organisation'>('person');
  const [personId, setPersonId] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [due, setDue] = useState('');
  const { submitted, problem, onSubmit } = useRecordSubmit(
    () => {
      const owner = ownerKind === 'person' ? { kind: 'person' as const, personId } : { kind: 'organisation' as const, name: checkedOrg.value };
      return addActionNow(place, checkedWhat.value, owner, due.trim());
    },
    () => errors.length > 0,
    () => onDone(t.record.actionSaved),
  );

  const checkedWhat = checkRequiredText(what, ACTION_TEXT_MAX_LENGTH);
  const checkedOrg = checkRequiredText(organisation, ORGANISATION_MAX_LENGTH);
  const errors: FieldError[] = [];
  const whatError = textProblemWords(checkedWhat, t.record.whatEmpty, t.record.whatLong(ACTION_TEXT_MAX_LENGTH));
  if (whatError) errors.push({ fieldId: 'action-what', message: whatError });
  if (ownerKind === 'person' && !people.some((p) => p.id === personId)) errors.push({ fieldId: 'action-person', message: t.record.personEmpty });
  if (ownerKind === 'organisation') {
    const orgError = textProblemWords(checkedOrg, t.record.organisationEmpty, t.record.organisationLong(ORGANISATION_MAX_LENGTH));
    if (orgError) errors.push({ fieldId: 'action-organisation', message: orgError });
  }
  const dueProblem = checkDue(due);
  if (dueProblem) errors.push({ fieldId: 'action-due', message: dueProblem === 'due-missing' ? t.record.dueEmpty : t.record.dueInvalid });
  const { shown, errorFor } = shownErrors(errors, submitted);
  const past = !dueProblem && isPastDue(due.trim(), isoDay(now()));

  return (
    <RecordForm
      id="action-form"
      title={t.record.actionTitle}
      where={where}
      errors={shown}
      problem={problem}
      submitLabel={t.record.saveAction}
      onCancel={onCancel}
      onSubmit={onSubmit}
    >
      <TextArea
        id="action-what"
        label={t.record.what}
        hint={t.record.whatHint(ACTION_TEXT_MAX_LENGTH)}
        value={what}
        rows={2}
        maxLength={ACTION_TEXT_MAX_LENGTH}
        error={errorFor('action-what')}
        onInput={setWhat}
      />
      <Radios
        name="action-owner-kind"
        legend={t.record.ownerKind}
        value={ownerKind}
        choices={[
          { value: 'person', label: t.record.ownerPerson },
          { value: 'organisation', label: t.record.ownerOrganisation },
        ]}
        onChange={(value) => setOwnerKind(value as 'person' | 'organisation')}
      />
      {ownerKind === 'person' ? (
        <SelectField
          id="action-person"
          label={t.record.person}
          value={personId}
          error={errorFor('action-person')}
          choices={[{ value: '', label: t.record.choosePerson }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
          onChange={setPersonId}
        />
      ) : (
        <TextField
          id="action-organisation"
          label={t.record.organisation}
          hint={t.record.organisationHint}
          value={organisation}
          maxLength={ORGANISATION_MAX_LENGTH}
          error={errorFor('action-organisation')}
          onInput={setOrganisation}
        />
      )}
      <TextField id="action-due" type="date" label={t.record.due} hint={t.record.dueHint} value={due} error={errorFor('action-due')} onInput={setDue} />
      {past ? (
        <p class="warning" role="status">
          {t.record.duePast(formatIsoDay(due.trim()))}
        </p>
      ) : null}
    </RecordForm>
  );
}
