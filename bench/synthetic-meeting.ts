import type { AgendaItem, MeetingClockEvent } from '../src/domain/agenda-model';
import type { QueueEntry, Turn } from '../src/domain/balance-model';
import type { Attendee, Group, Meeting, Person } from '../src/domain/model';
import { DEFAULT_PERSPECTIVES } from '../src/domain/perspectives';

/** A deterministic PRNG so every run of the benchmark measures the same meeting. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticMeeting {
  group: Group;
  people: Person[];
  meeting: Meeting;
  attendees: Attendee[];
  items: AgendaItem[];
  events: MeetingClockEvent[];
  turns: Turn[];
  queue: QueueEntry[];
  endsAt: number;
}

/** The worst case: 40 people, 3 hours, 3,000 turns, a dozen items, late arrivals and early leavers. */
export function syntheticMeeting(options: { people?: number; turns?: number; hours?: number; seed?: number } = {}): SyntheticMeeting {
  const { people: headcount = 40, turns: turnCount = 3000, hours = 3, seed = 42 } = options;
  const random = mulberry32(seed);
  const start = Date.UTC(2030, 2, 14, 10, 0);
  const endsAt = start + hours * 3_600_000;
  const group: Group = { id: 'bench-group', name: 'Bench group', perspectives: DEFAULT_PERSPECTIVES.map((p) => ({ ...p })), sample: false, createdAt: start, updatedAt: start };
  const people: Person[] = Array.from({ length: headcount }, (_, i) => ({
    id: `p${i}`,
    groupId: group.id,
    name: `Person ${String(i + 1).padStart(2, '0')}`,
    perspectiveId: DEFAULT_PERSPECTIVES[i % DEFAULT_PERSPECTIVES.length]!.id,
    status: 'active',
    createdAt: start,
    updatedAt: start,
  }));
  const meeting: Meeting = {
    id: 'bench-meeting',
    groupId: group.id,
    title: 'Three-hour meeting',
    date: '2030-03-14',
    startTime: '10:00',
    endTime: '13:00',
    startsAt: start,
    venue: 'Hall',
    chairId: 'p0',
    state: 'running',
    sample: false,
    createdAt: start,
    updatedAt: start,
  };
  const attendees: Attendee[] = people.map((p, i) => ({
    meetingId: meeting.id,
    personId: p.id,
    expected: true,
    ...(i % 10 === 3 ? { arrivedAt: start + 20 * 60_000 } : {}),
    ...(i % 10 === 7 ? { leftAt: start + 150 * 60_000 } : {}),
  }));
  const items: AgendaItem[] = Array.from({ length: 12 }, (_, i) => ({
    id: `item${i}`,
    meetingId: meeting.id,
    order: i,
    title: `Item ${i + 1}`,
    purpose: 'discussion',
    timeboxMinutes: 15,
    leadId: null,
    decidedBy: { kind: 'group' },
    nonNegotiables: '',
    papers: [],
    notes: '',
    createdAt: start,
    updatedAt: start,
  }));
  const itemLength = (endsAt - start) / items.length;
  const events: MeetingClockEvent[] = [
    { id: 'e0', meetingId: meeting.id, seq: 1, at: start, kind: 'start' },
    ...items.map((item, i) => ({ id: `e${i + 1}`, meetingId: meeting.id, seq: i + 2, at: start + i * itemLength, kind: 'item' as const, itemId: item.id })),
  ];
  const turnLength = (endsAt - start) / turnCount;
  const turns: Turn[] = Array.from({ length: turnCount }, (_, i) => {
    const startedAt = start + i * turnLength;
    const crossTalk = random() < 0.03;
    return {
      id: `t${i}`,
      meetingId: meeting.id,
      itemId: items[Math.min(items.length - 1, Math.floor((startedAt - start) / itemLength))]!.id,
      personId: crossTalk ? null : people[Math.floor(random() ** 2 * headcount)]!.id,
      crossTalk,
      startedAt,
      endedAt: i === turnCount - 1 ? null : startedAt + turnLength * (0.5 + random() * 0.5),
    };
  });
  const queue: QueueEntry[] = Array.from({ length: 6 }, (_, i) => ({
    id: `q${i}`,
    meetingId: meeting.id,
    personId: people[(i * 7) % headcount]!.id,
    askedAt: endsAt - (6 - i) * 10_000,
    position: null,
    doneAt: null,
  }));
  return { group, people, meeting, attendees, items, events, turns, queue, endsAt };
}
