import type { StoredPin } from '../domain/checkin-model';

/**
 * The chair PIN is kept only as a salted PBKDF2-SHA-256 hash. A 4–6 digit PIN
 * has at most a million values, so the hash alone cannot protect it from
 * someone with the device's storage; the slow hash and the growing waits
 * (domain/checkin.ts) are what make guessing at the screen impractical.
 */
export const PIN_ITERATIONS = 600_000;

/**
 * New hashes use this count; each stored hash keeps its own, and checking a
 * PIN reads it from there, so a later, higher count still opens older hashes.
 */
let iterations = PIN_ITERATIONS;

/** Tests hash with fewer iterations to stay quick on a busy machine; null puts the real count back. */
export function setPinIterationsForTests(next: number | null): void {
  iterations = next ?? PIN_ITERATIONS;
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** WebCrypto's subtle API exists only in secure contexts (https or localhost). */
export function canHashPin(): boolean {
  return typeof crypto !== 'undefined' && Boolean(crypto.subtle);
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string): Promise<StoredPin> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)), iterations };
}

export async function pinMatches(pin: string, stored: StoredPin): Promise<boolean> {
  const derived = await derive(pin, fromBase64(stored.salt), stored.iterations);
  const expected = fromBase64(stored.hash);
  if (derived.length !== expected.length) return false;
  // Compare every byte, so the time taken says nothing about how much matched.
  let difference = 0;
  for (let i = 0; i < derived.length; i++) difference |= derived[i]! ^ expected[i]!;
  return difference === 0;
}
