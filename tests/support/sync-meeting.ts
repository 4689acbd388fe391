import type { MeetingClockEvent } from '../../src/domain/agenda-model';
import type { GroupReview } from '../../src/domain/arein-model';
import type { GlossaryTerm, Turn } from '../../src/domain/balance-model';
import type { CheckInAnswers } from '../../src/domain/checkin-model';
import type { Attendee } from '../../src/domain/model';
import type { ActionItem, Decision, DissentEntry } from '../../src/domain/record-model';
import { buildSampleGroup, type SampleData } from '../../src/domain/sample-group';

/** A realistic closed meeting: the sample group's, run for 70 minutes, with every part of the record filled in. */
export interface SyncMeeting extends SampleData {
  events: MeetingClockEvent[];
  turns: Turn[];
  dissent: DissentEntry[];
  decisions: Decision[];
  actions: ActionItem[];
  answers: CheckInAnswers[];
  marks: number;
  oneToOnes: number;
  glossary: GlossaryTerm[];
  review: GroupReview;
  startAt: number;
  endAt: number;
}

export const T0 = Date.UTC(2030, 2, 14, 10, 0);
const MIN = 60_000;

export function syncMeeting(): SyncMeeting {
  let n = 0;
  const id = () => `id-${++n}`;
  const sample = buildSampleGroup(id, T0 - 8 * 24 * 60 * MIN, (key) => `Rule ${key}`);
  const { meeting, people, items } = sample;
  const m = meeting.id;
  const [first, second] = items;
  const startAt = T0;
  const endAt = T0 + 70 * MIN;
  const events: MeetingClockEvent[] = [
    { id: id(), meetingId: m, seq: 1, at: startAt, kind: 'start', itemId: first!.id },
    { id: id(), meetingId: m, seq: 2, at: startAt + 12 * MIN, kind: 'item', itemId: second!.id },
    { id: id(), meetingId: m, seq: 3, at: endAt, kind: 'end-items' },
  ];
  // Everyone came except the last person (marked not here); the fourth left early.
  const attendees: Attendee[] = people.map((p, i) => ({
    meetingId: m,
    personId: p.id,
    expected: true,
    ...(i === people.length - 1 ? { arrivedAt: null } : {}),
    ...(i === 3 ? { leftAt: startAt + 40 * MIN } : {}),
  }));
  const turns: Turn[] = people.slice(0, 6).map((p, i) => ({
    id: id(),
    meetingId: m,
    itemId: second!.id,
    personId: p.id,
    crossTalk: false,
    startedAt: startAt + (15 + i * 5) * MIN,
    endedAt: startAt + (15 + i * 5) * MIN + (i + 1) * 30_000,
  }));
  const base = { groupId: meeting.groupId, meetingId: m, itemId: second!.id, createdAt: startAt, updatedAt: startAt };
  const dissentEntry = (status: DissentEntry['status'], raisedById: string | null, words: string): DissentEntry => ({
    ...base,
    id: id(),
    raisedById,
    words,
    status,
    resolution: status === 'resolved' ? 'Agreed to pilot first' : '',
    decisionId: null,
    history: [{ status: 'parked', at: startAt, meetingId: m, note: '' }],
  });
  const dissent = [
    dissentEntry('parked', people[0]!.id, 'Aoife thinks the letter is still too long'),
    dissentEntry('resolved', null, 'Carers were not asked'),
    dissentEntry('standing', people[2]!.id, 'Grace Doherty disagrees with the timescale'),
    // Another meeting's entry, never touched at this one: not counted.
    { ...dissentEntry('parked', null, 'Older concern'), meetingId: 'other', history: [{ status: 'parked' as const, at: 0, meetingId: 'other', note: '' }] },
  ];
  const decisions: Decision[] = [
    { ...base, id: id(), text: 'Pilot the plain-language discharge letter on one ward', how: { kind: 'consensus' }, dissentIds: [] },
    { ...base, id: id(), text: 'Meet monthly until the pilot ends', how: { kind: 'vote', for: 5, against: 1, abstain: 1 }, dissentIds: [] },
    { ...base, id: id(), text: 'Budget for interpreters', how: { kind: 'elsewhere', by: 'Dr Niamh Kelly at the trust board' }, dissentIds: [] },
  ];
  const actions: ActionItem[] = [
    { ...base, id: id(), what: 'Draft the letter with two members', owner: { kind: 'person', personId: people[4]!.id }, due: '2030-04-09', status: 'open', droppedReason: '', history: [] },
    { ...base, id: id(), what: 'Ask the ward about a start date', owner: { kind: 'organisation', name: 'Riverside Trust' }, due: '2030-04-01', status: 'done', droppedReason: '', history: [] },
  ];
  const answers: CheckInAnswers[] = [3, 5, 1].map((face, i) => ({
    id: id(),
    meetingId: m,
    ...(i === 0 ? { personId: people[0]!.id } : {}),
    checkInStartedAt: endAt,
    responses: [
      { promptId: 'p-said', question: 'Were you able to have your say?', response: { kind: 'choice', value: i === 2 ? 'no' : 'yes' } },
      { promptId: 'p-feel', question: 'How do you feel about the meeting?', response: { kind: 'faces', value: face, of: 5 } },
      { promptId: 'p-else', question: 'Anything else?', response: { kind: 'text', value: `Malik Hassan talked over me (${i})` } },
    ],
  }));
  const glossary: GlossaryTerm[] = ['MDT', 'ICB', 'MDT'].map((term) => ({
    id: id(),
    groupId: meeting.groupId,
    meetingId: m,
    term,
    explanation: '',
    askedById: people[1]!.id,
    source: 'jargon-flag',
    createdAt: startAt,
    updatedAt: startAt,
  }));
  const review: GroupReview = {
    id: id(),
    groupId: meeting.groupId,
    meetingId: m,
    date: meeting.date,
    howMuch: 'Tom Reilly rewrote two papers',
    howWell: 'Better',
    betterOff: 'Yes',
    principles: {
      'valuing-people': { rating: 4, comment: 'Priya Shah felt valued' },
      'representative-networks': { rating: 2, comment: '' },
      'building-capacity': { rating: null, comment: '' },
      'reciprocal-recognition': { rating: 3, comment: '' },
      'cross-boundary-working': { rating: 5, comment: '' },
      'enabling-and-facilitating': { rating: 4, comment: 'Joanne Morrow chaired well' },
    },
    createdAt: endAt,
    updatedAt: endAt,
  };
  return { ...sample, attendees, events, turns, dissent, decisions, actions, answers, marks: 3, oneToOnes: 1, glossary, review, startAt, endAt };
}
