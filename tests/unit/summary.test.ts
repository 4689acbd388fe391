import { describe, expect, it } from 'vitest';
import { SummarySchema, fieldErrors } from '../../server/src/summary-schema';
import { buildSummary, type SummaryInput } from '../../src/domain/summary';
import { withoutNames } from '../../src/domain/sync-rules';
import { uniqueTerms } from '../../src/domain/meeting-record';
import { syncMeeting } from '../support/sync-meeting';
import { t } from '../../src/ui/strings/all';

const ID = '0b9a4c1e-5f2d-4e7a-8c3b-1d2e3f4a5b6c';

function inputFor(names: boolean): SummaryInput {
  const s = syncMeeting();
  return {
    id: ID,
    revision: 1,
    names,
    meeting: { ...s.meeting, state: 'closed' },
    group: s.group,
    people: s.people,
    attendees: s.attendees,
    items: s.items,
    events: s.events,
    turns: s.turns,
    dissent: s.dissent,
    decisions: s.decisions,
    actions: s.actions,
    checkInAnswers: s.answers,
    checkedIn: s.marks,
    oneToOneRequests: s.oneToOnes,
    glossary: s.glossary,
    review: s.review,
    now: s.endAt + 5 * 60_000,
    words: t.sync.summaryWords,
  };
}

function expectValid(summary: unknown) {
  const parsed = SummarySchema.safeParse(summary);
  // The server refuses anything its strict schema does not list: the device must build exactly that.
  expect(parsed.success ? [] : fieldErrors(parsed.error)).toEqual([]);
}

