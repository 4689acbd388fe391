import { tidyText } from './text-rules';

/**
 * Finding a person's name in free text, in any case and spacing: "Aoife Byrne",
 * "aoife  BYRNE", "Aoife\nByrne" and "AoifeByrne" are all the name. A match
 * must not sit inside a longer word, so erasing "Ann" leaves "Annual" alone.
 */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function nameMatcher(name: string): RegExp | null {
  const words = tidyText(name).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escape).join('\\s*')}(?![\\p{L}\\p{N}])`, 'giu');
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
