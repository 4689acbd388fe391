/**
 * What "Read it to me" says on a check-in screen: the words the screen shows,
 * in the order it shows them, each answer by the word beside its picture.
 * Taken from the screen itself, so what is read can never drift from what is
 * shown. Left out: pictures (their word is read instead), text only a screen
 * reader hears, what someone typed, and the read-aloud button itself.
 */
const BLOCKS = 'h1, h2, h3, p, li, label, button';
const UNREAD = 'svg, [aria-hidden="true"], .visually-hidden, [data-unread]';

function wordsOf(block: Element): string {
  let text = '';
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest(UNREAD)) text += node.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

export function screenWords(root: Element): string {
  const blocks = Array.from(root.querySelectorAll(BLOCKS)).filter((el) => !el.closest(UNREAD) && !el.parentElement?.closest(BLOCKS));
  return blocks
    .map(wordsOf)
    .filter(Boolean)
    // A full stop after each line, so the voice pauses between answers rather than running them together.
    .map((words) => (/[.?!:…]$/.test(words) ? words : `${words}.`))
    .join(' ');
}
