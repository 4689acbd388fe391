import { describe, expect, it } from 'vitest';
import { byName, nameOrder } from '../../src/domain/names';

describe('the order names are listed in', () => {
  // A roster sorted by code unit would put "aoife" after "Zainab" and "Åsa" after everyone.
  it.each([
    [['Zainab Ali', 'aoife byrne', 'Aoife Byrne', 'Åsa Lind', 'Ben Okafor'], ['aoife byrne', 'Aoife Byrne', 'Åsa Lind', 'Ben Okafor', 'Zainab Ali']],
    [['Émile', 'Eve', 'Ed'], ['Ed', 'Émile', 'Eve']],
  ])('%j sorts as %j', (names, sorted) => {
    expect([...names].sort(nameOrder())).toEqual(sorted);
    expect(names.map((name) => ({ name })).sort(byName()).map((p) => p.name)).toEqual(sorted);
  });

  it('orders as localeCompare in en-GB did, so no roster changes order', () => {
    const names = ['O’Brien', 'Obi', 'Oakley', "O'Neill", 'de Souza', 'De Souza', 'Ng', 'ng', 'Ōta', '李', 'Łukasz', 'Zoë'];
    expect([...names].sort(nameOrder())).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });

  it("follows the locale it is given: Swedish puts Å after Z", () => {
    expect(['Åsa', 'Zainab', 'Anna'].sort(nameOrder('sv'))).toEqual(['Anna', 'Zainab', 'Åsa']);
    expect(['Åsa', 'Zainab', 'Anna'].sort(nameOrder('en-GB'))).toEqual(['Anna', 'Åsa', 'Zainab']);
  });
});

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
