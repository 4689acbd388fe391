import { elapsedLabelParts } from '../domain/meeting-clock';
import { t } from './strings/all';

const pad = (n: number) => String(n).padStart(2, '0');

/** 7:05, or 1:02:05 past an hour: the way a clock on the wall reads. */
export function formatDuration(ms: number): string {
  const { hours, minutes, seconds } = elapsedLabelParts(Math.abs(ms));
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** Whole minutes in words, for screen readers and people alike: "12 min". */
export function formatMinutes(ms: number): string {
  return t.run.minutesShort(Math.floor(Math.abs(ms) / 60_000));
}
