import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaItem, Paper } from '../../src/domain/agenda-model';
import {
  checkAgendaItem,
  checkTimebox,
  copyAgenda,
  hasProblems,
  isIsoDay,
  isPaperLate,
  itemPapersStatus,
  newAgendaItem,
  planAgenda,
  tidyAgendaItemInput,
  timeboxMs,
  type AgendaItemInput,
} from '../../src/domain/agenda';

const MIN = 60_000;
const START = Date.UTC(2026, 2, 30, 10, 0);

function item(id: string, order: number, timeboxMinutes: number, extra: Partial<AgendaItem> = {}): AgendaItem {
  return { ...newAgendaItem(id, 'm1', order, 0), title: `Item ${id}`, timeboxMinutes, ...extra };
}

function paper(id: string, sentOn: string): Paper {
  return { id, title: `Paper ${id}`, link: '', sentOn };
}

describe('planAgenda', () => {
  it('plans items back to back from the start, in order order, not list order', () => {
    const plan = planAgenda(START, START + 120 * MIN, [item('c', 2, 30), item('a', 0, 15), item('b', 1, 45)]);
    expect(plan.slots).toEqual([
      { itemId: 'a', plannedStart: START, plannedEnd: START + 15 * MIN },
      { itemId: 'b', plannedStart: START + 15 * MIN, plannedEnd: START + 60 * MIN },
      { itemId: 'c', plannedStart: START + 60 * MIN, plannedEnd: START + 90 * MIN },
    ]);
    expect(plan.plannedEnd).toBe(START + 90 * MIN);
    expect(plan.overrunMs).toBe(0);
  });

  it.each([
    ['fits with time to spare', [30, 30], 90, 0],
    ['fits exactly', [30, 60], 90, 0],
    ['runs one minute over', [30, 61], 90, 1 * MIN],
    ['runs well over', [120, 120], 90, 150 * MIN],
    ['has no items', [], 90, 0],
  ])('warns only when the agenda runs past the end: %s', (_label, boxes, meetingMinutes, overrun) => {
    const items = boxes.map((box, index) => item(`i${index}`, index, box));
    const plan = planAgenda(START, START + meetingMinutes * MIN, items);
    expect(plan.overrunMs).toBe(overrun);
  });

  it('slots are contiguous and add up to the plan', () => {
    // Invariant: each slot starts where the previous ended, and the last ends at plannedEnd.
    const items = [5, 10, 1, 240, 17].map((box, index) => item(`i${index}`, index, box));
    const plan = planAgenda(START, START + 60 * MIN, items);
    let cursor = START;
    for (const slot of plan.slots) {
      expect(slot.plannedStart).toBe(cursor);
      expect(slot.plannedEnd).toBeGreaterThanOrEqual(slot.plannedStart);
      cursor = slot.plannedEnd;
    }
    expect(plan.plannedEnd).toBe(cursor);
    expect(plan.plannedEnd - START).toBe(273 * MIN);
    expect(plan.overrunMs).toBe(213 * MIN);
  });

  it('an empty agenda ends where it starts', () => {
    expect(planAgenda(START, START + MIN, [])).toEqual({ slots: [], plannedEnd: START, overrunMs: 0 });
  });

  it('an unusable timebox plans as zero, never backwards', () => {
    const plan = planAgenda(START, START + 60 * MIN, [
      item('a', 0, Number.NaN),
      item('b', 1, -10),
      item('c', 2, 10),
    ]);
    expect(plan.slots.map((slot) => slot.plannedEnd - slot.plannedStart)).toEqual([0, 0, 10 * MIN]);
  });

  it('has no overrun to report when the end time is not known', () => {
    expect(planAgenda(START, Number.NaN, [item('a', 0, 600)]).overrunMs).toBe(0);
  });

  it('breaks a tie in order by id, so every device shows the same plan', () => {
    const plan = planAgenda(START, START, [item('b', 0, 5), item('a', 0, 5)]);
    expect(plan.slots.map((slot) => slot.itemId)).toEqual(['a', 'b']);
  });
});

