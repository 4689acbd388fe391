import { describe, expect, it } from 'vitest';
import { SummarySchema, fieldErrors } from '../../server/src/summary-schema';
import { namesReplacer } from '../../src/domain/name-match';
import type { Person } from '../../src/domain/model';
import { buildSummary, sendableText, type SummaryInput } from '../../src/domain/summary';
import { t } from '../../src/ui/strings/all';
import { syncMeeting } from '../support/sync-meeting';

const replace = namesReplacer([
  { name: 'Will', by: 'a carer' },
  { name: 'Ann', by: 'a member of staff' },
  { name: 'Ann Lee', by: 'someone with lived experience' },
  { name: "Siobhán O'Brien", by: 'a carer' },
  { name: 'Aoife', by: 'someone from the voluntary sector' },
]);

describe('names off: each roster name in free text becomes its stand-in', () => {
  it.each([
    // At the start and at the end of the text, and the whole text.
    ['Will to draft the letter', 'a carer to draft the letter'],
    ['Letter drafted by Will', 'Letter drafted by a carer'],
    ['Will', 'a carer'],
    // Any case: written with a capital anywhere in it, it is the name.
    ['Ask WILL first', 'Ask a carer first'],
    ['Ask wIll first', 'Ask a carer first'],
    ['ask aoife first', 'ask someone from the voluntary sector first'],
    ['AOIFE agreed', 'someone from the voluntary sector agreed'],
    // "will" all in lower case is the word, not the name: a one-word name that is an everyday word keeps the sentence whole.
    ['We will pilot it', 'We will pilot it'],
    ['We will pilot it with Will', 'We will pilot it with a carer'],
    // Inside another word is not the name.
    ['Willow Ward and Annual review', 'Willow Ward and Annual review'],
    ['Goodwill matters', 'Goodwill matters'],
    // Possessives with a straight or a curly apostrophe.
    ["Will's idea", "a carer's idea"],
    ['Will’s idea', 'a carer’s idea'],
    ['Aoife’s plan', 'someone from the voluntary sector’s plan'],
    // An apostrophe in the name itself, typed straight or curly, in any case.
    ['Siobhán O’Brien will chair', 'a carer will chair'],
    ["SIOBHÁN O'BRIEN will chair", 'a carer will chair'],
    // Several spaces, a line break, or none between the words.
    ['Ann    Lee spoke', 'someone with lived experience spoke'],
    ['Ann\nLee spoke', 'someone with lived experience spoke'],
    // A name inside a longer name: the longer one is found whole; the shorter alone is its own person.
    ['Ann Lee and Ann', 'someone with lived experience and a member of staff'],
    ['Ann, Lee', 'a member of staff, Lee'],
    // Words put in for one name are not searched again for another.
    ['Will and Ann', 'a carer and a member of staff'],
  ])('%j → %j', (text, expected) => {
    expect(replace(text)).toBe(expected);
  });
});

function inputFor(names: boolean, extraPeople: Person[] = []): SummaryInput {
  const s = syncMeeting();
  const meetingId = s.meeting.id;
  const [aoife, , grace] = s.people;
  const will: Person = { ...grace!, id: 'will', name: 'Will', perspectiveId: 'staff' };
  const decision = s.decisions[0]!;
  const action = s.actions[0]!;
  return {
    id: '0b9a4c1e-5f2d-4e7a-8c3b-1d2e3f4a5b6c',
    revision: 1,
    names,
    meeting: { ...s.meeting, state: 'closed' },
    group: s.group,
    people: [...s.people, will, ...extraPeople],
    attendees: s.attendees,
    items: s.items.map((item, i) => (i === 0 ? { ...item, title: `Update from ${aoife!.name.toUpperCase()}` } : item)),
    events: s.events,
    turns: s.turns,
    dissent: s.dissent,
    decisions: [{ ...decision, meetingId, text: `We will pilot the letter; ${grace!.name}’s ward first, then Will's` }],
    actions: [{ ...action, meetingId, what: `aoife   byrne and Will to draft the letter` }],
    checkInAnswers: s.answers,
    checkedIn: s.marks,
    oneToOneRequests: s.oneToOnes,
    glossary: [{ ...s.glossary[0]!, meetingId, term: `Grace Doherty's acronym` }],
    review: s.review,
    now: s.endAt + 5 * 60_000,
    words: t.sync.summaryWords,
  };
}

