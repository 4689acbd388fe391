import { describe, expect, it } from 'vitest';
import { computeBalance } from '../../src/domain/balance';
import { nextPseudonymNumber, officeMayHoldNames, planErasure, type ErasureWords } from '../../src/domain/erasure';
import type { GroupHoldings } from '../../src/domain/group-holdings';
import { deriveRun } from '../../src/domain/meeting-clock';
import { settleTurns } from '../../src/domain/speaking';
import { countTalk } from '../../src/domain/talk';
import { nameMatcher, replaceName } from '../../src/domain/name-match';
import { summarise } from '../../src/domain/checkin';
import { applyChanges, NAME, outboxSummary, PRIYA, privacyHoldings, T0, tracesOf } from '../support/privacy-holdings';

const WORDS: ErasureWords = { pseudonym: (n) => `Former member ${n}`, wordsDeleted: '(Words deleted)' };
const AT = T0 + 30 * 86_400_000;

function erase(holdings: GroupHoldings, choice: 'keep' | 'delete' = 'keep', personId = PRIYA) {
  const plan = planErasure(holdings, personId, choice, AT, WORDS)!;
  return { plan, after: applyChanges(holdings, plan.changes) };
}

const balanceOf = (h: GroupHoldings) =>
  computeBalance({
    people: h.people,
    perspectives: h.group.perspectives,
    attendees: h.attendees.filter((a) => a.meetingId === 'meeting-1'),
    talk: countTalk(settleTurns(h.turns), deriveRun(h.clockEvents, h.agendaItems, T0 + 60 * 60_000).spans),
    now: T0 + 60 * 60_000,
  });

