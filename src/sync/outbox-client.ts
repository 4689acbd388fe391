import { claimDue, markFailed, markSent, readSyncSettings } from '../db/outbox-repo';
import type { EpochMs } from '../domain/model';
import type { OutboxEntry, SyncProblem, SyncSettings } from '../domain/sync-model';
import { BACKOFF_BASE_MS, LEASE_MS, isConfigured, nextAttemptAfter, otherTarget, outgoing, problemOfStatus, takeBatch } from '../domain/sync-rules';
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

/** At most this many summaries and requests in one drain: every loop is bounded. */
const MAX_PER_DRAIN = 200;
const LOCK_NAME = 'heard-outbox';
const BATCH_PATH = 'api/summaries/batch';

/**
 * Sends what is due in the outbox — summaries, then the erasure and deletion
 * requests made after them — oldest first: the summaries waiting together in
 * one batch request (up to BATCH_MAX), each request alone. Each is claimed in
 * a transaction before it is sent; with the Web Locks API only one tab drains
 * at all. The server is idempotent by id too, so even a lost reply followed by
 * a retry never makes a second copy.
 */
export async function drainOutbox(deps: DrainDeps): Promise<DrainOutcome> {
  const settings = await readSyncSettings();
  // Without a server and key from the chair, nothing is ever sent.
  if (!isConfigured(settings)) return { kind: 'not-set-up' };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return drainWithLatest(settings, deps, false);
  const outcome = await locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => (lock ? drainWithLatest(settings, deps, true) : null));
  return outcome ?? { kind: 'busy' };
}

/**
 * Drains with `settings`, and again with the chair's new ones if they were saved meanwhile: what
 * met the old key was made due again, and must not wait for some later trigger to go.
 */
async function drainWithLatest(settings: SyncSettings, deps: DrainDeps, exclusive: boolean): Promise<DrainOutcome> {
  let outcome = await drainHeld(settings, deps, exclusive);
  for (let round = 0; round < 2; round += 1) {
    const latest = await readSyncSettings();
    if (!isConfigured(latest) || !otherTarget(settings, latest)) break;
    settings = latest;
    const next = await drainHeld(settings, deps, exclusive);
    outcome = { ...next, sent: outcome.sent + next.sent };
  }
  return outcome;
}

/** What the server said about one entry: no problem (it has it), or why not. */
interface Answer {
  problem: SyncProblem | null;
  status: number | null;
}

async function drainHeld(settings: SyncSettings, deps: DrainDeps, exclusive: boolean): Promise<Extract<DrainOutcome, { kind: 'done' }>> {
  let sent = 0;
  let tried = 0;
  let problem: SyncProblem | null = null;
  // Until a server from before batches says it has no such address: then one at a time.
  let batches = true;
  const bodies = new Map<string, string>();
  const bodyOf = (entry: OutboxEntry) => {
    const key = `${entry.id}:${entry.revision}`;
    const known = bodies.get(key);
    if (known !== undefined) return known;
    const body = JSON.stringify(outgoing(entry, settings.names).body);
    bodies.set(key, body);
    return body;
  };
  const sizeOf = (entry: OutboxEntry) => new Blob([bodyOf(entry)]).size;
  while (tried < MAX_PER_DRAIN) {
    const entries = await claimDue(deps.now(), LEASE_MS, (due) => (batches ? takeBatch(due.slice(0, MAX_PER_DRAIN - tried), sizeOf) : due.slice(0, 1)), exclusive);
    if (entries.length === 0) break;
    tried += entries.length;
    const batch = entries.length > 1 ? await sendBatch(entries, bodyOf, settings, deps) : null;
    if (batch === 'no-batches') batches = false;
    // Answered in one batch request: each entry was sent, and each answer (its own, or the whole
    // request's) counts as a try. One at a time: after an answer that stops the drain (the key, the
    // network, a server failing), the rest were not sent and wait with that problem, no try counted.
    const answered = Array.isArray(batch) ? batch : null;
    let stopped: Answer | null = null;
    for (const [i, entry] of entries.entries()) {
      const answer: Answer = answered ? answered[i]! : (stopped ?? (await sendOne(entry, bodyOf(entry), settings, deps)));
      if (answer.problem === null) {
        await markSent(entry.id, entry.revision, deps.now());
        sent += 1;
        problem = null;
        continue;
      }
      const result = answer.problem;
      problem = result;
      const at = deps.now();
      const fate = await markFailed(entry.id, result, answered !== null || stopped === null, (attempts) => nextAttemptAfter(result, attempts, at, deps.random(), deps.baseMs), at, answer.status, settings);
      // Set aside, or another tablet's group (kept, waiting for the office), it holds nothing back: go on to the next.
      // Otherwise the next would meet the same key, policy or dead network: stop, and wait for the timer.
      // A refusal of a key the chair has since replaced: stop, and go again with the new one.
      if (fate === 'outdated' || (fate === 'waiting' && result !== 'forbidden')) stopped = answer;
    }
    if (stopped) break;
  }
  return { kind: 'done', sent, problem };
}

