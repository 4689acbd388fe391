import { useState } from 'preact/hooks';
import { DEFAULT_PROMPTS, PROMPT_LIBRARY, PROMPT_MAX_LENGTH, type LibraryEntry } from '../../domain/checkin';
import type { CheckInPrompt } from '../../domain/checkin-model';
import { checkRequiredText, type CheckedText } from '../../domain/text-rules';
import { newPrompt, savePrompts } from '../../state/checkin-actions';
import { SelectField, TextField } from '../components/fields';
import { t } from '../strings/all';
import { textProblemWords } from '../text-problems';

const OWN_KINDS: Record<string, LibraryEntry> = {
  'faces-3': { key: '', kind: 'faces', faces: 3 },
  'faces-5': { key: '', kind: 'faces', faces: 5 },
  choice: { key: '', kind: 'choice' },
  text: { key: '', kind: 'text' },
};

function kindLabel(prompt: Pick<CheckInPrompt, 'kind' | 'faces' | 'asksForWords'>): string {
  const base = t.checkin.promptKinds[prompt.kind];
  if (prompt.kind === 'faces') return `${base}, ${t.checkin.facesOf(prompt.faces ?? 3)}`;
  return prompt.asksForWords ? `${base}; ${t.checkin.asksForWords}` : base;
}

/** Why a question in the group's own words cannot be asked; undefined when it can. */
const questionError = (checked: CheckedText) => textProblemWords(checked, t.checkin.enterQuestion, t.checkin.questionTooLong(PROMPT_MAX_LENGTH));

/** The group's own words for a question; answers already given keep the words they were asked in. */
function Reword({ prompt, onSave }: { prompt: CheckInPrompt; onSave: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(prompt.text);
  const [error, setError] = useState<string | undefined>();
  if (!open) {
    return (
      <button type="button" class="button button--secondary button--small" aria-label={t.checkin.rewordNamed(prompt.text)} onClick={() => setOpen(true)}>
        {t.checkin.reword}
      </button>
    );
  }
  const fieldId = `reword-${prompt.id}`;
  return (
    <form
      class="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkRequiredText(text, PROMPT_MAX_LENGTH);
        const problem = questionError(checked);
        if (problem) {
          setError(problem);
          document.getElementById(fieldId)?.focus();
          return;
        }
        onSave(checked.value);
        setOpen(false);
      }}
    >
      <TextField id={fieldId} label={t.checkin.rewordLabel(prompt.text)} value={text} error={error} maxLength={PROMPT_MAX_LENGTH} onInput={setText} />
      <div class="actions">
        <button type="submit" class="button button--small">
          {t.checkin.saveQuestion}
        </button>
        <button type="button" class="button button--secondary button--small" onClick={() => setOpen(false)}>
          {t.checkin.cancelReword}
        </button>
      </div>
    </form>
  );
}

/**
 * A modest editor for the group's questions: reword, remove, move up, add
 * from the library or in the group's own words. The first change stores the defaults.
 */
export function PromptEditor({ groupId, stored }: { groupId: string; stored: readonly CheckInPrompt[] }) {
  const [own, setOwn] = useState('');
  const [ownKind, setOwnKind] = useState('choice');
  const [error, setError] = useState<string | undefined>();
  const current: CheckInPrompt[] =
    stored.length > 0
      ? [...stored]
      : DEFAULT_PROMPTS.map((entry, i) => newPrompt(groupId, entry, t.checkin.libraryText[entry.key] ?? entry.key, i));
  const inUse = new Set(current.map((p) => p.libraryKey));
  const write = (next: CheckInPrompt[]) => void savePrompts(groupId, next);

  return (
    <div>
      <p class="field__hint">{t.checkin.promptsHint}</p>
      <ol class="prompt-list">
        {current.map((prompt, i) => (
          <li key={prompt.id} class="list-row">
            <span class="list-row__title">{prompt.text}</span>
            <span class="list-row__meta">{kindLabel(prompt)}</span>
            <div class="actions actions--row">
              <Reword key={prompt.text} prompt={prompt} onSave={(text) => write(current.map((p) => (p.id === prompt.id ? { ...p, text } : p)))} />
              {i > 0 ? (
                <button
                  type="button"
                  class="button button--secondary button--small"
                  aria-label={t.checkin.moveUpNamed(prompt.text)}
                  onClick={() => write([...current.slice(0, i - 1), prompt, current[i - 1]!, ...current.slice(i + 1)])}
                >
                  {t.checkin.moveUp}
                </button>
              ) : null}
              <button
                type="button"
                class="button button--secondary button--small"
                aria-label={t.checkin.removeNamed(prompt.text)}
                onClick={() => write(current.filter((p) => p.id !== prompt.id))}
              >
                {t.checkin.remove}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <h4>{t.checkin.library}</h4>
      <ul class="list">
        {PROMPT_LIBRARY.filter((entry) => !inUse.has(entry.key)).map((entry) => {
          const text = t.checkin.libraryText[entry.key] ?? entry.key;
          return (
            <li key={entry.key} class="list-row">
              <span class="list-row__title">{text}</span>
              <button
                type="button"
                class="button button--secondary button--small"
                aria-label={t.checkin.addNamed(text)}
                onClick={() => write([...current, newPrompt(groupId, entry, text, current.length)])}
              >
                {t.checkin.add}
              </button>
            </li>
          );
        })}
      </ul>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const checked = checkRequiredText(own, PROMPT_MAX_LENGTH);
          const problem = questionError(checked);
          if (problem) {
            setError(problem);
            return;
          }
          setError(undefined);
          setOwn('');
          write([...current, newPrompt(groupId, OWN_KINDS[ownKind]!, checked.value, current.length, true)]);
        }}
      >
        <div class="field-row">
          <TextField id="own-question" label={t.checkin.ownQuestion} value={own} error={error} maxLength={PROMPT_MAX_LENGTH} onInput={setOwn} />
          <SelectField
            id="own-kind"
            label={t.checkin.ownKind}
            value={ownKind}
            onChange={setOwnKind}
            choices={Object.entries(OWN_KINDS).map(([value, entry]) => ({ value, label: kindLabel(entry) }))}
          />
        </div>
        <button type="submit" class="button button--secondary">
          {t.checkin.addOwn}
        </button>
      </form>
    </div>
  );
}
