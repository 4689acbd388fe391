// Text PostgreSQL cannot store (issue 18): a NUL character, which jsonb and text refuse, and a lone
// surrogate (half of a UTF-16 pair, which JSON's \uD800 escapes can make but no character is).
// Found anywhere in a body, key or value, before anything is stored, and answered 400 with where.
import type { FieldError } from './summary-schema.js';

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with `text`, in words, or null when it can be stored. */
export function badText(text: string): string | null {
  if (text.includes(NUL)) return 'Holds a NUL character (\\u0000), which cannot be stored.';
  if (LONE_SURROGATE.test(text)) return 'Holds a lone surrogate (half of a character), which is not text.';
  return null;
}

/**
 * Could this JSON text hold a NUL or a lone surrogate once parsed? Only through a `\u` escape: JSON
 * allows no raw control character in a string, and the body was decoded from UTF-8, where a
 * surrogate cannot be written. When no such escape is there, nothing needs walking.
 */
export function mayHoldBadText(json: string): boolean {
  return /\\u(?:0000|[dD][89a-fA-F])/.test(json);
}

/**
 * Every place in a parsed JSON value (or a form's or query's fields) where a string, or a key,
 * holds text that cannot be stored; at most `max`. Walked with a stack, not recursion: a 256 KB
 * body can nest deeper than the call stack goes.
 */
export function badTextFields(value: unknown, max = 20): FieldError[] {
  const found: FieldError[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && found.length < max) {
    const { value: here, path } = stack.pop()!;
    if (typeof here === 'string') {
      const problem = badText(here);
      if (problem) found.push({ path: path.join('.'), message: problem });
    } else if (here && typeof here === 'object') {
      const entries = Array.isArray(here) ? here.map((v, i) => [String(i), v] as const) : Object.entries(here);
      // Pushed in reverse so the first field is looked at first.
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i]!;
        const problem = badText(key);
        if (problem) found.push({ path: [...path, key].join('.'), message: `The field's name: ${problem}` });
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return found.slice(0, max);
}
