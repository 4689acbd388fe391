import { describe, expect, it } from 'vitest';
import type { AreInRole, GroupReview } from '../../src/domain/arein-model';
import {
  checkReview,
  coverageOf,
  decisionsWithoutAuthority,
  emptyReviewDraft,
  groupNotices,
  meetingNotices,
  rolesMarked,
  type CoverageNotice,
  makeReview,
  meetingPeople,
  newestFirst,
  normaliseRoles,
  REVIEW_ANSWER_MAX_LENGTH,
  REVIEW_COMMENT_MAX_LENGTH,
  reviseReview,
  rosterPeople,
  tidyLongText,
  type ReviewDraft,
} from '../../src/domain/arein';
import type { Attendee, Person } from '../../src/domain/model';
import { makeItem, makePerson } from '../support/fixtures';

const ORDER = ['lived', 'carer', 'staff', 'manager', 'voluntary', 'other'];

function person(name: string, areIn: AreInRole[], overrides: Partial<Person> = {}): Person {
  return makePerson({ id: name.toLowerCase(), name, areIn, ...overrides });
}

/** Each role as "role: names", the shape a reader of the group screen sees. */
function who(people: readonly Person[]): string[] {
  return coverageOf(people, ORDER).roles.map((r) => `${r.role}: ${r.people.map((p) => p.name).join(', ')}`);
}

function warnings(people: readonly Person[]): string[] {
  return coverageOf(people, ORDER).warnings.map((w) => (w.kind === 'missing' ? `missing ${w.role}` : `need-few ${w.people.map((p) => p.name).join('+')}`));
}

const ALL: AreInRole[] = ['authority', 'resources', 'expertise', 'information', 'need'];

describe('ARE IN coverage', () => {
  it.each<{ case: string; people: Person[]; warnings: string[] }>([
    {
      case: 'an empty group misses all five, and says nothing about too few with Need',
      people: [],
      warnings: ['missing authority', 'missing resources', 'missing expertise', 'missing information', 'missing need'],
    },
    {
      case: 'people with nothing marked are counted but cover nothing',
      people: [person('Aoife', []), person('Brian', [])],
      warnings: ['missing authority', 'missing resources', 'missing expertise', 'missing information', 'missing need'],
    },
    {
      case: 'one role missing: Authority',
      people: [person('Aoife', ['need']), person('Brian', ['need', 'expertise']), person('Cara', ['need', 'information', 'resources'])],
      warnings: ['missing authority'],
    },
    {
      case: 'one person carrying several roles covers each of them',
      people: [person('Deirdre', ALL), person('Aoife', ['need']), person('Brian', ['need'])],
      warnings: [],
    },
    {
      case: 'Need carried by one person',
      people: [person('Deirdre', ['authority', 'resources', 'expertise', 'information']), person('Aoife', ['need'])],
      warnings: ['need-few Aoife'],
    },
    {
      case: 'Need carried by two people',
      people: [person('Deirdre', ['authority', 'resources', 'expertise', 'information']), person('Brian', ['need']), person('Aoife', ['need'])],
      warnings: ['need-few Aoife+Brian'],
    },
    {
      case: 'Need carried by three people is not flagged',
      people: [person('Deirdre', ALL), person('Brian', ['need']), person('Aoife', ['need'])],
      warnings: [],
    },
    {
      case: 'Need carried by nobody is "missing", not "too few"',
      people: [person('Deirdre', ['authority', 'resources', 'expertise', 'information'])],
      warnings: ['missing need'],
    },
  ])('$case', ({ people, warnings: expected }) => {
    expect(warnings(people)).toEqual(expected);
  });

  it('lists who brings each of the five, by name, in ARE IN order', () => {
    const people = [person('Deirdre', ['authority', 'need']), person('Aoife', ['need', 'expertise']), person('Brian', [])];
    expect(who(people)).toEqual(['authority: Deirdre', 'resources: ', 'expertise: Aoife', 'information: ', 'need: Aoife, Deirdre']);
  });

  it('counts people by perspective, for the whole group and for each role, in the group’s perspective order', () => {
    const people = [
      person('Aoife', ['need'], { perspectiveId: 'lived' }),
      person('Brian', ['need'], { perspectiveId: 'staff' }),
      person('Cara', ['need', 'authority'], { perspectiveId: 'manager' }),
      person('Dara', [], { perspectiveId: 'lived' }),
      person('Eve', ['need'], { perspectiveId: 'carer' }),
    ];
    const coverage = coverageOf(people, ORDER);
    expect(coverage.total).toBe(5);
    expect(coverage.byPerspective).toEqual([
      { perspectiveId: 'lived', count: 2 },
      { perspectiveId: 'carer', count: 1 },
      { perspectiveId: 'staff', count: 1 },
      { perspectiveId: 'manager', count: 1 },
    ]);
    expect(coverage.roles.find((r) => r.role === 'need')!.byPerspective).toEqual([
      { perspectiveId: 'lived', count: 1 },
      { perspectiveId: 'carer', count: 1 },
      { perspectiveId: 'staff', count: 1 },
      { perspectiveId: 'manager', count: 1 },
    ]);
    expect(coverage.roles.find((r) => r.role === 'authority')!.byPerspective).toEqual([{ perspectiveId: 'manager', count: 1 }]);
  });

  it('ignores unknown or repeated roles a stored record might hold', () => {
    const odd = person('Aoife', ['need', 'need', 'bossing' as AreInRole, 'authority']);
    expect(normaliseRoles(odd.areIn!)).toEqual(['authority', 'need']);
    expect(who([odd])).toEqual(['authority: Aoife', 'resources: ', 'expertise: ', 'information: ', 'need: Aoife']);
  });
});

