import { useEffect, useRef } from 'preact/hooks';
import type { EpochMs } from '../domain/model';
import { now } from './clock';

/** What counts as someone using the tablet. */
const TOUCHES = ['pointerdown', 'keydown', 'input', 'touchstart', 'wheel'] as const;

/**
 * Watches the whole page for touches while `active`, and asks `check` each
 * second, and when the tab is shown again, how long it has been: the idle
 * prompts of the check-in and the app lock's idle timer. The interval only
 * decides when to look; what `check` sees is a timestamp, so a throttled or
 * sleeping tab acts as soon as it wakes. The watch starts as if touched.
 * A touch is kept in a ref, never in state: a re-render inside an input's
 * event would run before the field's own handler reads it.
 */
export function useTouchWatch(
  active: boolean,
  check: (lastTouch: EpochMs) => void,
  onTouch?: (at: EpochMs) => void,
): { touched: () => void } {
  const lastTouch = useRef(now());
  // The newest callbacks, read when used: a new function each render must not restart the watch (and its clock).
  const latest = useRef({ check, onTouch });
  latest.current = { check, onTouch };
  useEffect(() => {
    if (!active) return;
    lastTouch.current = now();
    const touched = () => {
      lastTouch.current = now();
      latest.current.onTouch?.(lastTouch.current);
    };
    const look = () => latest.current.check(lastTouch.current);
    for (const name of TOUCHES) document.addEventListener(name, touched, { capture: true, passive: true });
    const timer = setInterval(look, 1000);
    document.addEventListener('visibilitychange', look);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', look);
      for (const name of TOUCHES) document.removeEventListener(name, touched, { capture: true });
    };
  }, [active]);
  return { touched: () => (lastTouch.current = now()) };
}
