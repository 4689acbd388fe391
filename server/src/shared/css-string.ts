/**
 * `text` as a CSS string: everything but letters, digits and spaces as a hex escape, so nothing
 * typed can end the string or the rule. Used where a printed page's margin box must carry a title
 * (CSS margin boxes cannot read the page): the office's print head and the app's printed minutes.
 */
export const cssString = (text: string): string =>
  // CSS reads one whitespace after a hex escape as its end, so each escape ends with a space of
  // its own: the space typed after a ":" or "·" stays on the page.
  `"${[...text].map((ch) => (/^[A-Za-z0-9 ]$/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16).padStart(6, '0')} `)).join('')}"`;
