import { en } from './en-GB';
import { whenLocale } from './locale';
import type { CoreMessages } from './messages';

/** The words of the first screens in the chosen locale (strings/all.ts has every word). */
export let t: CoreMessages = en;
whenLocale((messages) => {
  t = messages;
});
