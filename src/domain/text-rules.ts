/** Rules for the short texts people type: names, titles, venues. */

export const NAME_MAX_LENGTH = 80;
export const TITLE_MAX_LENGTH = 120;
export const VENUE_MAX_LENGTH = 120;

export type TextProblem = 'empty' | 'too-long';

export interface CheckedText {
  value: string;
  problem: TextProblem | null;
}

/**
 * Trims and folds runs of white space, so "  Ann   Lee " and "Ann Lee" are one name,
 * and composes accents (NFC), so "Seán" typed as a + combining accent is the same text.
 */
export function tidyText(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function checkRequiredText(raw: string, maxLength: number): CheckedText {
  const value = tidyText(raw);
  if (value === '') return { value, problem: 'empty' };
  if (value.length > maxLength) return { value, problem: 'too-long' };
  return { value, problem: null };
}

export function checkOptionalText(raw: string, maxLength: number): CheckedText {
  const value = tidyText(raw);
  return { value, problem: value.length > maxLength ? 'too-long' : null };
}

function nameKey(name: string): string {
  return tidyText(name).toLocaleLowerCase('en-GB');
}

/** True when `name` matches one of `others`, ignoring case and spacing. */
export function isDuplicateName(name: string, others: readonly string[]): boolean {
  const key = nameKey(name);
  return others.some((other) => nameKey(other) === key);
}
