import { describe, expect, it } from 'vitest';
import {
  buildCheckInRecords,
  checkNewPin,
  DEFAULT_PROMPTS,
  isRefusal,
  nextLock,
  pinWaitRemaining,
  promptsForCheckIn,
  splitWords,
  summarise,
  waitAfterWrongTries,
  type CheckInDraft,
} from '../../src/domain/checkin';
import type { CheckInLock, PromptSnapshot } from '../../src/domain/checkin-model';

const STARTED = Date.UTC(2030, 2, 14, 11, 50);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

const PROMPTS: PromptSnapshot[] = promptsForCheckIn([], (key) => `Q:${key}`);

function lock(extra: Partial<CheckInLock> = {}): CheckInLock {
  return { meetingId: 'meeting-1', groupId: 'group-1', startedAt: STARTED, prompts: PROMPTS, wrongPinAt: [], ...extra };
}

let counter = 0;
const ids = () => `id-${++counter}`;

function draft(extra: Partial<CheckInDraft> = {}): CheckInDraft {
  return {
    personId: 'aoife',
    nameToAnswers: false,
    responses: {
      'default-said-what-wanted': { kind: 'faces', value: 3, of: 3 },
      'default-listened-to': { kind: 'choice', value: 'not-sure' },
      'default-not-understood': { kind: 'choice', value: 'yes', words: 'ICB, MDT; icb' },
      'default-feeling': { kind: 'faces', value: 4, of: 5 },
      'default-anything-else': { kind: 'text', value: '  The room   was cold ' },
    },
    oneToOneContact: null,
    ...extra,
  };
}

// One rule for the chair PIN and the device PIN: both screens call checkNewPin.
describe('a new PIN, chair or device', () => {
  it.each([
    ['', '', 'empty'],
    ['123', '123', 'format'],
    ['2468135', '2468135', 'format'],
    ['24a8', '24a8', 'format'],
    [' 2468', ' 2468', 'format'],
    ['2468', '2469', 'mismatch'],
    ['2468', '2468', null],
    ['135790', '135790', null],
    // The first codes anyone would try: one digit repeated, a run up or down.
    ['0000', '0000', 'too-easy'],
    ['1111', '1111', 'too-easy'],
    ['999999', '999999', 'too-easy'],
    ['1234', '1234', 'too-easy'],
    ['3456', '3456', 'too-easy'],
    ['123456', '123456', 'too-easy'],
    ['4321', '4321', 'too-easy'],
    ['987654', '987654', 'too-easy'],
    // Said before a mismatch, so the chair does not retype it twice for nothing.
    ['1234', '1243', 'too-easy'],
    ['1235', '1235', null],
    ['1122', '1122', null],
    ['7890', '7890', null],
    ['0912', '0912', null],
    ['112233', '112233', null],
  ])('PIN %j again %j → %s', (pin, again, problem) => {
    expect(checkNewPin(pin, again)).toBe(problem);
  });
});

describe('waiting after wrong PINs', () => {
  // Four wrong tries are free; from the fifth each one doubles the wait, up to 30 minutes.
  it.each([
    [0, 0],
    [4, 0],
    [5, 30 * SECOND],
    [6, MINUTE],
    [7, 2 * MINUTE],
    [10, 16 * MINUTE],
    [11, 30 * MINUTE],
    [40, 30 * MINUTE],
  ])('after %i wrong tries the wait is %i ms', (count, wait) => {
    expect(waitAfterWrongTries(count)).toBe(wait);
  });

  it('counts the wait from the last stored wrong try, and only from stored times', () => {
    const tries = [0, 1, 2, 3, 4].map((i) => STARTED + i * SECOND);
    const last = tries[4]!;
    expect(pinWaitRemaining(tries, last)).toBe(30 * SECOND);
    expect(pinWaitRemaining(tries, last + 10 * SECOND)).toBe(20 * SECOND);
    expect(pinWaitRemaining(tries, last + 30 * SECOND)).toBe(0);
    expect(pinWaitRemaining(tries.slice(0, 4), last)).toBe(0);
    // A clock set backwards does not make the wait longer than it was.
    expect(pinWaitRemaining(tries, last - 5 * MINUTE)).toBe(30 * SECOND);
  });
});

