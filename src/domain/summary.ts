import type { AgendaItem, MeetingClockEvent } from './agenda-model';
import type { GroupReview } from './arein-model';
import { PRINCIPLE_KEYS } from './arein-model';
import { computeBalance } from './balance';
import type { GlossaryTerm, Turn } from './balance-model';
import { CHOICES, type CheckInAnswers } from './checkin-model';
import { checkedInCount, summarise } from './checkin';
import { isoDay } from './dates';
import { deriveRun } from './meeting-clock';
import { uniqueTerms } from './meeting-record';
import type { Attendee, EpochMs, Group, Id, Meeting, Person, Perspective } from './model';
import { namesAndTheirWords, namesReplacer } from './name-match';
import type { ActionItem, Decision, DissentEntry } from './record-model';
import { sortByOrder } from './reorder';
import { countTalk } from './talk';
import type { SyncSummary } from './sync-model';

/**
 * The meeting summary for the programme office (schemaVersion 1; fields in
 * server/README.md). Aggregates, the device's own ids, and the words of item
 * titles, decisions, actions, check-in questions and glossary terms: no
 * dissent words, no check-in answers' words, no one-to-one contact, no review
 * comments. Names — the group's and action owners' — only when the chair chose
 * them (`names`); with names off, a name of the group's people typed in any of
 * those words is replaced by their perspective ("a carer") before it is put in.
 */
export interface SummaryWords {
  /** What stands in for a person's name when names are off: their perspective in words, "a carer"; without one, "a member". */
  standIn: (perspective: Perspective | undefined) => string;
  /** The title sent for an item with none left to send (empty, or only names when names are off): "Item 3". */
  untitledItem: (position: number) => string;
}

export interface SummaryInput {
  id: Id;
  revision: number;
  names: boolean;
  meeting: Meeting;
  group: Group;
  /** The group's people, guests included: used for perspectives and (only with names) action owners. */
  people: readonly Person[];
  attendees: readonly Attendee[];
  items: readonly AgendaItem[];
  events: readonly MeetingClockEvent[];
  turns: readonly Turn[];
  /** The group's dissent register: the entries this meeting raised or changed are counted. */
  dissent: readonly DissentEntry[];
  /** This meeting's decisions and actions. */
  decisions: readonly Decision[];
  actions: readonly ActionItem[];
  checkInAnswers: readonly CheckInAnswers[];
  checkedIn: number;
  oneToOneRequests: number;
  glossary: readonly GlossaryTerm[];
  /** The group's review held at this meeting, if any. */
  review: GroupReview | null;
  now: EpochMs;
  words: SummaryWords;
}

const MAX_MINUTES = 24 * 60;
const MAX_SECONDS = 24 * 3600;

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, Math.round(Number.isFinite(value) ? value : 0)));
/**
 * Text as the server takes it: trimmed, spaces folded, NUL taken out and a
 * half of a broken character (a lone surrogate) made U+FFFD, which a database
 * refuses; then cut to the schema's limit (counted in UTF-16 units, as the
 * server counts) without splitting a character. So one entry never makes the
 * whole summary refused.
 */
export function sendableText(text: string, max: number): string {
  const clean = text
    .replaceAll('\u0000', '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= max) return clean;
  const high = clean.charCodeAt(max - 1);
  // The last unit kept would be the first half of a pair: stop before it.
  return clean.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max).trim();
}

/**
 * With names off, every name of the group's people (guests and those who left
 * included; an erased person's is already a pseudonym), and each word of it
 * alone ("Aoife" for Aoife Byrne), is replaced by their perspective's words;
 * with names on, the text is as typed.
 */
function nameHider(input: SummaryInput): (text: string) => string {
  if (input.names) return (text) => text;
  const perspectiveOf = new Map(input.group.perspectives.map((p) => [p.id, p]));
  const named = namesAndTheirWords(input.people.filter((p) => p.erasedAt === undefined).map((p) => ({ name: p.name, kind: p.perspectiveId })));
  // A name inside a perspective's own label stands as "a member": the label is what stands in for everyone else.
  const inLabels = namesReplacer(named.map((p) => ({ name: p.name, by: input.words.standIn(undefined) })));
  const standIn = (id: Id | null) => {
    const perspective = id === null ? undefined : perspectiveOf.get(id);
    return input.words.standIn(perspective && { ...perspective, label: inLabels(perspective.label) });
  };
  return namesReplacer(named.map((p) => ({ name: p.name, by: standIn(p.kind) })));
}

/** Whole seconds or minutes, rounded down as every screen's clock counts them, so the office reads the same numbers. */
const whole = (ms: number, unit: number, max: number) => clamp(Math.floor((Number.isFinite(ms) ? ms : 0) / unit), max);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day a done action was marked done (the last time, if it was reopened between). */
function doneOn(action: ActionItem): { doneOn?: string } {
  if (action.status !== 'done') return {};
  const done = action.history.filter((change) => change.kind === 'done').at(-1);
  return done ? { doneOn: isoDay(done.at) } : {};
}

