import { en } from './en-GB';
import { localised } from './locale';
import type { CoreMessages } from './messages';

/** The words of the first screens in the chosen locale (strings/all.ts has every word). */
export const t: CoreMessages = localised(en);
