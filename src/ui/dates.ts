import { format, isValid, parseISO } from 'date-fns';
import type { EpochMs } from '../domain/model';
import { dateLocale } from './strings/locale';
import { t } from './strings';

/**
 * The one way Heard writes dates and times for people: date-fns, with the
 * chosen locale's words for days and months and its catalogue's patterns.
 */

export function formatDay(at: EpochMs): string {
  return format(at, t.dates.day, { locale: dateLocale() });
}

export function formatShortDay(at: EpochMs): string {
  return format(at, t.dates.shortDay, { locale: dateLocale() });
}

export function formatClock(at: EpochMs): string {
  return format(at, t.dates.clock, { locale: dateLocale() });
}

export function formatDayAndClock(at: EpochMs): string {
  return format(at, t.dates.dayAndClock, { locale: dateLocale() });
}

/** A yyyy-MM-dd day (a due date) for people, e.g. "Fri 12 Apr 2030"; the text itself when it is not a real day. */
export function formatIsoDay(day: string): string {
  const parsed = parseISO(day);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && isValid(parsed) ? formatShortDay(parsed.getTime()) : day;
}
