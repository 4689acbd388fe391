import type { Locale as DateLocale } from 'date-fns';
import { enGB as enGBDates } from 'date-fns/locale/en-GB';
import type { Messages } from './messages';

/**
 * Which language Heard speaks. en-GB is the source and the default, and is in
 * the first file the app loads; any other locale is its own file, fetched
 * before the first screen is drawn. The language is chosen once, when Heard
 * opens: changing it means opening Heard again, so no screen has to redraw.
 */
export type LocaleTag = 'en-GB' | 'en-XA';

export interface LoadedLocale {
  tag: LocaleTag;
  messages: Messages;
  /** date-fns's words for days and months. */
  dates: DateLocale;
  /** The language Intl sorts names and formats numbers in. */
  intl: string;
}

/** Languages people can be given. */
const offered: readonly LocaleTag[] = ['en-GB'];

/**
 * Locales only named on purpose: `?locale=en-XA` is the pseudo-locale that
 * proves every word comes from the catalogue. It is not offered from the
 * browser's languages and nothing links to it.
 */
const hidden: readonly LocaleTag[] = ['en-XA'];

const loaders: Record<Exclude<LocaleTag, 'en-GB'>, () => Promise<LoadedLocale>> = {
  'en-XA': () => import('./en-XA').then((m) => m.enXA),
};

/** The locale: asked for in the address (`?locale=`), else the first of the browser's languages Heard speaks, else en-GB. */
export function chooseLocale(search: string, languages: readonly string[]): LocaleTag {
  const asked = new URLSearchParams(search).get('locale');
  const named = [...offered, ...hidden].find((tag) => tag.toLowerCase() === asked?.toLowerCase());
  if (named) return named;
  for (const language of languages) {
    const exact = offered.find((tag) => tag.toLowerCase() === language.toLowerCase());
    if (exact) return exact;
  }
  return 'en-GB';
}

let active: Omit<LoadedLocale, 'messages'> & { messages?: Messages } = { tag: 'en-GB', dates: enGBDates, intl: 'en-GB' };
const catalogues: object[] = [];

type Words = { [key: string]: unknown };
const isBlock = (value: unknown): value is Words => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Writes another locale's words into a catalogue object, block by block, keeping each block's identity. */
function overwrite(target: Words, words: Words): void {
  for (const [key, value] of Object.entries(words)) {
    const block = target[key];
    if (isBlock(value) && isBlock(block)) overwrite(block, value);
    else target[key] = value;
  }
}

/**
 * The catalogue modules (strings/index.ts, strings/all.ts) pass their
 * objects through here. Another locale's words are written into them in
 * place, not swapped for a new object: a module that kept a block
 * (`const w = t.exports`) when it was loaded, even before the locale was,
 * reads the locale's words. Only a single string kept at load time would stay
 * en-GB, and the en-XA browser test finds any.
 */
export function localised<T extends object>(catalogue: T): T {
  catalogues.push(catalogue);
  if (active.messages) overwrite(catalogue as Words, active.messages as Words);
  return catalogue;
}

/** Fetches and applies a locale, before the first screen is drawn. en-GB needs nothing. */
export async function loadLocale(tag: LocaleTag): Promise<void> {
  if (tag === 'en-GB') return;
  const loaded = await loaders[tag]();
  active = loaded;
  collator = undefined;
  for (const catalogue of catalogues) overwrite(catalogue as Words, loaded.messages as Words);
}

export function localeTag(): LocaleTag {
  return active.tag;
}

/** The locale's date-fns words, for the date helpers. */
export function dateLocale(): DateLocale {
  return active.dates;
}

let collator: Intl.Collator | undefined;

/** One collator per locale, made once: sorting a list must not build one per comparison. */
export function nameCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator(active.intl));
}
