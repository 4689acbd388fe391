import type { CheckedText } from '../domain/text-rules';
import { t } from './strings';

/** The message for a checked text field, or undefined when it is fine. */
export function textError(checked: CheckedText, label: string, max: number, emptyMessage?: string): string | undefined {
  if (checked.problem === 'empty') return emptyMessage ?? t.fields.empty(label);
  if (checked.problem === 'too-long') return t.fields.tooLong(label, max);
  return undefined;
}
