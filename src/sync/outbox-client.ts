import { claimDue, markFailed, markSent, readSyncSettings } from '../db/outbox-repo';
import type { EpochMs } from '../domain/model';
import type { OutboxEntry, SyncProblem, SyncSettings } from '../domain/sync-model';
import { BACKOFF_BASE_MS, LEASE_MS, isConfigured, nextAttemptAfter, outgoing, problemOfStatus } from '../domain/sync-rules';
import { now } from '../state/clock';

/** What a drain needs from the world, passed in so tests can give their own. */
export interface DrainDeps {
  fetch: typeof fetch;
  now: () => EpochMs;
  random: () => number;
  /** The first retry's wait; tests make it short. */
  baseMs: number;
  /** Give up on one request after this long (a server that accepts the connection and never answers). */
  timeoutMs: number;
}

export type DrainOutcome =
  | { kind: 'not-set-up' }
  /** Another tab holds the outbox: it is sending. */
  | { kind: 'busy' }
  | { kind: 'done'; sent: number; problem: SyncProblem | null };

/** At most this many summaries in one drain: every loop is bounded. */
const MAX_PER_DRAIN = 200;
const LOCK_NAME = 'heard-outbox';

/**
 * Sends what is due in the outbox — summaries, then the erasure and deletion
 * requests made after them — one at a time, oldest first. Each
 * one is claimed in a transaction before it is sent; with the Web Locks API
 * only one tab drains at all. The server is idempotent by id too, so even a
 * lost reply followed by a retry never makes a second copy.
 */
export async function drainOutbox(deps: DrainDeps): Promise<DrainOutcome> {
  const settings = await readSyncSettings();
  // Without a server and key from the chair, nothing is ever sent.
  if (!isConfigured(settings)) return { kind: 'not-set-up' };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return drainHeld(settings, deps, false);
  const outcome = await locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => (lock ? drainHeld(settings, deps, true) : null));
  return outcome ?? { kind: 'busy' };
}

async function drainHeld(settings: SyncSettings, deps: DrainDeps, exclusive: boolean): Promise<DrainOutcome> {
  let sent = 0;
  let problem: SyncProblem | null = null;
  for (let i = 0; i < MAX_PER_DRAIN; i += 1) {
    const [entry] = await claimDue(deps.now(), LEASE_MS, 1, exclusive);
    if (!entry) break;
    const { problem: result, status } = await sendOne(entry, settings, deps);
    if (result === null) {
      await markSent(entry.id, entry.revision, deps.now());
      sent += 1;
      problem = null;
      continue;
    }
    problem = result;
    const at = deps.now();
    const setAside = await markFailed(entry.id, result, true, (attempts) => nextAttemptAfter(result, attempts, at, deps.random(), deps.baseMs), at, status);
    // Set aside, or another tablet's group (kept, waiting for the office), it holds nothing back: go on to the next.
    // Otherwise the next would meet the same key, policy or dead network: stop, and wait for the timer.
    if (!setAside && result !== 'forbidden') break;
  }
  return { kind: 'done', sent, problem };
}

async function sendOne(entry: OutboxEntry, settings: SyncSettings, deps: DrainDeps): Promise<{ problem: SyncProblem | null; status: number | null }> {
  const { path, body } = outgoing(entry, settings.names);
  const url = new URL(path, settings.serverUrl);
  const violations = watchPolicy(url.origin);
  try {
    const response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${settings.deviceKey}` },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    return { problem: problemOfStatus(response.status), status: response.status };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { problem: 'timeout', status: null };
    // A fetch the page's policy blocks fails just like a dead network; the policy says so in an event of its own.
    return { problem: (await violations.blocked()) ? 'blocked' : 'network', status: null };
  } finally {
    violations.stop();
  }
}

function watchPolicy(origin: string): { blocked: () => Promise<boolean>; stop: () => void } {
  if (typeof document === 'undefined') return { blocked: async () => false, stop: () => {} };
  let seen = false;
  const listener = (event: SecurityPolicyViolationEvent) => {
    if (event.effectiveDirective === 'connect-src' && event.blockedURI.startsWith(origin)) seen = true;
  };
  document.addEventListener('securitypolicyviolation', listener);
  return {
    async blocked() {
      // The violation event is queued as its own task, possibly after the fetch has failed: give it a moment.
      for (let i = 0; i < 10 && !seen; i += 1) await new Promise((done) => setTimeout(done, 20));
      return seen;
    },
    stop: () => document.removeEventListener('securitypolicyviolation', listener),
  };
}

/** Tests set this in localStorage to make the backoff's first wait short (milliseconds). */
export const BACKOFF_BASE_KEY = 'heard-sync-backoff-base-ms';
/** Tests set this in localStorage to give up on a silent server sooner (milliseconds). */
export const TIMEOUT_KEY = 'heard-sync-timeout-ms';
/** How long one send may take before Heard gives up on it and tries again later. */
export const SEND_TIMEOUT_MS = 20_000;

const fromTests = (key: string, otherwise: number) => {
  const value = Number(globalThis.localStorage?.getItem(key));
  return value > 0 ? value : otherwise;
};

export function defaultDeps(): DrainDeps {
  return {
    fetch: (...args) => globalThis.fetch(...args),
    now,
    random: Math.random,
    baseMs: fromTests(BACKOFF_BASE_KEY, BACKOFF_BASE_MS),
    timeoutMs: fromTests(TIMEOUT_KEY, SEND_TIMEOUT_MS),
  };
}
