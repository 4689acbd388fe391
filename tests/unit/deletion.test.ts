import { describe, expect, it } from 'vitest';
import { planGroupOutbox, planMeetingDeletion, type DeletionPlan } from '../../src/domain/deletion';
import type { GroupHoldings } from '../../src/domain/group-holdings';
import { pastRetention, typedNameMatches } from '../../src/domain/privacy-rules';
import type { RequestOutboxEntry } from '../../src/domain/sync-model';
import { outboxSummary, privacyHoldings, T0 } from '../support/privacy-holdings';

const plan = (h: GroupHoldings, ids: string[]) => planMeetingDeletion(h, ids) as DeletionPlan;

describe('deleting a meeting', () => {
  it('removes everything recorded at it, and nothing recorded at other meetings', () => {
    const p = plan(privacyHoldings(), ['meeting-1']);
    expect(p.remove).toEqual({
      meetings: ['meeting-1'],
      attendees: [
        ['meeting-1', 'p-priya'],
        ['meeting-1', 'p-sam'],
        ['meeting-1', 'p-jo'],
      ],
      agendaItems: ['item-1'],
      clockEvents: ['e1', 'e2'],
      turns: ['t1', 't2', 't3'],
      queue: ['q1'],
      dissent: ['d1', 'd2'],
      decisions: ['dec-1'],
      actions: ['a1', 'a2'],
      checkinAnswers: ['c1', 'c2'],
      checkinMarks: ['m1', 'm2'],
      oneToOnes: ['o1', 'o2'],
      // The guest of that meeting goes with it.
      people: ['p-jo'],
      outbox: ['out-1'],
    });
    expect(p.counts).toMatchObject({ meetings: 1, turns: 3, dissent: 2, openDissent: 0, decisions: 1, actions: 2, openActions: 1, checkIns: 2, oneToOnes: 2, glossaryKept: 1 });
  });

  it('keeps what belongs to the group, with no reference left to the meeting', () => {
    const p = plan(privacyHoldings(), ['meeting-1']);
    // The item carried on to April stays there, no longer pointing at the deleted one.
    expect(p.changes.agendaItems).toEqual([expect.not.objectContaining({ carriedFromItemId: expect.anything() })]);
    expect(p.changes.agendaItems![0]).toMatchObject({ id: 'item-2', meetingId: 'meeting-2' });
    expect(p.changes.glossary).toEqual([expect.objectContaining({ id: 'g1', meetingId: null, term: 'ICB' })]);
    expect(p.changes.groundRules).toEqual([expect.objectContaining({ id: 'r1', status: 'agreed', agreedAtMeetingId: null })]);
    expect(p.changes.groupReviews).toEqual([expect.objectContaining({ id: 'gr1', meetingId: null })]);
    const kept = JSON.stringify(p.changes);
    expect(kept).not.toContain('meeting-1');
    expect(kept).not.toContain('"item-1"');
  });

  it('takes references to its dissent and decisions off records of other meetings', () => {
    const h = privacyHoldings();
    // Dissent parked in April stands against March's decision; an April decision has March's dissent against it.
    h.dissent.push({ ...h.dissent[0]!, id: 'd3', meetingId: 'meeting-2', decisionId: 'dec-1', history: [{ status: 'standing', at: T0, meetingId: 'meeting-1', note: '', decisionId: 'dec-1' }] });
    h.decisions.push({ ...h.decisions[0]!, id: 'dec-2', meetingId: 'meeting-2', dissentIds: ['d1', 'd3'] });
    h.actions.push({ ...h.actions[0]!, id: 'a3', meetingId: 'meeting-2', history: [{ kind: 'carried', at: T0, meetingId: 'meeting-1', note: '' }] });
    const p = plan(h, ['meeting-1']);
    expect(p.changes.dissent).toEqual([expect.objectContaining({ id: 'd3', decisionId: null, history: [{ status: 'standing', at: T0, meetingId: null, note: '' }] })]);
    expect(p.changes.decisions).toEqual([expect.objectContaining({ id: 'dec-2', dissentIds: ['d3'] })]);
    expect(p.changes.actions).toEqual([expect.objectContaining({ id: 'a3', history: [{ kind: 'carried', at: T0, meetingId: null, note: '' }] })]);
  });

  it('keeps a guest whom a kept record still names', () => {
    const h = privacyHoldings();
    h.actions.push({ ...h.actions[0]!, id: 'a3', meetingId: 'meeting-2', owner: { kind: 'person', personId: 'p-jo' } });
    expect(plan(h, ['meeting-1']).remove.people).toEqual([]);
  });

  it('refuses a meeting that is running or being closed, and one that is not there', () => {
    for (const state of ['running', 'closing'] as const) {
      const h = privacyHoldings();
      h.meetings[0]!.state = state;
      expect(planMeetingDeletion(h, ['meeting-1'])).toBe('in-progress');
      // Nor as part of a list.
      expect(planMeetingDeletion(h, ['meeting-1', 'meeting-2'])).toBe('in-progress');
    }
    expect(planMeetingDeletion(privacyHoldings(), ['nope'])).toBe('missing');
  });

  it('removes an unsent summary quietly, and asks the office to delete a sent one', () => {
    const h = privacyHoldings();
    h.outbox = [outboxSummary({ id: 'out-1' }), outboxSummary({ id: 'out-2', meetingId: 'meeting-2', status: 'sent', sentAt: T0, sentRevision: 1 })];
    expect(plan(h, ['meeting-1'])).toMatchObject({ requests: [], remove: { outbox: ['out-1'] }, counts: { unsentSummaries: 1, sentSummaries: 0 } });
    expect(plan(h, ['meeting-2'])).toMatchObject({
      requests: [{ kind: 'delete-meeting', groupId: 'group-1', meetingId: 'meeting-2', summaryId: 'out-2' }],
      remove: { outbox: ['out-2'] },
      counts: { unsentSummaries: 0, sentSummaries: 1 },
    });
    // One on its way now may arrive: the office is asked to delete it too.
    h.outbox[0] = outboxSummary({ id: 'out-1', status: 'sending', leaseUntil: T0 + 1 });
    expect(plan(h, ['meeting-1']).requests).toEqual([{ kind: 'delete-meeting', groupId: 'group-1', meetingId: 'meeting-1', summaryId: 'out-1' }]);
  });
});

