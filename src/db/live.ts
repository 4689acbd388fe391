import { liveQuery } from 'dexie';
import { classifyStorageError, NewerSchemaError } from './storage-errors';

/** Runs `query` now and again whenever the tables it read change (in this tab or another). */
export function watch<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void): () => void {
  const subscription = liveQuery(() => query().catch(sayWhenNewer)).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}

/**
 * Dexie's live queries wait without a word while the database is closed, for
 * it to open again. Closed because a newer Heard has upgraded it, it never
 * will: the screen is told, rather than left "Loading…" for ever.
 */
function sayWhenNewer(error: unknown): never {
  throw classifyStorageError(error) === 'newer-version' ? new NewerSchemaError() : error;
}
