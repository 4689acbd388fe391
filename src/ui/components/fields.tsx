import type { ComponentChildren } from 'preact';
import { t } from '../strings';

interface FieldShell {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  /** For a field whose purpose the row around it already shows; screen readers still hear the label. */
  labelHidden?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function Shell({ id, label, hint, error, optional, labelHidden, children }: FieldShell & { children: ComponentChildren }) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id} class={labelHidden ? 'visually-hidden' : 'field__label'}>
        {label}
        {optional ? <span class="field__optional"> {t.fields.optional}</span> : null}
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
      {children}
    </div>
  );
}

export function TextField(
  props: FieldShell & {
    value: string;
    onInput: (value: string) => void;
    type?: 'text' | 'date' | 'time' | 'number' | 'url' | 'password';
    maxLength?: number;
    autoComplete?: string;
    /** Off for codes and addresses, where a red underline would only distract. */
    spellCheck?: boolean;
    width?: 'short';
  },
) {
  const { id, value, onInput, type = 'text', maxLength, hint, error, autoComplete = 'off', spellCheck, width } = props;
  return (
    <Shell {...props}>
      <input
        id={id}
        name={id}
        class={width === 'short' ? 'field__input field__input--short' : 'field__input'}
        // Preact's typings split date/time inputs from text ones; all of them take a string value.
        type={type as 'text'}
        inputMode={type === 'number' ? 'numeric' : undefined}
        value={value}
        // Leave room past the limit so a long paste is cut by the rule, with a message, not silently.
        maxLength={maxLength ? maxLength * 2 : undefined}
        autoComplete={autoComplete}
        spellcheck={spellCheck}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
      />
    </Shell>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField(
  props: FieldShell & { value: string; choices: readonly Choice[]; onChange: (value: string) => void },
) {
  const { id, value, choices, onChange, hint, error } = props;
  return (
    <Shell {...props}>
      <select
        id={id}
        name={id}
        class="field__select"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function TextArea(
  props: FieldShell & { value: string; onInput: (value: string) => void; onBlur?: () => void; rows?: number; maxLength?: number },
) {
  const { id, value, onInput, onBlur, rows = 4, maxLength, hint, error } = props;
  return (
    <Shell {...props}>
      <textarea
        id={id}
        name={id}
        class="field__textarea"
        rows={rows}
        value={value}
        // Room past the limit, so a long paste gets a message rather than being cut silently.
        maxLength={maxLength ? maxLength * 2 : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
        onBlur={onBlur}
      />
    </Shell>
  );
}

/** A GOV.UK-style set of radio buttons: one question, its legend, large targets. */
export function Radios(props: {
  name: string;
  legend: string;
  hint?: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}) {
  const { name, legend, hint, value, choices, onChange } = props;
  return (
    <fieldset class="fieldset" aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend class="fieldset__legend">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} class="field__hint">
          {hint}
        </p>
      ) : null}
      <div class="radios">
        {choices.map((choice) => (
          <label key={choice.value} class="checkbox">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
