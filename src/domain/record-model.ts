import type { EpochMs, Id } from './model';

/**
 * The parked dissent register, decisions and actions (issue 6), as stored.
 * Nothing here is ever deleted: a change of state appends to `history`, so the
 * record shows what was said, when, and what came of it.
 */

/** parked → revisited → resolved | standing. Revisiting may happen at any later item or meeting. */
export type DissentStatus = 'parked' | 'revisited' | 'resolved' | 'standing';

export const DISSENT_STATUSES: readonly DissentStatus[] = ['parked', 'revisited', 'resolved', 'standing'];

export interface DissentChange {
  status: DissentStatus;
  at: EpochMs;
  /** The meeting it happened at; null when changed between meetings. */
  meetingId: Id | null;
  /** How it was resolved, or what was said on revisiting; '' when nothing was. */
  note: string;
  /** For 'standing': the decision it is recorded against. */
  decisionId?: Id;
}

export interface DissentEntry {
  id: Id;
  groupId: Id;
  /** The meeting where it was first parked. */
  meetingId: Id;
  /** The agenda item under discussion when it was parked, if any. */
  itemId: Id | null;
  /** Who raised it; null when the person asked to stay anonymous. */
  raisedById: Id | null;
  /** In the person's own words, as typed (tidied of stray spaces only). */
  words: string;
  status: DissentStatus;
  /** For 'resolved': how, in words. */
  resolution: string;
  /** For 'standing': the decision it stands against. */
  decisionId: Id | null;
  /** Oldest first; the first entry is always the parking. */
  history: DissentChange[];
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export type DecisionMethodKind = 'consensus' | 'vote' | 'chair' | 'deferred' | 'elsewhere';

export const DECISION_METHOD_KINDS: readonly DecisionMethodKind[] = ['consensus', 'vote', 'chair', 'deferred', 'elsewhere'];

/** How a decision was reached; 'elsewhere' names who made it, so decisions made outside the group are visible. */
export type DecisionMethod =
  | { kind: 'consensus' }
  | { kind: 'vote'; for: number; against: number; abstain: number }
  | { kind: 'chair' }
  | { kind: 'deferred' }
  | { kind: 'elsewhere'; by: string };

export interface Decision {
  id: Id;
  groupId: Id;
  meetingId: Id;
  itemId: Id | null;
  text: string;
  how: DecisionMethod;
  /** Dissent recorded as standing against this decision. */
  dissentIds: Id[];
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** A person in the group, or an organisation by name (the council, the trust). */
export type ActionOwner = { kind: 'person'; personId: Id } | { kind: 'organisation'; name: string };

export type ActionStatus = 'open' | 'done' | 'dropped';

export type ActionChangeKind = 'created' | 'carried' | 'updated' | 'done' | 'dropped' | 'reopened';

export interface ActionChange {
  kind: ActionChangeKind;
  at: EpochMs;
  meetingId: Id | null;
  /** What came of it, a progress note, or the reason it was dropped. */
  note: string;
  /** For 'created' and 'updated': the due date from then on. */
  due?: string;
}

export interface ActionItem {
  id: Id;
  groupId: Id;
  /** The meeting where it was agreed. */
  meetingId: Id;
  itemId: Id | null;
  what: string;
  owner: ActionOwner;
  /** yyyy-MM-dd. */
  due: string;
  status: ActionStatus;
  /** For 'dropped': why. */
  droppedReason: string;
  history: ActionChange[];
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
