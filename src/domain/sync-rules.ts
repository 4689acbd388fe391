import type { EpochMs } from './model';
import { isSummaryEntry, STALE_AFTER_MS, type OutboxEntry, type OutboxEntryBase, type SyncProblem, type SyncSettings, type SyncSummary } from './sync-model';

export { STALE_AFTER_MS };

/** The first retry waits about this long; each failure doubles it, up to BACKOFF_MAX_MS. */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 10 * 60_000;
/** How long one tab may hold a summary it is sending before another tab may take it over. */
export const LEASE_MS = 60_000;

/**
 * How long to wait after the `attempts`-th failure in a row: exponential from
 * `baseMs`, capped at `maxMs`, with jitter so tablets that lost the same
 * connection do not all come back in the same second. `random` is in [0, 1).
 * The wait is between 75 % and 100 % of the exponential step.
 */
export function backoffMs(attempts: number, random: number, baseMs = BACKOFF_BASE_MS, maxMs = BACKOFF_MAX_MS): number {
  const n = attempts >= 1 ? Math.floor(Math.min(attempts, 1e6)) : 1;
  // 2 ** 30 is far past any cap; stop there so the maths never overflows.
  const step = Math.min(maxMs, baseMs * 2 ** Math.min(n - 1, 30));
  const r = random > 0 ? Math.min(random, 1) : 0;
  return Math.round(step * (0.75 + 0.25 * r));
}

/** A summary or request the server failed on this many times in a row (5xx) is set aside. */
export const SET_ASIDE_AFTER = 5;

/**
 * What an HTTP answer means for a summary. 401 is this key, for everything;
 * 408 and 429 say "later"; 403 is this key and that group, until the office
 * moves the group (the entry waits and holds nothing back). Any other 4xx is
 * about this one entry (409: another body at the same revision): sending it
 * again as it is would only be refused again.
 */
export function problemOfStatus(status: number): SyncProblem | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401) return 'key';
  if (status === 403) return 'forbidden';
  if (status >= 500 || status === 408 || status === 429) return 'server';
  if (status >= 400) return 'refused';
  return 'server';
}

/** Refused, or failed on by the server again and again: set aside, so what comes after it still goes. */
export function setsAside(problem: SyncProblem, attempts: number): boolean {
  return problem === 'refused' || (problem === 'server' && attempts >= SET_ASIDE_AFTER);
}

/** Key and policy problems do not get better by themselves: wait the longest, until the chair changes something. */
export function nextAttemptAfter(problem: SyncProblem, attempts: number, at: EpochMs, random: number, baseMs = BACKOFF_BASE_MS): EpochMs {
  if (problem === 'key' || problem === 'forbidden' || problem === 'blocked' || problem === 'refused') return at + BACKOFF_MAX_MS;
  return at + backoffMs(attempts, random, baseMs);
}

export function isWaiting(entry: Pick<OutboxEntry, 'status'>): boolean {
  return entry.status !== 'sent';
}

/** Due now: waiting and its time has come, or 'sending' by a tab that let its lease run out. */
export function isDue(entry: Pick<OutboxEntry, 'status' | 'nextAttemptAt' | 'leaseUntil'>, now: EpochMs): boolean {
  if (entry.status === 'waiting') return entry.nextAttemptAt <= now;
  if (entry.status === 'sending') return (entry.leaseUntil ?? 0) <= now;
  return false;
}

/**
 * An erasure or deletion request goes after the summaries that were waiting
 * before it, so it never overtakes the summary it is about. A summary set
 * aside does not hold it back: that one may never go.
 */
export function isHeldBack(entry: OutboxEntry, unsent: readonly OutboxEntry[]): boolean {
  if (isSummaryEntry(entry)) return false;
  // Another tablet's group (403) is this entry's problem alone: it waits, and holds nothing back.
  return unsent.some(
    (other) => isSummaryEntry(other) && (other.status === 'waiting' || other.status === 'sending') && other.lastError !== 'forbidden' && other.createdAt <= entry.createdAt,
  );
}

/** Where an entry goes and what is sent: a request carries ids and a pseudonym, never a name. */
export function outgoing(entry: OutboxEntry, names: boolean): { path: string; body: object } {
  if (isSummaryEntry(entry)) {
    // Names the chair has since turned off do not leave the device, whatever the summary was built with.
    return { path: 'api/summaries', body: names ? entry.summary : withoutNames(entry.summary) };
  }
  const { kind, ...fields } = entry.request;
  return { path: `api/requests/${kind}`, body: { id: entry.id, ...fields } };
}

/**
 * Summaries in one batch request at most, and the bytes of their bodies at most: half of what the
 * server takes (100 and 1 MB), so a batch is well inside it. Any summary the server takes alone
 * (256 KB) fits in a batch alone.
 */
export const BATCH_MAX = 50;
export const BATCH_MAX_BYTES = 512 * 1024;

/**
 * What goes in one request, from the due entries oldest first: an erasure or deletion request
 * alone, or the summaries at the front, up to `max` of them and `maxBytes` of bodies (`sizeOf`),
 * always at least one.
 */
