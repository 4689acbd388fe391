/**
 * The one plural helper. A catalogue gives each plural form of a sentence
 * whole, with `#` where the number goes; the locale's own CLDR rules
 * (`Intl.PluralRules`) pick the form, so a language with more than two forms
 * (Welsh, Polish, Arabic) needs no code. Rules and number formats are built
 * once per locale, not per render.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type Plural = (n: number, forms: PluralForms) => string;

const made = new Map<string, Plural>();

export function plurals(locale: string): Plural {
  const known = made.get(locale);
  if (known) return known;
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  // An exact zero form ("No rules agreed yet.") is chosen by the number itself, as ICU's =0 is.
  const plural: Plural = (n, forms) =>
    ((n === 0 ? forms.zero : undefined) ?? forms[rules.select(n)] ?? forms.other).replaceAll('#', numbers.format(n));
  made.set(locale, plural);
  return plural;
}