describe('the summary a closed meeting sends', () => {
  it('follows each action by its ref: the day it was done, and earlier actions taken up at this meeting, with no words', () => {
    const input = inputFor(true);
    const meetingId = input.meeting.id;
    const [draft, ask] = input.actions;
    const doneAt = new Date(2030, 2, 28, 15, 0).getTime();
    const earlier = {
      ...draft!,
      id: 'act-earlier',
      meetingId: 'an-earlier-meeting',
      what: 'Ring Ann Smith about transport',
      due: '2030-03-01',
      status: 'done' as const,
      history: [
        { kind: 'done' as const, at: new Date(2030, 1, 20, 10).getTime(), meetingId: null, note: '' },
        { kind: 'reopened' as const, at: new Date(2030, 1, 21, 10).getTime(), meetingId: 'an-earlier-meeting', note: '' },
        { kind: 'done' as const, at: doneAt, meetingId, note: 'Rang her' },
      ],
    };
    const untouched = { ...earlier, id: 'act-untouched', history: [] };
    const summary = buildSummary({
      ...input,
      actions: [{ ...ask!, history: [{ kind: 'done', at: doneAt, meetingId, note: '' }] }, earlier, untouched],
    });
    expectValid(summary);
    expect(summary.actions.map(({ ref, status, doneOn }) => ({ ref, status, doneOn }))).toEqual([{ ref: ask!.id, status: 'done', doneOn: '2030-03-28' }]);
    // The last time it was marked done counts; an earlier action not taken up here is not listed.
    expect(summary.followedUp).toEqual([{ ref: 'act-earlier', due: '2030-03-01', status: 'done', doneOn: '2030-03-28' }]);
    expect(JSON.stringify(summary.followedUp)).not.toContain('Ann');
  });

  it('is exactly the server schema, with the meeting’s figures', () => {
    const summary = buildSummary(inputFor(false));
    expectValid(summary);
    expect(summary).toMatchObject({ schemaVersion: 1, id: ID, revision: 1, names: false, durationMinutes: 70 });
    // Seven came (one marked not here): counted by perspective, not by name.
    expect(Object.values(summary.presentByPerspective).reduce((a, b) => a + b, 0)).toBe(7);
    expect(summary.items.slice(0, 2).map((i) => i.usedMinutes)).toEqual([12, 58]);
    expect(summary.voiceBalance.find((v) => v.perspective === 'Lived experience')).toMatchObject({ turns: 2, talkSeconds: 90 });
    expect(summary.dissent).toEqual({ parked: 1, resolved: 1, standing: 1 });
    expect(summary.decisions).toEqual([
      { text: 'Pilot the plain-language discharge letter on one ward', how: 'consensus' },
      { text: 'Meet monthly until the pilot ends', how: 'vote', votes: { for: 5, against: 1, abstain: 1 } },
      { text: 'Budget for interpreters', how: 'elsewhere' },
    ]);
    const [draft, ask] = inputFor(false).actions;
    expect(summary.actions).toEqual([
      { text: 'Draft the letter with two members', due: '2030-04-09', status: 'open', ref: draft!.id },
      // Done with no record of when (as data from before the history kept it): no date is made up.
      { text: 'Ask the ward about a start date', due: '2030-04-01', status: 'done', ref: ask!.id },
    ]);
    expect(summary.followedUp).toEqual([]);
    expect(summary.checkIn).toEqual({
      checkedIn: 3,
      oneToOneRequests: 1,
      prompts: [
        { prompt: 'Were you able to have your say?', counts: { yes: 2, 'not-sure': 0, no: 1 } },
        { prompt: 'How do you feel about the meeting?', counts: { '1 of 5': 1, '2 of 5': 0, '3 of 5': 1, '4 of 5': 0, '5 of 5': 1 } },
      ],
    });
    expect(summary.glossaryTerms).toEqual(['MDT', 'ICB']);
    expect(summary.groupReview).toEqual({
      date: summary.date,
      ratings: [
        { topic: 'valuing-people', counts: { '4': 1 } },
        { topic: 'representative-networks', counts: { '2': 1 } },
        { topic: 'reciprocal-recognition', counts: { '3': 1 } },
        { topic: 'cross-boundary-working', counts: { '5': 1 } },
        { topic: 'enabling-and-facilitating', counts: { '4': 1 } },
      ],
      comments: 2,
    });
  });

  it('names an item with no title to send in the catalogue’s words, by its place on the agenda', () => {
    const input = inputFor(false);
    const items = input.items.map((item, i) => (i === 1 ? { ...item, title: '  ' } : item));
    const summary = buildSummary({ ...input, items, words: { ...input.words, untitledItem: (n) => `⟦${n}⟧` } });
    expect(summary.items[1]!.title).toBe('⟦2⟧');
    expect(buildSummary({ ...input, items }).items[1]!.title).toBe('Item 2');
  });

  it('lists a term flagged twice (at the meeting and at the check-in, in other case) once, as the record does', () => {
    const input = inputFor(false);
    const first = input.glossary.find((g) => g.meetingId === input.meeting.id)!;
    const again = { ...first, id: 'again', term: ` ${first.term.toLowerCase()} `, source: 'check-in' as const, createdAt: first.createdAt + 1 };
    const summary = buildSummary({ ...input, glossary: [...input.glossary, again] });
    expect(summary.glossaryTerms).toEqual(buildSummary(input).glossaryTerms);
    expect(uniqueTerms([...input.glossary, again]).filter((g) => g.term.toLowerCase() === first.term.toLowerCase())).toHaveLength(1);
  });

  it('holds no person’s name, no dissent words, no free text and no group name by default', () => {
    const input = inputFor(false);
    const json = JSON.stringify(buildSummary(input));
    // Nothing that names or quotes a person may leave the device unless the chair chose names.
    expect(json).not.toContain('ownerId');
    for (const person of input.people) {
      expect(json).not.toContain(person.name);
      for (const part of person.name.split(' ').filter((w) => w.length > 3 && w !== 'Sample')) expect(json).not.toContain(part);
    }
    for (const words of ['too long', 'Carers were not asked', 'talked over', 'Riverside Trust', 'Trust board', 'felt valued', 'rewrote', input.group.name]) {
      expect(json.toLowerCase()).not.toContain(words.toLowerCase());
    }
  });

  it('includes the group’s name and action owners only when the chair chose names', () => {
    const input = inputFor(true);
    const summary = buildSummary(input);
    expectValid(summary);
    expect(summary.names).toBe(true);
    expect(summary.groupName).toBe(input.group.name);
    expect(summary.actions.map((a) => a.owner)).toEqual([input.people[4]!.name, 'Riverside Trust']);
    // A person's id goes with their name, so an erasure can find it on the server; an organisation has none.
    expect(summary.actions.map((a) => a.ownerId)).toEqual([input.people[4]!.id, undefined]);
    // Names chosen still never carry what was said: dissent words and check-in text stay on the device.
    const json = JSON.stringify(summary);
    expect(json).not.toContain('talked over');
    expect(json).not.toContain('too long');
    // Turning names off later takes them out of a summary built with them.
    const stripped = withoutNames(summary);
    expectValid(stripped);
    expect(JSON.stringify(stripped)).not.toContain(input.people[4]!.name);
    expect(JSON.stringify(stripped)).not.toContain('ownerId');
    expect(stripped.groupName).toBeUndefined();
  });

  it('keeps within the schema’s limits when the chair typed too much', () => {
    const input = inputFor(false);
    input.decisions = [{ ...input.decisions[0]!, text: 'x'.repeat(5000) }];
    input.items = input.items.map((item) => ({ ...item, title: '   ' }));
    expectValid(buildSummary(input));
  });
});
