import { tidyText } from './text-rules';

/**
 * Finding a person's name in free text, in any case and spacing: "Aoife Byrne",
 * "aoife  BYRNE", "Aoife\nByrne" and "AoifeByrne" are all the name, and
 * "O'Brien" is "O’Brien" (straight or curly apostrophe). A match must not sit
 * inside a longer word, so erasing "Ann" leaves "Annual" alone.
 *
 * One exception, so that erasing or hiding a person called Will does not turn
 * "We will pilot" into "We Former member 3 pilot": a one-word name that is
 * also an everyday English word (EVERYDAY_WORDS) is not the name where it is
 * written all in lower case, as a word is mid-sentence. Written with any
 * capital ("Will", "WILL", "ask Will") it is still the name, so a sentence
 * that starts with the word ("Will it rain?") loses it: hiding too much is
 * the safe side. Every other name is matched in any case at all: "ask aoife"
 * is Aoife.
 */

/** One-word names that are also common English words, in lower case. */
const EVERYDAY_WORDS: ReadonlySet<string> = new Set(
  (
    'will may mark bill grace hope faith joy rose dawn pat rob sue jack frank art ray summer april june august ' +
    'amber ruby pearl eve guy sky river max earl drew gene lance miles chase cliff glen heath holly ivy jade lily ' +
    'violet daisy fern robin hunter carol sandy penny bob don dean rich buck dash bud sunny honey angel royal ' +
    'major rusty ace bay brook cole forest gale grey gray hazel iris jasmine jay jewel kit lark mercy olive ' +
    'page patience prudence reed rocky sage star stone storm unity wade'
  ).split(' '),
);

const APOSTROPHES = "'’‘ʼ`";
const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One character of a name as a pattern: any case, and any apostrophe for an apostrophe. */
function charPattern(ch: string): string {
  if (APOSTROPHES.includes(ch)) return `[${APOSTROPHES}]`;
  const forms = [...new Set([ch, ch.toLowerCase(), ch.toUpperCase()])].filter((form) => [...form].length === 1);
  return forms.length > 1 ? `[${forms.map(escape).join('')}]` : escape(ch);
}

const NOT_IN_A_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_IN_A_WORD_AFTER = '(?![\\p{L}\\p{N}])';

/** The source of a RegExp (flags "gu") that finds the name; null when the name is empty. */
export function namePattern(name: string): string | null {
  const words = tidyText(name).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const body = words.map((word) => [...word].map(charPattern).join('')).join('\\s*');
  const lower = words[0]!.toLocaleLowerCase('en-GB');
  // Not all in lower case, when the one-word name is also a word: see above.
  const notTheWord = words.length === 1 && EVERYDAY_WORDS.has(lower) ? `(?!${escape(lower)}${NOT_IN_A_WORD_AFTER})` : '';
  return `${NOT_IN_A_WORD_BEFORE}${notTheWord}${body}${NOT_IN_A_WORD_AFTER}`;
}

export function nameMatcher(name: string): RegExp | null {
  const pattern = namePattern(name);
  return pattern === null ? null : new RegExp(pattern, 'gu');
}

export function mentionsName(text: string, matcher: RegExp | null): boolean {
  if (!matcher || !text) return false;
  matcher.lastIndex = 0;
  return matcher.test(text.normalize('NFC'));
}

/** The text with every mention of the name replaced; the same string, untouched, when there is none. */
export function replaceName(text: string, matcher: RegExp | null, by: string): string {
  if (!mentionsName(text, matcher)) return text;
  return text.normalize('NFC').replace(matcher!, () => by);
}

/**
 * Replaces every name of `names` in one pass, each by its own words: the
 * longest name first, so "Ann Lee" is found whole before "Ann", and words put
 * in for one name are never searched again for another.
 */
export function namesReplacer(names: readonly { name: string; by: string }[]): (text: string) => string {
  const found = names
    .map(({ name, by }) => ({ pattern: namePattern(name), by, length: tidyText(name).length }))
    .filter((n): n is { pattern: string; by: string; length: number } => n.pattern !== null)
    .sort((a, b) => b.length - a.length);
  if (found.length === 0) return (text) => text;
  const matcher = new RegExp(found.map((n) => `(${n.pattern})`).join('|'), 'gu');
  return (text) => {
    if (!mentionsName(text, matcher)) return text;
    return text.normalize('NFC').replace(matcher, (...groups: unknown[]) => found[groups.slice(1, found.length + 1).findIndex((g) => g !== undefined)]!.by);
  };
}

/** Words in front of a name that are not the name: hiding "Dr" would hide every doctor. */
const TITLES: ReadonlySet<string> = new Set('dr mr mrs ms miss mx prof professor rev revd sir dame lady lord cllr councillor'.split(' '));

/**
 * Each name of `people`, and each word of a longer name alone ("Aoife" and "Byrne" of "Aoife
 * Byrne"), as people write each other's names in notes; titles and initials left out. A word that
 * two people with different `kind`s share stands for neither of them: its kind is null. A word
 * that is someone's whole name is that person's.
 */
export function namesAndTheirWords<K>(people: readonly { name: string; kind: K }[]): { name: string; kind: K | null }[] {
  const whole = new Map(people.map((p) => [tidyText(p.name).toLocaleLowerCase('en-GB'), p] as const));
  const words = new Map<string, { name: string; kind: K | null }>();
  for (const person of people) {
    const parts = tidyText(person.name).split(' ');
    if (parts.length < 2) continue;
    for (const part of parts) {
      const key = part.toLocaleLowerCase('en-GB').replace(/[.]/g, '');
      if ([...key].length < 2 || TITLES.has(key) || whole.has(key)) continue;
      const known = words.get(key);
      words.set(key, { name: part, kind: known === undefined || known.kind === person.kind ? person.kind : null });
    }
  }
  return [...people.map(({ name, kind }) => ({ name, kind })), ...words.values()];
}