describe('the summary with names off', () => {
  it('holds no name of the group’s people anywhere, in any case; the words of decisions and actions still go', () => {
    const input = inputFor(false);
    const summary = buildSummary(input);
    expect(SummarySchema.safeParse(summary).success).toBe(true);
    const json = JSON.stringify(summary);
    // The promise: not one full name, in any case, anywhere in what is sent…
    for (const person of input.people.filter((p) => p.name !== 'Will')) expect(json.toLowerCase()).not.toContain(person.name.toLowerCase());
    // …but for the word "will" in lower case, which is the verb, not Will.
    expect(json.match(/will/gi)).toEqual(['will']);
    expect(summary.decisions[0]!.text).toBe('We will pilot the letter; a carer’s ward first, then a member of staff\'s');
    expect(summary.actions[0]!.text).toBe('someone with lived experience and a member of staff to draft the letter');
    expect(summary.items[0]!.title).toBe('Update from someone with lived experience');
    expect(summary.glossaryTerms).toContain("a carer's acronym");
  });

  it('holds no first name or surname alone either, as people write them in notes; titles stay', () => {
    const s = syncMeeting();
    const doctor: Person = { ...s.people[0]!, id: 'doctor', name: 'Dr Sam Okafor', perspectiveId: 'staff' };
    const sam: Person = { ...s.people[0]!, id: 'sam', name: 'Sam Reid', perspectiveId: 'carers' };
    const input = inputFor(false, [doctor, sam]);
    input.decisions = [{ ...input.decisions[0]!, text: "Aoife's point, then byrne's; Okafor and the Dr agreed; Sam too; grace was shown" }];
    const summary = buildSummary(input);
    const json = JSON.stringify(summary).toLowerCase();
    const words = input.people.flatMap((p) => p.name.toLowerCase().split(' ')).filter((w) => !['dr', 'will', 'grace'].includes(w));
    for (const word of words) expect(json, word).not.toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u'));
    // "Sam" is two people of two perspectives: it stands for neither.
    expect(summary.decisions[0]!.text).toBe(
      "someone with lived experience's point, then someone with lived experience's; a member of staff and the Dr agreed; a member too; grace was shown",
    );
  });

  it('keeps the words as typed when the chair chose names', () => {
    const summary = buildSummary(inputFor(true));
    expect(summary.decisions[0]!.text).toBe('We will pilot the letter; Grace Doherty’s ward first, then Will\'s');
    expect(summary.actions[0]!.text).toBe('aoife byrne and Will to draft the letter');
  });

  it('hides guests, people who left, and a perspective the group made up', () => {
    const s = syncMeeting();
    const guest: Person = { ...s.people[0]!, id: 'guest', name: 'Bartholomew Quinn', perspectiveId: 'youth', status: 'left', guestOfMeetingId: s.meeting.id };
    const input = inputFor(false, [guest]);
    input.group = { ...input.group, perspectives: [...input.group.perspectives, { id: 'youth', label: 'Youth worker' }] };
    input.decisions = [{ ...input.decisions[0]!, text: 'Thanks to bartholomew quinn' }];
    expect(buildSummary(input).decisions[0]!.text).toBe('Thanks to a member (Youth worker)');
  });

  it('an erased person’s pseudonym is not a name to hide', () => {
    const input = inputFor(false);
    input.people = input.people.map((p, i) => (i === 0 ? { ...p, name: 'Former member 1', erasedAt: 1 } : p));
    input.decisions = [{ ...input.decisions[0]!, text: 'Former member 1 asked for this' }];
    expect(buildSummary(input).decisions[0]!.text).toBe('Former member 1 asked for this');
  });
});

describe('text as the server takes it', () => {
  it.each([
    ['NUL taken out', 'a\u0000b', 10, 'ab'],
    ['a lone half of a character made U+FFFD', 'a\ud83db', 10, 'a\ufffdb'],
    ['a lone second half too', 'a\ude00b', 10, 'a\ufffdb'],
    ['cut before a character that would be split', 'abc😀', 4, 'abc'],
    ['a whole character kept when it fits', 'abc😀', 5, 'abc😀'],
    ['spaces folded and trimmed', '  a \n\t b  ', 10, 'a b'],
  ])('%s', (_why, text, max, expected) => {
    expect(sendableText(text, max)).toBe(expected);
  });

  it('a summary with broken characters and NUL in every text is still valid for the server', () => {
    const input = inputFor(false);
    input.decisions = [{ ...input.decisions[0]!, text: `${'😀'.repeat(1500)}\u0000` }];
    input.actions = [{ ...input.actions[0]!, what: `half \ud83d of a character` }];
    const summary = buildSummary(input);
    const parsed = SummarySchema.safeParse(JSON.parse(JSON.stringify(summary)));
    expect(parsed.success ? [] : fieldErrors(parsed.error)).toEqual([]);
    expect(summary.decisions[0]!.text.length).toBe(2000);
    expect(JSON.stringify(summary)).not.toMatch(/\\u0000|\\ud83d(?!\\ude00)/);
  });
});
