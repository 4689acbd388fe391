import type { AgendaItem, AgendaItemStatus, MeetingClockEvent } from './agenda-model';
import { timeboxMs } from './agenda';
import type { GlossaryTerm, Turn } from './balance-model';
import { computeBalance, presenceMs, type BalanceThresholds, type ShareBand } from './balance';
import type { CheckInAnswers, PromptKind } from './checkin-model';
import { checkedInCount, summarise } from './checkin';
import { deriveRun } from './meeting-clock';
import type { Attendee, EpochMs, Group, Id, Meeting, Person } from './model';
import { perspectiveLabel } from './perspectives';
import { countTalk, talkWindows } from './talk';
import type { ActionItem, Decision, DissentEntry } from './record-model';
import { byName, nameOrder } from './names';

/**
 * The record of one meeting, worked out once from what is stored, for the
 * record screen and every export alike, so they can never disagree. With
 * `names` off, people in dissent, balance and check-in are shown as their
 * perspective and a number ("Carer 2") that is the same everywhere.
 */

export interface RecordSource {
  meeting: Meeting;
  group: Group;
  people: Person[];
  attendees: Attendee[];
  items: AgendaItem[];
  events: MeetingClockEvent[];
  turns: Turn[];
  /** Terms raised at this meeting. */
  glossary: GlossaryTerm[];
  /** Entries parked at this meeting or changed at it. */
  dissent: DissentEntry[];
  decisions: Decision[];
  actions: ActionItem[];
  checkinAnswers: CheckInAnswers[];
  checkedIn: number;
  oneToOnes: number;
  /** The group's next meeting after this one, if one is set. */
  nextMeeting: Meeting | null;
  /** The group's balance settings, so fair-share words match the running screen's; absent: the defaults. */
  thresholds?: BalanceThresholds;
}

export interface RecordWords {
  /** "Carer 2" */
  pseudonym: (perspective: string, n: number) => string;
  anonymous: string;
  unknown: string;
}

export interface AttendanceRow {
  personId: Id;
  name: string;
  perspective: string;
  guest: boolean;
  came: boolean;
  arrivedAt: EpochMs | null;
  leftAt: EpochMs | null;
  presentMs: number;
}

export interface AgendaRow {
  item: AgendaItem;
  status: AgendaItemStatus;
  plannedMs: number;
  usedMs: number;
  lead: string | null;
}

export interface DissentRow {
  entry: DissentEntry;
  by: string;
  itemTitle: string;
}

export interface DecisionRow {
  decision: Decision;
  itemTitle: string;
  /** Dissent recorded as standing against it: the words and who (by the names choice). */
  dissent: { words: string; by: string }[];
}

export interface ActionRow {
  item: ActionItem;
  owner: string;
  itemTitle: string;
}

export interface BalanceRow {
  who: string;
  perspective: string;
  talkMs: number;
  turns: number;
  fairMs: number;
  /** Against their fair share, in the one measure every screen uses. */
  band: ShareBand | null;
}

export interface CheckInRow {
  question: string;
  kind: PromptKind;
  counts: number[];
  answered: number;
  texts: { text: string; by: string | null }[];
}

export interface MeetingRecord {
  meeting: Meeting;
  group: Group;
  names: boolean;
  /** The chair's name, as the minutes name them whichever way people are shown; null when none was chosen. */
  chair: string | null;
  startedAt: EpochMs | null;
  endedAt: EpochMs | null;
  meetingElapsedMs: number;
  breakMs: number;
  /** Everyone expected, by name: those with `came` are present; the rest sent apologies (every attendee was expected or added on the day). */
  attendance: AttendanceRow[];
  agenda: AgendaRow[];
  decisions: DecisionRow[];
  dissent: DissentRow[];
  actions: ActionRow[];
  glossary: GlossaryTerm[];
  balance: { totalTalkMs: number; crossTalkMs: number; groups: BalanceRow[]; people: BalanceRow[] };
  /** People who checked in (one set of answers each), and how many of them put their name to it. */
  checkIn: { checkedIn: number; named: number; oneToOnes: number; prompts: CheckInRow[] };
  nextMeeting: Meeting | null;
}

/**
 * The numbers behind "Carer 2": within each perspective, people in the order
 * they joined the group (then by id), so a person keeps their number however
 * the record is sorted or filtered.
 */
export function pseudonymNumbers(people: readonly Pick<Person, 'id' | 'perspectiveId' | 'createdAt'>[]): Map<Id, number> {
  const ordered = [...people].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counters = new Map<Id, number>();
  const numbers = new Map<Id, number>();
  for (const person of ordered) {
    const n = (counters.get(person.perspectiveId) ?? 0) + 1;
    counters.set(person.perspectiveId, n);
    numbers.set(person.id, n);
  }
  return numbers;
}

/** A term flagged more than once (at the meeting and again at the check-in) is one entry: its first explanation given. */
export function uniqueTerms(terms: readonly GlossaryTerm[]): GlossaryTerm[] {
  const byTerm = new Map<string, GlossaryTerm>();
  for (const term of [...terms].sort((a, b) => a.createdAt - b.createdAt)) {
    const key = term.term.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
    const kept = byTerm.get(key);
    if (!kept) byTerm.set(key, term);
    else if (!kept.explanation.trim() && term.explanation.trim()) byTerm.set(key, { ...kept, explanation: term.explanation });
  }
  return [...byTerm.values()];
}

