import { useEffect } from 'preact/hooks';
import { cssString } from '../../domain/css-string';
import { t } from '../strings/all';

/**
 * The meeting's title and "Page 1 of 3" at the foot of every printed page of the minutes. A CSS
 * margin box cannot read the page, so the title goes into a stylesheet made here: a constructed
 * one, which the app's CSP (style-src 'self', no inline style) allows, and the title a CSS string
 * with every character escaped, so nothing typed can end the rule. Gone when the record closes.
 */
export function usePrintHead(title: string): void {
  useEffect(() => {
    // Browsers without constructed stylesheets print the minutes without the foot.
    if (typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype) || !Array.isArray(document.adoptedStyleSheets)) return;
    const { before, between } = t.exports.printPage;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page {
  @bottom-left { content: ${cssString(t.exports.printFoot(title))}; font-size: 9pt; }
  @bottom-right { content: ${cssString(before)} counter(page) ${cssString(between)} counter(pages); font-size: 9pt; }
}`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [title]);
}