describe('the lock', () => {
  const start = { type: 'start' as const, meetingId: 'meeting-1', groupId: 'group-1', prompts: PROMPTS, at: STARTED };

  it('starts only when unlocked, with no wrong tries', () => {
    const started = nextLock(null, start, STARTED);
    expect(started).toEqual(lock());
    expect(nextLock(lock(), start, STARTED)).toEqual({ refused: 'already-locked' });
  });

  it('stores each wrong PIN and opens on the right one', () => {
    let current: CheckInLock = lock();
    for (let i = 0; i < 4; i++) {
      const next = nextLock(current, { type: 'wrong-pin', at: STARTED + i }, STARTED + i);
      if (!next || isRefusal(next)) throw new Error('refused');
      current = next;
    }
    expect(current.wrongPinAt).toHaveLength(4);
    expect(nextLock(current, { type: 'right-pin', at: STARTED + 10 }, STARTED + 10)).toBeNull();
  });

  it('refuses any PIN, right or wrong, while a wait runs, and accepts after it', () => {
    const tries = [0, 1, 2, 3, 4].map((i) => STARTED + i);
    const locked = lock({ wrongPinAt: tries });
    const during = tries[4]! + 29 * SECOND;
    expect(nextLock(locked, { type: 'right-pin', at: during }, during)).toEqual({ refused: 'must-wait' });
    expect(nextLock(locked, { type: 'wrong-pin', at: during }, during)).toEqual({ refused: 'must-wait' });
    const after = tries[4]! + 30 * SECOND;
    expect(nextLock(locked, { type: 'right-pin', at: after }, after)).toBeNull();
  });

  it('ends without the PIN only when locked', () => {
    expect(nextLock(lock({ wrongPinAt: [STARTED] }), { type: 'end-without-pin' }, STARTED)).toBeNull();
    expect(nextLock(null, { type: 'end-without-pin' }, STARTED)).toEqual({ refused: 'not-locked' });
    expect(nextLock(null, { type: 'right-pin', at: STARTED }, STARTED)).toEqual({ refused: 'not-locked' });
  });
});

