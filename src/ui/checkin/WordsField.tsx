import { splitWords, WORD_MAX_LENGTH, WORDS_MAX, type WordProblem } from '../../domain/checkin';
import { Shell } from '../components/fields';
import { t } from '../strings/all';

export interface WordsProps {
  id: string;
  /** The words added so far, as stored: ", " between them. */
  words: string;
  typing: string;
  problem: WordProblem | null;
  onTyping: (text: string) => void;
  onAdd: () => void;
  onRemove: (word: string) => void;
}

function problemWords(problem: WordProblem | null): string | undefined {
  if (problem === 'empty') return t.checkin.wordEmpty;
  if (problem === 'too-long') return t.checkin.wordTooLong(WORD_MAX_LENGTH);
  if (problem === 'too-many') return t.checkin.wordsTooMany(WORDS_MAX);
  return undefined;
}

/**
 * Words added one at a time: a box and an "Add" button (or Enter), each word
 * then shown in a list with its own remove button. Nobody has to know to put
 * commas between words.
 */
export function WordsField({ id, words, typing, problem, onTyping, onAdd, onRemove }: WordsProps) {
  const added = splitWords(words);
  const error = problemWords(problem);
  return (
    <>
      <Shell id={id} label={t.checkin.whichWords} hint={t.checkin.whichWordsHint} error={error}>
        <div class="word-add">
          <input
            id={id}
            class="field__input"
            type="text"
            value={typing}
            maxLength={WORD_MAX_LENGTH * 2}
            autoComplete="off"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
            onInput={(event) => onTyping((event.currentTarget as HTMLInputElement).value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                onAdd();
              }
            }}
          />
          <button type="button" class="button" onClick={onAdd}>
            {t.checkin.addWord}
          </button>
        </div>
      </Shell>
      {added.length > 0 ? (
        <section class="word-list" aria-labelledby={`${id}-added`}>
          <h2 id={`${id}-added`} class="word-list__title">
            {t.checkin.wordsAdded}
          </h2>
          <ul class="word-chips">
            {added.map((word) => (
              <li key={word} class="word-chip">
                <span>{word}</span>
                <button type="button" class="word-chip__remove" aria-label={t.checkin.removeWord(word)} onClick={() => onRemove(word)}>
                  <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
                    <path d="M 5 5 L 15 15 M 15 5 L 5 15" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
                  </svg>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
