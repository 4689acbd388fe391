import type { CheckedText } from '../domain/text-rules';
import { t } from './strings';

/** The message for a checked text, in the words the caller gives for each problem; undefined when it is fine. */
export function textProblemWords(checked: CheckedText, empty: string, tooLong: string): string | undefined {
  if (checked.problem === 'empty') return empty;
  if (checked.problem === 'too-long') return tooLong;
  return undefined;
}

/** The message for a checked text field, or undefined when it is fine. */
export function textError(checked: CheckedText, label: string, max: number, emptyMessage?: string): string | undefined {
  return textProblemWords(checked, emptyMessage ?? t.fields.empty(label), t.fields.tooLong(label, max));
}