/** What one summary's result in a batch answer says, as the single send's status would. */
function answerOfResult(result: unknown): Answer | null {
  const { status, httpStatus } = (result ?? {}) as { status?: unknown; httpStatus?: unknown };
  if (status === 'created' || status === 'unchanged' || status === 'updated' || status === 'ignored') return { problem: null, status: 200 };
  if (status === 'refused' && typeof httpStatus === 'number' && httpStatus >= 400 && httpStatus < 600) return { problem: problemOfStatus(httpStatus), status: httpStatus };
  return null;
}

/**
 * Sends several summaries in one request. The answer for each, in order; the same answer for all
 * when the whole request met the key, the guessing limit, an office key or the network; 'singles'
 * when they must go one at a time to learn which is which (the server failed on the batch, or
 * answered what this device cannot read); 'no-batches' from a server without the batch address.
 */
async function sendBatch(
  entries: OutboxEntry[],
  bodyOf: (entry: OutboxEntry) => string,
  settings: SyncSettings,
  deps: DrainDeps,
): Promise<Answer[] | 'singles' | 'no-batches'> {
  const sent = await post(BATCH_PATH, `[${entries.map(bodyOf).join(',')}]`, settings, deps);
  const all = (answer: Answer) => entries.map(() => answer);
  if (!('response' in sent)) return all(sent.answer);
  const { response } = sent;
  // An older server; a server that takes smaller batches, or reads the batch otherwise (413, 400).
  if (response.status === 404 || response.status === 405) return 'no-batches';
  if (response.status === 401 || response.status === 403 || response.status === 429) return all({ problem: problemOfStatus(response.status), status: response.status });
  if (response.status !== 200) return 'singles';
  try {
    const { results } = (await response.json()) as { results?: unknown };
    if (!Array.isArray(results) || results.length !== entries.length) return 'singles';
    const answers = results.map((result: unknown, i) =>
      String((result as { id?: unknown } | null)?.id).toLowerCase() === entries[i]!.id.toLowerCase() ? answerOfResult(result) : null,
    );
    return answers.every((answer) => answer !== null) ? (answers as Answer[]) : 'singles';
  } catch {
    return 'singles';
  }
}

async function sendOne(entry: OutboxEntry, body: string, settings: SyncSettings, deps: DrainDeps): Promise<Answer> {
  const sent = await post(outgoing(entry, settings.names).path, body, settings, deps);
  return 'response' in sent ? { problem: problemOfStatus(sent.response.status), status: sent.response.status } : sent.answer;
}

/** One POST to the sync server with the device key: its response, or why there was none. */
async function post(path: string, body: string, settings: SyncSettings, deps: DrainDeps): Promise<{ response: Response } | { answer: Answer }> {
  const url = new URL(path, settings.serverUrl);
  const violations = watchPolicy(url.origin);
  try {
    const response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${settings.deviceKey}` },
      body,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    return { response };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { answer: { problem: 'timeout', status: null } };
    // A fetch the page's policy blocks fails just like a dead network; the policy says so in an event of its own.
    return { answer: { problem: (await violations.blocked()) ? 'blocked' : 'network', status: null } };
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
