import { describe, expect, it } from 'vitest';
import type { GlossaryTerm } from '../../src/domain/balance-model';
import type { CheckInAnswers, StoredResponse } from '../../src/domain/checkin-model';
import { openPartOf, planSeal, tryUnseal } from '../../src/domain/checkin-seal';

const AT = Date.UTC(2030, 2, 14, 12, 0);
const MEETING = { meetingId: 'm1', groupId: 'g1' };
const KEYS = { chair: { salt: 'c2FsdA==', hash: 'Y2hhaXI=', iterations: 1 }, device: null };

const face: StoredResponse = { promptId: 'p-face', question: 'Feeling?', response: { kind: 'faces', value: 2, of: 5 } };
const yes: StoredResponse = { promptId: 'p-choice', question: 'Listened to?', response: { kind: 'choice', value: 'yes' } };
const yesWithWords: StoredResponse = { promptId: 'p-words', question: 'Not understood?', response: { kind: 'choice', value: 'yes', words: 'ICB' } };
const written: StoredResponse = { promptId: 'p-text', question: 'Anything else?', response: { kind: 'text', value: 'my manager bullies me' } };

const answers = (responses: StoredResponse[], personId?: string): CheckInAnswers => ({
  id: `a-${responses.map((r) => r.promptId).join('-')}-${personId ?? 'anon'}`,
  meetingId: 'm1',
  responses,
  checkInStartedAt: AT,
  ...(personId ? { personId } : {}),
});

const term = (id: string, source: GlossaryTerm['source'], meetingId: string | null = 'm1'): GlossaryTerm => ({
  id,
  groupId: 'g1',
  meetingId,
  term: id,
  explanation: '',
  askedById: null,
  source,
  createdAt: AT,
  updatedAt: AT,
});

describe('what stays open of one person’s answers', () => {
  // Counts stay; anything written, and any name, does not.
  it.each([
    ['faces and choices only, anonymous: unchanged', answers([face, yes]), [face, yes], false],
    ['a text answer: dropped', answers([face, written]), [face], true],
    ['a yes with words: the yes stays, the words go', answers([yesWithWords]), [{ ...yesWithWords, response: { kind: 'choice', value: 'yes' } }], true],
    ['a name on counts only: the name goes', answers([face], 'person-1'), [face], true],
  ] as const)('%s', (_, given, responses, sealed) => {
    const open = openPartOf(given);
    expect(open.responses).toEqual(responses);
    expect(open).not.toHaveProperty('personId');
    expect(open === given).toBe(!sealed);
  });
});

describe('planning a seal', () => {
  const rows = {
    answers: [answers([face, yes]), answers([face, written]), answers([yes], 'person-2')],
    oneToOnes: [{ id: 'o1', meetingId: 'm1', contact: 'Ring me on 07700 900456', checkInStartedAt: AT }],
    glossary: [term('ICB', 'check-in'), term('MDT', 'jargon-flag'), term('D2A', 'check-in', 'other-meeting')],
  };

  it('seals every word, name and request, and only the check-in’s own glossary words', () => {
    const plan = planSeal(MEETING, rows, null, KEYS, AT);
    expect(plan.openAnswers.map((a) => a.id)).toEqual([rows.answers[1]!.id, rows.answers[2]!.id]);
    expect(plan.removeOneToOnes).toEqual(['o1']);
    expect(plan.removeGlossary).toEqual(['ICB']);
    expect(plan.sealed.words.answers).toEqual([rows.answers[1], rows.answers[2]]);
    expect(plan.sealed.counts).toEqual({ written: 1, named: 1, oneToOnes: 1, glossary: 1 });
    expect(plan.sealed).toMatchObject({ ...MEETING, sealedAt: AT, wrongPinAt: [], keys: KEYS });
    expect(JSON.stringify(plan.openAnswers)).not.toContain('bullies');
  });

  it('adds to a seal already there, keeping its time, its wrong tries and its first keys', () => {
    const first = planSeal(MEETING, rows, null, KEYS, AT).sealed;
    const tried = { ...first, wrongPinAt: [AT + 1, AT + 2] };
    const again = planSeal(MEETING, { answers: [answers([written], 'person-3')], oneToOnes: [], glossary: [] }, tried, { chair: { salt: 'bmV3', hash: 'bmV3', iterations: 1 }, device: null }, AT + 60_000).sealed;
    expect(again.sealedAt).toBe(AT);
    expect(again.wrongPinAt).toEqual([AT + 1, AT + 2]);
    // A PIN set in between, by whoever held the tablet, opens nothing sealed before it.
    expect(again.keys).toEqual(KEYS);
    expect(again.words.answers).toHaveLength(3);
    expect(again.counts).toEqual({ written: 2, named: 2, oneToOnes: 1, glossary: 1 });
  });
});

describe('a try at opening', () => {
  const sealed = planSeal(MEETING, { answers: [answers([written])], oneToOnes: [], glossary: [] }, null, KEYS, AT).sealed;
  const fiveWrong = { ...sealed, wrongPinAt: [1, 2, 3, 4, 5].map((i) => AT + i * 1000) };

  it.each([
    ['nothing sealed', null, true, AT, { refused: 'not-sealed' }],
    ['the right PIN', sealed, true, AT, { opened: sealed.words }],
    ['a wrong PIN', sealed, false, AT, { wrong: { ...sealed, wrongPinAt: [AT] } }],
    ['the right PIN during the wait after five wrong', fiveWrong, true, AT + 10_000, { refused: 'must-wait' }],
    ['the right PIN once the wait is over', fiveWrong, true, AT + 35_000, { opened: sealed.words }],
  ] as const)('%s', (_, given, right, now, outcome) => {
    expect(tryUnseal(given, right, now)).toEqual(outcome);
  });
});
