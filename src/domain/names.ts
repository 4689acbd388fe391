/**
 * The order people's names are listed in: a locale's collation (so "Åsa" sorts
 * with the A's, and "aoife" beside "Aoife"), never code-unit order. Screens pass
 * the collator of the locale Heard is shown in (the UI's nameCollator()); the
 * record's own orderings take a locale, en-GB unless told otherwise.
 */
export const NAME_LOCALE = 'en-GB';

const collators = new Map<string, Intl.Collator>();

/** One collator a locale, made once: sorting a roster compares a lot. */
function collatorOf(order: Intl.Collator | string): Intl.Collator {
  if (typeof order !== 'string') return order;
  let collator = collators.get(order);
  if (!collator) {
    collator = new Intl.Collator(order);
    collators.set(order, collator);
  }
  return collator;
}

/** Compares two names. */
export function nameOrder(order: Intl.Collator | string = NAME_LOCALE): (a: string, b: string) => number {
  return collatorOf(order).compare;
}

/** Sorts anything with a `name` (people, rows of a roster) by that name. */
export function byName(order: Intl.Collator | string = NAME_LOCALE): (a: { name: string }, b: { name: string }) => number {
  const compare = nameOrder(order);
  return (a, b) => compare(a.name, b.name);
}
