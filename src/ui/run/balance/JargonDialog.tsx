import { useRef, useState } from 'preact/hooks';
import type { GlossaryTerm } from '../../../domain/balance-model';
import type { Id } from '../../../domain/model';
import { checkRequiredText, NAME_MAX_LENGTH } from '../../../domain/text-rules';
import { explainTerm, flagJargon } from '../../../state/balance-actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { t } from '../../strings/all';
import type { Participant } from './people';
import { useSubmit } from '../../use-submit';

function Explain({ term }: { term: GlossaryTerm }) {
  const [text, setText] = useState(term.explanation);
  return (
    <li class="glossary__term">
      <p class="glossary__word">
        <strong>{term.term}</strong> — {term.explanation ? t.balance.explained : t.balance.toExplain}
      </p>
      <TextArea id={`explain-${term.id}`} label={t.balance.explanation(term.term)} rows={2} maxLength={500} value={text} onInput={setText} />
      <button
        type="button"
        class="button button--secondary button--small"
        aria-label={t.balance.saveExplanationNamed(term.term)}
        onClick={() => void explainTerm(term, checkRequiredText(text, 1000).value)}
      >
        {t.balance.saveExplanation}
      </button>
    </li>
  );
}

/** Anyone can flag a word; it lands in the group's glossary to be explained in plain words. */
export function JargonDialog({ groupId, meetingId, glossary, here }: { groupId: Id; meetingId: Id; glossary: GlossaryTerm[]; here: Participant[] }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [term, setTerm] = useState('');
  const [askedBy, setAskedBy] = useState('');
  const checked = checkRequiredText(term, NAME_MAX_LENGTH);
  const form = useSubmit(
    async () => {
      if ((await flagJargon(groupId, meetingId, checked.value, askedBy || null)).ok) {
        setTerm('');
        setAskedBy('');
        form.reset();
      }
    },
    () => checked.problem !== null,
  );
  const error = form.submitted && checked.problem ? (checked.problem === 'empty' ? t.balance.termEmpty : t.balance.termTooLong) : undefined;
  const sorted = [...glossary].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <>
      <button type="button" class="button button--secondary" onClick={() => ref.current?.showModal()}>
        {t.balance.jargon}
      </button>
      <dialog ref={ref} class="rules-dialog" aria-labelledby="jargon-title">
        <h2 id="jargon-title">{t.balance.jargonTitle}</h2>
        <p class="field__hint">{t.balance.jargonHint}</p>
        <form
          noValidate
          onSubmit={form.onSubmit}
        >
          <ErrorSummary errors={error ? [{ fieldId: 'jargon-term', message: error }] : []} />
          <TextField id="jargon-term" label={t.balance.term} value={term} maxLength={NAME_MAX_LENGTH} error={error} onInput={setTerm} />
          <SelectField
            id="jargon-asked-by"
            label={t.balance.askedBy}
            optional
            value={askedBy}
            choices={[{ value: '', label: t.balance.askedByNobody }, ...here.map((p) => ({ value: p.person.id, label: p.person.name }))]}
            onChange={setAskedBy}
          />
          <button type="submit" class="button">
            {t.balance.addTerm}
          </button>
        </form>
        <h3>{t.balance.glossaryTitle}</h3>
        {sorted.length === 0 ? (
          <p class="empty">{t.balance.glossaryEmpty}</p>
        ) : (
          <ul class="glossary">
            {sorted.map((entry) => (
              <Explain key={entry.id} term={entry} />
            ))}
          </ul>
        )}
        <button type="button" class="button" onClick={() => ref.current?.close()}>
          {t.balance.close}
        </button>
      </dialog>
    </>
  );
}
