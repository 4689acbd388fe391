import { useEffect, useState } from 'preact/hooks';
import type { EpochMs } from '../domain/model';
import { now } from './clock';

/**
 * Re-renders every `intervalMs` with the current time. Only for display: what
 * the screen shows is derived from stored timestamps and this value, so a
 * missed or late tick never changes a figure.
 */
export function useNow(intervalMs = 1000, active = true): EpochMs {
  const [value, setValue] = useState(now);
  useEffect(() => {
    if (!active) return;
    setValue(now());
    const timer = setInterval(() => setValue(now()), intervalMs);
    const wake = () => setValue(now());
    // A tablet that slept shows the right time the moment it wakes.
    document.addEventListener('visibilitychange', wake);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', wake);
    };
  }, [intervalMs, active]);
  return value;
}
