import { describe, expect, it } from 'vitest';
import {
  BACKOFF_MAX_MS,
  STALE_AFTER_MS,
  backoffMs,
  isDue,
  isStale,
  outboxLine,
  maskKey,
  nextAttemptAfter,
  normaliseServerUrl,
  parseSyncLink,
  problemOfStatus,
  takeBatch,
} from '../../src/domain/sync-rules';
import type { OutboxEntry } from '../../src/domain/sync-model';

describe('backoff with jitter', () => {
  it.each([
    [1, 1_500, 2_000],
    [2, 3_000, 4_000],
    [3, 6_000, 8_000],
    [6, 48_000, 64_000],
    [9, 384_000, 512_000],
    [10, 450_000, 600_000],
    [50, 450_000, 600_000],
    [1e9, 450_000, 600_000],
  ])('after failure %d waits between %d and %d ms', (attempts, low, high) => {
    // The jitter spreads tablets out but never leaves the exponential step's last quarter, nor passes 10 minutes.
    expect(backoffMs(attempts, 0)).toBe(low);
    expect(backoffMs(attempts, 0.999999)).toBeLessThanOrEqual(high);
    expect(backoffMs(attempts, 0.999999)).toBeGreaterThan(high * 0.99);
    for (const r of [0.1, 0.5, 0.9]) {
      const wait = backoffMs(attempts, r);
      expect(wait).toBeGreaterThanOrEqual(low);
      expect(wait).toBeLessThanOrEqual(Math.min(high, BACKOFF_MAX_MS));
    }
  });

  it('uses a different base when tests ask for one', () => {
    expect(backoffMs(1, 0, 100)).toBe(75);
    expect(backoffMs(3, 1, 100)).toBe(400);
  });

  it('is never negative or NaN for odd input', () => {
    for (const [a, r] of [[0, -1], [-5, 2], [Number.NaN, Number.NaN], [Infinity, 0.5]] as const) {
      const wait = backoffMs(a, r);
      expect(wait).toBeGreaterThanOrEqual(1_500);
      expect(wait).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    }
    expect(backoffMs(0, 0)).toBe(1_500);
  });

  it('waits the longest after a refused key or a blocked address: they do not mend by themselves', () => {
    expect(nextAttemptAfter('key', 1, 1000, 0)).toBe(1000 + BACKOFF_MAX_MS);
    expect(nextAttemptAfter('blocked', 1, 1000, 0)).toBe(1000 + BACKOFF_MAX_MS);
    // Another tablet's group: only the office moving it mends that.
    expect(nextAttemptAfter('forbidden', 1, 1000, 0)).toBe(1000 + BACKOFF_MAX_MS);
    expect(nextAttemptAfter('network', 1, 1000, 0)).toBe(1000 + 1_500);
    expect(nextAttemptAfter('server', 2, 1000, 0, 100)).toBe(1000 + 150);
  });
});

describe('what an answer means', () => {
  it.each([
    [200, null],
    [201, null],
    [401, 'key'],
    // 403 is "this key may not change that group": it waits for the office, holding nothing back.
    [403, 'forbidden'],
    [500, 'server'],
    [503, 'server'],
    [408, 'server'],
    [429, 'server'],
    [404, 'refused'],
    [400, 'refused'],
    [409, 'refused'],
    [413, 'refused'],
    [415, 'refused'],
  ] as const)('%d → %s', (status, problem) => {
    expect(problemOfStatus(status)).toBe(problem);
  });
});

describe('which summaries are due', () => {
  it.each([
    [{ status: 'waiting', nextAttemptAt: 100, leaseUntil: null }, 100, true],
    [{ status: 'waiting', nextAttemptAt: 101, leaseUntil: null }, 100, false],
    // Another tab is sending it: not ours until its lease runs out (that tab was closed mid-send).
    [{ status: 'sending', nextAttemptAt: 0, leaseUntil: 150 }, 100, false],
    [{ status: 'sending', nextAttemptAt: 0, leaseUntil: 100 }, 100, true],
    [{ status: 'sent', nextAttemptAt: 0, leaseUntil: null }, 100, false],
  ] as const)('%o at %d → %s', (entry, now, due) => {
    expect(isDue(entry, now)).toBe(due);
  });

  // The header line nags a chair who never set sending up only once a summary risks being cleared.
  it.each([
    ['never set up, nothing waiting', { configured: false, setAside: 0, oldestWaitingSince: null }, 'hidden'],
    ['never set up, a summary from today', { configured: false, setAside: 0, oldestWaitingSince: 0 }, 'hidden'],
    ['never set up, a summary exactly 5 days old', { configured: false, setAside: 0, oldestWaitingSince: -STALE_AFTER_MS }, 'hidden'],
    ['never set up, a summary over 5 days old', { configured: false, setAside: 0, oldestWaitingSince: -STALE_AFTER_MS - 1 }, 'stale-not-set-up'],
    ['set up, nothing waiting', { configured: true, setAside: 0, oldestWaitingSince: null }, 'shown'],
    ['set up, a summary over 5 days old', { configured: true, setAside: 0, oldestWaitingSince: -STALE_AFTER_MS - 1 }, 'shown'],
    ['no longer set up, something set aside', { configured: false, setAside: 1, oldestWaitingSince: null }, 'shown'],
  ] as const)('the header line: %s → %s', (_case, glance, line) => {
    expect(outboxLine(glance, 0)).toBe(line);
  });

  it('calls a summary stale after five days', () => {
    expect(isStale(null, 1e12)).toBe(false);
    expect(isStale(0, STALE_AFTER_MS)).toBe(false);
    expect(isStale(0, STALE_AFTER_MS + 1)).toBe(true);
  });
});

