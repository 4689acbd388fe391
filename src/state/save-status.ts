import { createStore } from 'zustand/vanilla';
import type { EpochMs } from '../domain/model';
import { classifyStorageError, type StorageProblem } from '../db/storage-errors';
import { RuleError, type RuleCode } from '../domain/rule-codes';
import { now } from './clock';

export type SaveStatus =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved'; at: EpochMs }
  | { phase: 'failed'; problem: StorageProblem; at: EpochMs };

export const saveStatusStore = createStore<SaveStatus>(() => ({ phase: 'idle' }));

export type SaveResult<T> = { ok: true; value: T } | { ok: false; problem: StorageProblem; rule?: RuleCode };

/**
 * How long a write may take before the screen says "Saving…". A tap commits in a
 * millisecond or two: a word shown for that long cannot be read, and drawing it
 * would cost the tap's own frame on a slow tablet. A write that hangs (a busy or
 * full device) still says so well within a second.
 */
export const SAVING_SHOWN_AFTER_MS = 300;

/** Writes still going that have said "Saving…": while one is, no other write may say "Saved". */
let slowWrites = 0;

/** What a write that has settled leaves on the bar: a failure always, anything else once no slow write is still going. */
function settle(status: SaveStatus): void {
  if (status.phase !== 'failed' && slowWrites > 0) return;
  saveStatusStore.setState(status, true);
}

/**
 * Runs one user action's write. The write is a Dexie transaction, which has
 * committed when its promise resolves: only then does the screen say "saved".
 */
export async function save<T>(write: () => Promise<T>): Promise<SaveResult<T>> {
  let saidSlow = false;
  const timer = setTimeout(() => {
    saidSlow = true;
    slowWrites += 1;
    // A failure stays in words until a write succeeds: "Saving…" must not hide it.
    if (saveStatusStore.getState().phase !== 'failed') saveStatusStore.setState({ phase: 'saving' }, true);
  }, SAVING_SHOWN_AFTER_MS);
  const finished = () => {
    clearTimeout(timer);
    if (saidSlow) slowWrites -= 1;
  };
  try {
    const value = await write();
    finished();
    settle({ phase: 'saved', at: now() });
    return { ok: true, value };
  } catch (error) {
    finished();
    if (error instanceof RuleError) {
      // A refused rule is an answer for the form, not a storage failure: what was saved still is.
      settle({ phase: 'idle' });
      return { ok: false, problem: 'rule', rule: error.code };
    }
    const problem = classifyStorageError(error);
    console.error('Heard could not save', error);
    settle({ phase: 'failed', problem, at: now() });
    return { ok: false, problem };
  }
}
