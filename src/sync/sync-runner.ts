import { createStore } from 'zustand/vanilla';
import { makeAllDue, nextDueAt, watchWaiting } from '../db/outbox-repo';
import { now } from '../state/clock';
import { defaultDeps, drainOutbox, type DrainOutcome } from './outbox-client';

export interface SyncRunState {
  /** A drain is running in this tab. */
  sending: boolean;
  last: DrainOutcome | null;
  /** When the timer will try next; null when nothing waits. */
  nextTryAt: number | null;
}

export const syncRunStore = createStore<SyncRunState>(() => ({ sending: false, last: null, nextTryAt: null }));

let running: Promise<void> | null = null;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let started = false;

/** Drains now, or right after the drain already running. */
export function requestDrain(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    syncRunStore.setState({ sending: true });
    try {
      // Bounded: a request made during a drain gets one more pass, not an endless loop.
      for (let pass = 0; pass < 3; pass += 1) {
        again = false;
        const last = await drainOutbox(defaultDeps());
        syncRunStore.setState({ last });
        if (!again) break;
      }
    } catch (error) {
      // Storage trouble: the status shows what is waiting; try again on the next trigger.
      console.error('Heard could not read the outbox', error instanceof Error ? error.name : 'error');
    } finally {
      running = null;
      syncRunStore.setState({ sending: false });
      await scheduleNext();
    }
  })();
  return running;
}

/** "Sync now", or new settings: everything waiting is tried at once, whatever its backoff said. */
export async function syncNow(): Promise<void> {
  await makeAllDue(now());
  await requestDrain();
}

async function scheduleNext(): Promise<void> {
  clearTimeout(timer);
  const due = await nextDueAt().catch(() => null);
  const busy = syncRunStore.getState().last?.kind === 'busy';
  // Another tab holds the outbox: look again in a while in case it is closed mid-send.
  const at = busy ? now() + 30_000 : due;
  syncRunStore.setState({ nextTryAt: at });
  if (at === null || syncRunStore.getState().last?.kind === 'not-set-up') return;
  // setTimeout's longest wait is about 24.8 days; the backoff never comes near it.
  timer = setTimeout(() => void requestDrain(), Math.min(Math.max(0, at - now()), 2 ** 31 - 1));
}

/**
 * Drains at start, when the connection comes back, when the tab is shown
 * again, and when a summary is newly closed (here or in another tab); the
 * backoff timer does the rest.
 */
export function startSync(): void {
  if (started) return;
  started = true;
  addEventListener('online', () => void requestDrain());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void requestDrain();
  });
  const seen = new Set<string>();
  let first = true;
  watchWaiting((keys) => {
    let fresh = false;
    for (const key of keys) {
      if (!seen.has(key)) fresh = true;
      seen.add(key);
    }
    if (fresh && !first) void requestDrain();
    first = false;
  });
  void requestDrain();
}