export function buildSummary(input: SummaryInput): SyncSummary {
  const { meeting, group } = input;
  const hide = nameHider(input);
  const cut = (text: string, max: number) => sendableText(hide(text), max);
  const labelOf = new Map(group.perspectives.map((p) => [p.id, cut(p.label, 80) || cut(p.id, 80)]));
  const personOf = new Map(input.people.map((p) => [p.id, p]));

  const run = deriveRun(input.events, input.items, input.now);

  const presentByPerspective: Record<string, number> = {};
  for (const label of labelOf.values()) presentByPerspective[label] = 0;
  for (const attendee of input.attendees) {
    // Marked as not come (null): not present. Arrived late or left early: present.
    if (attendee.arrivedAt === null) continue;
    const person = personOf.get(attendee.personId);
    const label = person && labelOf.get(person.perspectiveId);
    if (label) presentByPerspective[label] = (presentByPerspective[label] ?? 0) + 1;
  }

  const items = sortByOrder([...input.items])
    .slice(0, 200)
    .map((item, index) => ({
      title: cut(item.title, 200) || input.words.untitledItem(index + 1),
      plannedMinutes: clamp(item.timeboxMinutes, MAX_MINUTES),
      usedMinutes: whole(run.itemElapsedMs[item.id] ?? 0, 60_000, MAX_MINUTES),
    }));

  const balance = computeBalance({
    people: input.people,
    perspectives: group.perspectives,
    attendees: input.attendees,
    talk: countTalk(input.turns, run.spans),
    now: input.now,
  });
  const voiceBalance = balance.groups
    .filter((g) => labelOf.has(g.perspectiveId))
    .slice(0, 50)
    .map((g) => ({
      perspective: labelOf.get(g.perspectiveId)!,
      talkSeconds: whole(g.talkMs, 1000, MAX_SECONDS),
      turns: clamp(g.turns, 1_000_000),
      fairShareSeconds: whole(g.fairMs, 1000, MAX_SECONDS),
    }));

  const dissent = { parked: 0, resolved: 0, standing: 0 };
  for (const entry of input.dissent) {
    const here = entry.meetingId === meeting.id || entry.history.some((change) => change.meetingId === meeting.id);
    if (!here) continue;
    if (entry.status === 'resolved') dissent.resolved += 1;
    else if (entry.status === 'standing') dissent.standing += 1;
    else dissent.parked += 1;
  }

  const decisions = input.decisions
    .filter((d) => d.meetingId === meeting.id && cut(d.text, 2000))
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(0, 500)
    .map((d): SyncSummary['decisions'][number] => {
      const text = cut(d.text, 2000);
      // 'elsewhere' names who decided: that stays on the device with the other names.
      if (d.how.kind === 'vote') {
        return { text, how: 'vote', votes: { for: clamp(d.how.for, 1e6), against: clamp(d.how.against, 1e6), abstain: clamp(d.how.abstain, 1e6) } };
      }
      return { text, how: d.how.kind };
    });

  const actions = input.actions
    .filter((a) => a.meetingId === meeting.id && cut(a.what, 2000) && ISO_DAY.test(a.due))
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(0, 500)
    .map((a): SyncSummary['actions'][number] => {
      const action: SyncSummary['actions'][number] = { text: cut(a.what, 2000), due: a.due, status: a.status, ref: a.id, ...doneOn(a) };
      if (input.names) {
        const owner = a.owner.kind === 'person' ? personOf.get(a.owner.personId)?.name : a.owner.name;
        const named = owner ? cut(owner, 200) : '';
        if (named) action.owner = named;
        // The person's device id goes with their name, so an erasure can find it on the server later.
        if (named && a.owner.kind === 'person') action.ownerId = a.owner.personId;
      }
      return action;
    });

  // Agreed earlier and taken up again here (matters arising): the office sees how actions are followed through.
  const followedUp = input.actions
    .filter((a) => a.meetingId !== meeting.id && ISO_DAY.test(a.due) && a.history.some((change) => change.meetingId === meeting.id))
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(0, 500)
    .map((a) => ({ ref: a.id, due: a.due, status: a.status, ...doneOn(a) }));

  const prompts = summarise(input.checkInAnswers)
    // Free text stays on the device: only picture scales and choices are counted.
    .filter((p) => p.kind !== 'text' && cut(p.question, 300))
    .slice(0, 50)
    .map((p) => {
      const counts: Record<string, number> = {};
      if (p.kind === 'choice') {
        // Keyed by answer, so the order is the office's to choose; kept in the stored order so a summary made again is the same.
        CHOICES.forEach((choice, i) => (counts[choice] = p.counts[i] ?? 0));
      } else {
        p.counts.forEach((n, i) => (counts[`${i + 1} of ${p.counts.length}`] = n));
      }
      return { prompt: cut(p.question, 300), counts };
    });

  // Each term once, as the record lists it, however many times it was flagged.
  const glossaryTerms = [
    ...new Set(uniqueTerms(input.glossary.filter((g) => g.meetingId === meeting.id)).map((g) => cut(g.term, 120)).filter(Boolean)),
  ].slice(0, 500);

  const summary: SyncSummary = {
    schemaVersion: 1,
    id: input.id,
    revision: input.revision,
    groupId: group.id,
    meetingId: meeting.id,
    date: meeting.date,
    durationMinutes: whole(run.meetingElapsedMs, 60_000, MAX_MINUTES),
    presentByPerspective,
    items,
    voiceBalance,
    dissent,
    decisions,
    actions,
    followedUp,
    checkIn: { checkedIn: clamp(checkedInCount(input.checkInAnswers), 1e6), oneToOneRequests: clamp(input.oneToOneRequests, 1e6), prompts },
    glossaryTerms,
    names: input.names,
  };
  if (input.names && cut(group.name, 200)) summary.groupName = cut(group.name, 200);
  if (input.review && ISO_DAY.test(input.review.date)) {
    const review = input.review;
    summary.groupReview = {
      date: review.date,
      // Counts only: the principle's key, never a comment's words.
      ratings: PRINCIPLE_KEYS.filter((key) => review.principles[key]?.rating != null).map((key) => ({
        topic: key,
        counts: { [String(review.principles[key]!.rating)]: 1 },
      })),
      comments: PRINCIPLE_KEYS.filter((key) => review.principles[key]?.comment.trim()).length,
    };
  }
  return summary;
}
