import { afterEach, beforeEach } from 'vitest';
import { setPinIterationsForTests } from '../../src/state/chair-pin';

/** Enough to be a real PBKDF2 hash, few enough that a busy machine does not time tests out. */
export const QUICK_PIN_ITERATIONS = 1000;

/**
 * Every PIN the calling file's tests set is hashed with a thousand iterations
 * rather than 600,000: the rules around a PIN do not depend on the count, and
 * each 600,000-iteration hash takes a quarter of a second even on an idle
 * machine. tests/unit/chair-pin.test.ts proves the real count.
 */
export function useQuickPinHashes(): void {
  beforeEach(() => setPinIterationsForTests(QUICK_PIN_ITERATIONS));
  afterEach(() => setPinIterationsForTests(null));
}
