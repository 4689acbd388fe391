import { describe, expect, it } from 'vitest';
import { buildSubjectAccess, recordCount, type SubjectWords } from '../../src/domain/subject-access';
import { NAME, PRIYA, privacyHoldings, T0 } from '../support/privacy-holdings';

const WORDS: SubjectWords = {
  personStatus: { active: 'In the group', left: 'Left the group' },
  areIn: { authority: 'Authority', resources: 'Resources', expertise: 'Expertise', information: 'Information', need: 'Need' },
  dissentStatus: { parked: 'Parked', revisited: 'Revisited', resolved: 'Resolved', standing: 'Standing' },
  actionStatus: { open: 'Open', done: 'Done', dropped: 'Dropped' },
  response: (r) => (r.kind === 'text' ? r.value : r.kind === 'faces' ? `${r.value} of ${r.of}` : `${r.value}${r.words ? `: ${r.words}` : ''}`),
  mention: {
    group: 'Group',
    meeting: 'Meeting',
    'agenda-item': 'Agenda item',
    glossary: 'Glossary',
    dissent: 'Dissent',
    decision: 'Decision',
    action: 'Action',
    'check-in-answer': 'Check-in answer',
    'ground-rule': 'Ground rule',
    'check-in-question': 'Check-in question',
    'group-review': 'Group review',
  },
};

const NOW = T0 + 86_400_000;

describe('what Heard holds about a person', () => {
  it('lists the roster entry and each meeting with their attendance, talk time, turns, queue, check-in, chairing and items led', () => {
    const doc = buildSubjectAccess(privacyHoldings(), PRIYA, NOW, WORDS)!;
    expect(doc.format).toBe('heard-subject-access');
    expect(doc.person).toEqual({ name: NAME, perspective: 'Carer', status: 'In the group', guest: false, areIn: ['Need', 'Expertise'], erased: false });
    expect(doc.meetings).toEqual([
      {
        meetingId: 'meeting-1',
        title: 'Meeting at PRIYA  SHAH’s',
        date: '2030-03-14',
        chair: true,
        expected: true,
        came: true,
        // Two turns, 6 and 4 minutes.
        talkSeconds: 600,
        turns: 2,
        askedToSpeak: 1,
        checkedIn: true,
        itemsLed: ['Letters'],
      },
      expect.objectContaining({ meetingId: 'meeting-2', expected: true, came: false, talkSeconds: 0, turns: 0, chair: false }),
    ]);
  });

  it('lists their dissent, actions, named answers, one-to-one requests and glossary words, and not other people’s', () => {
    const doc = buildSubjectAccess(privacyHoldings(), PRIYA, NOW, WORDS)!;
    expect(doc.dissent).toEqual([{ meeting: 'Meeting at PRIYA  SHAH’s', date: '2030-03-14', words: 'As Priya Shah, a carer, I say the letter is for the ward', status: 'Standing' }]);
    expect(doc.actions).toEqual([{ what: 'Ring the ward', due: '2030-04-01', status: 'Open', meeting: 'Meeting at PRIYA  SHAH’s' }]);
    expect(doc.checkInAnswers).toEqual([
      {
        meeting: 'Meeting at PRIYA  SHAH’s',
        date: '2030-03-14',
        answers: [
          { question: 'Did you get a fair say?', answer: '3 of 3' },
          { question: 'Anything you did not understand?', answer: 'yes: ICB' },
          { question: 'Anything else?', answer: 'Priya Shah here: I felt heard' },
        ],
      },
    ]);
    expect(doc.oneToOnes).toEqual([{ meeting: 'Meeting at PRIYA  SHAH’s', date: '2030-03-14', contact: 'Priya Shah, 07700 900123' }]);
    expect(doc.glossary).toEqual([{ term: 'ICB', explanation: 'Explained to Priya Shah: integrated care board', meeting: 'Meeting at PRIYA  SHAH’s' }]);
  });

  it('lists every other record whose words name them, in any case or spacing', () => {
    const doc = buildSubjectAccess(privacyHoldings(), PRIYA, NOW, WORDS)!;
    const kinds = doc.mentions.map((m) => m.record);
    expect(new Set(kinds)).toEqual(
      new Set(['Group', 'Meeting', 'Agenda item', 'Glossary', 'Dissent', 'Decision', 'Action', 'Check-in answer', 'Ground rule', 'Check-in question', 'Group review']),
    );
    expect(doc.mentions).toContainEqual({ record: 'Dissent', meeting: 'Meeting at PRIYA  SHAH’s', text: 'Priya  Shah was thanked' });
    expect(doc.mentions).toContainEqual({ record: 'Agenda item', meeting: 'Meeting at PRIYA  SHAH’s', text: 'priya\nshah read the letter out' });
    // Their own dissent is listed as theirs, not again as a mention.
    expect(doc.mentions.some((m) => m.text.startsWith('As Priya Shah'))).toBe(false);
    expect(recordCount(doc)).toBe(1 + 2 + 1 + 1 + 1 + 1 + 1 + doc.mentions.length);
  });

  it('for another person lists only what is theirs', () => {
    const doc = buildSubjectAccess(privacyHoldings(), 'p-sam', NOW, WORDS)!;
    expect(doc.person.name).toBe('Sam Okafor');
    expect(doc.meetings.map((m) => [m.meetingId, m.turns, m.talkSeconds, m.chair])).toEqual([
      ['meeting-1', 1, 180, false],
      ['meeting-2', 0, 0, true],
    ]);
    expect(doc.dissent.map((d) => d.words)).toEqual(['I agree with priya shah']);
    expect(doc.checkInAnswers).toEqual([]);
    expect(doc.oneToOnes).toEqual([]);
    expect(doc.mentions).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('07700 900123');
  });

  it('is null for a person not in the group', () => {
    expect(buildSubjectAccess(privacyHoldings(), 'nobody', NOW, WORDS)).toBeNull();
  });
});
