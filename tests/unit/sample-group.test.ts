import { describe, expect, it } from 'vitest';
import { meetingEndsAt } from '../../src/domain/meeting-schedule';
import { coverageOf, groupNotices, meetingNotices, meetingPeople, rolesMarked } from '../../src/domain/arein';
import { buildSampleGroup } from '../../src/domain/sample-group';

const ruleText = (key: string) => `Words of ${key}`;

function counterIds() {
  let n = 0;
  return () => `id-${++n}`;
}

// A few moments, including late evening and the night the clocks change in the UK.
const moments = [Date.UTC(2030, 2, 14, 9, 0), Date.UTC(2030, 2, 14, 23, 30), Date.UTC(2026, 2, 29, 0, 30), Date.UTC(2026, 9, 25, 23, 59)];

describe('buildSampleGroup', () => {
  const now = Date.UTC(2030, 2, 14, 9, 0);
  const sample = buildSampleGroup(counterIds(), now, ruleText);

  it('marks the group and its meeting as samples', () => {
    expect(sample.group.sample).toBe(true);
    expect(sample.meeting.sample).toBe(true);
    expect(sample.group.name).toMatch(/^Sample:/);
  });

  it('gives every person a perspective from the group’s own list, in the group', () => {
    const known = new Set(sample.group.perspectives.map((p) => p.id));
    expect(sample.people.length).toBeGreaterThan(0);
    for (const person of sample.people) {
      expect(known.has(person.perspectiveId)).toBe(true);
      expect(person.groupId).toBe(sample.group.id);
      expect(person.status).toBe('active');
    }
  });

  // A sample with nothing marked told newcomers "nobody brings Need" beside two service users and two carers.
  it('comes with what each person brings marked, so it raises no false warnings on the group or its meeting', () => {
    expect(sample.people.every((p) => (p.areIn ?? []).length > 0)).toBe(true);
    const group = coverageOf(sample.people);
    expect(groupNotices(group, rolesMarked(sample.people))).toEqual([]);
    const today = coverageOf(meetingPeople(sample.people, sample.attendees));
    expect(sample.items.some((i) => i.purpose === 'decision')).toBe(true);
    expect(meetingNotices(today, rolesMarked(sample.people), sample.items)).toEqual([]);
  });

  it('brings in more than one perspective, so the balance views have something to show', () => {
    expect(new Set(sample.people.map((p) => p.perspectiveId)).size).toBeGreaterThan(1);
  });

  it.each(moments)('puts the meeting in the future relative to now (%d)', (at) => {
    const { meeting } = buildSampleGroup(counterIds(), at, ruleText);
    expect(meeting.startsAt).toBeGreaterThan(at);
    expect(meetingEndsAt(meeting)).toBeGreaterThan(meeting.startsAt);
    expect(meeting.state).toBe('not-started');
  });

  it('chooses a chair from the roster', () => {
    expect(sample.meeting.chairId).not.toBeNull();
    expect(sample.people.map((p) => p.id)).toContain(sample.meeting.chairId);
  });

  it('expects everyone in the group at the meeting', () => {
    expect(sample.attendees.map((a) => a.personId).sort()).toEqual(sample.people.map((p) => p.id).sort());
    for (const attendee of sample.attendees) {
      expect(attendee).toEqual({ meetingId: sample.meeting.id, personId: attendee.personId, expected: true });
    }
    expect(sample.meeting.groupId).toBe(sample.group.id);
  });

  it('comes with agreed ground rules and an agenda whose leads are in the roster', () => {
    expect(sample.rules.length).toBeGreaterThan(0);
    for (const rule of sample.rules) {
      expect(rule).toMatchObject({ groupId: sample.group.id, status: 'agreed' });
      expect(rule.text).toBe(ruleText(rule.templateKey!));
    }
    expect(sample.items.map((i) => i.order)).toEqual(sample.items.map((_, index) => index));
    const roster = new Set(sample.people.map((p) => p.id));
    for (const item of sample.items) {
      expect(item.meetingId).toBe(sample.meeting.id);
      if (item.leadId) expect(roster.has(item.leadId)).toBe(true);
    }
  });

  it('uses a fresh id for every record', () => {
    const ids = [
      sample.group.id,
      sample.meeting.id,
      ...sample.people.map((p) => p.id),
      ...sample.items.flatMap((i) => [i.id, ...i.papers.map((p) => p.id)]),
      ...sample.rules.map((r) => r.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
