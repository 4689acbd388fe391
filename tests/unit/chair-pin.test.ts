import { afterEach, describe, expect, it } from 'vitest';
import { hashPin, PIN_ITERATIONS, pinMatches, setPinIterationsForTests } from '../../src/state/chair-pin';
import { QUICK_PIN_ITERATIONS } from '../support/quick-pins';

afterEach(() => setPinIterationsForTests(null));

/** Each real hash takes a quarter of a second on an idle machine, many times that on a busy one. */
const REAL_HASHES = { timeout: 30_000 };

describe('chair PIN hashing', () => {
  it('hashes with at least 600,000 iterations, kept with the hash', REAL_HASHES, async () => {
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const stored = await hashPin('2468');
    expect(stored.iterations).toBe(PIN_ITERATIONS);
    expect(await pinMatches('2468', stored)).toBe(true);
  });

  it('stores a salted hash, never the digits, and checks it', async () => {
    setPinIterationsForTests(QUICK_PIN_ITERATIONS);
    const a = await hashPin('2468');
    const b = await hashPin('2468');
    expect(JSON.stringify(a)).not.toContain('2468');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await pinMatches('2468', a)).toBe(true);
    expect(await pinMatches('2469', a)).toBe(false);
  });

  it('checks a PIN with the count stored with its hash, not the count new hashes use', async () => {
    setPinIterationsForTests(QUICK_PIN_ITERATIONS);
    const stored = await hashPin('2468');
    expect(stored.iterations).toBe(QUICK_PIN_ITERATIONS);
    setPinIterationsForTests(null);
    expect(await pinMatches('2468', stored)).toBe(true);
    expect(await pinMatches('2468', { ...stored, iterations: QUICK_PIN_ITERATIONS + 1 })).toBe(false);
  });
});
