/** Turns what IndexedDB throws into the few cases a chair needs told apart. */
import { RuleError } from '../domain/rule-codes';

export type StorageProblem = 'device-full' | 'closed-by-other-tab' | 'newer-version' | 'blocked' | 'rule' | 'unknown';


/** Heard refused to open a database that a newer Heard has upgraded (src/db/connection.ts). */
export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError';
  constructor() {
    super('A newer version of Heard has upgraded this device’s database');
  }
}

function names(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  // Dexie wraps the browser's DOMException in `inner`; look all the way down.
  for (let depth = 0; current && depth < 5; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') found.push(name);
    current = inner;
  }
  return found;
}

export function classifyStorageError(error: unknown): StorageProblem {
  if (error instanceof RuleError) return 'rule';
  const all = names(error);
  const message = String((error as { message?: unknown } | null)?.message ?? '');
  if (all.includes('QuotaExceededError') || /quota/i.test(message)) return 'device-full';
  // Before "closed": Dexie reports a refused open as closed, with the reason inside.
  if (all.includes('NewerSchemaError')) return 'newer-version';
  if (all.includes('DatabaseClosedError') || all.includes('VersionChangeError')) return 'closed-by-other-tab';
  if (all.includes('BlockedError') || all.includes('InvalidStateError')) return 'blocked';
  return 'unknown';
}
