import { describe, expect, it } from 'vitest';
import {
  canMoveDissent,
  dissentCarriedInto,
  filterDissent,
  parkDissent,
  recordStanding,
  resolveDissent,
  revisitDissent,
} from '../../src/domain/record';
import { DISSENT_STATUSES, type DissentEntry, type DissentStatus } from '../../src/domain/record-model';
import { monthlyMeetings } from '../support/fixtures';

const T = Date.UTC(2030, 2, 14, 10, 0);
const meetings = monthlyMeetings(T, ['march', 'april', 'may']);
const [march, april, may] = meetings;

function parked(overrides: Partial<Parameters<typeof parkDissent>[0]> = {}): DissentEntry {
  return parkDissent({ id: 'd1', groupId: 'g', meetingId: 'march', itemId: 'i1', raisedById: 'aoife', words: '  The letter is   for the ward, not us. ', at: T, ...overrides });
}

type Step = (e: DissentEntry, at: number) => DissentEntry | null;
const STEPS: Record<Exclude<DissentStatus, 'parked'>, Step> = {
  revisited: (e, at) => revisitDissent(e, at, 'april', 'Talked again'),
  resolved: (e, at) => resolveDissent(e, 'The letter now has a carers’ section', at, 'april'),
  standing: (e, at) => recordStanding(e, 'decision-1', at, 'april'),
};

describe('parking dissent', () => {
  it('keeps the person’s words (tidied of stray spaces), who raised it, the item and the time', () => {
    const entry = parked();
    expect(entry).toMatchObject({ words: 'The letter is for the ward, not us.', raisedById: 'aoife', itemId: 'i1', status: 'parked', createdAt: T });
    expect(entry.history).toEqual([{ status: 'parked', at: T, meetingId: 'march', note: '' }]);
  });

  it('records anonymous dissent with nobody named', () => {
    expect(parked({ raisedById: null }).raisedById).toBeNull();
  });
});

describe('dissent state changes', () => {
  it.each([
    ['parked', 'revisited', true],
    ['parked', 'resolved', true],
    ['parked', 'standing', true],
    ['revisited', 'revisited', true],
    ['revisited', 'resolved', true],
    ['revisited', 'standing', true],
    ['resolved', 'revisited', false],
    ['resolved', 'standing', false],
    ['standing', 'resolved', false],
    ['standing', 'parked', false],
    ['parked', 'parked', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMoveDissent(from, to)).toBe(allowed);
  });

  it('resolving needs words saying how', () => {
    expect(resolveDissent(parked(), '   ', T, 'april')).toBeNull();
    expect(resolveDissent(parked(), 'x'.repeat(1001), T, 'april')).toBeNull();
    expect(resolveDissent(parked(), 'Agreed a new wording', T + 1, 'april')).toMatchObject({ status: 'resolved', resolution: 'Agreed a new wording' });
  });

  it('standing dissent names its decision, in the entry and its history', () => {
    const standing = recordStanding(parked(), 'decision-1', T + 1, 'march')!;
    expect(standing.decisionId).toBe('decision-1');
    expect(standing.history.at(-1)).toEqual({ status: 'standing', at: T + 1, meetingId: 'march', note: '', decisionId: 'decision-1' });
  });

  // Invariant: whatever sequence of changes is tried, the entry keeps its id,
  // words and author, and every change that happened is one more history line.
  const sequences: DissentStatus[][] = [];
  for (const a of DISSENT_STATUSES) for (const b of DISSENT_STATUSES) for (const c of DISSENT_STATUSES) sequences.push([a, b, c]);
  it.each(sequences)('no path loses the entry: %s → %s → %s', (...path) => {
    let entry = parked();
    let applied = 1;
    path.forEach((to, index) => {
      if (to === 'parked') return;
      const next = STEPS[to](entry, T + index + 1);
      if (canMoveDissent(entry.status, to)) {
        expect(next).not.toBeNull();
        entry = next!;
        applied += 1;
      } else {
        expect(next).toBeNull();
      }
    });
    expect(entry).toMatchObject({ id: 'd1', words: 'The letter is for the ward, not us.', raisedById: 'aoife', meetingId: 'march' });
    expect(entry.history).toHaveLength(applied);
    expect(entry.history[0]!.status).toBe('parked');
    expect(entry.history.at(-1)!.status).toBe(entry.status);
  });
});

describe('carrying dissent into the next meeting', () => {
  const entries = [
    parked({ id: 'open-march' }),
    { ...parked({ id: 'resolved-march' }), status: 'resolved' as const },
    parked({ id: 'parked-april', meetingId: 'april', at: T + 30 * 86_400_000 }),
    parked({ id: 'other-group', groupId: 'h' }),
  ];

  it('brings open dissent from earlier meetings of the group only', () => {
    expect(dissentCarriedInto(april, entries, meetings).map((e) => e.id)).toEqual(['open-march']);
    expect(dissentCarriedInto(may, entries, meetings).map((e) => e.id)).toEqual(['open-march', 'parked-april']);
    expect(dissentCarriedInto(march, entries, meetings)).toEqual([]);
  });

  // Derived from the record, not copied: asking again, or with the meetings listed twice, never duplicates.
  it('is idempotent', () => {
    const once = dissentCarriedInto(may, entries, meetings);
    const twice = dissentCarriedInto(may, entries, [...meetings, ...meetings]);
    expect(twice).toEqual(once);
    expect(dissentCarriedInto(may, entries, meetings)).toEqual(once);
  });

  it('keeps showing an entry settled at this meeting, so the chair sees it was', () => {
    const settled = resolveDissent(parked({ id: 'open-march' }), 'Sorted', T + 1, 'april')!;
    expect(dissentCarriedInto(april, [settled], meetings).map((e) => e.id)).toEqual(['open-march']);
    expect(dissentCarriedInto(may, [settled], meetings)).toEqual([]);
  });
});

describe('filtering the register', () => {
  it.each([
    ['all', ['c', 'b', 'a']],
    ['open', ['c', 'a']],
    ['resolved', ['b']],
    ['standing', []],
  ] as const)('%s', (filter, ids) => {
    const a = parked({ id: 'a', at: T });
    const b = resolveDissent(parked({ id: 'b', at: T + 1 }), 'ok', T + 2, 'march')!;
    const c = revisitDissent(parked({ id: 'c', at: T + 3 }), T + 4, 'april')!;
    expect(filterDissent([a, b, c], filter).map((e) => e.id)).toEqual(ids);
  });
});
