import type { enGB } from './all';
import type { en } from './en-GB';

/**
 * What a catalogue's value may be, whatever its en-GB words: en-GB's literal
 * strings widened to `string`, its functions kept with their parameters.
 */
export type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Widen<T[K]> }
        : T;

/**
 * Every word Heard shows, as a type. en-GB is its source: a key added there is
 * a key every other locale must give, or typecheck fails.
 */
export type Messages = Widen<typeof enGB>;

/** The words of the first screens (strings/index.ts), a part of Messages. */
export type CoreMessages = Widen<typeof en>;
