import type { EpochMs, Id } from './model';

/** A summary waiting longer than this is said prominently: a browser may clear a web page's data. */
export const STALE_AFTER_MS = 5 * 24 * 60 * 60_000;

/**
 * The summary a device sends to the programme office (schemaVersion 1), field
 * for field as the server's zod schema (server/src/summary-schema.ts) accepts
 * it. That schema is strict: a field not listed there is refused, so nothing
 * leaves the device by accident. A unit test checks built summaries against it.
 */
export interface SyncSummary {
  schemaVersion: 1;
  id: Id;
  revision: number;
  groupId: Id;
  /** Only when `names` is true. */
  groupName?: string;
  meetingId: Id;
  /** yyyy-MM-dd */
  date: string;
  durationMinutes: number;
  presentByPerspective: Record<string, number>;
  items: { title: string; plannedMinutes: number; usedMinutes: number }[];
  voiceBalance: { perspective: string; talkSeconds: number; turns: number; fairShareSeconds: number }[];
  dissent: { parked: number; resolved: number; standing: number };
  decisions: { text: string; how: 'consensus' | 'vote' | 'chair' | 'deferred' | 'elsewhere'; votes?: { for: number; against: number; abstain: number } }[];
  /**
   * The actions agreed at this meeting. `ref` is the action's own id (random, naming nobody), so the
   * office can follow one action from meeting to meeting; `doneOn` (yyyy-MM-dd) is when it was marked
   * done. `owner` and, for a person of the group, `ownerId` (their device id): only when `names` is true.
   */
  actions: { text: string; due: string; status: 'open' | 'done' | 'dropped'; ref?: string; doneOn?: string; owner?: string; ownerId?: Id }[];
  /** Actions agreed at earlier meetings that were followed up at this one: where each stands, no words. */
  followedUp?: { ref: string; due: string; status: 'open' | 'done' | 'dropped'; doneOn?: string }[];
  checkIn: { checkedIn: number; oneToOneRequests: number; prompts: { prompt: string; counts: Record<string, number> }[] };
  glossaryTerms: string[];
  names: boolean;
  groupReview?: { date: string; ratings: { topic: string; counts: Record<string, number> }[]; comments: number };
}

/** Why the last try to send did not work, as the screen puts it in words. */
export type SyncProblem =
  /** 401: the server did not accept the device key. */
  | 'key'
  /** 403: the key is accepted, but the group is another tablet's (the office moved it, or never gave it). */
  | 'forbidden'
  /** No connection: offline, or the server down. */
  | 'network'
  /** The server took the connection but did not answer in time. */
  | 'timeout'
  /** The page's Content Security Policy does not allow this server. */
  | 'blocked'
  /** 5xx, 408, 429, or an answer that made no sense. */
  | 'server'
  /** Any other 4xx (400, 403, 404, 409, 413…): the server refused this one; sending it again as it is will not help. */
  | 'refused';

/**
 * waiting → sending (leased to one tab, until `leaseUntil`) → sent. A sent
 * summary goes back to waiting, same id, higher revision, when the meeting is
 * closed again or the chair sends it again after later changes.
 * sending → set-aside when the server refused it (a 4xx) or failed on it
 * SET_ASIDE_AFTER times in a row: kept on the device, never deleted, not tried
 * again by itself (until the chair does, or changes the server's settings),
 * and never holding anything behind it.
 */
export type OutboxStatus = 'waiting' | 'sending' | 'sent' | 'set-aside';

/**
 * What the chair asked the office to forget (UK GDPR). Sent through the same
 * outbox as summaries, after them, so a request never overtakes the summary it
 * is about. Only ids and a pseudonym: a request never carries a name.
 */
export type PrivacyRequest =
  /** Replace the person's name with `pseudonym` in every stored summary of the group (only matters when names were sent). */
  | { kind: 'erase-person'; groupId: Id; personId: Id; pseudonym: string }
  /** Delete the summary `summaryId` (the meeting's) from the server. */
  | { kind: 'delete-meeting'; groupId: Id; meetingId: Id; summaryId: Id }
  /** Delete every summary of the group from the server. */
  | { kind: 'delete-group'; groupId: Id };

export interface OutboxEntryBase {
  /** The summary's (or request's) id, made on the device: also the server's idempotency key. */
  id: Id;
  status: OutboxStatus;
  /** 1 at the first close; each rebuild of the summary adds one. Always 1 for a request. */
  revision: number;
  /** Tries since the last success or rebuild: the backoff grows with it. */
  attempts: number;
  lastError: SyncProblem | null;
  /** The HTTP status of the last failed answer, when there was one: said in words once the entry is set aside. */
  lastStatus?: number | null;
  /** Not tried again before this. */
  nextAttemptAt: EpochMs;
  /** While 'sending': another tab may take it over after this (the tab that had it closed). */
  leaseUntil: EpochMs | null;
  sentAt: EpochMs | null;
  /** The revision the server has: a later rebuild is waiting while this is older. */
  sentRevision: number | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** A meeting summary on the device, waiting for (or done with) the programme office. Rows stored before requests existed have no `kind`. */
export interface SummaryOutboxEntry extends OutboxEntryBase {
  kind?: 'summary';
  meetingId: Id;
  /** The document as built at the last close, for `revision`. */
  summary: SyncSummary;
}

/** An erasure or deletion request waiting for the programme office. */
export interface RequestOutboxEntry extends OutboxEntryBase {
  kind: 'request';
  request: PrivacyRequest;
}

export type OutboxEntry = SummaryOutboxEntry | RequestOutboxEntry;

export function isSummaryEntry(entry: OutboxEntry): entry is SummaryOutboxEntry {
  return entry.kind !== 'request';
}

/** The chair's settings for sending summaries: without a server and key, nothing is ever sent. */
export interface SyncSettings {
  /** The server's base address, e.g. https://office.example.org/ */
  serverUrl: string;
  /** Never shown in full after saving, never logged, never exported. */
  deviceKey: string;
  /** Put names (the group's, action owners') in summaries: off unless the chair turns it on. */
  names: boolean;
}

/** What the always-visible status shows; read in one small query by the app's frame. */
export interface SyncGlance {
  /** Everything not yet sent: summaries and requests. */
  waiting: number;
  /** Of those, how many are erasure or deletion requests. */
  requests: number;
  /** Set aside after the server refused them or failed on them again and again: not counted in `waiting`. */
  setAside: number;
  /** When the oldest waiting summary was first closed. */
  oldestWaitingSince: EpochMs | null;
  lastError: SyncProblem | null;
  lastSentAt: EpochMs | null;
  configured: boolean;
}

/** Kept in the settings table under SYNC_LAST_KEY: what happened the last time a tab sent. */
export interface SyncLast {
  lastError: SyncProblem | null;
  lastSentAt: EpochMs | null;
  lastAttemptAt: EpochMs | null;
}
