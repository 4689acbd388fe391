import type { ComponentChildren } from 'preact';
import { CHOICES, type Choice, type FaceCount, type PromptSnapshot, type Response } from '../../domain/checkin-model';
import { TEXT_ANSWER_MAX_LENGTH } from '../../domain/checkin';
import { useReadAloud } from '../../state/read-aloud';
import { TextArea, TextField } from '../components/fields';
import { t } from '../strings';
import './checkin.css';

const FACES: Record<FaceCount, readonly string[]> = {
  3: ['🙁', '😐', '🙂'],
  5: ['😞', '🙁', '😐', '🙂', '😄'],
};

export function faceLabels(count: FaceCount): readonly string[] {
  return count === 5 ? t.checkin.faces5 : t.checkin.faces3;
}

export function faceEmoji(count: FaceCount, value: number): string {
  return FACES[count][value - 1] ?? '';
}

/** Large radio tiles: a picture (hidden from screen readers) and a word for each answer. */
function Tiles(props: { name: string; label: string; value: string; choices: { value: string; label: string; picture?: string }[]; onChange: (v: string) => void }) {
  return (
    <div role="radiogroup" aria-label={props.label} class="answer-tiles">
      {props.choices.map((choice) => (
        <label key={choice.value} class="answer-tile">
          <input type="radio" name={props.name} value={choice.value} checked={props.value === choice.value} onChange={() => props.onChange(choice.value)} />
          {choice.picture ? (
            <span class="answer-tile__picture" aria-hidden="true">
              {choice.picture}
            </span>
          ) : null}
          <span class="answer-tile__label">{choice.label}</span>
        </label>
      ))}
    </div>
  );
}

/** The answer control for one question, labelled by the question's heading. */
export function AnswerControl(props: { prompt: PromptSnapshot; label: string; response: Response | undefined; onChange: (r: Response) => void }) {
  const { prompt, label, response, onChange } = props;
  if (prompt.kind === 'faces') {
    const of = prompt.faces ?? 3;
    const labels = faceLabels(of);
    return (
      <Tiles
        name={`answer-${prompt.id}`}
        label={label}
        value={response?.kind === 'faces' ? String(response.value) : ''}
        choices={labels.map((label, i) => ({ value: String(i + 1), label, picture: faceEmoji(of, i + 1) }))}
        onChange={(v) => onChange({ kind: 'faces', value: Number(v), of })}
      />
    );
  }
  if (prompt.kind === 'choice') {
    const current = response?.kind === 'choice' ? response : undefined;
    return (
      <>
        <Tiles
          name={`answer-${prompt.id}`}
          label={label}
          value={current?.value ?? ''}
          choices={CHOICES.map((c) => ({ value: c, label: t.checkin.choices[c], picture: CHOICE_PICTURES[c] }))}
          onChange={(v) => onChange({ kind: 'choice', value: v as Choice, ...(current?.words ? { words: current.words } : {}) })}
        />
        {prompt.asksForWords && current?.value === 'yes' ? (
          <TextField
            id={`words-${prompt.id}`}
            label={t.checkin.whichWords}
            hint={t.checkin.whichWordsHint}
            value={current.words ?? ''}
            maxLength={TEXT_ANSWER_MAX_LENGTH}
            onInput={(words) => onChange({ kind: 'choice', value: 'yes', words })}
          />
        ) : null}
      </>
    );
  }
  return (
    <TextArea
      id={`answer-${prompt.id}`}
      label={t.checkin.yourAnswer}
      value={response?.kind === 'text' ? response.value : ''}
      rows={4}
      maxLength={TEXT_ANSWER_MAX_LENGTH}
      onInput={(value) => onChange({ kind: 'text', value })}
    />
  );
}

const CHOICE_PICTURES: Record<Choice, string> = { yes: '👍', 'not-sure': '🤔', no: '👎' };

/** What "Read it to me" says: the question and the answers to choose from. */
export function spokenPrompt(prompt: PromptSnapshot): string {
  if (prompt.kind === 'faces') return `${prompt.text} ${faceLabels(prompt.faces ?? 3).join('. ')}.`;
  if (prompt.kind === 'choice') return `${prompt.text} ${CHOICES.map((c) => t.checkin.choices[c]).join('. ')}.`;
  return prompt.text;
}

/** Says when the device cannot read aloud, rather than doing nothing. */
export function ReadAloudButton({ text }: { text: string }) {
  const { state, read } = useReadAloud();
  const none = state === 'no-voice';
  return (
    <button
      type="button"
      class="button button--secondary read-aloud"
      aria-disabled={none ? 'true' : undefined}
      onClick={() => !none && read(text)}
    >
      <span aria-hidden="true">🔊 </span>
      {none ? t.checkin.noVoice : state === 'speaking' ? t.checkin.reading : t.checkin.readToMe}
    </button>
  );
}

/** A PIN box: digits only on a number pad, never remembered by the browser. */
export function PinField(props: { id: string; label: string; hint?: string; error?: string | undefined; value: string; disabled?: boolean; onInput: (v: string) => void }) {
  const { id, label, hint, error, value, disabled, onInput } = props;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id} class="field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="field__error">
          <span class="visually-hidden">{t.errors.prefix} </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        class="field__input field__input--short pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={value}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}

export function Step({ children }: { children: ComponentChildren }) {
  return <div class="checkin-step">{children}</div>;
}
