import type { EpochMs, Id } from './model';

/** One person speaking, from the tap that started it to the tap that ended it. */
export interface Turn {
  id: Id;
  meetingId: Id;
  /** The agenda item being discussed; null before the first item or between items. */
  itemId: Id | null;
  /** Null for open cross-talk, which is counted against nobody. */
  personId: Id | null;
  crossTalk: boolean;
  startedAt: EpochMs;
  /** Null while the turn is running. */
  endedAt: EpochMs | null;
}

/** Someone asking to speak. */
export interface QueueEntry {
  id: Id;
  meetingId: Id;
  personId: Id;
  askedAt: EpochMs;
  /** Set when the chair moves someone by hand; otherwise the queue's own order applies. */
  position: number | null;
  /** When they were given the floor or taken off the queue. */
  doneAt: EpochMs | null;
  /** The turn "Next speaker" started for them: undoing that tap puts them back in the queue. */
  floorTurnId?: Id;
}

/** A term someone flagged as jargon, with its plain-words explanation once given. */
export interface GlossaryTerm {
  id: Id;
  groupId: Id;
  /** The meeting it was raised at; null for a term added to the group's glossary directly. */
  meetingId: Id | null;
  term: string;
  explanation: string;
  askedById: Id | null;
  source: 'jargon-flag' | 'check-in';
  createdAt: EpochMs;
  updatedAt: EpochMs;
}