export function buildMeetingRecord(source: RecordSource, options: { names: boolean; now: EpochMs; words: RecordWords }): MeetingRecord {
  const { meeting, group, names, words } = { ...source, ...options };
  // A closed meeting stays as it was closed, however long after it is read.
  const now = meeting.state === 'closed' ? Math.min(options.now, meeting.updatedAt) : options.now;
  const run = deriveRun(source.events, source.items, now);
  const talk = countTalk(source.turns, run.spans);
  const window = talkWindows(run.spans);
  const byId = new Map(source.people.map((p) => [p.id, p]));
  const attendeeIds = new Set(source.attendees.map((a) => a.personId));
  const numbered = pseudonymNumbers(source.people.filter((p) => attendeeIds.has(p.id) || !p.guestOfMeetingId));
  const perspective = (person: Person | undefined) => (person ? perspectiveLabel(group.perspectives, person.perspectiveId) : '');
  const who = (id: Id | null | undefined): string => {
    const person = id ? byId.get(id) : undefined;
    if (!person) return id ? words.unknown : words.anonymous;
    return names ? person.name : words.pseudonym(perspective(person), numbered.get(person.id) ?? 0);
  };
  const realName = (id: Id | null) => (id ? (byId.get(id)?.name ?? words.unknown) : words.unknown);
  const itemTitle = (id: Id | null) => source.items.find((i) => i.id === id)?.title ?? '';

  const attendance: AttendanceRow[] = source.attendees
    .flatMap((a) => {
      const person = byId.get(a.personId);
      if (!person) return [];
      // Absent arrivedAt: here from the start. Null: did not come.
      const came = a.arrivedAt !== null;
      return [
        {
          personId: person.id,
          name: person.name,
          perspective: perspective(person),
          guest: Boolean(person.guestOfMeetingId),
          came,
          arrivedAt: came ? (a.arrivedAt ?? run.startedAt) : null,
          leftAt: came ? (a.leftAt ?? run.endedAt) : null,
          presentMs: presenceMs(a, window, now),
        },
      ];
    })
    .sort(byName());

  const agenda: AgendaRow[] = source.items.map((item) => ({
    item,
    status: run.itemStatus[item.id] ?? 'pending',
    plannedMs: timeboxMs(item.timeboxMinutes),
    usedMs: run.itemElapsedMs[item.id] ?? 0,
    lead: item.leadId ? realName(item.leadId) : null,
  }));

  const dissentById = new Map(source.dissent.map((d) => [d.id, d]));
  const decisions: DecisionRow[] = [...source.decisions]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((decision) => ({
      decision,
      itemTitle: itemTitle(decision.itemId),
      dissent: decision.dissentIds.flatMap((id) => {
        const entry = dissentById.get(id);
        return entry ? [{ words: entry.words, by: who(entry.raisedById) }] : [];
      }),
    }));

  const dissent: DissentRow[] = [...source.dissent]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((entry) => ({ entry, by: who(entry.raisedById), itemTitle: itemTitle(entry.itemId) }));

  const actions: ActionRow[] = [...source.actions]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((item) => ({
      item,
      owner: item.owner.kind === 'organisation' ? item.owner.name : realName(item.owner.personId),
      itemTitle: itemTitle(item.itemId),
    }));

  const balance = computeBalance({
    people: source.people,
    perspectives: group.perspectives,
    attendees: source.attendees,
    talk,
    now,
    ...(source.thresholds ? { thresholds: source.thresholds } : {}),
  });
  const groups: BalanceRow[] = balance.groups.map((g) => ({
    who: perspectiveLabel(group.perspectives, g.perspectiveId),
    perspective: perspectiveLabel(group.perspectives, g.perspectiveId),
    talkMs: g.talkMs,
    turns: g.turns,
    fairMs: g.fairMs,
    band: g.band,
  }));
  const people: BalanceRow[] = balance.people
    .filter((p) => p.presentMs > 0 || p.talkMs > 0)
    .map((p) => ({
      who: who(p.personId),
      perspective: perspectiveLabel(group.perspectives, p.perspectiveId),
      talkMs: p.talkMs,
      turns: p.turns,
      fairMs: p.fairMs,
      band: p.band,
    }))
    .sort((a, b) => b.talkMs - a.talkMs || nameOrder()(a.who, b.who));

  const prompts: CheckInRow[] = summarise(source.checkinAnswers).map((s) => ({
    question: s.question,
    kind: s.kind,
    counts: s.counts,
    answered: s.answered,
    // A name is shown only where the person chose to give it and the chair chose names.
    texts: s.texts.map((text) => ({ text: text.text, by: text.personId ? who(text.personId) : null })),
  }));

  return {
    meeting,
    group,
    names,
    chair: meeting.chairId ? realName(meeting.chairId) : null,
    startedAt: run.startedAt,
    endedAt: run.endedAt ?? (meeting.state === 'closed' ? now : null),
    meetingElapsedMs: run.meetingElapsedMs,
    breakMs: run.breakMs,
    attendance,
    agenda,
    decisions,
    dissent,
    actions,
    glossary: uniqueTerms(source.glossary),
    balance: { totalTalkMs: balance.totalTalkMs, crossTalkMs: balance.crossTalkMs, groups, people },
    checkIn: { checkedIn: checkedInCount(source.checkinAnswers), named: source.checkedIn, oneToOnes: source.oneToOnes, prompts },
    nextMeeting: source.nextMeeting,
  };
}
