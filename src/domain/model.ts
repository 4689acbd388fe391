/**
 * The meeting model as it is stored. All times are epoch milliseconds; calendar
 * fields (a meeting's date and clock times) are kept as the chair typed them so
 * that a tablet changing time zone never moves a meeting.
 */

import type { AreInRole } from './arein-model';

export type Id = string;
export type EpochMs = number;

export interface Perspective {
  id: Id;
  label: string;
}

export interface Group {
  id: Id;
  name: string;
  perspectives: Perspective[];
  /** A sample group a newcomer can explore and delete in one step. */
  sample: boolean;
  /** How long the chair keeps meeting records before reviewing them for deletion; absent: until the chair deletes them. */
  retentionMonths?: RetentionMonths;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** The retention periods a chair can choose from, in months. */
export type RetentionMonths = 12 | 24 | 36 | 72;

export const RETENTION_MONTHS: readonly RetentionMonths[] = [12, 24, 36, 72];

export type PersonStatus = 'active' | 'left';

export interface Person {
  id: Id;
  groupId: Id;
  name: string;
  perspectiveId: Id;
  status: PersonStatus;
  /** The ARE IN roles they bring (authority, resources, expertise, information, need); absent means none marked. */
  areIn?: AreInRole[];
  /** Set when the person was added on the day of one meeting, not to the roster. */
  guestOfMeetingId?: Id;
  /** Set when the person was erased: `name` is then their pseudonym ("Former member 3"), which never changes. */
  erasedAt?: EpochMs;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export type MeetingState = 'not-started' | 'running' | 'closing' | 'closed';

export interface Meeting {
  id: Id;
  groupId: Id;
  title: string;
  /** yyyy-MM-dd, as typed. */
  date: string;
  /** HH:mm, as typed. */
  startTime: string;
  endTime: string;
  /** Derived from date and startTime when saved, for sorting. */
  startsAt: EpochMs;
  venue: string;
  chairId: Id | null;
  state: MeetingState;
  sample: boolean;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** One person's place at one meeting. */
export interface Attendee {
  meetingId: Id;
  personId: Id;
  expected: boolean;
  /**
   * Absent: in the room from the start. A time: arrived late, then. Null: not
   * here (yet) — marked as not come, so no fair share is expected of them.
   */
  arrivedAt?: EpochMs | null;
  /** When they left early; absent or null while they are in the room. */
  leftAt?: EpochMs | null;
  /** Times they were out of the room and came back, [left, came back]: no fair share is expected of them then. */
  away?: [EpochMs, EpochMs][];
}
