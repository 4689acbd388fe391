import type { AreInRole } from './arein-model';
import { computeBalance } from './balance';
import type { Response } from './checkin-model';
import type { GroupHoldings } from './group-holdings';
import { deriveRun } from './meeting-clock';
import { settleTurns } from './speaking';
import { countTalk } from './talk';
import type { EpochMs, Id, Meeting, PersonStatus } from './model';
import { mentionsName, nameMatcher } from './name-match';
import { perspectiveLabel } from './perspectives';
import type { ActionStatus, DissentStatus } from './record-model';

/**
 * "What Heard holds about this person" (UK GDPR, subject access): every
 * record on this device that names them or is tied to them, in plain words,
 * for one printable page and one JSON file made from the same document.
 */

export interface SubjectWords {
  personStatus: Record<PersonStatus, string>;
  areIn: Record<AreInRole, string>;
  dissentStatus: Record<DissentStatus, string>;
  actionStatus: Record<ActionStatus, string>;
  /** A check-in answer as the person would read it: "Good (4 of 5)", "Yes", their words. */
  response: (response: Response) => string;
  mention: Record<MentionKind, string>;
}

export type MentionKind =
  | 'group'
  | 'meeting'
  | 'agenda-item'
  | 'glossary'
  | 'dissent'
  | 'decision'
  | 'action'
  | 'check-in-answer'
  | 'ground-rule'
  | 'check-in-question'
  | 'group-review';

export interface MeetingHeld {
  meetingId: Id;
  title: string;
  /** yyyy-MM-dd */
  date: string;
  chair: boolean;
  expected: boolean;
  came: boolean;
  talkSeconds: number;
  turns: number;
  /** Times they asked to speak (the speaker queue). */
  askedToSpeak: number;
  checkedIn: boolean;
  /** Agenda items they were asked to lead. */
  itemsLed: string[];
}

export interface SubjectAccess {
  format: 'heard-subject-access';
  /** When this document was made. */
  made: EpochMs;
  group: string;
  person: { name: string; perspective: string; status: string; guest: boolean; areIn: string[]; erased: boolean };
  meetings: MeetingHeld[];
  dissent: { meeting: string; date: string; words: string; status: string }[];
  actions: { what: string; due: string; status: string; meeting: string }[];
  checkInAnswers: { meeting: string; date: string; answers: { question: string; answer: string }[] }[];
  oneToOnes: { meeting: string; date: string; contact: string }[];
  glossary: { term: string; explanation: string; meeting: string }[];
  /** Other records whose words name them. */
  mentions: { record: string; meeting: string; text: string }[];
}

/** The number of records the document lists, for "Heard holds N records about …". */
export function recordCount(doc: SubjectAccess): number {
  return (
    1 +
    doc.meetings.length +
    doc.dissent.length +
    doc.actions.length +
    doc.checkInAnswers.length +
    doc.oneToOnes.length +
    doc.glossary.length +
    doc.mentions.length
  );
}

