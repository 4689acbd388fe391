import type { BalanceThresholds } from '../domain/balance';
import { DEFAULT_THRESHOLDS } from '../domain/balance';
import type { QueueMode } from '../domain/speaker-queue';
import { readBalanceSettings, readSetting, writeBalanceSettings, writeSetting } from '../db/settings-repo';
import { save } from './save-status';

const VIBRATE_KEY = 'vibrate-on-overrun';

export async function readVibrateOnOverrun(): Promise<boolean> {
  return (await readSetting<boolean>(VIBRATE_KEY)) ?? false;
}

export function setVibrateOnOverrun(on: boolean) {
  return save(() => writeSetting(VIBRATE_KEY, on));
}


export interface BalancePreferences {
  thresholds: BalanceThresholds;
  queueMode: QueueMode;
  /** A gentle cue when one turn runs past this; null for none. */
  softLimitMs: number | null;
}

export const DEFAULT_BALANCE_PREFERENCES: BalancePreferences = { thresholds: DEFAULT_THRESHOLDS, queueMode: 'asked', softLimitMs: null };

/** Kept per group, as each group agrees what counts as heard. */
export async function readBalancePreferences(groupId: string): Promise<BalancePreferences> {
  return withDefaults(await readBalanceSettings<Partial<BalancePreferences>>(groupId));
}

function withDefaults(stored: Partial<BalancePreferences> | undefined): BalancePreferences {
  return { ...DEFAULT_BALANCE_PREFERENCES, ...stored, thresholds: { ...DEFAULT_THRESHOLDS, ...stored?.thresholds } };
}

export function saveBalancePreferences(groupId: string, preferences: BalancePreferences) {
  return save(() => writeBalanceSettings(groupId, preferences));
}
