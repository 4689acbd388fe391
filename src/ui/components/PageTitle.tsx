import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '../strings';

/**
 * The screen's heading. Takes focus when a screen opens, so screen readers
 * announce where they are. A layout effect, so the focus moves before the
 * screen is painted: a keyboard user's first Tab on the new screen is never
 * pulled back to the heading a moment later.
 */
export function PageTitle({ children, text }: { children?: ComponentChildren; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    document.title = `${text} – ${t.appName}`;
    ref.current?.focus({ preventScroll: false });
  }, [text]);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-title">
      {children ?? text}
    </h1>
  );
}