describe('deleting a whole group: the outbox', () => {
  const request: RequestOutboxEntry = { ...outboxSummary({ id: 'req-1' }), kind: 'request', request: { kind: 'erase-person', groupId: 'group-1', personId: 'p', pseudonym: 'Former member 1' } } as never;
  it.each([
    ['nothing sent: everything removed, nothing asked', [outboxSummary()], null],
    ['a summary sent: one request for the group', [outboxSummary(), outboxSummary({ id: 'out-2', status: 'sent', sentAt: T0 })], { kind: 'delete-group', groupId: 'group-1' }],
    ['an earlier request waiting: replaced by one for the group', [request], { kind: 'delete-group', groupId: 'group-1' }],
  ])('%s', (_label, outbox, expected) => {
    const result = planGroupOutbox({ group: privacyHoldings().group, outbox });
    expect(result.request).toEqual(expected);
    expect(result.remove).toEqual(outbox.map((e) => e.id));
  });
});

describe('the typed name that confirms a deletion', () => {
  it.each([
    ['March meeting', 'March meeting', true],
    ['  march   MEETING ', 'March meeting', true],
    ['March meetin', 'March meeting', false],
    ['', '', false],
    ['March', 'March meeting', false],
  ])('%j for %j: %s', (typed, name, expected) => {
    expect(typedNameMatches(typed, name)).toBe(expected);
  });
});

describe('meetings past the group’s retention period', () => {
  const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 10).getTime();
  const meetings = [
    { id: 'old', startsAt: at(2028, 1, 10), state: 'closed' as const },
    { id: 'edge', startsAt: at(2028, 3, 14), state: 'closed' as const },
    { id: 'older', startsAt: at(2026, 6, 1), state: 'not-started' as const },
    { id: 'running', startsAt: at(2026, 6, 2), state: 'running' as const },
    { id: 'recent', startsAt: at(2029, 9, 1), state: 'closed' as const },
  ];
  const now = at(2030, 3, 14) + 1;

  it('lists meetings older than the period, oldest first, never one in progress', () => {
    expect(pastRetention(meetings, 24, now).map((m) => m.id)).toEqual(['older', 'old', 'edge']);
    expect(pastRetention(meetings, 36, now).map((m) => m.id)).toEqual(['older']);
    expect(pastRetention(meetings, 12, now).map((m) => m.id)).toEqual(['older', 'old', 'edge']);
    expect(pastRetention(meetings, 72, now)).toEqual([]);
  });

  it('lists nothing when records are kept until the chair deletes them', () => {
    expect(pastRetention(meetings, undefined, now)).toEqual([]);
  });
});