describe('erasing a person', () => {
  it('leaves their name nowhere in any record of the group, in any case or spacing', () => {
    const before = privacyHoldings();
    // The fixture names them in every kind of record: the search must find it before.
    expect(tracesOf(before, NAME).length).toBeGreaterThan(20);
    const { after } = erase(before);
    expect(tracesOf(after, NAME)).toEqual([]);
  });

  it.each(['keep', 'delete'] as const)('with their words %s, every record kind that held the name is rewritten', (choice) => {
    const { plan } = erase(privacyHoldings(), choice);
    expect(Object.keys(plan.changes).sort()).toEqual(
      ['actions', 'agendaItems', 'checkinAnswers', 'checkinPrompts', 'decisions', 'dissent', 'glossary', 'group', 'groundRules', 'groupReviews', 'meetings', 'oneToOnes', 'outbox', 'people'].sort(),
    );
    // Ids only: nothing of these changes, so turns, the queue, marks and attendance stay whole.
    for (const untouched of ['turns', 'queue', 'checkinMarks', 'attendees', 'clockEvents'] as const) expect(plan.changes[untouched]).toBeUndefined();
    expect(plan.counts).toEqual({ dissent: 1, namedAnswers: 1, oneToOnes: 1, mentions: 12, outbox: 1 });
  });

  it('replaces the name with "Former member 1", keeps their perspective and ARE IN roles, and marks them as having left', () => {
    const { plan, after } = erase(privacyHoldings());
    expect(plan.pseudonym).toBe('Former member 1');
    expect(after.people.find((p) => p.id === PRIYA)).toMatchObject({
      name: 'Former member 1',
      perspectiveId: 'carer',
      areIn: ['need', 'expertise'],
      status: 'left',
      erasedAt: AT,
    });
    expect(after.people.filter((p) => p.id !== PRIYA)).toEqual(privacyHoldings().people.filter((p) => p.id !== PRIYA));
    expect(after.meetings[0]!.title).toBe('Meeting at Former member 1’s');
    expect(after.meetings[0]!.chairId).toBe(PRIYA);
    expect(after.actions[0]!.owner).toEqual({ kind: 'person', personId: PRIYA });
    expect(after.decisions[0]!.how).toEqual({ kind: 'elsewhere', by: 'Former member 1' });
  });

  it('keeps talk time, turns, balance and check-in counts whole', () => {
    const before = privacyHoldings();
    const { after } = erase(before, 'delete');
    expect(balanceOf(after)).toEqual(balanceOf(before));
    const counts = (h: GroupHoldings) => summarise(h.checkinAnswers).map((p) => [p.question, p.answered, p.counts]);
    expect(counts(after)).toEqual(counts(before));
    expect(after.dissent.map((d) => [d.id, d.status, d.decisionId])).toEqual(before.dissent.map((d) => [d.id, d.status, d.decisionId]));
    expect(after.oneToOnes).toHaveLength(2);
  });

  it('by default keeps the words recorded as theirs, tied to nobody', () => {
    const { after } = erase(privacyHoldings(), 'keep');
    const dissent = after.dissent.find((d) => d.id === 'd1')!;
    expect(dissent.raisedById).toBeNull();
    expect(dissent.words).toBe('As Former member 1, a carer, I say the letter is for the ward');
    const answers = after.checkinAnswers.find((a) => a.id === 'c1')!;
    expect('personId' in answers).toBe(false);
    expect(answers.responses.map((r) => r.response)).toEqual([
      { kind: 'faces', value: 3, of: 3 },
      { kind: 'choice', value: 'yes', words: 'ICB' },
      { kind: 'text', value: 'Former member 1 here: I felt heard' },
    ]);
  });

  it('deletes the words recorded as theirs when the chair chooses, keeping the answers’ and dissent’s count', () => {
    const { after } = erase(privacyHoldings(), 'delete');
    expect(after.dissent.find((d) => d.id === 'd1')).toMatchObject({ raisedById: null, words: '(Words deleted)', status: 'standing' });
    const answers = after.checkinAnswers.find((a) => a.id === 'c1')!;
    expect('personId' in answers).toBe(false);
    expect(answers.responses.map((r) => r.response)).toEqual([
      { kind: 'faces', value: 3, of: 3 },
      { kind: 'choice', value: 'yes' },
      { kind: 'text', value: '(Words deleted)' },
    ]);
    // Someone else's words about them are not theirs: kept, with the name replaced.
    expect(after.dissent.find((d) => d.id === 'd2')!.words).toBe('I agree with Former member 1');
    expect(after.checkinAnswers.find((a) => a.id === 'c2')!.responses[0]!.response).toEqual({ kind: 'text', value: 'Former member 1 chaired well' });
  });

  it('replaces the whole contact of a one-to-one request that names them, and leaves one that does not', () => {
    const { after } = erase(privacyHoldings());
    expect(after.oneToOnes.map((o) => o.contact)).toEqual(['Former member 1', 'Ring me on 07700 900456']);
  });

  it('rewrites summaries in the outbox: the action they own and every mention in free text', () => {
    const before = privacyHoldings();
    before.outbox.push(outboxSummary({ id: 'out-2', meetingId: 'meeting-2', names: true }));
    const { after } = erase(before);
    for (const entry of after.outbox) {
      if (entry.kind === 'request') throw new Error('no request expected in the holdings');
      expect(entry.summary.actions.map((a) => a.owner)).toEqual(['Former member 1', 'Sam Okafor']);
      expect(entry.summary.items[0]!.title).toBe('Letters from Former member 1');
      expect(entry.summary.decisions[0]!.text).toBe('Thank Former member 1');
    }
    // The sent one stays as sent: the office is told by its own request.
    expect(after.outbox[0]).toMatchObject({ status: 'sent', sentAt: T0 + 90 * 60_000, revision: 1 });
  });

  it('erasing twice changes nothing the second time', () => {
    for (const choice of ['keep', 'delete'] as const) {
      const { after } = erase(privacyHoldings(), choice);
      const again = planErasure(after, PRIYA, choice === 'keep' ? 'delete' : 'keep', AT + 1000, WORDS)!;
      expect(again.alreadyErased).toBe(true);
      expect(again.pseudonym).toBe('Former member 1');
      expect(again.changes).toEqual({});
    }
  });

  it('numbers pseudonyms per group, one more than those erased before, and never renumbers', () => {
    const { after } = erase(privacyHoldings());
    const second = erase(after, 'keep', 'p-sam');
    expect(second.plan.pseudonym).toBe('Former member 2');
    expect(second.after.people.find((p) => p.id === PRIYA)!.name).toBe('Former member 1');
    const third = erase(second.after, 'keep', 'p-jo');
    expect(third.plan.pseudonym).toBe('Former member 3');
    expect(nextPseudonymNumber(third.after.people)).toBe(4);
    // A second group starts again at 1.
    expect(nextPseudonymNumber(privacyHoldings().people)).toBe(1);
  });

  it('a person who is not in the group gives no plan', () => {
    expect(planErasure(privacyHoldings(), 'nobody', 'keep', AT, WORDS)).toBeNull();
  });
});

