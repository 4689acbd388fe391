import type { ComponentChildren } from 'preact';
import { ProblemAlert } from '../components/ProblemAlert';
import { t } from '../strings/all';

/** The frame every record form shares: its fields, the save problem if any, then save and cancel. */
export function InlineForm(props: {
  labelledBy?: string;
  submitLabel: string;
  danger?: boolean;
  problem: string;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  return (
    <form
      class="record-panel__form"
      aria-labelledby={props.labelledBy}
      noValidate
      onSubmit={props.onSubmit}
    >
      {props.children}
      <ProblemAlert problem={props.problem} />
      <div class="actions">
        <button type="submit" class={props.danger ? 'button button--warning' : 'button'}>
          {props.submitLabel}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onCancel}>
          {t.record.cancel}
        </button>
      </div>
    </form>
  );
}
