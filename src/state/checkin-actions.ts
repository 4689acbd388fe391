import { buildCheckInRecords, promptFromLibrary, promptsForCheckIn, type CheckInDraft, type LibraryEntry } from '../domain/checkin';
import type { CheckInLock, CheckInPrompt, StoredPin } from '../domain/checkin-model';
import type { Id } from '../domain/model';
import type { SummaryWords } from '../domain/summary';
import * as repo from '../db/checkin-repo';
import { lockNow } from './app-lock-actions';
import { now } from './clock';
import { hashPin, pinMatches } from './chair-pin';
import { newId } from '../db/ids';
import { close } from './run-actions';
import { save } from './save-status';

/** Locks the tablet. `newPin` is set when the chair chose a PIN now; otherwise the stored one stays. */
export async function startCheckIn(
  meeting: { id: Id; groupId: Id },
  stored: readonly CheckInPrompt[],
  defaultText: (key: string) => string,
  newPin: string | null,
) {
  const hashed = newPin ? await hashPin(newPin) : null;
  const event = { type: 'start' as const, meetingId: meeting.id, groupId: meeting.groupId, prompts: promptsForCheckIn(stored, defaultText), at: now() };
  return save(() => repo.startCheckIn(event, hashed));
}

/** Checks a PIN against the stored hash without changing anything (used before the lock starts). */
export async function checkPin(pin: string): Promise<boolean> {
  const stored = await repo.readPin();
  return stored !== null && pinMatches(pin, stored);
}

export type UnlockResult = 'unlocked' | 'wrong' | 'must-wait' | 'failed';

/** The chair's PIN ends the lock; a wrong one is stored, so the waits survive a reload. */
export async function unlockWithPin(pin: string): Promise<UnlockResult> {
  const right = await checkPin(pin);
  const result = await save(async () => {
    if (right) await repo.unlockCheckIn(now());
    else await repo.recordWrongPin(now());
  });
  if (!result.ok) return result.rule === 'must-wait' ? 'must-wait' : 'failed';
  return right ? 'unlocked' : 'wrong';
}

/**
 * Anyone holding the tablet can end the check-in this way, so it must not
 * open the chair's screens past the device PIN: with that lock on, it asks.
 * Without it, what opens holds counts only: the words are sealed.
 */
export function endWithoutPin() {
  lockNow();
  return save(() => repo.endCheckInWithoutPin(now()));
}

/**
 * The chair PIN or, if Heard had one, the device PIN, as they were when the
 * check-in was sealed, opens it; a wrong try is stored, with the same waits.
 */
export async function openSealedWithPin(meetingId: Id, pin: string, words: SummaryWords): Promise<UnlockResult> {
  const keys = await repo.readSealedKeys(meetingId);
  const opensWith = [keys?.chair, keys?.device].filter((key): key is StoredPin => Boolean(key));
  const right = (await Promise.all(opensWith.map((key) => pinMatches(pin, key)))).some(Boolean);
  const result = await save(() => repo.openSealed(meetingId, right, now(), newId, words));
  if (!result.ok) return result.rule === 'must-wait' ? 'must-wait' : 'failed';
  return result.value === 'opened' ? 'unlocked' : 'wrong';
}

export function deleteSealedWords(meetingId: Id, typed: string) {
  return save(() => repo.deleteSealed(meetingId, typed));
}

export function finishMyCheckIn(draft: CheckInDraft, lock: CheckInLock) {
  return save(() => repo.saveCheckIn(buildCheckInRecords(draft, lock, newId)));
}

export function closeMeetingAfterCheckIn(meetingId: Id, words: SummaryWords) {
  return close(meetingId, words);
}

/** Saves the group's questions as given, in order: the first edit copies the defaults in. */
export function savePrompts(groupId: Id, prompts: readonly CheckInPrompt[]) {
  const at = now();
  return save(() => repo.replacePrompts(groupId, prompts.map((p) => ({ ...p, updatedAt: at }))));
}

export function newPrompt(groupId: Id, entry: LibraryEntry, text: string, order: number, own = false): CheckInPrompt {
  const prompt = promptFromLibrary(entry, text, groupId, order, newId(), now());
  return own ? { ...prompt, libraryKey: null } : prompt;
}