describe('finding a name in free text', () => {
  it.each([
    ['Priya Shah said so', 'X said so'],
    ['priya shah said so', 'X said so'],
    ['PRIYA SHAH said so', 'X said so'],
    ['Priya    Shah said so', 'X said so'],
    ['Priya\nShah said so', 'X said so'],
    ['Priya\u00a0Shah said so', 'X said so'],
    ['PriyaShah said so', 'X said so'],
    ['“Priya Shah’s” letter', '“X’s” letter'],
    ['Priya Shah, Priya Shah', 'X, X'],
    // Inside a longer word is not the name.
    ['Priya Shahid said so', 'Priya Shahid said so'],
    ['Supriya Shah said so', 'Supriya Shah said so'],
    ['Priya alone', 'Priya alone'],
  ])('%j becomes %j', (text, expected) => {
    expect(replaceName(text, nameMatcher(NAME), 'X')).toBe(expected);
  });

  it('matches a stored name with stray spaces and composed or decomposed accents', () => {
    const matcher = nameMatcher('  Seán   Ó Briain ');
    expect(replaceName('Sea\u0301n o\u0301 briain came', matcher, 'X')).toBe('X came');
  });

  it.each([
    ['We will pilot it', 'We will pilot it'],
    ['Will agreed to pilot it', 'X agreed to pilot it'],
    ['ask WILL', 'ask X'],
    ['Will’s idea; we will see', 'X’s idea; we will see'],
    ['Willow and goodwill', 'Willow and goodwill'],
  ])('erasing Will: %j becomes %j (the word "will" in lower case is not the name)', (text, expected) => {
    expect(replaceName(text, nameMatcher('Will'), 'X')).toBe(expected);
  });

  it('finds a name with an apostrophe typed straight or curly', () => {
    expect(replaceName('Ask O’Brien and o\'brien', nameMatcher("O'Brien"), 'X')).toBe('Ask X and X');
  });

  it('keeps special characters of a name literal', () => {
    expect(replaceName('Ask A.B. (Ben) now', nameMatcher('A.B. (Ben)'), 'X')).toBe('Ask X now');
    expect(replaceName('Ask AxB (Ben) now', nameMatcher('A.B. (Ben)'), 'X')).toBe('Ask AxB (Ben) now');
  });
});

describe('whether the office may hold the name', () => {
  const sent = outboxSummary({ status: 'sent', sentAt: T0, sentRevision: 1 });
  it.each([
    ['nothing sent, names on', [outboxSummary()], true, false],
    ['sent without names, names off', [sent], false, false],
    ['sent, names on in the settings', [sent], true, true],
    ['sent with names in the summary, names off now', [outboxSummary({ status: 'sent', sentAt: T0, names: true })], false, true],
    ['on its way now, names on', [outboxSummary({ status: 'sending', leaseUntil: T0 + 1 })], true, true],
  ])('%s', (_label, outbox, names, expected) => {
    expect(officeMayHoldNames(outbox, names)).toBe(expected);
  });
});
