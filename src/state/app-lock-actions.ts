import * as repo from '../db/app-lock-repo';
import type { IdleMinutes } from '../domain/app-lock';
import { appLockSession } from './app-lock-session';
import { hashPin, pinMatches } from './chair-pin';
import { now } from './clock';
import { save } from './save-status';

/** This page is open until the next reload, idle time or "Lock now". */
export function openSession(): void {
  appLockSession.setState({ open: true, openedAt: now() });
}

export function lockNow(): void {
  appLockSession.setState({ open: false });
}

async function devicePinMatches(pin: string): Promise<boolean> {
  const config = await repo.readAppLockConfig();
  return config !== null && (await pinMatches(pin, config.pin));
}

/** The chair who turns the lock on is not asked for the PIN they have just chosen. */
export async function turnOnAppLock(pin: string, idleMinutes: IdleMinutes) {
  const hashed = await hashPin(pin);
  const result = await save(() => repo.writeAppLockConfig({ pin: hashed, idleMinutes }, now()));
  if (result.ok) openSession();
  return result;
}

export function setIdleMinutes(idleMinutes: IdleMinutes) {
  return save(() => repo.writeIdleMinutes(idleMinutes));
}

export type PinChange = 'done' | 'wrong' | 'failed';

export async function changeAppLockPin(current: string, next: string): Promise<PinChange> {
  if (!(await devicePinMatches(current))) return 'wrong';
  const config = await repo.readAppLockConfig();
  if (!config) return 'failed';
  const hashed = await hashPin(next);
  const result = await save(() => repo.writeAppLockConfig({ ...config, pin: hashed }, now()));
  return result.ok ? 'done' : 'failed';
}

export async function turnOffAppLock(pin: string): Promise<PinChange> {
  if (!(await devicePinMatches(pin))) return 'wrong';
  const result = await save(() => repo.removeAppLock());
  return result.ok ? 'done' : 'failed';
}

export type UnlockResult = 'unlocked' | 'wrong' | 'must-wait' | 'failed';

/** The lock prompt's PIN. A wrong one is stored, so the growing waits survive a reload. */
export async function unlockApp(pin: string): Promise<UnlockResult> {
  const right = await devicePinMatches(pin);
  const result = await save(() => (right ? repo.recordRightDevicePin(now()) : repo.recordWrongDevicePin(now())));
  if (!result.ok) return result.rule === 'must-wait' ? 'must-wait' : 'failed';
  if (!right) return 'wrong';
  openSession();
  return 'unlocked';
}

/** A forgotten PIN: Heard's data on this tablet are erased, the lock with them; a backup file restores them. */
export function eraseForgotten(typed: string) {
  return save(() => repo.eraseEverything(typed));
}

/** A touch, written at most this often: the idle time is minutes, so a few seconds late is nothing. */
const TOUCH_EVERY_MS = 10_000;
let lastWritten = 0;

/** Not a user's save: no "Saved" message, and a failed write only means the lock may come a little early. */
export function noteActivity(at: number): void {
  if (Math.abs(at - lastWritten) < TOUCH_EVERY_MS) return;
  lastWritten = at;
  repo.writeLastActivity(at).catch(() => undefined);
}
