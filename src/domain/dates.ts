import { format, subMonths } from 'date-fns';
import type { EpochMs } from './model';

/** Dates as data. Dates for people are written by the UI (src/ui/dates.ts), in the chosen locale. */

/** yyyy-MM-dd, the value of a date input. */
export function isoDay(at: EpochMs): string {
  return format(at, 'yyyy-MM-dd');
}

/** The same moment `months` calendar months earlier: 29 February less 12 months is 28 February. */
export function monthsBefore(at: EpochMs, months: number): EpochMs {
  return subMonths(at, months).getTime();
}