describe('timeboxMs', () => {
  it.each([
    [10, 10 * MIN],
    [1, MIN],
    [0, 0],
    [-5, 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])('%s minutes → %s ms', (minutes, ms) => {
    expect(timeboxMs(minutes)).toBe(ms);
  });
});

describe('isIsoDay', () => {
  it.each([
    ['2026-03-30', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-3-30', false],
    ['30/03/2026', false],
    ['2026-03-30T10:00', false],
    [' 2026-03-30', false],
    ['', false],
  ])('%j → %s', (value, valid) => {
    expect(isIsoDay(value)).toBe(valid);
  });
});

// The answer must be the same in every time zone, including across a clock
// change: counting milliseconds would make a 23-hour day short a day.
describe.each(['UTC', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Pacific/Auckland'])(
  'isPaperLate in %s',
  (zone) => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('really is in that zone', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
      if (zone === 'Europe/London') expect(new Date(2026, 2, 30).getTimezoneOffset()).toBe(-60);
    });

    it.each([
      // UK clocks go forward on 29 March 2026, inside these five days.
      ['2026-03-30', '2026-03-25', 'on-time'],
      ['2026-03-30', '2026-03-26', 'late'],
      ['2026-03-30', '2026-03-29', 'late'],
      ['2026-03-30', '2026-03-30', 'late'],
      ['2026-03-30', '2026-04-02', 'late'],
      ['2026-03-30', '2026-03-01', 'on-time'],
      // UK clocks go back on 25 October 2026.
      ['2026-10-27', '2026-10-22', 'on-time'],
      ['2026-10-27', '2026-10-23', 'late'],
      // Across a year end and a leap day.
      ['2027-01-03', '2026-12-29', 'on-time'],
      ['2027-01-03', '2026-12-30', 'late'],
      ['2028-03-04', '2028-02-28', 'on-time'],
      ['2028-03-04', '2028-02-29', 'late'],
      ['2026-03-30', '', 'not-sent'],
      ['2026-03-30', 'next week', 'not-sent'],
      ['2026-03-30', '2026-02-30', 'not-sent'],
      // With no meeting date yet there is nothing to be late for.
      ['', '2026-03-29', 'on-time'],
    ])('meeting %s, sent %j → %s', (meetingDate, sentOn, expected) => {
      expect(isPaperLate({ sentOn }, meetingDate)).toBe(expected);
    });
  },
);

describe('itemPapersStatus', () => {
  const meeting = '2026-03-30';
  const onTime = paper('p1', '2026-03-20');
  const late = paper('p2', '2026-03-28');
  const notSent = paper('p3', '');

  it.each([
    ['no papers', [], null],
    ['one on time', [onTime], 'on-time'],
    ['on time and late', [onTime, late], 'late'],
    ['late and on time', [late, onTime], 'late'],
    ['late and not sent', [late, notSent], 'not-sent'],
    ['not sent and on time', [notSent, onTime], 'not-sent'],
    ['all three', [onTime, notSent, late], 'not-sent'],
  ])('%s → %s', (_label, papers, expected) => {
    expect(itemPapersStatus({ papers }, meeting)).toBe(expected);
  });
});

describe('checkTimebox', () => {
  it.each([
    [1, null],
    [10, null],
    [240, null],
    [0, 'too-short'],
    [-3, 'too-short'],
    [241, 'too-long'],
    [2.5, 'not-whole'],
    [0.5, 'not-whole'],
    [Number.NaN, 'missing'],
    [Number.POSITIVE_INFINITY, 'missing'],
  ])('%s minutes → %s', (minutes, expected) => {
    expect(checkTimebox(minutes)).toBe(expected);
  });
});

describe('checkAgendaItem', () => {
  const valid: AgendaItemInput = {
    title: 'Discharge letters',
    timeboxMinutes: 20,
    decidedBy: { kind: 'group' },
    nonNegotiables: '',
    papers: [],
  };

  it('finds nothing wrong with a plain item', () => {
    expect(checkAgendaItem(valid)).toEqual({});
    expect(hasProblems(checkAgendaItem(valid))).toBe(false);
  });

  it.each<[string, Partial<AgendaItemInput>, object]>([
    ['an empty title', { title: '' }, { title: 'empty' }],
    ['a title of spaces', { title: '   \n ' }, { title: 'empty' }],
    ['a title of 120 letters', { title: 'x'.repeat(120) }, {}],
    ['a title of 121 letters', { title: 'x'.repeat(121) }, { title: 'too-long' }],
    ['a long title that is only long in spaces', { title: `  ${'x'.repeat(60)}      ${'y'.repeat(59)}  ` }, {}],
    ['no timebox', { timeboxMinutes: Number.NaN }, { timeboxMinutes: 'missing' }],
    ['a zero timebox', { timeboxMinutes: 0 }, { timeboxMinutes: 'too-short' }],
    ['a timebox of 241', { timeboxMinutes: 241 }, { timeboxMinutes: 'too-long' }],
    ['a timebox of 7.5', { timeboxMinutes: 7.5 }, { timeboxMinutes: 'not-whole' }],
    ['decided elsewhere with no name', { decidedBy: { kind: 'elsewhere', who: ' ' } }, { decidedByWho: 'empty' }],
    ['decided elsewhere by the board', { decidedBy: { kind: 'elsewhere', who: 'Trust board' } }, {}],
    ['decided elsewhere, name of 80', { decidedBy: { kind: 'elsewhere', who: 'b'.repeat(80) } }, {}],
    [
      'decided elsewhere, name of 81',
      { decidedBy: { kind: 'elsewhere', who: 'b'.repeat(81) } },
      { decidedByWho: 'too-long' },
    ],
    ['non-negotiables of 1000', { nonNegotiables: 'n'.repeat(1000) }, {}],
    ['non-negotiables of 1000 plus spaces round', { nonNegotiables: `\n ${'n'.repeat(1000)} \n` }, {}],
    ['non-negotiables of 1001', { nonNegotiables: 'n'.repeat(1001) }, { nonNegotiables: 'too-long' }],
    [
      'everything wrong at once',
      { title: '', timeboxMinutes: 0, decidedBy: { kind: 'elsewhere', who: '' }, nonNegotiables: 'n'.repeat(1001) },
      { title: 'empty', timeboxMinutes: 'too-short', decidedByWho: 'empty', nonNegotiables: 'too-long' },
    ],
  ])('%s', (_label, change, expected) => {
    expect(checkAgendaItem({ ...valid, ...change })).toEqual(expected);
  });

  it.each<[string, Partial<Paper>, object | undefined]>([
    ['a good paper', {}, undefined],
    ['a paper with no title', { title: '  ' }, { title: 'empty' }],
    ['a paper title of 121', { title: 't'.repeat(121) }, { title: 'too-long' }],
    ['a link of 500', { link: 'l'.repeat(500) }, undefined],
    ['a link of 501', { link: 'l'.repeat(501) }, { link: 'too-long' }],
    ['a note instead of a link', { link: 'Printed copies at reception' }, undefined],
    ['not sent yet', { sentOn: '' }, undefined],
    ['sent on a real day', { sentOn: '2026-03-20' }, undefined],
    ['sent on a day that does not exist', { sentOn: '2026-02-30' }, { sentOn: 'date-invalid' }],
    ['sent on a date in another format', { sentOn: '20/03/2026' }, { sentOn: 'date-invalid' }],
    [
      'everything wrong with a paper',
      { title: '', link: 'l'.repeat(501), sentOn: 'soon' },
      { title: 'empty', link: 'too-long', sentOn: 'date-invalid' },
    ],
  ])('%s', (_label, change, expected) => {
    const good = { ...paper('good', '2026-03-01'), link: 'https://example.org/a.pdf' };
    const checked = { ...paper('p', '2026-03-01'), link: 'https://example.org/b.pdf', ...change };
    const problems = checkAgendaItem({ ...valid, papers: [good, checked] });
    // Problems are keyed by paper id, and a good paper never appears.
    if (expected === undefined) expect(problems).toEqual({});
    else expect(problems).toEqual({ papers: { p: expected } });
  });
});

describe('tidyAgendaItemInput', () => {
  it('stores what was checked: folded titles, trimmed free text and links', () => {
    const tidy = tidyAgendaItemInput({
      title: '  Discharge   letters ',
      timeboxMinutes: 15,
      decidedBy: { kind: 'elsewhere', who: ' Trust  board ' },
      nonNegotiables: '\n Budget is fixed.\nDates are fixed. \n',
      papers: [{ id: 'p', title: ' Draft  letter ', link: ' https://example.org/a b.pdf ', sentOn: ' 2026-03-01 ' }],
    });
    expect(tidy).toEqual({
      title: 'Discharge letters',
      timeboxMinutes: 15,
      decidedBy: { kind: 'elsewhere', who: 'Trust board' },
      nonNegotiables: 'Budget is fixed.\nDates are fixed.',
      papers: [{ id: 'p', title: 'Draft letter', link: 'https://example.org/a b.pdf', sentOn: '2026-03-01' }],
    });
  });

  it('keeps no stale name when the group decides', () => {
    const tidy = tidyAgendaItemInput({
      title: 'x',
      timeboxMinutes: 1,
      decidedBy: { kind: 'group' },
      nonNegotiables: '',
      papers: [],
    });
    expect(tidy.decidedBy).toEqual({ kind: 'group' });
  });
});

describe('newAgendaItem', () => {
  it('starts as a ten-minute discussion the group decides, with nothing else filled in', () => {
    expect(newAgendaItem('i1', 'm1', 3, 1000)).toEqual({
      id: 'i1',
      meetingId: 'm1',
      order: 3,
      title: '',
      purpose: 'discussion',
      timeboxMinutes: 10,
      leadId: null,
      decidedBy: { kind: 'group' },
      nonNegotiables: '',
      papers: [],
      notes: '',
      createdAt: 1000,
      updatedAt: 1000,
    });
    expect(newAgendaItem('i2', 'm1', 0, 0, 'decision').purpose).toBe('decision');
  });
});

describe('copyAgenda', () => {
  const previous = [
    item('b', 4, 30, {
      purpose: 'decision',
      leadId: 'person-1',
      decidedBy: { kind: 'elsewhere', who: 'Trust board' },
      nonNegotiables: 'Budget is fixed',
      papers: [{ id: 'p1', title: 'Options', link: 'https://example.org/o.pdf', sentOn: '2026-03-01' }],
      notes: 'Said at the last meeting',
    }),
    item('a', 1, 10),
  ];

  let n = 0;
  const newId = (): string => `new-${(n += 1)}`;
  const copied = copyAgenda(previous, 'm2', newId, 5000);

  it('keeps what the items are and renumbers them in order', () => {
    expect(copied.map((c) => [c.title, c.order, c.meetingId])).toEqual([
      ['Item a', 0, 'm2'],
      ['Item b', 1, 'm2'],
    ]);
    const b = copied[1];
    expect(b?.purpose).toBe('decision');
    expect(b?.leadId).toBe('person-1');
    expect(b?.decidedBy).toEqual({ kind: 'elsewhere', who: 'Trust board' });
    expect(b?.nonNegotiables).toBe('Budget is fixed');
    expect(b?.timeboxMinutes).toBe(30);
  });

  it('gives new ids and times, keeps papers but not when they were sent, and leaves notes behind', () => {
    const ids = copied.flatMap((c) => [c.id, ...c.papers.map((p) => p.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => ['a', 'b', 'p1'].includes(id))).toBe(false);
    expect(copied.every((c) => c.createdAt === 5000 && c.updatedAt === 5000 && c.notes === '')).toBe(true);
    expect(copied[1]?.papers).toEqual([
      { id: expect.any(String), title: 'Options', link: 'https://example.org/o.pdf', sentOn: '' },
    ]);
  });

  it('shares nothing with the original, so editing the copy never edits last time', () => {
    expect(copied[1]?.papers).not.toBe(previous[0]?.papers);
    expect(copied[1]?.decidedBy).not.toBe(previous[0]?.decidedBy);
    expect(previous[0]?.papers[0]?.sentOn).toBe('2026-03-01');
  });
});
