import { describe, expect, it } from 'vitest';
import { checkOptionalText, checkRequiredText, isDuplicateName, NAME_MAX_LENGTH, tidyText } from '../../src/domain/text-rules';

describe('tidyText', () => {
  it.each([
    ['  Ann   Lee ', 'Ann Lee'],
    ['Ann\tLee', 'Ann Lee'],
    ['Ann\n\nLee\r\n', 'Ann Lee'],
    ['Ann\u00a0Lee', 'Ann Lee'], // no-break space, as pasted from a document
    ['\u3000Ann\u2003Lee\u200a', 'Ann Lee'], // ideographic, em and hair spaces
    ['Seán Ó Súilleabháin', 'Seán Ó Súilleabháin'],
    ['   ', ''],
    ['', ''],
  ])('tidies %j to %j', (raw, tidy) => {
    expect(tidyText(raw)).toBe(tidy);
  });

  it('stores accented letters in one canonical form, however they were typed', () => {
    // "é" as e + combining acute (NFD) and as one character (NFC) must become the same text.
    expect(tidyText('Sea\u0301n')).toBe('Se\u00e1n');
    expect(tidyText('Se\u00e1n')).toBe('Se\u00e1n');
  });
});

describe('checkRequiredText', () => {
  const max = NAME_MAX_LENGTH;
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\n\t', 'empty'],
    ['A', null],
    ['a'.repeat(max), null],
    [`  ${'a'.repeat(max)}  `, null], // spaces round the edges do not count
    ['a'.repeat(max + 1), 'too-long'],
    ['á'.repeat(max), null], // an accented letter is one character
    ['a\u0301'.repeat(max), null], // ...even typed as letter + accent
  ] as const)('%j gives problem %j', (raw, problem) => {
    expect(checkRequiredText(raw, max).problem).toBe(problem);
  });

  it('returns the tidied value alongside the verdict', () => {
    expect(checkRequiredText('  Grace   Doherty ', max)).toEqual({ value: 'Grace Doherty', problem: null });
    expect(checkRequiredText('  ', max)).toEqual({ value: '', problem: 'empty' });
  });

  it('counts the length after folding runs of spaces', () => {
    // 40 + 1 + 39 = 80 characters once the run of spaces is folded to one.
    const raw = `${'a'.repeat(40)}        ${'b'.repeat(39)}`;
    expect(raw.length).toBeGreaterThan(max);
    expect(checkRequiredText(raw, max)).toEqual({ value: `${'a'.repeat(40)} ${'b'.repeat(39)}`, problem: null });
  });
});

describe('checkOptionalText', () => {
  it.each([
    ['', null, ''],
    ['   ', null, ''],
    [' St Columba’s   hall ', null, 'St Columba’s hall'],
    ['v'.repeat(120), null, 'v'.repeat(120)],
    ['v'.repeat(121), 'too-long', 'v'.repeat(121)],
  ] as const)('%j gives problem %j', (raw, problem, value) => {
    expect(checkOptionalText(raw, 120)).toEqual({ value, problem });
  });
});

describe('isDuplicateName', () => {
  const roster = ['Aoife Byrne', 'Dr Niamh Kelly', 'Éimear Ní Bhriain'];
  it.each([
    ['Aoife Byrne', true],
    ['aoife byrne', true],
    ['AOIFE BYRNE', true],
    ['  aoife    Byrne ', true],
    ['Aoife\u00a0Byrne', true],
    ['éimear ní bhriain', true],
    ['E\u0301imear Ni\u0301 Bhriain', true], // same letters typed as letter + accent
    ['Eimear Ni Bhriain', false], // a missing fada is a different spelling
    ['Aoife Byrn', false],
    ['Aoife', false],
    ['Niamh Kelly', false],
  ] as const)('%j against the roster is duplicate: %s', (name, expected) => {
    expect(isDuplicateName(name, roster)).toBe(expected);
  });

  it('finds nothing in an empty list', () => {
    expect(isDuplicateName('Aoife Byrne', [])).toBe(false);
  });
});
