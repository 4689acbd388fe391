import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EpochMs } from '../domain/model';
import { now } from './clock';

type Listener = (time: EpochMs) => void;

// One timer per interval for the whole app: every clock on the screen moves in the same task,
// so the screen is drawn once a second, not once for each clock on it.
const listeners = new Map<number, Set<Listener>>();
const timers = new Map<number, ReturnType<typeof setInterval>>();

function tellAll(intervalMs: number): void {
  const time = now();
  for (const listener of listeners.get(intervalMs) ?? []) listener(time);
}

// A tablet that slept shows the right time the moment it wakes.
function wake(): void {
  for (const intervalMs of listeners.keys()) tellAll(intervalMs);
}

function subscribe(intervalMs: number, listener: Listener): () => void {
  let set = listeners.get(intervalMs);
  if (!set) {
    set = new Set();
    listeners.set(intervalMs, set);
    timers.set(intervalMs, setInterval(() => tellAll(intervalMs), intervalMs));
    if (listeners.size === 1) document.addEventListener('visibilitychange', wake);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size > 0) return;
    clearInterval(timers.get(intervalMs));
    timers.delete(intervalMs);
    listeners.delete(intervalMs);
    if (listeners.size === 0) document.removeEventListener('visibilitychange', wake);
  };
}

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
    return subscribe(intervalMs, setValue);
  }, [intervalMs, active]);
  return value;
}

/**
 * `derive(now)`, worked out again each `intervalMs` but drawn again only when
 * `keyOf` of it changes: for what the clock moves at a few moments (an item
 * nearly up, then over), not every second. Worked out afresh whenever `derive` changes:
 * the caller keeps it the same (useCallback) while what it reads is the same.
 */
export function useDerivedFromNow<T>(derive: (time: EpochMs) => T, keyOf: (value: T) => string, intervalMs = 1000, active = true): T {
  // When the clock last changed the key: the value is worked out again then, at that time or later.
  const [movedAt, setMovedAt] = useState(0);
  const value = useMemo(() => derive(Math.max(now(), movedAt)), [derive, movedAt]);
  const latest = useRef({ derive, keyOf, key: keyOf(value) });
  latest.current = { derive, keyOf, key: keyOf(value) };
  useEffect(() => {
    if (!active) return;
    return subscribe(intervalMs, (time) => {
      const { derive: at, keyOf: key, key: shown } = latest.current;
      if (key(at(time)) !== shown) setMovedAt(time);
    });
  }, [intervalMs, active]);
  return value;
}

/** True while the clock has not passed `deadline`; re-renders once, when it does, not every second. */
export function useUntil(deadline: EpochMs | null): boolean {
  const [, setPassed] = useState(0);
  const until = deadline !== null && now() <= deadline;
  useEffect(() => {
    if (!until || deadline === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const passed = () => {
      clearTimeout(timer);
      if (now() > deadline) setPassed((n) => n + 1);
      else timer = setTimeout(passed, deadline - now() + 1);
    };
    passed();
    // Timers stop while a tablet sleeps: look again when it wakes.
    document.addEventListener('visibilitychange', passed);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', passed);
    };
  }, [deadline, until]);
  return until;
}