describe('what goes in one batch', () => {
  // `s40` is a summary whose body is 40 bytes; `r` an erasure or deletion request.
  const entry = (code: string, i: number) =>
    ({ id: `${code}-${i}`, ...(code === 'r' ? { kind: 'request' } : { kind: 'summary', bytes: Number(code.slice(1)) }) }) as unknown as OutboxEntry;
  const sizeOf = (e: OutboxEntry) => (e as unknown as { bytes: number }).bytes;
  it.each([
    ['nothing due', [], 3, 100, 0],
    ['a request first goes alone', ['r', 's10', 's10'], 3, 100, 1],
    ['summaries up to the next request', ['s10', 's10', 'r', 's10'], 3, 100, 2],
    ['no more than the most', ['s10', 's10', 's10', 's10'], 3, 100, 3],
    ['no more bytes than the budget', ['s40', 's40', 's40'], 3, 100, 2],
    ['exactly the budget', ['s50', 's50', 's10'], 3, 100, 2],
    ['one over the budget still goes, alone', ['s500', 's10'], 3, 100, 1],
  ])('%s', (_what, codes, max, maxBytes, taken) => {
    const due = codes.map(entry);
    expect(takeBatch(due, sizeOf, max, maxBytes)).toEqual(due.slice(0, taken));
  });
});

describe('the link from the office', () => {
  it.each([
    ['heard-sync:https://office.example.org/#heard_abc', { serverUrl: 'https://office.example.org/', deviceKey: 'heard_abc' }],
    ['  https://office.example.org/heard#heard_abc  ', { serverUrl: 'https://office.example.org/heard/', deviceKey: 'heard_abc' }],
    ['http://127.0.0.1:8787?x=1#heard_a%2Db', { serverUrl: 'http://127.0.0.1:8787/', deviceKey: 'heard_a-b' }],
    ['', 'empty'],
    ['https://office.example.org/', 'no-key'],
    ['https://office.example.org/#', 'no-key'],
    ['not a link#heard_abc', 'not-a-link'],
    ['ftp://office.example.org/#heard_abc', 'not-http'],
    // Plain http would carry the key and the summaries readable across the network: only to this machine.
    ['http://office.example.org/#heard_abc', 'not-https'],
    ['heard-sync:HTTP://office.example.org/#heard_abc', 'not-https'],
    ['http://192.168.1.20:8787/#heard_abc', 'not-https'],
    ['http://localhost.example.org/#heard_abc', 'not-https'],
    ['http://127.0.0.1.nip.io/#heard_abc', 'not-https'],
    ['http://localhost:8787/#heard_abc', { serverUrl: 'http://localhost:8787/', deviceKey: 'heard_abc' }],
  ])('%s', (raw, expected) => {
    expect(parseSyncLink(raw)).toEqual(expected);
  });

  it.each([
    ['https://office.example.org', 'https://office.example.org/'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787/'],
    ['http://LOCALHOST:1/x', 'http://localhost:1/x/'],
    ['http://office.example.org', 'not-https'],
    ['http://10.0.0.1', 'not-https'],
    ['http://[::1]:8787', 'not-https'],
    ['ws://office.example.org', 'not-http'],
  ])('the address %s is %s', (raw, expected) => {
    expect(normaliseServerUrl(raw)).toBe(expected);
  });

  it('shows only the key’s last four characters', () => {
    expect(maskKey('heard_abcdefgh1234')).toBe('••••1234');
    expect(maskKey('abc')).toBe('••••');
  });
});
