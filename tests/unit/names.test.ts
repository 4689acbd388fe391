import { describe, expect, it } from 'vitest';
import { byName } from '../../src/domain/names';

const sorted = (locale: string, names: string[]) => names.map((name) => ({ name })).sort(byName(new Intl.Collator(locale))).map((p) => p.name);

describe('byName: names in the order of the collator’s language', () => {
  it.each([
    // Accents and case do not push a name to the end, as a plain < would.
    ['en-GB', ['Zoë', 'éamon', 'Eve', 'aoife', 'Ömer'], ['aoife', 'éamon', 'Eve', 'Ömer', 'Zoë']],
    // In Swedish, Ö is a letter after Z.
    ['sv', ['Zoë', 'Ömer', 'Olle'], ['Olle', 'Zoë', 'Ömer']],
    ['de', ['Zoë', 'Ömer', 'Olle'], ['Olle', 'Ömer', 'Zoë']],
  ])('%s', (locale, names, expected) => {
    expect(sorted(locale, names)).toEqual(expected);
  });
});
