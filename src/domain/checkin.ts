import type { EpochMs, Id } from './model';
import type { GlossaryTerm } from './balance-model';
import { tidyText } from './text-rules';
import {
  CHOICES,
  CHOICES_SHOWN,
  type CheckInAnswers,
  type CheckInLock,
  type CheckInMark,
  type CheckInPrompt,
  type Choice,
  type FaceCount,
  type OneToOneRequest,
  type PromptKind,
  type PromptSnapshot,
  type Response,
  type StoredResponse,
} from './checkin-model';

/* ---------- Prompts: the default questions and a small library ---------- */

export interface LibraryEntry {
  key: string;
  kind: PromptKind;
  faces?: FaceCount;
  asksForWords?: boolean;
}

/** The questions of issue 7, in order. Their words live in the UI's catalogue under the same keys. */
export const DEFAULT_PROMPTS: readonly LibraryEntry[] = [
  { key: 'said-what-wanted', kind: 'faces', faces: 3 },
  { key: 'listened-to', kind: 'choice' },
  { key: 'not-understood', kind: 'choice', asksForWords: true },
  { key: 'feeling', kind: 'faces', faces: 5 },
  { key: 'anything-else', kind: 'text' },
];

/** More questions a chair may add. */
export const PROMPT_LIBRARY: readonly LibraryEntry[] = [
  ...DEFAULT_PROMPTS,
  { key: 'papers-in-time', kind: 'choice' },
  { key: 'experience-counted', kind: 'faces', faces: 3 },
  { key: 'room-ok', kind: 'choice' },
  { key: 'next-steps-clear', kind: 'faces', faces: 5 },
  { key: 'better-next-time', kind: 'text' },
];

export const PROMPT_MAX_LENGTH = 200;
export const TEXT_ANSWER_MAX_LENGTH = 1000;
export const CONTACT_MAX_LENGTH = 120;

export function promptFromLibrary(entry: LibraryEntry, text: string, groupId: Id, order: number, id: Id, at: EpochMs): CheckInPrompt {
  const prompt: CheckInPrompt = { id, groupId, order, kind: entry.kind, text, libraryKey: entry.key, createdAt: at, updatedAt: at };
  if (entry.faces) prompt.faces = entry.faces;
  if (entry.asksForWords) prompt.asksForWords = true;
  return prompt;
}

/**
 * What a check-in will ask: the group's own prompts in order, or the defaults
 * when the group has none. Defaults get stable ids so answers still group by question.
 */
export function promptsForCheckIn(stored: readonly CheckInPrompt[], defaultText: (key: string) => string): PromptSnapshot[] {
  if (stored.length === 0) {
    return DEFAULT_PROMPTS.map((entry) => snapshot(promptFromLibrary(entry, defaultText(entry.key), '', 0, `default-${entry.key}`, 0)));
  }
  return [...stored].sort((a, b) => a.order - b.order).map(snapshot);
}

function snapshot(prompt: CheckInPrompt): PromptSnapshot {
  const { id, kind, text } = prompt;
  const copy: PromptSnapshot = { id, kind, text };
  if (kind === 'faces') copy.faces = prompt.faces ?? 3;
  if (kind === 'choice' && prompt.asksForWords) copy.asksForWords = true;
  return copy;
}

/* ---------- The chair PIN: format and waiting times ---------- */

export type PinProblem = 'empty' | 'format' | 'too-easy' | 'mismatch';

/**
 * The one rule for every PIN Heard asks a chair to choose, the chair PIN and
 * the device PIN alike: 4 to 6 digits (short enough to remember, typed on a
 * number pad), typed the same twice, and not one digit repeated (1111) or a
 * run up or down (1234, 9876), the first codes anyone would try. A too-easy
 * PIN is said before a mismatch, so the chair does not retype it for nothing.
 */
export function checkNewPin(pin: string, again: string): PinProblem | null {
  if (pin === '') return 'empty';
  if (!/^\d{4,6}$/.test(pin)) return 'format';
  if (isTooEasy(pin)) return 'too-easy';
  if (pin !== again) return 'mismatch';
  return null;
}

export function isTooEasy(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]!));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]!);
}

export function isPinShaped(pin: string): boolean {
  return /^\d{4,6}$/.test(pin);
}

/** Wrong tries allowed before any wait. */
export const FREE_TRIES = 4;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 30 * 60_000;

/**
 * How long to wait after `wrongCount` wrong PINs: nothing for the first four,
 * then 30 seconds after the fifth, doubling with each one after, up to 30 minutes.
 */
export function waitAfterWrongTries(wrongCount: number): number {
  if (wrongCount <= FREE_TRIES) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (wrongCount - FREE_TRIES - 1));
}

