import { createStore } from 'zustand/vanilla';
import type { EpochMs } from '../domain/model';

/**
 * Whether this page has been unlocked with the device PIN since it opened.
 * Never stored: a reload or a reopened Heard starts locked and asks again.
 * Kept this small because the app's frame reads it on the first screen.
 */
export const appLockSession = createStore<{ open: boolean; openedAt: EpochMs }>(() => ({ open: false, openedAt: 0 }));
