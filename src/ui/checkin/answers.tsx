import type { ComponentChildren } from 'preact';
import { CHOICES_SHOWN, type Choice, type FaceCount, type PromptSnapshot, type Response } from '../../domain/checkin-model';
import { TEXT_ANSWER_MAX_LENGTH } from '../../domain/checkin';
import { Shell, TextArea } from '../components/fields';
import { t } from '../strings/all';
import { ChosenTick, ChoiceMark, Face, faceMood } from './pictures';
import { WordsField, type WordsProps } from './WordsField';
import './checkin.css';

export function faceLabels(count: FaceCount): readonly string[] {
  return count === 5 ? t.checkin.faces5 : t.checkin.faces3;
}

/**
 * Large radio tiles in one row: a picture (hidden from screen readers) and a
 * word for each answer. Native radios, so "checked" is said by a screen reader
 * and the arrow keys move between them; the chosen one gets a thick border and a tick.
 */
export function Tiles(props: {
  name: string;
  label: string;
  describedBy?: string;
  value: string;
  choices: { value: string; label: string; id?: string; picture: ComponentChildren }[];
  onChange: (v: string) => void;
}) {
  return (
    <div role="radiogroup" aria-label={props.label} aria-describedby={props.describedBy} class={`answer-tiles answer-tiles--${props.choices.length}`}>
      {props.choices.map((choice) => (
        <label key={choice.value} class="answer-tile">
          <input id={choice.id} type="radio" name={props.name} value={choice.value} checked={props.value === choice.value} onChange={() => props.onChange(choice.value)} />
          {props.value === choice.value ? <ChosenTick /> : null}
          <span class="answer-tile__picture">{choice.picture}</span>
          <span class="answer-tile__label">{choice.label}</span>
        </label>
      ))}
    </div>
  );
}

/** The answer control for one question, labelled by the question's heading. */
export function AnswerControl(props: {
  prompt: PromptSnapshot;
  label: string;
  response: Response | undefined;
  onChange: (r: Response) => void;
  /** For a yes that asks which words: the word being typed and what to do with it. */
  words: Omit<WordsProps, 'id' | 'words'>;
}) {
  const { prompt, label, response, onChange } = props;
  if (prompt.kind === 'faces') {
    const of = prompt.faces ?? 3;
    const labels = faceLabels(of);
    return (
      <Tiles
        name={`answer-${prompt.id}`}
        label={label}
        value={response?.kind === 'faces' ? String(response.value) : ''}
        choices={labels.map((label, i) => ({ value: String(i + 1), label, picture: <Face mood={faceMood(of, i + 1)} /> }))}
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
          choices={CHOICES_SHOWN.map((c) => ({ value: c, label: t.checkin.choices[c], picture: <ChoiceMark choice={c} /> }))}
          onChange={(v) => onChange({ kind: 'choice', value: v as Choice, ...(current?.words ? { words: current.words } : {}) })}
        />
        {prompt.asksForWords && current?.value === 'yes' ? (
          <WordsField id={`words-${prompt.id}`} words={current.words ?? ''} {...props.words} />
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


/** A PIN box: digits only on a number pad, never remembered by the browser. */
export function PinField(props: { id: string; label: string; hint?: string; error?: string | undefined; value: string; disabled?: boolean; onInput: (v: string) => void }) {
  const { id, hint, error, value, disabled, onInput } = props;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Shell {...props}>
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
    </Shell>
  );
}

/** One check-in screen: what "Read it to me" reads is what is inside it. */
export function Step({ children }: { children: ComponentChildren }) {
  return (
    <div class="checkin-step" data-read-aloud-root>
      {children}
    </div>
  );
}
