import { buildMeetingRecord } from '../src/domain/meeting-record';
import type { ActionItem } from '../src/domain/record-model';
import { actionsCsv, attendanceCsv, balanceCsv, calendarIcs, minutesMarkdown, recordWords } from '../src/ui/record/record-files';
import { summarise, type Timing } from './balance-bench';
import { syntheticMeeting } from './synthetic-meeting';

/** Every export of a three-hour meeting, 40 people, 3,000 turns: the record built once, then each file. */
export function runExportBench(runs = 20): Timing & { bytes: number } {
  const m = syntheticMeeting();
  const actions: ActionItem[] = Array.from({ length: 30 }, (_, i) => ({
    id: `a${i}`, groupId: m.group.id, meetingId: m.meeting.id, itemId: null, what: `Action ${i}, "quoted"\nnext line`,
    owner: { kind: 'person', personId: m.people[i % m.people.length]!.id }, due: '2030-04-01', status: 'open', droppedReason: '',
    history: [{ kind: 'created', at: m.endsAt, meetingId: m.meeting.id, note: '' }], createdAt: m.endsAt, updatedAt: m.endsAt,
  }));
  const source = {
    meeting: { ...m.meeting, state: 'closed' as const, updatedAt: m.endsAt }, group: m.group, people: m.people, attendees: m.attendees,
    items: m.items, events: m.events, turns: m.turns, glossary: [], dissent: [], decisions: [], actions, checkinAnswers: [],
    checkedIn: 0, oneToOnes: 0, nextMeeting: null,
  };
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 3; i++) {
    const started = performance.now();
    const record = buildMeetingRecord(source, { names: false, now: m.endsAt, words: recordWords });
    const files = [minutesMarkdown(record, true), actionsCsv(record), attendanceCsv(record), balanceCsv(record, true), calendarIcs(record, m.endsAt)];
    const elapsed = performance.now() - started;
    bytes = files.reduce((sum, f) => sum + f.text.length, 0);
    if (record.balance.people.length === 0) throw new Error('unexpected result');
    if (i >= 3) samples.push(elapsed);
  }
  return { ...summarise(samples), bytes };
}
