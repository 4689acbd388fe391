import type { ComponentChildren } from 'preact';
import { CHOICES, type Choice, type FaceCount, type PromptSnapshot, type Response } from '../../domain/checkin-model';
import { TEXT_ANSWER_MAX_LENGTH } from '../../domain/checkin';
import { useReadAloud } from '../../state/read-aloud';
import { Shell, TextArea, TextField } from '../components/fields';
import { t } from '../strings/all';
import './checkin.css';

/** How happy each face is, from -2 (very sad) to 2 (very happy). */
const MOODS: Record<FaceCount, readonly number[]> = { 3: [-1.5, 0, 1.5], 5: [-2, -1, 0, 1, 2] };

/** A face drawn inline, so it needs no emoji font and no file from anywhere. */
export function Face({ mood }: { mood: number }) {
  const curve = 26 + mood * 4;
  return (
    <svg class="face" viewBox="0 0 40 40" width="56" height="56" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="18" fill="#ffdd00" stroke="#0b0c0c" stroke-width="2" />
      <circle cx="14" cy="16" r="2.2" fill="#0b0c0c" />
      <circle cx="26" cy="16" r="2.2" fill="#0b0c0c" />
      <path d={`M 12 ${26 - mood} Q 20 ${curve} 28 ${26 - mood}`} fill="none" stroke="#0b0c0c" stroke-width="2.4" stroke-linecap="round" />
    </svg>
  );
}

function ChoiceMark({ choice }: { choice: Choice }) {
  const path = choice === 'yes' ? 'M 10 21 L 17 28 L 30 13' : choice === 'no' ? 'M 12 12 L 28 28 M 28 12 L 12 28' : '';
  return (
    <svg class="face" viewBox="0 0 40 40" width="56" height="56" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="18" fill="#f3f2f1" stroke="#0b0c0c" stroke-width="2" />
      {path ? (
        <path d={path} fill="none" stroke="#0b0c0c" stroke-width="3.5" stroke-linecap="round" />
      ) : (
        <text x="20" y="28" text-anchor="middle" font-size="24" font-weight="700" fill="#0b0c0c">
          ?
        </text>
      )}
    </svg>
  );
}

export function faceLabels(count: FaceCount): readonly string[] {
  return count === 5 ? t.checkin.faces5 : t.checkin.faces3;
}

export function faceMood(count: FaceCount, value: number): number {
  return MOODS[count][value - 1] ?? 0;
}

/** Large radio tiles: a picture (hidden from screen readers) and a word for each answer. */
function Tiles(props: { name: string; label: string; value: string; choices: { value: string; label: string; picture?: ComponentChildren }[]; onChange: (v: string) => void }) {
  return (
    <div role="radiogroup" aria-label={props.label} class="answer-tiles">
      {props.choices.map((choice) => (
        <label key={choice.value} class="answer-tile">
          <input type="radio" name={props.name} value={choice.value} checked={props.value === choice.value} onChange={() => props.onChange(choice.value)} />
          {choice.picture ? (
            <span class="answer-tile__picture">{choice.picture}</span>
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
          choices={CHOICES.map((c) => ({ value: c, label: t.checkin.choices[c], picture: <ChoiceMark choice={c} /> }))}
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
      {none ? t.checkin.noVoice : state === 'speaking' ? t.checkin.reading : t.checkin.readToMe}
    </button>
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

export function Step({ children }: { children: ComponentChildren }) {
  return <div class="checkin-step">{children}</div>;
}
