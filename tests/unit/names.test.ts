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
