import { elapsedLabelParts } from '../domain/meeting-clock';
import { t } from './strings/all';

const pad = (n: number) => String(n).padStart(2, '0');

/** 7:05, or 1:02:05 past an hour: the way a clock on the wall reads. */
export function formatDuration(ms: number): string {
  const { hours, minutes, seconds } = elapsedLabelParts(Math.abs(ms));
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/**
 * A length of time in words — "12 s", "4 min 5 s", "1 h 20 min" — the one way
 * every total is written, on every screen and in every file: whole seconds,
 * rounded down, as the clocks count them, so 12 seconds is never "0 min".
 */
export function formatLength(ms: number): string {
  const { hours, minutes, seconds } = elapsedLabelParts(Math.abs(ms));
  return t.run.length(hours, minutes, seconds);
}
