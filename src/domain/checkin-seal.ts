import type { GlossaryTerm } from './balance-model';
import { pinWaitRemaining } from './checkin';
import type { CheckInAnswers, OneToOneRequest, SealedCheckIn, SealedCounts, SealedKeys, SealedWords, StoredResponse } from './checkin-model';
import type { EpochMs, Id } from './model';

/**
 * Sealing a check-in that was ended without the chair PIN (issue 17): the
 * anonymous counts stay where every screen reads them; everything a person
 * wrote or put their name to goes into one sealed record, until the chair's
 * secret opens it again. Pure: the database moves the rows (db/checkin-repo.ts).
 */

/** What the check-in's tables hold for one meeting, as read just before sealing. */
export interface CheckInRows {
  answers: readonly CheckInAnswers[];
  oneToOnes: readonly OneToOneRequest[];
  /** The meeting's glossary words; only those raised in the check-in are sealed. */
  glossary: readonly GlossaryTerm[];
}

export interface SealPlan {
  /** Answers to write back in the place of the originals: counts only, no name, no words. */
  openAnswers: CheckInAnswers[];
  /** Ids to remove from their tables: they live in the sealed record now. */
  removeOneToOnes: Id[];
  removeGlossary: Id[];
  sealed: SealedCheckIn;
}

/** A response with nothing anyone wrote: faces and choices stay, words and text answers go. */
function countOnly(response: StoredResponse): StoredResponse | null {
  const r = response.response;
  if (r.kind === 'text') return null;
  if (r.kind === 'choice' && r.words !== undefined) return { ...response, response: { kind: 'choice', value: r.value } };
  return response;
}

/** One person's answers as the open tables may keep them while sealed; the same object when nothing needs sealing. */
export function openPartOf(answers: CheckInAnswers): CheckInAnswers {
  const responses = answers.responses.flatMap((r) => countOnly(r) ?? []);
  const unchanged = answers.personId === undefined && responses.length === answers.responses.length && responses.every((r, i) => r === answers.responses[i]);
  if (unchanged) return answers;
  const { personId: _named, ...rest } = answers;
  return { ...rest, responses };
}

export function countSealed(words: SealedWords): SealedCounts {
  return {
    written: words.answers.reduce((n, a) => n + a.responses.filter((r) => countOnly(r) !== r).length, 0),
    named: words.answers.filter((a) => a.personId !== undefined).length,
    oneToOnes: words.oneToOnes.length,
    glossary: words.glossary.length,
  };
}

export function nothingSealed(counts: SealedCounts): boolean {
  return counts.written + counts.named + counts.oneToOnes + counts.glossary === 0;
}

/**
 * Seals one meeting's check-in under the secrets in force now (`keys`). A
 * meeting sealed before (the check-in carried on and was ended without the
 * PIN again) keeps what it had and adds the new, under its first keys: a PIN
 * set in between, by whoever held the tablet, must not open what was sealed
 * before it. Its wrong tries stay too, so ending again never resets a wait.
 */
export function planSeal(meeting: { meetingId: Id; groupId: Id }, rows: CheckInRows, before: SealedCheckIn | null, keys: SealedKeys, at: EpochMs): SealPlan {
  const changed = rows.answers.filter((a) => openPartOf(a) !== a);
  const glossary = rows.glossary.filter((g) => g.source === 'check-in' && g.meetingId === meeting.meetingId);
  const words: SealedWords = {
    answers: [...(before?.words.answers ?? []), ...changed],
    oneToOnes: [...(before?.words.oneToOnes ?? []), ...rows.oneToOnes],
    glossary: [...(before?.words.glossary ?? []), ...glossary],
  };
  return {
    openAnswers: changed.map(openPartOf),
    removeOneToOnes: rows.oneToOnes.map((o) => o.id),
    removeGlossary: glossary.map((g) => g.id),
    sealed: {
      meetingId: meeting.meetingId,
      groupId: meeting.groupId,
      sealedAt: before?.sealedAt ?? at,
      wrongPinAt: before?.wrongPinAt ?? [],
      keys: before?.keys ?? keys,
      counts: countSealed(words),
      words,
    },
  };
}

export type UnsealRefusal = 'not-sealed' | 'must-wait';

/**
 * One try at opening: a right PIN gives back the rows to put back; a wrong one
 * the record with the try added. During a wait every try is refused, right or
 * wrong, so guessing cannot go on meanwhile (as at the check-in's lock).
 */
export function tryUnseal(
  sealed: SealedCheckIn | null,
  right: boolean,
  now: EpochMs,
): { refused: UnsealRefusal } | { opened: SealedWords } | { wrong: SealedCheckIn } {
  if (!sealed) return { refused: 'not-sealed' };
  if (pinWaitRemaining(sealed.wrongPinAt, now) > 0) return { refused: 'must-wait' };
  if (right) return { opened: sealed.words };
  return { wrong: { ...sealed, wrongPinAt: [...sealed.wrongPinAt, now] } };
}

/** What the screens are given of a sealed check-in: never the words, nor the hashes that open them. */
export type SealedGlance = Omit<SealedCheckIn, 'words' | 'keys'> & { opensWithDevicePin: boolean };

export function glanceOf(sealed: SealedCheckIn): SealedGlance {
  const { words: _words, keys, ...glance } = sealed;
  return { ...glance, opensWithDevicePin: keys.device !== null };
}

/** The word typed (privacy-rules.ts typedNameMatches) to delete sealed answers: a deliberate act, never a slip. */
export const DELETE_PHRASE = 'DELETE';
