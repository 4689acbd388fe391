import { useEffect, useRef } from 'preact/hooks';

/** Focuses the first of `candidates` that is on the page and can take focus. */
export function focusFirst(candidates: readonly string[]): boolean {
  for (const id of candidates) {
    const element = document.getElementById(id);
    if (element && !(element as HTMLButtonElement).disabled) {
      element.focus();
      return true;
    }
  }
  return false;
}

/**
 * Keeps keyboard and switch users in place when a tap moves or removes the
 * control they used: once the saved change comes back from the database, focus
 * goes to the first candidate still on the page.
 */
export function useFocusAfterChange(data: unknown) {
  const wish = useRef<{ candidates: string[]; before: unknown } | null>(null);
  useEffect(() => {
    const pending = wish.current;
    if (!pending || pending.before === data) return;
    wish.current = null;
    focusFirst(pending.candidates);
  });
  return {
    request: (candidates: string[]) => {
      wish.current = { candidates, before: data };
    },
    cancel: () => {
      wish.current = null;
    },
  };
}

export type FocusAfterChange = ReturnType<typeof useFocusAfterChange>;

/** Puts focus in the field a form opened for, once, as the form appears. */
export function useFocusOnOpen(fieldId: string) {
  useEffect(() => {
    document.getElementById(fieldId)?.focus();
  }, [fieldId]);
}
