import { useEffect, useState } from 'preact/hooks';

export type WakeLockState = 'on' | 'off' | 'unsupported';

/**
 * Keeps the screen on while `active`. The browser drops the lock whenever the
 * tab is hidden, so it is asked for again each time the tab is shown.
 */
export function useWakeLock(active: boolean): WakeLockState {
  const supported = typeof navigator !== 'undefined' && 'wakeLock' in navigator;
  const [state, setState] = useState<WakeLockState>(supported ? 'off' : 'unsupported');
  useEffect(() => {
    if (!active || !supported) return;
    let sentinel: WakeLockSentinel | null = null;
    let cancelled = false;
    const acquire = async () => {
      if (document.visibilityState !== 'visible' || cancelled) return;
      try {
        sentinel = await navigator.wakeLock.request('screen');
        if (cancelled) {
          void sentinel.release();
          return;
        }
        setState('on');
        sentinel.addEventListener('release', () => setState('off'));
      } catch {
        // Refused (battery saver, not visible): say so rather than pretend.
        setState('off');
      }
    };
    const onVisible = () => void (document.visibilityState === 'visible' && acquire());
    void acquire();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', onVisible);
      void sentinel?.release();
    };
  }, [active, supported]);
  return state;
}
