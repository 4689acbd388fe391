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

/**
 * Runs one user action's write. The write is a Dexie transaction, which has
 * committed when its promise resolves: only then does the screen say "saved".
 */
export async function save<T>(write: () => Promise<T>): Promise<SaveResult<T>> {
  const slow = setTimeout(() => saveStatusStore.setState({ phase: 'saving' }, true), SAVING_SHOWN_AFTER_MS);
  try {
    const value = await write();
    saveStatusStore.setState({ phase: 'saved', at: now() }, true);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof RuleError) {
      // A refused rule is an answer for the form, not a storage failure: what was saved still is.
      saveStatusStore.setState({ phase: 'idle' }, true);
      return { ok: false, problem: 'rule', rule: error.code };
    }
    const problem = classifyStorageError(error);
    console.error('Heard could not save', error);
    saveStatusStore.setState({ phase: 'failed', problem, at: now() }, true);
    return { ok: false, problem };
  } finally {
    clearTimeout(slow);
  }
}
