/**
 * Someone's own words in Markdown, shown as the words they typed: nothing
 * they wrote becomes a heading, a list, a link, emphasis or HTML.
 */

// Every character CommonMark lets a backslash escape that can change meaning mid-line.
const INLINE = /[\\`*_{}[\]()<>#|~!&]/g;
// At the start of a line: a heading, quote, list item, rule or setext underline.
const LINE_START = /^(\s*)([-+=>]|\d+[.)])/;

function escapeLine(line: string): string {
  const inline = line.replace(INLINE, (c) => `\\${c}`);
  return inline.replace(LINE_START, (_m, space: string, mark: string) => {
    const last = mark.slice(-1);
    return `${space}${mark.slice(0, -1)}\\${last}`;
  });
}

/**
 * One piece of user text for Markdown. Line breaks are kept as hard breaks
 * (a trailing backslash), with each following line indented by `indent` so it
 * stays inside the list item it belongs to.
 */
export function mdText(text: string, indent = ''): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .join(`\\\n${indent}`);
}

/** A table cell: pipes escaped (mdText does), line breaks as spaces (a table row is one line). */
export function mdCell(text: string): string {
  return escapeLine(text.replace(/\r\n|\r|\n/g, ' '));
}
