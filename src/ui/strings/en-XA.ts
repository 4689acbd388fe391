import { enGB as enGBDates } from 'date-fns/locale/en-GB';
import type { Locale as DateLocale } from 'date-fns';
import { enGB } from './all';
import type { LoadedLocale } from './locale';
import type { Messages } from './messages';

/**
 * en-XA, a pseudo-locale made from en-GB: every letter accented, vowels
 * doubled (30–40 % longer, as many languages are) and each message between
 * ⟦ ⟧. A screen in en-XA shows at a glance any word that did not come from the
 * catalogue (plain letters, no brackets) and any box too small for a longer
 * language. Reached only by `?locale=en-XA`.
 */

const accented: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
    letter,
    [...'åƀçðéƒĝĥíĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÍĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!,
  ]),
);
const vowels = new Set([...'aeiouAEIOU']);

function accent(text: string): string {
  let out = '';
  for (const char of text) out += vowels.has(char) ? accented[char]! + accented[char.toLowerCase()]! : (accented[char] ?? char);
  return out;
}

/**
 * A message in pseudo-locale. `keep` are the values passed in (names, titles
 * people typed, other messages): they are left as they are, as a translation
 * would leave them.
 */
export function pseudo(text: string, keep: readonly string[] = []): string {
  if (!text.trim()) return text;
  const kept = keep.filter((k) => k.length > 1 && text.includes(k)).sort((a, b) => b.length - a.length);
  let out = '';
  let rest = text;
  while (rest) {
    const found = kept.map((k) => [rest.indexOf(k), k] as const).filter(([at]) => at >= 0).sort((a, b) => a[0] - b[0])[0];
    if (!found) {
      out += accent(rest);
      break;
    }
    out += accent(rest.slice(0, found[0])) + found[1];
    rest = rest.slice(found[0] + found[1].length);
  }
  return `⟦${out}⟧`;
}

function stringsIn(values: readonly unknown[]): string[] {
  return values.flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? stringsIn(v) : []));
}

function pseudoValue(value: unknown, keep: readonly string[]): unknown {
  if (typeof value === 'string') return pseudo(value, keep);
  if (typeof value === 'function')
    return (...args: unknown[]) => pseudoValue((value as (...a: unknown[]) => unknown)(...args), stringsIn(args));
  if (Array.isArray(value)) return value.map((v) => pseudoValue(v, keep));
  if (value && typeof value === 'object')
    // Date patterns are date-fns tokens, not words: their day and month names are pseudo through pseudoDates.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'dates' ? v : pseudoValue(v, keep)]));
  return value;
}

/** date-fns's en-GB words for days, months and am/pm, in pseudo-locale. */
function pseudoDates(base: DateLocale): DateLocale {
  const localize = base.localize;
  const wrap =
    <A extends unknown[]>(f: (...args: A) => string) =>
    (...args: A) =>
      pseudo(f(...args));
  return { ...base, code: 'en-XA', localize: { ...localize, day: wrap(localize.day), month: wrap(localize.month), dayPeriod: wrap(localize.dayPeriod) } };
}

export const enXA: LoadedLocale = {
  tag: 'en-XA',
  messages: pseudoValue(enGB, []) as Messages,
  dates: pseudoDates(enGBDates),
  intl: 'en-GB',
};
