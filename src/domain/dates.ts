import { format, isValid, parseISO, subMonths } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import type { EpochMs } from './model';

/** The one way Heard writes dates and times for people (en-GB, date-fns). */

export function formatDay(at: EpochMs): string {
  return format(at, 'EEEE d MMMM yyyy', { locale: enGB });
}

export function formatShortDay(at: EpochMs): string {
  return format(at, 'EEE d MMM yyyy', { locale: enGB });
}

export function formatClock(at: EpochMs): string {
  return format(at, 'HH:mm', { locale: enGB });
}

export function formatDayAndClock(at: EpochMs): string {
  return format(at, 'd MMM yyyy, HH:mm', { locale: enGB });
}

/** yyyy-MM-dd, the value of a date input. */
export function isoDay(at: EpochMs): string {
  return format(at, 'yyyy-MM-dd');
}

/** A yyyy-MM-dd day (a due date) for people, e.g. "Fri 12 Apr 2030"; the text itself when it is not a real day. */
export function formatIsoDay(day: string): string {
  const parsed = parseISO(day);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && isValid(parsed) ? formatShortDay(parsed.getTime()) : day;
}

/** The same moment `months` calendar months earlier: 29 February less 12 months is 28 February. */
export function monthsBefore(at: EpochMs, months: number): EpochMs {
  return subMonths(at, months).getTime();
}
