import type { EpochMs, Id } from './model';
import type { GlossaryTerm } from './balance-model';
import { ANSWER_ORDER } from '../../server/src/shared/answer-order.ts';

/**
 * The end-of-meeting check-in (issue 7), as it is stored. Answers, the marks
 * of who checked in, one-to-one requests and glossary words are four separate
 * records written together; none of them carries anything that ties one
 * person's answers to their mark (see checkin.ts, buildCheckInRecords).
 */

export type PromptKind = 'faces' | 'choice' | 'text';
export type Choice = 'yes' | 'not-sure' | 'no';
/** The order choice counts are stored in (PromptSummary.counts): kept so stored records read the same. */
export const CHOICES: readonly Choice[] = ['yes', 'not-sure', 'no'];
/** One order for every answer wherever it is asked or counted: the negative first (one definition with the server's). */
export const CHOICES_SHOWN: readonly Choice[] = ANSWER_ORDER;

/** A picture scale of three or five faces, 1 the saddest. */
export type FaceCount = 3 | 5;

/** A question as one check-in asks it: copied from the group's prompts when the check-in starts. */
export interface PromptSnapshot {
  id: Id;
  kind: PromptKind;
  text: string;
  /** Only for 'faces'. */
  faces?: FaceCount;
  /** For 'choice': a "yes" asks which words, and they go to the glossary. */
  asksForWords?: boolean;
}

/** One of a group's check-in questions, editable by the chair. */
export interface CheckInPrompt extends PromptSnapshot {
  groupId: Id;
  order: number;
  /** The library entry it came from, or null for the group's own words. */
  libraryKey: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export type Response =
  | { kind: 'faces'; value: number; of: FaceCount }
  | { kind: 'choice'; value: Choice; words?: string }
  | { kind: 'text'; value: string };

/** One answer within a person's answers, with the question as it was asked. */
export interface StoredResponse {
  promptId: Id;
  question: string;
  response: Response;
}

/** One person's answers. Stored apart from any name unless they chose to put their name to them. */
export interface CheckInAnswers {
  id: Id;
  meetingId: Id;
  /** Present only when the person ticked "Put my name to my answers". */
  personId?: Id;
  responses: StoredResponse[];
  /**
   * When the check-in started, the same for everyone in it: a moment of the
   * person's own would let answers be matched to a mark by time.
   */
  checkInStartedAt: EpochMs;
}

/** That a person checked in, kept apart from what they answered. */
export interface CheckInMark {
  id: Id;
  meetingId: Id;
  personId: Id;
  /** The check-in's start, not the person's moment (see CheckInAnswers). */
  checkInStartedAt: EpochMs;
}

export interface OneToOneRequest {
  id: Id;
  meetingId: Id;
  /** A name or a way to be contacted, as the person typed it: the chair must know who. */
  contact: string;
  checkInStartedAt: EpochMs;
}

/** The lock on the shared tablet while participants check in. At most one per device. */
export interface CheckInLock {
  meetingId: Id;
  groupId: Id;
  startedAt: EpochMs;
  prompts: PromptSnapshot[];
  /** Wrong chair PINs since the lock began, oldest first: waits are derived from these. */
  wrongPinAt: EpochMs[];
}

/** The chair PIN as stored: never the digits, only a salted PBKDF2 hash. */
export interface StoredPin {
  salt: string;
  hash: string;
  iterations: number;
}

/**
 * What a check-in ended without the chair PIN keeps from every screen: the
 * words people wrote, answers with a name on them, one-to-one requests and
 * the words raised for the glossary. They are moved out of the tables every
 * screen, export and summary reads into this record of their own, which the
 * screens never read; only the counts stay behind. The chair PIN, or the
 * device PIN if Heard has one, puts them back; if neither is known the chair
 * may delete them. `words` is the one field to encrypt when the data are
 * encrypted at rest: nothing else here says what anyone wrote.
 */
export interface SealedCheckIn {
  meetingId: Id;
  groupId: Id;
  sealedAt: EpochMs;
  /** Wrong PINs at the unseal form, oldest first: the same growing waits as the lock's. */
  wrongPinAt: EpochMs[];
  /**
   * The secrets in force when it was sealed, as their hashes: only these open
   * it. A chair PIN or device PIN set afterwards, by whoever then holds the
   * tablet, opens nothing sealed before it.
   */
  keys: SealedKeys;
  counts: SealedCounts;
  words: SealedWords;
}

export interface SealedKeys {
  chair: StoredPin | null;
  device: StoredPin | null;
}

/** How much is sealed, by kind: what a screen may say without opening anything. */
export interface SealedCounts {
  /** Answers written in words (a text answer, or the words after a "yes"). */
  written: number;
  /** People who put their name to their answers. */
  named: number;
  oneToOnes: number;
  glossary: number;
}

/** The rows as they were before sealing, to be put back whole. */
export interface SealedWords {
  /** Each person's answers, as given, for those whose answers held words or a name. */
  answers: CheckInAnswers[];
  oneToOnes: OneToOneRequest[];
  /** The check-in's glossary words (GlossaryTerm, source 'check-in'). */
  glossary: GlossaryTerm[];
}
