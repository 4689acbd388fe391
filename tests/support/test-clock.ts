import { afterEach, beforeEach } from 'vitest';
import { setClockForTests } from '../../src/state/clock';

/**
 * The app's one clock for the calling file's tests: at `start` when each test begins, moved on
 * only by the test itself, and the real clock again after it.
 */
export function useTestClock(start: number): { now: () => number; advance: (ms: number) => number } {
  let at = start;
  beforeEach(() => {
    at = start;
    setClockForTests(() => at);
  });
  afterEach(() => setClockForTests(null));
  return {
    now: () => at,
    advance: (ms) => (at += ms),
  };
}