describe('who counts', () => {
  it('on the roster: people still in the group, not people who left, not one meeting’s guests', () => {
    const people = [
      person('Aoife', ['need']),
      person('Deirdre', ['authority'], { status: 'left' }),
      person('Gus', ['authority'], { guestOfMeetingId: 'meeting-1' }),
    ];
    const roster = rosterPeople(people);
    expect(roster.map((p) => p.name)).toEqual(['Aoife']);
    // Invariant: a person who left takes their Authority with them.
    expect(warnings(roster)).toContain('missing authority');
  });

  const deirdre = person('Deirdre', ['authority']);
  const aoife = person('Aoife', ['need']);
  const gus = person('Gus', ['expertise'], { guestOfMeetingId: 'meeting-1' });
  const everyone = [deirdre, aoife, gus];
  const at = (personId: string, extra: Partial<Attendee> = {}): Attendee => ({ meetingId: 'meeting-1', personId, expected: true, ...extra });

  it.each<{ case: string; attendees: Attendee[]; came: string[]; noAuthority: boolean }>([
    { case: 'everyone expected counts before anyone is marked', attendees: [at('deirdre'), at('aoife')], came: ['Deirdre', 'Aoife'], noAuthority: false },
    { case: 'the person with Authority did not come', attendees: [at('deirdre', { arrivedAt: null }), at('aoife')], came: ['Aoife'], noAuthority: true },
    { case: 'the person with Authority was not expected', attendees: [at('aoife')], came: ['Aoife'], noAuthority: true },
    { case: 'arriving late still counts', attendees: [at('deirdre', { arrivedAt: 1000 }), at('aoife')], came: ['Deirdre', 'Aoife'], noAuthority: false },
    {
      case: 'leaving early still counts: they came',
      attendees: [at('deirdre', { arrivedAt: 1000, leftAt: 2000 }), at('aoife')],
      came: ['Deirdre', 'Aoife'],
      noAuthority: false,
    },
    { case: 'a guest on the day counts', attendees: [at('aoife'), at('gus', { expected: false, arrivedAt: 1500 })], came: ['Aoife', 'Gus'], noAuthority: true },
    { case: 'an attendee not in the list of people is skipped', attendees: [at('nobody'), at('aoife')], came: ['Aoife'], noAuthority: true },
  ])('$case', ({ attendees, came, noAuthority }) => {
    const present = meetingPeople(everyone, attendees);
    expect(present.map((p) => p.name)).toEqual(came);
    expect(warnings(present).includes('missing authority')).toBe(noAuthority);
  });

  it('flags items for decision only when nobody present has Authority', () => {
    const items = [
      makeItem({ id: 'a', title: 'Discharge letters', purpose: 'decision' }),
      makeItem({ id: 'b', title: 'Update', purpose: 'information' }),
      makeItem({ id: 'c', title: 'Budget', purpose: 'decision' }),
    ];
    expect(decisionsWithoutAuthority(coverageOf([aoife]), items).map((i) => i.title)).toEqual(['Discharge letters', 'Budget']);
    expect(decisionsWithoutAuthority(coverageOf([aoife, deirdre]), items)).toEqual([]);
    expect(decisionsWithoutAuthority(coverageOf([aoife]), [items[1]!])).toEqual([]);
  });
});

