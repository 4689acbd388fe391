/**
 * The order people's names are listed in: the locale's collation (so "Åsa"
 * sorts with the A's, and "aoife" beside "Aoife"), never code-unit order.
 * Heard speaks en-GB only for now; a caller with another locale passes it.
 */
export const NAME_LOCALE = 'en-GB';

const collators = new Map<string, Intl.Collator>();

/** Compares two names; one collator a locale, made once (sorting a roster calls this a lot). */
export function nameOrder(locale: string = NAME_LOCALE): (a: string, b: string) => number {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  return collator.compare;
}

/** Sorts anything with a `name` (people, rows of a roster) by that name. */
export function byName(locale: string = NAME_LOCALE): (a: { name: string }, b: { name: string }) => number {
  const compare = nameOrder(locale);
  return (a, b) => compare(a.name, b.name);
}
