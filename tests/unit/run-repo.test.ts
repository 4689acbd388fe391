import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../support/fresh-db';
import { makeGroup, makeItem, makeMeeting } from '../support/fixtures';
import { previousAgenda, putAgendaItems, removeAgendaItem } from '../../src/db/agenda-repo';
import { addGroup } from '../../src/db/groups-repo';
import { saveMeeting } from '../../src/db/meetings-repo';
import { appendClockEvent, closeMeeting, getRunData } from '../../src/db/run-repo';
import { RuleError } from '../../src/domain/rule-codes';
import type { MeetingClockEventKind } from '../../src/domain/agenda-model';
import { t } from '../../src/ui/strings/all';

const db = useFreshDb();
const T0 = new Date(2030, 2, 14, 10, 0).getTime();
let eventCounter = 0;

function tap(meetingId: string, kind: MeetingClockEventKind, itemId?: string, at = T0) {
  eventCounter += 1;
  return appendClockEvent(meetingId, { id: `event-${eventCounter}`, kind, at, ...(itemId ? { itemId } : {}) });
}

async function groupWithMeetings(...meetings: Array<{ id: string; date: string }>) {
  await addGroup(makeGroup());
  for (const { id, date } of meetings) {
    const [y, m, d] = date.split('-').map(Number);
    await saveMeeting(makeMeeting({ id, date, startsAt: new Date(y!, m! - 1, d!, 10).getTime() }), []);
  }
}

describe('the meeting clock in storage', () => {
  it('numbers taps 1, 2, 3 and moves the meeting through its states with them', async () => {
    await groupWithMeetings({ id: 'm1', date: '2030-03-14' });
    await putAgendaItems([makeItem({ id: 'i1', meetingId: 'm1' })]);
    await tap('m1', 'start');
    expect((await db().meetings.get('m1'))?.state).toBe('running');
    await tap('m1', 'item', 'i1');
    await tap('m1', 'end-items');
    expect((await db().meetings.get('m1'))?.state).toBe('closing');
    const run = await getRunData('m1');
    expect(run?.events.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'start'],
      [2, 'item'],
      [3, 'end-items'],
    ]);
    await closeMeeting('m1', T0 + 1000, t.sync.summaryWords);
    expect((await db().meetings.get('m1'))?.state).toBe('closed');
    // A closed meeting's clock is part of the record and takes no more taps.
    await expect(tap('m1', 'reopen')).rejects.toBeInstanceOf(RuleError);
  });

  it('gives taps made at the same moment distinct steps, none lost', async () => {
    await groupWithMeetings({ id: 'm1', date: '2030-03-14' });
    await Promise.all(['start', 'pause', 'resume', 'pause', 'resume'].map((kind) => tap('m1', kind as MeetingClockEventKind)));
    const seqs = (await db().clockEvents.where('meetingId').equals('m1').toArray()).map((e) => e.seq).sort();
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps an item the meeting has spent time on, and lets an untouched one go', async () => {
    await groupWithMeetings({ id: 'm1', date: '2030-03-14' });
    await putAgendaItems([makeItem({ id: 'used', meetingId: 'm1' }), makeItem({ id: 'spare', meetingId: 'm1', order: 1 })]);
    await tap('m1', 'start', 'used');
    await tap('m1', 'item', 'used');
    await expect(removeAgendaItem('used')).rejects.toMatchObject({ code: 'item-in-record' });
    await removeAgendaItem('spare');
    expect((await getRunData('m1'))?.items.map((i) => i.id)).toEqual(['used']);
  });
});

describe('deferred items', () => {
  it('go onto the next meeting of the group once, however often the clock is tapped', async () => {
    await groupWithMeetings({ id: 'first', date: '2030-03-14' }, { id: 'second', date: '2030-04-11' }, { id: 'third', date: '2030-05-09' });
    await putAgendaItems([makeItem({ id: 'a', meetingId: 'first' }), makeItem({ id: 'b', meetingId: 'first', order: 1, title: 'Transport' })]);
    await tap('first', 'start', 'a');
    await tap('first', 'item', 'a');
    await tap('first', 'defer', 'b');
    await tap('first', 'pause');
    await tap('first', 'resume');
    await closeMeeting('first', T0 + 60_000, t.sync.summaryWords);

    const second = await getRunData('second');
    expect(second?.items.map((i) => [i.title, i.carriedFromItemId])).toEqual([['Transport', 'b']]);
    // Carried to the next meeting only, never to every later one.
    expect((await getRunData('third'))?.items).toEqual([]);
  });

  it('wait for the next meeting to be made when there is none yet', async () => {
    await groupWithMeetings({ id: 'first', date: '2030-03-14' });
    await putAgendaItems([makeItem({ id: 'a', meetingId: 'first' })]);
    await tap('first', 'start');
    await tap('first', 'defer', 'a');
    await closeMeeting('first', T0 + 60_000, t.sync.summaryWords);
    await saveMeeting(makeMeeting({ id: 'later', date: '2030-04-11', startsAt: new Date(2030, 3, 11, 10).getTime() }), []);
    await saveMeeting(makeMeeting({ id: 'later', date: '2030-04-11', startsAt: new Date(2030, 3, 11, 10).getTime(), title: 'Renamed' }), []);
    expect((await getRunData('later'))?.items.map((i) => i.carriedFromItemId)).toEqual(['a']);
  });

  it('come back off the next meeting when the item is discussed after all', async () => {
    await groupWithMeetings({ id: 'first', date: '2030-03-14' }, { id: 'second', date: '2030-04-11' });
    await putAgendaItems([makeItem({ id: 'a', meetingId: 'first' })]);
    await tap('first', 'start');
    await tap('first', 'defer', 'a');
    expect((await getRunData('second'))?.items).toHaveLength(1);
    await tap('first', 'item', 'a');
    expect((await getRunData('second'))?.items).toEqual([]);
  });
});

describe('copying an agenda', () => {
  it('offers the latest earlier meeting that had an agenda', async () => {
    await groupWithMeetings({ id: 'jan', date: '2030-01-10' }, { id: 'feb', date: '2030-02-14' }, { id: 'mar', date: '2030-03-14' });
    await putAgendaItems([makeItem({ id: 'j', meetingId: 'jan', title: 'January item' })]);
    const march = (await db().meetings.get('mar'))!;
    const previous = await previousAgenda(march);
    expect(previous?.meeting.id).toBe('jan');
    expect(previous?.items.map((i) => i.title)).toEqual(['January item']);
  });
});
