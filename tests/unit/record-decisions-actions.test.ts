import { describe, expect, it } from 'vitest';
import {
  carryAction,
  checkDue,
  dropAction,
  isPastDue,
  lastChangeAt,
  makeAction,
  makeDecision,
  markActionDone,
  mattersArising,
  parseCount,
  reopenAction,
  updateAction,
  votesExceedPresent,
} from '../../src/domain/record';
import type { ActionItem } from '../../src/domain/record-model';
import { monthlyMeetings } from '../support/fixtures';

const T = Date.UTC(2030, 2, 14, 10, 0);
const meetings = monthlyMeetings(T, ['march', 'april']);
const [march, april] = meetings;

function action(overrides: Partial<Parameters<typeof makeAction>[0]> = {}): ActionItem {
  return makeAction({
    id: 'a1',
    groupId: 'g',
    meetingId: 'march',
    itemId: null,
    what: 'Ask the trust for the new letter',
    owner: { kind: 'person', personId: 'grace' },
    due: '2030-04-01',
    at: T,
    ...overrides,
  });
}

describe('vote counts', () => {
  it.each([
    ['', 0],
    ['0', 0],
    [' 7 ', 7],
    ['-1', null],
    ['2.5', null],
    ['seven', null],
    ['99999', null],
  ] as const)('parseCount(%j) is %s', (raw, expected) => {
    expect(parseCount(raw)).toBe(expected);
  });

  it.each([
    [3, 2, 1, 6, false],
    [3, 2, 2, 6, true],
    [0, 0, 0, 0, false],
    [1, 0, 0, 0, true],
  ])('%i for, %i against, %i abstained with %i present: warned %s', (f, a, ab, present, warned) => {
    expect(votesExceedPresent({ kind: 'vote', for: f, against: a, abstain: ab }, present)).toBe(warned);
  });

  it('only a vote has counts to warn about', () => {
    expect(votesExceedPresent({ kind: 'consensus' }, 0)).toBe(false);
  });
});

describe('decisions', () => {
  it('names who decided elsewhere, tidied, and links each dissent once', () => {
    const decision = makeDecision({
      id: 'dec',
      groupId: 'g',
      meetingId: 'march',
      itemId: 'i1',
      text: ' Use the short letter ',
      how: { kind: 'elsewhere', by: '  Trust   board ' },
      dissentIds: ['d1', 'd1', 'd2'],
      at: T,
    });
    expect(decision).toMatchObject({ text: 'Use the short letter', how: { kind: 'elsewhere', by: 'Trust board' }, dissentIds: ['d1', 'd2'] });
  });
});

describe('due dates', () => {
  it.each([
    ['', 'due-missing'],
    ['2030-02-30', 'due-invalid'],
    ['1 April', 'due-invalid'],
    ['2030-04-01', null],
  ] as const)('checkDue(%j) is %s', (due, problem) => {
    expect(checkDue(due)).toBe(problem);
  });

  it.each([
    ['2030-03-13', '2030-03-14', true],
    ['2030-03-14', '2030-03-14', false],
    ['2030-03-15', '2030-03-14', false],
    ['not a day', '2030-03-14', false],
  ])('due %s on %s is past: %s', (due, today, past) => {
    expect(isPastDue(due, today)).toBe(past);
  });

  // A past date is a warning in the form, never a refusal: the action is still made.
  it('an action may be made with a due date in the past', () => {
    expect(action({ due: '2020-01-01' })).toMatchObject({ due: '2020-01-01', status: 'open' });
  });
});

describe('action state changes', () => {
  it('done, dropped with a reason, carried on, updated and reopened each add a line of history', () => {
    const done = markActionDone(action(), T + 1, 'april')!;
    expect(done.status).toBe('done');
    expect(markActionDone(done, T + 2, 'april')).toBeNull();
    expect(dropAction(action(), ' ', T + 1, null)).toBeNull();
    const dropped = dropAction(action(), 'No longer needed', T + 1, null)!;
    expect(dropped).toMatchObject({ status: 'dropped', droppedReason: 'No longer needed' });
    const carried = carryAction(action(), T + 1, 'april')!;
    expect(carried.status).toBe('open');
    expect(updateAction(action(), '2030-02-30', '', T + 1, 'april')).toBeNull();
    const updated = updateAction(carried, '2030-05-01', 'Letter drafted', T + 2, 'april')!;
    expect(updated.due).toBe('2030-05-01');
    expect(updated.history.map((h) => h.kind)).toEqual(['created', 'carried', 'updated']);
    expect(lastChangeAt(updated, 'april')?.kind).toBe('updated');
    const reopened = reopenAction(dropped, T + 3, null)!;
    expect(reopened).toMatchObject({ status: 'open', droppedReason: '' });
    expect(reopened.history.map((h) => h.kind)).toEqual(['created', 'dropped', 'reopened']);
  });
});

describe('matters arising', () => {
  const actions = [
    action({ id: 'open-march' }),
    { ...action({ id: 'done-march' }), status: 'done' as const },
    action({ id: 'from-april', meetingId: 'april' }),
    action({ id: 'other-group', groupId: 'h' }),
  ];

  it('lists open actions from earlier meetings of the group', () => {
    expect(mattersArising(april, actions, meetings).map((a) => a.id)).toEqual(['open-march']);
    expect(mattersArising(march, actions, meetings)).toEqual([]);
  });

  it('is idempotent and keeps an action marked done at this meeting in view', () => {
    const done = markActionDone(actions[0]!, T + 1, 'april')!;
    const list = [done, ...actions.slice(1)];
    expect(mattersArising(april, list, meetings).map((a) => [a.id, a.status])).toEqual([['open-march', 'done']]);
    expect(mattersArising(april, list, [...meetings, ...meetings])).toEqual(mattersArising(april, list, meetings));
  });
});