/** A notice as a reader would sum it up: kind, then what it names. */
function said(notices: readonly CoverageNotice[]): string[] {
  return notices.map((n) => {
    if (n.kind === 'missing') return `missing ${n.roles.join('+')}`;
    if (n.kind === 'need-few') return `need-few ${n.people.map((p) => p.name).join('+')}`;
    if (n.kind === 'decisions-without-authority') return `no authority for ${n.items.map((i) => i.title).join('+')}`;
    return n.kind;
  });
}

describe('calm notices', () => {
  const decide = makeItem({ id: 'd', title: 'Letters', purpose: 'decision' });
  const discuss = makeItem({ id: 'x', title: 'Transport', purpose: 'discussion' });
  const roleless = [person('Aoife', []), person('Brian', [])];

  // Until the chair marks any role, every role looks missing: that is one line, not five alarms.
  it.each<{ case: string; people: Person[]; said: string[] }>([
    { case: 'nobody in the group: nothing to say', people: [], said: [] },
    { case: 'a first person added, nothing marked: one line', people: [person('Aoife', [])], said: ['roles-unmarked'] },
    { case: 'several people, nothing marked: still one line', people: roleless, said: ['roles-unmarked'] },
    {
      case: 'roles marked: every missing role in one line, in ARE IN order',
      people: [person('Aoife', ['need']), person('Brian', ['expertise']), person('Cara', ['need']), person('Dan', ['need'])],
      said: ['missing authority+resources+information'],
    },
    {
      case: 'roles marked, Need thin: the gap and the thin voice',
      people: [person('Deirdre', ['authority', 'resources', 'expertise', 'information']), person('Aoife', ['need'])],
      said: ['need-few Aoife'],
    },
    { case: 'everything covered: nothing', people: [person('Deirdre', ALL), person('Aoife', ['need']), person('Brian', ['need'])], said: [] },
  ])('the group screen: $case', ({ people, said: expected }) => {
    expect(said(groupNotices(coverageOf(people, ORDER), rolesMarked(people)))).toEqual(expected);
  });

  // A meeting warns only about what matters for the items being decided.
  it.each<{ case: string; people: Person[]; items: (typeof decide)[]; said: string[] }>([
    { case: 'no items at all: nothing, even with roles missing', people: [person('Aoife', ['need'])], items: [], said: [] },
    { case: 'only discussion: nothing, even with roles missing', people: [person('Aoife', ['need'])], items: [discuss], said: [] },
    { case: 'a decision, nothing marked: one line', people: roleless, items: [decide, discuss], said: ['roles-unmarked'] },
    {
      case: 'a decision, nobody with Authority: the item named first, Authority not said twice',
      people: [person('Aoife', ['need', 'expertise', 'information', 'resources']), person('B', ['need']), person('C', ['need'])],
      items: [decide, discuss],
      said: ['no authority for Letters'],
    },
    {
      case: 'a decision, Authority here, others missing: one line of the others',
      people: [person('Deirdre', ['authority']), person('Aoife', ['need'])],
      items: [decide],
      said: ['missing resources+expertise+information', 'need-few Aoife'],
    },
    { case: 'a decision, nobody here: nothing', people: [], items: [decide], said: [] },
  ])('a meeting: $case', ({ people, items, said: expected }) => {
    expect(said(meetingNotices(coverageOf(people, ORDER), rolesMarked(people), items))).toEqual(expected);
  });
});

