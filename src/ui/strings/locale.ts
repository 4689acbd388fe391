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
const appliers: Array<(messages: Messages) => void> = [];

/**
 * How the catalogue modules (strings/index.ts, strings/all.ts) take another
 * locale's words: at once if it is already loaded, else when it is.
 */
export function whenLocale(apply: (messages: Messages) => void): void {
  appliers.push(apply);
  if (active.messages) apply(active.messages);
}

/** Fetches and applies a locale, before the first screen is drawn. en-GB needs nothing. */
export async function loadLocale(tag: LocaleTag): Promise<void> {
  if (tag === 'en-GB') return;
  const loaded = await loaders[tag]();
  active = loaded;
  collator = undefined;
  for (const apply of appliers) apply(loaded.messages);
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