/** Milliseconds before the PIN may be tried again, derived from the stored wrong tries only. */
export function pinWaitRemaining(wrongPinAt: readonly EpochMs[], now: EpochMs): number {
  const last = wrongPinAt[wrongPinAt.length - 1];
  if (last === undefined) return 0;
  // A clock set backwards must not shorten the wait to nothing nor make it endless.
  const elapsed = Math.max(0, now - last);
  return Math.max(0, waitAfterWrongTries(wrongPinAt.length) - elapsed);
}

/* ---------- The lock ---------- */

export type LockEvent =
  | { type: 'start'; meetingId: Id; groupId: Id; prompts: PromptSnapshot[]; at: EpochMs }
  | { type: 'wrong-pin'; at: EpochMs }
  | { type: 'right-pin'; at: EpochMs }
  | { type: 'end-without-pin' };

export type LockRefusal = 'already-locked' | 'not-locked' | 'must-wait';

/**
 * The lock as a state machine: null is unlocked (the chair's screens are open).
 * Returns the next lock, or a refusal. A right PIN during a wait is refused too,
 * so guessing cannot continue while the wait runs.
 */
export function nextLock(lock: CheckInLock | null, event: LockEvent, now: EpochMs): CheckInLock | null | { refused: LockRefusal } {
  switch (event.type) {
    case 'start':
      if (lock) return { refused: 'already-locked' };
      return { meetingId: event.meetingId, groupId: event.groupId, startedAt: event.at, prompts: event.prompts, wrongPinAt: [] };
    case 'wrong-pin':
      if (!lock) return { refused: 'not-locked' };
      if (pinWaitRemaining(lock.wrongPinAt, now) > 0) return { refused: 'must-wait' };
      return { ...lock, wrongPinAt: [...lock.wrongPinAt, event.at] };
    case 'right-pin':
      if (!lock) return { refused: 'not-locked' };
      if (pinWaitRemaining(lock.wrongPinAt, now) > 0) return { refused: 'must-wait' };
      return null;
    case 'end-without-pin':
      if (!lock) return { refused: 'not-locked' };
      return null;
  }
}

export function isRefusal(value: CheckInLock | null | { refused: LockRefusal }): value is { refused: LockRefusal } {
  return value !== null && 'refused' in value;
}

/* ---------- One person's check-in ---------- */

export interface CheckInDraft {
  /** Who they said they are, or null for "I'd rather not say". */
  personId: Id | null;
  /** Only honoured when personId is set. */
  nameToAnswers: boolean;
  responses: Record<Id, Response>;
  /** Null when no one-to-one was asked for. */
  oneToOneContact: string | null;
}

export interface CheckInRecords {
  answers: CheckInAnswers;
  mark: CheckInMark | null;
  oneToOne: OneToOneRequest | null;
  glossary: GlossaryTerm[];
}

/** True when a response says something (an empty text box is no answer). */
export function isAnswered(response: Response | undefined): response is Response {
  if (!response) return false;
  if (response.kind === 'text') return tidyText(response.value) !== '';
  return true;
}

/**
 * Splits one person's check-in into the records to store. Anonymity rules:
 * the answers carry a person only if they asked; the mark carries nothing of
 * the answers; every record's time is the check-in's start, shared by all, and
 * every id is fresh, so nothing joins the answers back to the mark.
 */
export function buildCheckInRecords(draft: CheckInDraft, lock: CheckInLock, newId: () => Id): CheckInRecords {
  const at = lock.startedAt;
  const named = draft.personId !== null && draft.nameToAnswers;
  const responses: StoredResponse[] = [];
  const glossary: GlossaryTerm[] = [];
  for (const prompt of lock.prompts) {
    const raw = draft.responses[prompt.id];
    if (!isAnswered(raw) || raw.kind !== prompt.kind) continue;
    const response = tidyResponse(raw, prompt);
    responses.push({ promptId: prompt.id, question: prompt.text, response });
    if (response.kind === 'choice' && response.words) {
      for (const term of splitWords(response.words)) {
        glossary.push({
          id: newId(),
          groupId: lock.groupId,
          meetingId: lock.meetingId,
          term,
          explanation: '',
          askedById: named ? draft.personId : null,
          source: 'check-in',
          createdAt: at,
          updatedAt: at,
        });
      }
    }
  }
  const answers: CheckInAnswers = { id: newId(), meetingId: lock.meetingId, responses, checkInStartedAt: at };
  if (named && draft.personId) answers.personId = draft.personId;
  const mark: CheckInMark | null = draft.personId ? { id: newId(), meetingId: lock.meetingId, personId: draft.personId, checkInStartedAt: at } : null;
  const contact = draft.oneToOneContact === null ? '' : tidyText(draft.oneToOneContact);
  const oneToOne: OneToOneRequest | null = contact ? { id: newId(), meetingId: lock.meetingId, contact, checkInStartedAt: at } : null;
  return { answers, mark, oneToOne, glossary };
}

