/**
 * People's names in order, in the collator's language. The collator is made
 * once per locale by the caller (the UI's nameCollator()), not per comparison.
 */
export function byName(collator: Intl.Collator): (a: { name: string }, b: { name: string }) => number {
  return (a, b) => collator.compare(a.name, b.name);
}