export function takeBatch<T extends OutboxEntry>(due: readonly T[], sizeOf: (entry: T) => number, max = BATCH_MAX, maxBytes = BATCH_MAX_BYTES): T[] {
  const [first, ...rest] = due;
  if (!first) return [];
  if (!isSummaryEntry(first)) return [first];
  const batch = [first];
  let bytes = sizeOf(first);
  for (const entry of rest) {
    if (batch.length >= max || !isSummaryEntry(entry)) break;
    bytes += sizeOf(entry);
    if (bytes > maxBytes) break;
    batch.push(entry);
  }
  return batch;
}

export function isStale(oldestWaitingSince: EpochMs | null, now: EpochMs): boolean {
  return oldestWaitingSince !== null && now - oldestWaitingSince > STALE_AFTER_MS;
}

/**
 * Whether the header says what waits to send. A chair who never set sending up
 * is not nagged at every meeting; only once a summary has waited so long that the
 * browser may clear it ('stale-not-set-up', said with what to do about it).
 */
export function outboxLine(
  glance: { configured: boolean; setAside: number; oldestWaitingSince: EpochMs | null },
  now: EpochMs,
): 'hidden' | 'shown' | 'stale-not-set-up' {
  // Set aside means sending was set up once and the office refused something: that needs the chair.
  if (glance.configured || glance.setAside > 0) return 'shown';
  return isStale(glance.oldestWaitingSince, now) ? 'stale-not-set-up' : 'hidden';
}

export type LinkProblem = 'empty' | 'not-a-link' | 'no-key' | 'not-http' | 'not-https';

/**
 * Reads what the office gives a tablet, as a link or a QR code's text:
 * `heard-sync:https://office.example.org/#heard_…` or the server's address
 * with the key after `#` (a fragment never goes to any server, not even in a
 * Referer). Returns the server's base address (ending in "/") and the key.
 */
export function parseSyncLink(raw: string): { serverUrl: string; deviceKey: string } | LinkProblem {
  let text = raw.trim();
  if (!text) return 'empty';
  if (text.toLowerCase().startsWith('heard-sync:')) text = text.slice('heard-sync:'.length).trim();
  const hash = text.indexOf('#');
  if (hash < 0) return 'no-key';
  const deviceKey = decodeURIComponent(text.slice(hash + 1)).trim();
  if (!deviceKey) return 'no-key';
  const serverUrl = normaliseServerUrl(text.slice(0, hash));
  if (isLinkProblem(serverUrl)) return serverUrl;
  return { serverUrl, deviceKey };
}

const LINK_PROBLEMS: readonly string[] = ['empty', 'not-a-link', 'no-key', 'not-http', 'not-https'];

export function isLinkProblem(value: unknown): value is LinkProblem {
  return typeof value === 'string' && LINK_PROBLEMS.includes(value);
}

/** Plain http only to this machine: anywhere else the key and the summaries would cross the network readable. */
const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1'];

/** An https address (http only for localhost and 127.0.0.1) with its path ending in "/", so `api/summaries` resolves under it. */
export function normaliseServerUrl(raw: string): string | Exclude<LinkProblem, 'no-key'> {
  const text = raw.trim();
  if (!text) return 'empty';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not-a-link';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not-http';
  if (url.protocol === 'http:' && !LOCAL_HOSTS.includes(url.hostname)) return 'not-https';
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

export function isConfigured(settings: Partial<SyncSettings> | undefined): settings is SyncSettings {
  return Boolean(settings?.serverUrl && settings.deviceKey);
}

/** Whether `now` sends to another server or with another key than `then`. */
export function otherTarget(then: Pick<SyncSettings, 'serverUrl' | 'deviceKey'>, now: Partial<SyncSettings>): boolean {
  return then.serverUrl !== now.serverUrl || then.deviceKey !== now.deviceKey;
}

/**
 * An answer about the key (401, 403) to a send made with `sentWith`, when the chair has saved
 * another key or server since (`now`): it says nothing about the new one.
 */
export function isOutdatedAnswer(problem: SyncProblem, sentWith: Pick<SyncSettings, 'serverUrl' | 'deviceKey'>, now: Partial<SyncSettings>): boolean {
  return (problem === 'key' || problem === 'forbidden') && otherTarget(sentWith, now);
}

/** The key as the screen may show it once saved: its last four characters only. */
export function maskKey(key: string): string {
  return key.length <= 4 ? '••••' : `••••${key.slice(-4)}`;
}

/** The same summary with every name taken out: used when the chair turns names off before it is sent. */
export function withoutNames(summary: SyncSummary): SyncSummary {
  const { groupName: _groupName, ...rest } = summary;
  return { ...rest, names: false, actions: summary.actions.map(({ owner: _owner, ownerId: _ownerId, ...action }) => action) };
}

/** The delivery state of an entry put in the outbox at `at`: waiting, never tried, never sent. */
export function newDelivery(at: EpochMs): Omit<OutboxEntryBase, 'id' | 'revision'> {
  return { status: 'waiting', attempts: 0, lastError: null, nextAttemptAt: at, leaseUntil: null, sentAt: null, sentRevision: null, createdAt: at, updatedAt: at };
}