describe('the group review', () => {
  const blank = () => emptyReviewDraft('2030-03-14');
  const problems = (draft: ReviewDraft) => checkReview(draft).problems.map((p) => `${p.field} ${p.problem}`);

  it.each<{ case: string; draft: () => ReviewDraft; problems: string[] }>([
    { case: 'all empty says nothing', draft: blank, problems: ['howMuch nothing-said'] },
    { case: 'white space only says nothing', draft: () => ({ ...blank(), howWell: ' \n\t ' }), problems: ['howMuch nothing-said'] },
    { case: 'one answer is enough', draft: () => ({ ...blank(), betterOff: 'Carers now get letters on time.' }), problems: [] },
    {
      case: 'one rating alone is enough',
      draft: () => ({ ...blank(), principles: { ...blank().principles, 'valuing-people': { rating: 4, comment: '' } } }),
      problems: [],
    },
    {
      case: 'one comment alone is enough',
      draft: () => ({ ...blank(), principles: { ...blank().principles, 'building-capacity': { rating: null, comment: 'No training yet.' } } }),
      problems: [],
    },
    { case: 'no date', draft: () => ({ ...blank(), date: '', howMuch: 'Four meetings.' }), problems: ['date empty'] },
    { case: 'not a real day', draft: () => ({ ...blank(), date: '2030-02-30', howMuch: 'Four meetings.' }), problems: ['date not-a-date'] },
    {
      case: 'an answer past its limit',
      draft: () => ({ ...blank(), howMuch: 'x'.repeat(REVIEW_ANSWER_MAX_LENGTH + 1) }),
      problems: ['howMuch too-long'],
    },
    {
      case: 'an answer at its limit',
      draft: () => ({ ...blank(), howMuch: 'x'.repeat(REVIEW_ANSWER_MAX_LENGTH) }),
      problems: [],
    },
    {
      case: 'a comment past its limit',
      draft: () => ({
        ...blank(),
        principles: { ...blank().principles, 'cross-boundary-working': { rating: 2, comment: 'y'.repeat(REVIEW_COMMENT_MAX_LENGTH + 1) } },
      }),
      problems: ['comment-cross-boundary-working too-long'],
    },
    {
      case: 'a rating off the scale',
      draft: () => ({ ...blank(), howMuch: 'Four meetings.', principles: { ...blank().principles, 'valuing-people': { rating: 6 as never, comment: '' } } }),
      problems: ['rating-valuing-people not-a-rating'],
    },
    {
      case: 'a rating of nought',
      draft: () => ({ ...blank(), howMuch: 'Four meetings.', principles: { ...blank().principles, 'valuing-people': { rating: 0 as never, comment: '' } } }),
      problems: ['rating-valuing-people not-a-rating'],
    },
  ])('$case', ({ draft, problems: expected }) => {
    expect(problems(draft())).toEqual(expected);
  });

  it('tidies writing but keeps its line breaks', () => {
    expect(tidyLongText('  Four meetings.   \n\n\n\n- one   with the board  \r\n')).toBe('Four meetings.\n\n- one with the board');
    const { value } = checkReview({ ...blank(), howMuch: ' Sea\u0301n came.  ' });
    expect(value.howMuch).toBe('Seán came.');
  });

  it('keeps when a review was first written when it is changed', () => {
    const draft = checkReview({ ...blank(), howMuch: 'Four meetings.' }).value;
    const review = makeReview({ id: 'r1', groupId: 'group-1', draft, at: 1000 });
    expect(review).toMatchObject({ id: 'r1', groupId: 'group-1', meetingId: null, date: '2030-03-14', createdAt: 1000, updatedAt: 1000 });
    const changed = reviseReview(review, { ...draft, howWell: 'Better than last time.' }, 5000);
    expect(changed).toMatchObject({ id: 'r1', createdAt: 1000, updatedAt: 5000, howMuch: 'Four meetings.', howWell: 'Better than last time.' });
  });

  it('lists reviews newest first: by day held, then by when written', () => {
    const r = (id: string, date: string, createdAt: number) => ({ ...makeReview({ id, groupId: 'g', draft: blank(), at: createdAt }), date }) as GroupReview;
    const sorted = newestFirst([r('a', '2030-01-10', 1), r('b', '2030-06-01', 2), r('c', '2030-01-10', 3)]);
    expect(sorted.map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
});
