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

function Shell({ id, label, hint, error, optional, labelHidden, children }: FieldShell & { children: ComponentChildren }) {
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
    type?: 'text' | 'date' | 'time';
    maxLength?: number;
    autoComplete?: string;
  },
) {
  const { id, value, onInput, type = 'text', maxLength, hint, error, autoComplete = 'off' } = props;
  return (
    <Shell {...props}>
      <input
        id={id}
        name={id}
        class="field__input"
        // Preact's typings split date/time inputs from text ones; all three take a string value.
        type={type as 'text'}
        value={value}
        // Leave room past the limit so a long paste is cut by the rule, with a message, not silently.
        maxLength={maxLength ? maxLength * 2 : undefined}
        autoComplete={autoComplete}
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
