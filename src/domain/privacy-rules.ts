import { monthsBefore } from './dates';
import type { EpochMs, Meeting, RetentionMonths } from './model';
import type { OutboxEntry } from './sync-model';
import { tidyText } from './text-rules';

/** Small rules shared by erasure, deletion and retention. */

/** A summary the office has, or may have: sent once, or on its way now. */
export function reachedOffice(entry: OutboxEntry): boolean {
  return entry.sentAt !== null || entry.status === 'sending';
}

/** The chair typed the name to confirm: case and spacing aside, it must be the name. */
export function typedNameMatches(typed: string, name: string): boolean {
  const key = (text: string) => tidyText(text).toLocaleLowerCase('en-GB');
  return key(typed) !== '' && key(typed) === key(name);
}

/** A meeting that is running or being closed cannot be deleted: its record is still being written. */
export function isInProgress(meeting: Pick<Meeting, 'state'>): boolean {
  return meeting.state === 'running' || meeting.state === 'closing';
}

/**
 * Meetings older than the group keeps records for, oldest first: listed for
 * the chair to review, never deleted without them. A meeting in progress is
 * never listed; absent `months` means records are kept until deleted.
 */
export function pastRetention<M extends Pick<Meeting, 'startsAt' | 'state'>>(meetings: readonly M[], months: RetentionMonths | undefined, now: EpochMs): M[] {
  if (months === undefined) return [];
  const cutoff = monthsBefore(now, months);
  return meetings.filter((m) => m.startsAt < cutoff && !isInProgress(m)).sort((a, b) => a.startsAt - b.startsAt);
}