describe('anonymity of a check-in', () => {
  it('keeps the answers free of the person unless they put their name to them', () => {
    const records = buildCheckInRecords(draft(), lock(), ids);
    expect(records.answers).not.toHaveProperty('personId');
    expect(JSON.stringify(records.answers)).not.toContain('aoife');
    expect(records.mark).toMatchObject({ meetingId: 'meeting-1', personId: 'aoife' });
    expect(records.glossary.map((g) => g.askedById)).toEqual([null, null]);

    const named = buildCheckInRecords(draft({ nameToAnswers: true }), lock(), ids);
    expect(named.answers.personId).toBe('aoife');
    expect(named.glossary.map((g) => g.askedById)).toEqual(['aoife', 'aoife']);
  });

  it('never names answers for someone who would rather not say, even if the box was ticked', () => {
    const records = buildCheckInRecords(draft({ personId: null, nameToAnswers: true }), lock(), ids);
    expect(records.answers).not.toHaveProperty('personId');
    expect(records.mark).toBeNull();
  });

  it('gives the mark nothing that joins it to the answers: no shared id, only the check-in’s start as a time', () => {
    // Two people a few minutes apart: their records carry the same time, so time cannot tell them apart.
    const first = buildCheckInRecords(draft(), lock(), ids);
    const second = buildCheckInRecords(draft({ personId: 'sam' }), lock(), ids);
    for (const records of [first, second]) {
      const mark = records.mark!;
      const sharedValues = Object.entries(mark).filter(([key, value]) => key !== 'meetingId' && key !== 'checkInStartedAt' && JSON.stringify(records.answers).includes(String(value)));
      expect(sharedValues).toEqual([]);
      expect(mark.id).not.toBe(records.answers.id);
      expect(mark.checkInStartedAt).toBe(STARTED);
      expect(records.answers.checkInStartedAt).toBe(STARTED);
      for (const term of records.glossary) expect(term.createdAt).toBe(STARTED);
    }
    expect(first.answers.checkInStartedAt).toBe(second.answers.checkInStartedAt);
    // The answers hold no time field of their own.
    expect(Object.keys(first.answers).sort()).toEqual(['checkInStartedAt', 'id', 'meetingId', 'responses']);
  });

  it('keeps a one-to-one request apart, with only what the person typed', () => {
    const records = buildCheckInRecords(draft({ personId: null, oneToOneContact: '  Ring me   on 07700 900456 ' }), lock(), ids);
    expect(records.oneToOne).toEqual({ id: expect.any(String), meetingId: 'meeting-1', contact: 'Ring me on 07700 900456', checkInStartedAt: STARTED });
    expect(records.oneToOne!.id).not.toBe(records.answers.id);
    expect(buildCheckInRecords(draft({ oneToOneContact: '   ' }), lock(), ids).oneToOne).toBeNull();
  });

  it('tidies answers, drops empty ones, and sends each word raised to the glossary once', () => {
    const records = buildCheckInRecords(draft({ responses: { ...draft().responses, 'default-listened-to': { kind: 'text', value: 'wrong kind' }, 'default-anything-else': { kind: 'text', value: '   ' } } }), lock(), ids);
    expect(records.answers.responses.map((r) => r.promptId)).toEqual(['default-said-what-wanted', 'default-not-understood', 'default-feeling']);
    expect(records.glossary.map((g) => [g.term, g.source, g.groupId, g.meetingId])).toEqual([
      ['ICB', 'check-in', 'group-1', 'meeting-1'],
      ['MDT', 'check-in', 'group-1', 'meeting-1'],
    ]);
    // Words typed and then answered "no" are not kept.
    const no = buildCheckInRecords(draft({ responses: { 'default-not-understood': { kind: 'choice', value: 'no', words: 'ICB' } } }), lock(), ids);
    expect(no.glossary).toEqual([]);
    expect(no.answers.responses[0]!.response).toEqual({ kind: 'choice', value: 'no' });
  });

  it('splits words on commas, semicolons and lines', () => {
    expect(splitWords('ICB, MDT;\n discharge to assess ,, icb')).toEqual(['ICB', 'MDT', 'discharge to assess']);
  });
});

describe('what the chair sees', () => {
  it('counts each answer per question and names free text only when named', () => {
    const all = [
      buildCheckInRecords(draft(), lock(), ids).answers,
      buildCheckInRecords(draft({ personId: 'sam', nameToAnswers: true, responses: { 'default-said-what-wanted': { kind: 'faces', value: 1, of: 3 }, 'default-anything-else': { kind: 'text', value: 'Good pace' } } }), lock(), ids).answers,
      buildCheckInRecords(draft({ personId: null, responses: { 'default-listened-to': { kind: 'choice', value: 'yes' } } }), lock(), ids).answers,
    ];
    const summary = Object.fromEntries(summarise(all).map((s) => [s.promptId, s]));
    expect(summary['default-said-what-wanted']!.counts).toEqual([1, 0, 1]);
    expect(summary['default-listened-to']!.counts).toEqual([1, 1, 0]);
    expect(summary['default-feeling']!.counts).toEqual([0, 0, 0, 1, 0]);
    expect(summary['default-anything-else']!.texts).toEqual([
      { text: 'The room was cold', personId: null },
      { text: 'Good pace', personId: 'sam' },
    ]);
    expect(summary['default-said-what-wanted']!.answered).toBe(2);
  });

  it('asks the issue’s default questions when the group has none of its own', () => {
    expect(PROMPTS.map((p) => [p.id, p.kind, p.text])).toEqual(DEFAULT_PROMPTS.map((e) => [`default-${e.key}`, e.kind, `Q:${e.key}`]));
    expect(PROMPTS.find((p) => p.id === 'default-not-understood')!.asksForWords).toBe(true);
  });
});
