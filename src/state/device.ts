import { createStore } from 'zustand/vanilla';
import type { NewerHeard } from '../db/connection';
import { readSetting, writeSetting } from '../db/settings-repo';

const PERSIST_ASKED = 'persist-asked';

export interface StorageInfo {
  supported: boolean;
  persisted: boolean;
  usage: number | null;
  quota: number | null;
}

/** Set when a newer Heard has the database: this page must be reloaded to carry on. */
export const versionChangedStore = createStore<{ mustReload: NewerHeard | null }>(() => ({ mustReload: null }));

/**
 * Asks the browser once to keep Heard's data even when space runs low. Called
 * after the first group exists, so the request comes when there is something to keep.
 */
export async function askToPersistOnce(): Promise<void> {
  if (!navigator.storage?.persist) return;
  if (await readSetting<boolean>(PERSIST_ASKED)) return;
  await writeSetting(PERSIST_ASKED, true);
  try {
    await navigator.storage.persist();
  } catch {
    // A refusal is an answer, shown on the "This device" screen.
  }
}

export async function askToPersistNow(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  await writeSetting(PERSIST_ASKED, true);
  return navigator.storage.persist();
}

export async function readStorageInfo(): Promise<StorageInfo> {
  const storage = navigator.storage;
  if (!storage?.estimate) return { supported: false, persisted: false, usage: null, quota: null };
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(false)]);
  return { supported: true, persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}
