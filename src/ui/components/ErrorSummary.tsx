import { useEffect, useRef } from 'preact/hooks';
import { t } from '../strings';

export interface FieldError {
  fieldId: string;
  message: string;
}

/** A form's errors as it shows them: none until it is first sent, then all in the summary and each under its field. */
export function shownErrors(errors: readonly FieldError[], submitted: boolean) {
  const shown = submitted ? errors : [];
  return { shown, errorFor: (fieldId: string) => shown.find((e) => e.fieldId === fieldId)?.message };
}

/** GOV.UK-style summary: takes focus when shown, and links to each field that needs fixing. */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.fieldId + e.message).join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t.errors.summaryTitle}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => {
                // Hash links would change the route; move focus to the field instead.
                event.preventDefault();
                document.getElementById(error.fieldId)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
