import type { EpochMs, Meeting } from './model';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export type ScheduleProblem = 'date-missing' | 'date-invalid' | 'start-invalid' | 'end-invalid' | 'end-before-start';

export interface ScheduleInput {
  date: string;
  startTime: string;
  endTime: string;
}

export interface ScheduleProblems {
  date?: ScheduleProblem;
  startTime?: ScheduleProblem;
  endTime?: ScheduleProblem;
}

function parseDate(date: string): [number, number, number] | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(y, m - 1, d);
  // Rejects 2026-02-30, which Date would quietly roll into March.
  if (probe.getFullYear() !== y || probe.getMonth() !== m - 1 || probe.getDate() !== d) return null;
  return [y, m, d];
}

function parseTime(time: string): [number, number] | null {
  const match = TIME_PATTERN.exec(time);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

export function checkSchedule(input: ScheduleInput): ScheduleProblems {
  const problems: ScheduleProblems = {};
  if (input.date.trim() === '') problems.date = 'date-missing';
  else if (!parseDate(input.date)) problems.date = 'date-invalid';
  const start = parseTime(input.startTime);
  const end = parseTime(input.endTime);
  if (!start) problems.startTime = 'start-invalid';
  if (!end) problems.endTime = 'end-invalid';
  else if (start && end[0] * 60 + end[1] <= start[0] * 60 + start[1]) problems.endTime = 'end-before-start';
  return problems;
}

/** The local wall-clock moment of `time` on `date`; NaN when either is not valid. */
export function localMoment(date: string, time: string): EpochMs {
  const d = parseDate(date);
  const t = parseTime(time);
  if (!d || !t) return Number.NaN;
  return new Date(d[0], d[1] - 1, d[2], t[0], t[1]).getTime();
}

export function meetingEndsAt(meeting: Pick<Meeting, 'date' | 'endTime'>): EpochMs {
  return localMoment(meeting.date, meeting.endTime);
}

/**
 * Upcoming means not yet over and not closed: a meeting running late is still
 * "upcoming" for the chair, not history.
 */
export function isUpcoming(meeting: Pick<Meeting, 'date' | 'endTime' | 'state'>, now: EpochMs): boolean {
  if (meeting.state === 'closed') return false;
  if (meeting.state === 'running' || meeting.state === 'closing') return true;
  return meetingEndsAt(meeting) >= now;
}

export interface SplitMeetings<M> {
  upcoming: M[];
  past: M[];
}

/** Upcoming soonest first (what is next matters most); past newest first. */
export function splitMeetings<M extends Pick<Meeting, 'date' | 'endTime' | 'state' | 'startsAt'>>(
  meetings: readonly M[],
  now: EpochMs,
): SplitMeetings<M> {
  const upcoming = meetings.filter((m) => isUpcoming(m, now)).sort((a, b) => a.startsAt - b.startsAt);
  const past = meetings.filter((m) => !isUpcoming(m, now)).sort((a, b) => b.startsAt - a.startsAt);
  return { upcoming, past };
}
