import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingState } from '../../src/domain/model';
import { checkSchedule, isUpcoming, localMoment, splitMeetings } from '../../src/domain/meeting-schedule';

const good = { date: '2030-03-14', startTime: '10:00', endTime: '12:30' };

describe('checkSchedule', () => {
  it('accepts a real date with the end after the start', () => {
    expect(checkSchedule(good)).toEqual({});
  });

  it.each([
    ['', 'date-missing'],
    ['   ', 'date-missing'],
    ['2026-02-30', 'date-invalid'], // Date would roll this into March
    ['2027-02-29', 'date-invalid'], // not a leap year
    ['2026-13-01', 'date-invalid'],
    ['2026-00-10', 'date-invalid'],
    ['2026-04-31', 'date-invalid'],
    ['14/03/2030', 'date-invalid'],
    ['2030-3-14', 'date-invalid'],
    ['tomorrow', 'date-invalid'],
  ])('date %j is %s', (date, problem) => {
    expect(checkSchedule({ ...good, date })).toEqual({ date: problem });
  });

  it.each(['2028-02-29', '2030-12-31', '2030-01-01'])('date %j is fine', (date) => {
    expect(checkSchedule({ ...good, date })).toEqual({});
  });

  it.each(['', '9:00', '24:00', '12:60', '10.00', '10:00:00', 'ten'])('start time %j is invalid', (startTime) => {
    // With no valid start there is nothing to compare the end with, so only the start is flagged.
    expect(checkSchedule({ ...good, startTime })).toEqual({ startTime: 'start-invalid' });
  });

  it.each(['', '9:00', '24:00', '12:60'])('end time %j is invalid', (endTime) => {
    expect(checkSchedule({ ...good, endTime })).toEqual({ endTime: 'end-invalid' });
  });

  it.each([
    ['10:00', '10:00'],
    ['10:00', '09:59'],
    ['23:59', '00:00'],
  ])('start %s and end %s: the end must be after the start', (startTime, endTime) => {
    expect(checkSchedule({ ...good, startTime, endTime })).toEqual({ endTime: 'end-before-start' });
  });

  it.each([
    ['10:00', '10:01'],
    ['00:00', '23:59'],
  ])('start %s and end %s is fine', (startTime, endTime) => {
    expect(checkSchedule({ ...good, startTime, endTime })).toEqual({});
  });

  it('reports every field that is wrong at once', () => {
    expect(checkSchedule({ date: '', startTime: 'x', endTime: 'y' })).toEqual({
      date: 'date-missing',
      startTime: 'start-invalid',
      endTime: 'end-invalid',
    });
  });
});

describe('localMoment', () => {
  it('is the local wall-clock time on that day', () => {
    expect(localMoment('2030-03-14', '10:30')).toBe(new Date(2030, 2, 14, 10, 30).getTime());
    expect(localMoment('2028-02-29', '00:00')).toBe(new Date(2028, 1, 29, 0, 0).getTime());
  });

  it.each([
    ['2026-02-30', '10:00'],
    ['', '10:00'],
    ['2030-03-14', '24:00'],
    ['2030-03-14', ''],
  ])('is NaN for date %j and time %j', (date, time) => {
    expect(localMoment(date, time)).toBeNaN();
  });
});

type Slot = Pick<Meeting, 'date' | 'endTime' | 'state' | 'startsAt'> & { id: string };

function slot(id: string, date: string, startTime: string, endTime: string, state: MeetingState = 'not-started'): Slot {
  return { id, date, endTime, state, startsAt: localMoment(date, startTime) };
}

describe('isUpcoming', () => {
  const now = localMoment('2030-03-14', '12:00');

  it.each([
    ['not started, ends later today', slot('a', '2030-03-14', '11:00', '13:00'), true],
    ['not started, ends exactly now', slot('a', '2030-03-14', '10:00', '12:00'), true],
    ['not started, ended a minute ago', slot('a', '2030-03-14', '10:00', '11:59'), false],
    ['not started, yesterday', slot('a', '2030-03-13', '10:00', '12:00'), false],
    ['running past its end time', slot('a', '2030-03-14', '09:00', '10:00', 'running'), true],
    ['checking in past its end time', slot('a', '2030-03-13', '09:00', '10:00', 'closing'), true],
    ['closed, even if scheduled for later', slot('a', '2030-03-15', '09:00', '10:00', 'closed'), false],
  ])('%s: %s', (_label, meeting, expected) => {
    expect(isUpcoming(meeting, now)).toBe(expected);
  });
});

describe('splitMeetings', () => {
  const now = localMoment('2030-03-14', '12:00');
  const meetings = [
    slot('next-month', '2030-04-14', '10:00', '12:00'),
    slot('last-year', '2029-03-14', '10:00', '12:00'),
    slot('tomorrow', '2030-03-15', '10:00', '12:00'),
    slot('running-late', '2030-03-14', '09:00', '11:00', 'running'),
    slot('closed-tomorrow', '2030-03-15', '09:00', '10:00', 'closed'),
    slot('last-week', '2030-03-07', '10:00', '12:00'),
    slot('this-morning', '2030-03-14', '08:00', '09:00'),
  ];

  it('lists upcoming meetings soonest first, with a running meeting counted as upcoming', () => {
    const { upcoming } = splitMeetings(meetings, now);
    expect(upcoming.map((m) => m.id)).toEqual(['running-late', 'tomorrow', 'next-month']);
  });

  it('lists past meetings newest first, with closed meetings counted as past', () => {
    const { past } = splitMeetings(meetings, now);
    expect(past.map((m) => m.id)).toEqual(['closed-tomorrow', 'this-morning', 'last-week', 'last-year']);
  });

  it('puts every meeting in exactly one list and leaves the input alone', () => {
    const before = meetings.map((m) => m.id);
    const { upcoming, past } = splitMeetings(meetings, now);
    expect([...upcoming, ...past].map((m) => m.id).sort()).toEqual([...before].sort());
    expect(meetings.map((m) => m.id)).toEqual(before);
  });
});
