import { describe, expect, expectTypeOf, it } from 'vitest';
import { enGB } from '../../src/ui/strings/all';
import { chooseLocale } from '../../src/ui/strings/locale';
import { enXA, pseudo } from '../../src/ui/strings/en-XA';
import type { Messages } from '../../src/ui/strings/messages';

describe('choosing the locale when Heard opens', () => {
  it.each([
    ['', ['en-GB'], 'en-GB'],
    ['', ['fr-FR', 'de'], 'en-GB'],
    ['', ['en-US', 'en'], 'en-GB'],
    ['', [], 'en-GB'],
    // The pseudo-locale only when asked for by name; never from the browser's languages.
    ['?locale=en-XA', ['en-GB'], 'en-XA'],
    ['?locale=EN-xa', [], 'en-XA'],
    ['', ['en-XA'], 'en-GB'],
    ['?locale=xx', ['en-GB'], 'en-GB'],
  ] as const)('%j with %j → %s', (search, languages, expected) => {
    expect(chooseLocale(search, languages)).toBe(expected);
  });
});

describe('the Messages type every locale must satisfy', () => {
  it('is made from en-GB, and a locale missing a key does not compile', () => {
    expectTypeOf(enGB).toExtend<Messages>();
    const { appName: _, ...withoutAppName } = enGB;
    // @ts-expect-error: a locale without appName is not a catalogue (typecheck fails if this compiles)
    const missing: Messages = withoutAppName;
    expect(missing).not.toHaveProperty('appName');
  });

  it('a function message must take the same parameters', () => {
    const wrongArgs = { ...enGB, home: { ...enGB.home, openNamed: (n: number) => `Open ${n}` } };
    // @ts-expect-error: openNamed takes the title as a string
    const wrong: Messages = wrongArgs;
    expect(wrong.home.openNamed).toBeTypeOf('function');
  });
});

describe('en-XA, the pseudo-locale', () => {
  it('accents every letter, marks start and end, and is 30–40 % longer in all', () => {
    expect(pseudo('Save name')).toBe('⟦Šååṽéé ñååɱéé⟧');
    const words = Object.values(enGB.home as Record<string, unknown>).filter((v): v is string => typeof v === 'string');
    const before = words.join('').length;
    const after = words.map((w) => pseudo(w)).join('').length;
    expect(after / before).toBeGreaterThan(1.3);
    expect(after / before).toBeLessThan(1.5);
  });

  it('leaves what was passed in (a name someone typed) as it is', () => {
    expect(enXA.messages.home.openNamed('Ada’s group')).toBe('⟦Ööþééñ Ada’s group⟧');
    expect(enXA.messages.home.people(3)).toBe('⟦3 þééööþļéé⟧');
  });

  it('has every key of en-GB', () => {
    const keys = (o: object, at = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${at}${k}.`) : [`${at}${k}`]));
    expect(keys(enXA.messages)).toEqual(keys(enGB));
  });
});