export function buildSubjectAccess(holdings: GroupHoldings, personId: Id, now: EpochMs, words: SubjectWords): SubjectAccess | null {
  const person = holdings.people.find((p) => p.id === personId);
  if (!person) return null;
  const { group } = holdings;
  const matcher = nameMatcher(person.name);
  const names = (text: string) => mentionsName(text, matcher);
  const meetingOf = new Map(holdings.meetings.map((m) => [m.id, m]));
  const titleOf = (id: Id | null | undefined) => (id ? (meetingOf.get(id)?.title ?? '') : '');
  const dateOf = (id: Id | null | undefined) => (id ? (meetingOf.get(id)?.date ?? '') : '');
  const byMeeting = <T extends { meetingId: Id | null }>(rows: readonly T[], meetingId: Id) => rows.filter((r) => r.meetingId === meetingId);
  const ordered = [...holdings.meetings].sort((a, b) => a.startsAt - b.startsAt);

  const meetings: MeetingHeld[] = ordered.flatMap((meeting: Meeting) => {
    const attendees = byMeeting(holdings.attendees, meeting.id);
    const attendee = attendees.find((a) => a.personId === personId);
    const items = byMeeting(holdings.agendaItems, meeting.id);
    const itemsLed = items.filter((i) => i.leadId === personId).map((i) => i.title);
    const chair = meeting.chairId === personId;
    if (!attendee && !chair && itemsLed.length === 0) return [];
    // A closed meeting is read as it was closed, as its record is.
    const at = meeting.state === 'closed' ? Math.min(now, meeting.updatedAt) : now;
    const events = byMeeting(holdings.clockEvents, meeting.id);
    const balance = computeBalance({
      people: holdings.people,
      perspectives: group.perspectives,
      attendees,
      talk: countTalk(settleTurns(byMeeting(holdings.turns, meeting.id)), deriveRun(events, byMeeting(holdings.agendaItems, meeting.id), at).spans),
      now: at,
    });
    const mine = balance.people.find((p) => p.personId === personId);
    return [
      {
        meetingId: meeting.id,
        title: meeting.title,
        date: meeting.date,
        chair,
        expected: attendee?.expected ?? false,
        came: attendee !== undefined && attendee.arrivedAt !== null && meeting.state !== 'not-started',
        // Whole seconds, rounded down, as every screen and file gives them.
        talkSeconds: Math.floor((mine?.talkMs ?? 0) / 1000),
        turns: mine?.turns ?? 0,
        askedToSpeak: byMeeting(holdings.queue, meeting.id).filter((q) => q.personId === personId).length,
        checkedIn: byMeeting(holdings.checkinMarks, meeting.id).some((m) => m.personId === personId),
        itemsLed,
      },
    ];
  });

  const byCreated = <T extends { createdAt: EpochMs }>(rows: readonly T[]) => [...rows].sort((a, b) => a.createdAt - b.createdAt);
  const dissent = byCreated(holdings.dissent.filter((d) => d.raisedById === personId)).map((d) => ({
    meeting: titleOf(d.meetingId),
    date: dateOf(d.meetingId),
    words: d.words,
    status: words.dissentStatus[d.status],
  }));
  const actions = byCreated(holdings.actions.filter((a) => a.owner.kind === 'person' && a.owner.personId === personId)).map((a) => ({
    what: a.what,
    due: a.due,
    status: words.actionStatus[a.status],
    meeting: titleOf(a.meetingId),
  }));
  const checkInAnswers = holdings.checkinAnswers
    .filter((a) => a.personId === personId)
    .sort((a, b) => a.checkInStartedAt - b.checkInStartedAt)
    .map((a) => ({
      meeting: titleOf(a.meetingId),
      date: dateOf(a.meetingId),
      answers: a.responses.map((r) => ({ question: r.question, answer: words.response(r.response) })),
    }));
  const oneToOnes = holdings.oneToOnes
    .filter((o) => names(o.contact))
    .sort((a, b) => a.checkInStartedAt - b.checkInStartedAt)
    .map((o) => ({ meeting: titleOf(o.meetingId), date: dateOf(o.meetingId), contact: o.contact }));
  const glossary = byCreated(holdings.glossary.filter((g) => g.askedById === personId)).map((g) => ({
    term: g.term,
    explanation: g.explanation,
    meeting: titleOf(g.meetingId),
  }));

  const mentions: SubjectAccess['mentions'] = [];
  const mention = (record: MentionKind, meetingId: Id | null, ...texts: string[]) => {
    for (const text of texts) if (names(text)) mentions.push({ record: words.mention[record], meeting: titleOf(meetingId), text });
  };
  mention('group', null, group.name, ...group.perspectives.map((p) => p.label));
  for (const m of ordered) mention('meeting', m.id, m.title, m.venue);
  for (const i of holdings.agendaItems) {
    mention('agenda-item', i.meetingId, i.title, i.notes, i.nonNegotiables, i.decidedBy.kind === 'elsewhere' ? i.decidedBy.who : '', ...i.papers.flatMap((p) => [p.title, p.link]));
  }
  for (const g of holdings.glossary) mention('glossary', g.meetingId, g.term, g.explanation);
  for (const d of holdings.dissent) {
    mention('dissent', d.meetingId, ...(d.raisedById === personId ? [] : [d.words]), d.resolution, ...d.history.map((h) => h.note));
  }
  for (const d of holdings.decisions) mention('decision', d.meetingId, d.text, d.how.kind === 'elsewhere' ? d.how.by : '');
  for (const a of holdings.actions) {
    mention('action', a.meetingId, a.what, a.owner.kind === 'organisation' ? a.owner.name : '', a.droppedReason, ...a.history.map((h) => h.note));
  }
  for (const a of holdings.checkinAnswers) {
    if (a.personId === personId) continue;
    mention('check-in-answer', a.meetingId, ...a.responses.flatMap((r) => (r.response.kind === 'text' ? [r.response.value] : r.response.kind === 'choice' && r.response.words ? [r.response.words] : [])));
  }
  for (const r of holdings.groundRules) mention('ground-rule', null, r.text);
  for (const p of holdings.checkinPrompts) mention('check-in-question', null, p.text);
  for (const r of holdings.groupReviews) {
    mention('group-review', r.meetingId, r.howMuch, r.howWell, r.betterOff, ...Object.values(r.principles).map((p) => p?.comment ?? ''));
  }

  return {
    format: 'heard-subject-access',
    made: now,
    group: group.name,
    person: {
      name: person.name,
      perspective: perspectiveLabel(group.perspectives, person.perspectiveId),
      status: words.personStatus[person.status],
      guest: Boolean(person.guestOfMeetingId),
      areIn: (person.areIn ?? []).map((role) => words.areIn[role]),
      erased: person.erasedAt !== undefined,
    },
    meetings,
    dissent,
    actions,
    checkInAnswers,
    oneToOnes,
    glossary,
    mentions,
  };
}
