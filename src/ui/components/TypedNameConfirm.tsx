import { useState } from 'preact/hooks';
import { typedNameMatches } from '../../domain/privacy-rules';
import type { SaveResult } from '../../state/save-status';
import { t } from '../strings/all';
import { ErrorSummary } from './ErrorSummary';
import { TextField } from './fields';
import { ruleWords } from '../rule-words';

export interface TypedNameWords {
  label: string;
  hint: (name: string) => string;
  empty: string;
  mismatch: (name: string) => string;
  submit: string;
  cancel: string;
}

/**
 * The last step before deleting something that cannot come back: the chair
 * types its name. The database checks the name again, so a name that does not
 * match deletes nothing whatever the screen does.
 */
export function TypedNameConfirm({
  id,
  name,
  words,
  cancelHref,
  onCancel,
  onConfirm,
}: {
  id: string;
  name: string;
  words: TypedNameWords;
  /** Where Cancel leads; or, where the address must not change (a locked screen), what it does. */
  cancelHref?: string;
  onCancel?: () => void;
  onConfirm: (typed: string) => Promise<SaveResult<unknown>>;
}) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!typed.trim()) return setError(words.empty);
    if (!typedNameMatches(typed, name)) return setError(words.mismatch(name));
    setError('');
    const result = await onConfirm(typed);
    if (result.ok) return;
    setError(result.rule ? ruleWords(result.rule, { 'name-mismatch': words.mismatch(name), 'meeting-in-progress': t.privacy.problems['meeting-in-progress'] }) : t.privacy.problems.other);
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <p>
        <strong>{t.privacy.cannotUndo}</strong>
      </p>
      <ErrorSummary errors={error ? [{ fieldId: id, message: error }] : []} />
      <TextField id={id} label={words.label} hint={words.hint(name)} value={typed} error={error || undefined} onInput={setTyped} />
      <div class="actions">
        <button type="submit" class="button button--warning">
          {words.submit}
        </button>
        {onCancel ? (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {words.cancel}
          </button>
        ) : (
          <a class="button button--secondary" href={cancelHref}>
            {words.cancel}
          </a>
        )}
      </div>
    </form>
  );
}
