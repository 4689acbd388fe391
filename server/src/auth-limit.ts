// Guessing is slowed (issue 18): failed authentications (a key the API refused, a sign-in that was
// not accepted) are counted per client address, and after `max` of them within `windowMs` every
// request from that address that needs a key is answered 429 with Retry-After until the window ends,
// a right key included, so an answer never tells a guesser that a key was right. In memory: a
// restart forgets the counts, and each address costs a few bytes for at most one window.

export interface AuthLimitOptions {
  /** Failures allowed in one window; the next request from the address is refused. */
  max: number;
  windowMs: number;
}

export const DEFAULT_AUTH_LIMIT: AuthLimitOptions = { max: 10, windowMs: 60_000 };

/** When the table grows past this many addresses, ended windows are dropped. */
const PRUNE_AT = 10_000;

export interface AuthLimiter {
  /** Seconds to wait when `address` has used up its failures; null when it may try. */
  retryAfter(address: string): number | null;
  /** Counts one failed authentication from `address`. */
  fail(address: string): void;
}

export function authLimiter(options: AuthLimitOptions, now: () => number = Date.now): AuthLimiter {
  const windows = new Map<string, { failures: number; endsAt: number }>();
  const live = (address: string) => {
    const window = windows.get(address);
    if (window && window.endsAt <= now()) {
      windows.delete(address);
      return undefined;
    }
    return window;
  };
  return {
    retryAfter(address) {
      const window = live(address);
      if (!window || window.failures < options.max) return null;
      return Math.max(1, Math.ceil((window.endsAt - now()) / 1000));
    },
    fail(address) {
      const window = live(address);
      if (window) {
        window.failures += 1;
        return;
      }
      if (windows.size >= PRUNE_AT) for (const key of [...windows.keys()]) live(key);
      windows.set(address, { failures: 1, endsAt: now() + options.windowMs });
    },
  };
}

/** A limit from settings: a whole number of failures ≥ 1 and of seconds ≥ 1, or an error in words. */
export function parseAuthLimit(failures: string | undefined, seconds: string | undefined, where: { failures: string; seconds: string }): AuthLimitOptions {
  const whole = (raw: string | undefined, name: string, fallback: number) => {
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw.trim());
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new Error(`${name} must be a whole number from 1 to 1000000 (it was "${raw}").`);
    return n;
  };
  return {
    max: whole(failures, where.failures, DEFAULT_AUTH_LIMIT.max),
    windowMs: whole(seconds, where.seconds, DEFAULT_AUTH_LIMIT.windowMs / 1000) * 1000,
  };
}
