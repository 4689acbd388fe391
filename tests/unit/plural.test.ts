import { describe, expect, it } from 'vitest';
import { plurals } from '../../src/ui/strings/plural';
import { t } from '../../src/ui/strings/all';

describe('plurals: the locale’s own rules choose the form', () => {
  const en = plurals('en-GB');
  const people = { one: '# person', other: '# people' } as const;

  it.each([
    [0, '0 people'],
    [1, '1 person'],
    [2, '2 people'],
    [1000, '1,000 people'],
    [1.5, '1.5 people'],
  ])('en-GB %d → %s', (n, expected) => {
    expect(en(n, people)).toBe(expected);
  });

  it('an exact zero form wins over the rule, as ICU’s =0 does', () => {
    expect(en(0, { zero: 'No rules agreed yet.', one: '# rule agreed.', other: '# rules agreed.' })).toBe('No rules agreed yet.');
    expect(en(1, { zero: 'No rules agreed yet.', one: '# rule agreed.', other: '# rules agreed.' })).toBe('1 rule agreed.');
  });

  // Polish has three forms for whole numbers: one, few (2–4, 22–24…), many (5–21…). A two-form helper cannot say this.
  it.each([
    [1, '1 osoba'],
    [3, '3 osoby'],
    [5, '5 osób'],
    [22, '22 osoby'],
    [25, '25 osób'],
  ])('pl %d → %s', (n, expected) => {
    expect(plurals('pl')(n, { one: '# osoba', few: '# osoby', many: '# osób', other: '# osoby' })).toBe(expected);
  });

  it('is built once per locale, so a render never builds Intl objects', () => {
    expect(plurals('en-GB')).toBe(en);
  });

  it.each([
    [t.home.people, 1, '1 person'],
    [t.home.people, 4, '4 people'],
    [t.rules.agreedCount, 0, 'No rules agreed yet.'],
    [t.checkin.answersSoFar, 1, '1 person has checked in so far.'],
    [t.checkin.answersSoFar, 3, '3 people have checked in so far.'],
    [t.privacy.retention.deleted, 2, '2 meetings deleted.'],
  ] as const)('the catalogue speaks through it (%#)', (say, n, expected) => {
    expect(say(n)).toBe(expected);
  });
});