function tidyResponse(response: Response, prompt: PromptSnapshot): Response {
  if (response.kind === 'text') return { kind: 'text', value: tidyText(response.value).slice(0, TEXT_ANSWER_MAX_LENGTH) };
  if (response.kind === 'faces') {
    const of = prompt.faces ?? 3;
    return { kind: 'faces', value: Math.min(Math.max(1, Math.round(response.value)), of), of };
  }
  const words = response.value === 'yes' && prompt.asksForWords && response.words ? tidyText(response.words) : '';
  return words ? { kind: 'choice', value: response.value, words } : { kind: 'choice', value: response.value };
}

/** "ICB, MDT; discharge to assess" → three terms, each once. */
export function splitWords(words: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const part of words.split(/[,;\n]/)) {
    const term = tidyText(part);
    const key = term.toLocaleLowerCase('en-GB');
    if (term && !seen.has(key)) {
      seen.add(key);
      terms.push(term);
    }
  }
  return terms;
}

/** Words raised one at a time (a yes to "anything you didn't understand?"): at most this many, each this long. */
export const WORDS_MAX = 20;
export const WORD_MAX_LENGTH = 60;

export type WordProblem = 'empty' | 'too-long' | 'too-many';

/**
 * The words a person has raised, after adding what they typed: kept as one
 * text, ", " between words, as it is stored and split for the glossary. A
 * comma typed in the box adds two words, and a word already there is not
 * added twice. Nothing changes when there is a problem with what was typed.
 */
export function addWords(current: string, typed: string): { words: string; problem: WordProblem | null } {
  const adding = splitWords(typed);
  if (adding.length === 0) return { words: current, problem: 'empty' };
  if (adding.some((word) => word.length > WORD_MAX_LENGTH)) return { words: current, problem: 'too-long' };
  const all = splitWords([current, ...adding].join(','));
  if (all.length > WORDS_MAX) return { words: current, problem: 'too-many' };
  return { words: all.join(', '), problem: null };
}

export function removeWord(current: string, word: string): string {
  return splitWords(current)
    .filter((w) => w !== word)
    .join(', ');
}

/* ---------- What the chair sees ---------- */

export interface PromptSummary {
  promptId: Id;
  question: string;
  kind: PromptKind;
  /** For faces: index 0 is face 1. For choice: in CHOICES order. */
  counts: number[];
  /** Free text, with the person's id only when they put their name to it. */
  texts: { text: string; personId: Id | null }[];
  answered: number;
}

/** Counts per answer for each question, in the order the questions were asked. */
export function summarise(answers: readonly CheckInAnswers[]): PromptSummary[] {
  const byPrompt = new Map<Id, PromptSummary>();
  for (const row of answers) {
    for (const { promptId, question, response } of row.responses) {
      let summary = byPrompt.get(promptId);
      if (!summary) {
        summary = { promptId, question, kind: response.kind, counts: [], texts: [], answered: 0 };
        byPrompt.set(promptId, summary);
      }
      if (summary.kind !== response.kind) continue;
      summary.answered += 1;
      if (response.kind === 'faces') {
        while (summary.counts.length < Math.max(response.of, response.value)) summary.counts.push(0);
        summary.counts[response.value - 1]! += 1;
      } else if (response.kind === 'choice') {
        if (summary.counts.length === 0) summary.counts = CHOICES.map(() => 0);
        summary.counts[CHOICES.indexOf(response.value)]! += 1;
      } else {
        summary.texts.push({ text: response.value, personId: row.personId ?? null });
      }
    }
  }
  return [...byPrompt.values()];
}

export function choiceIndex(choice: Choice): number {
  return CHOICES.indexOf(choice);
}

/**
 * A choice question's counts as every screen and file lists them, in the check-in's one order
 * (CHOICES_SHOWN, the negative first). They are stored in CHOICES order and turned round here, the
 * one place that does; a picture scale's counts are stored 1 (saddest) upwards, already in that order.
 */
export function choiceCountsShown(counts: readonly number[]): { answer: Choice; count: number }[] {
  return CHOICES_SHOWN.map((answer) => ({ answer, count: counts[choiceIndex(answer)] ?? 0 }));
}

/**
 * How many people checked in: one set of answers each, named or not. Picking
 * a name is optional (anonymous by default), so the marks of who checked in
 * count only those who gave their name; every screen and the office's
 * summary give this one number.
 */
export function checkedInCount(answers: readonly unknown[]): number {
  return answers.length;
}
