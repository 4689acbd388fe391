import type { Backup } from '../../domain/backup-format';
import { toCsv } from '../../domain/csv';
import { isoDay } from '../../domain/dates';
import { formatClock, formatDay, formatIsoDay } from '../dates';
import { icsCalendar, type IcsEvent } from '../../domain/ics';
import { mdCell, mdText } from '../../domain/markdown';
import type { EpochMs } from '../../domain/model';
import { choiceCountsShown } from '../../domain/checkin';
import type { AttendanceRow, CheckInRow, MeetingRecord, RecordWords } from '../../domain/meeting-record';
import { localMoment } from '../../domain/meeting-schedule';
import { t } from '../strings/all';
import { methodLine } from './record-words';
import { bandWords } from '../band-words';
import { formatLength } from '../format-duration';

/** The record's files, made from the same MeetingRecord the screen shows. */

const w = t.exports;

// Getters: words read when this module loads would stay in en-GB if another locale loads later.
export const recordWords: RecordWords = {
  get pseudonym() {
    return w.pseudonym;
  },
  get anonymous() {
    return w.anonymous;
  },
  get unknown() {
    return w.unknown;
  },
};

export interface RecordFile {
  name: string;
  type: string;
  text: string;
}

/** A file name from a title: letters and digits of any script kept, everything else a dash. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'meeting'
  );
}

const base = (record: MeetingRecord) => `${fileSlug(record.meeting.title)}-${record.meeting.date}`;
/** Whole seconds, rounded down as the clocks count them: the CSV's one unit of time. */
const secondsOf = (ms: number) => Math.floor(Math.max(0, ms) / 1000);
const clockOrBlank = (at: EpochMs | null) => (at === null ? '' : formatClock(at));

/** When the meeting actually ran, by the stored taps; the day too when that was not the day planned. */
function heldLine(record: MeetingRecord): string | null {
  const { startedAt, endedAt, meeting } = record;
  if (startedAt === null) return null;
  const times = endedAt === null ? w.facts.stillGoing(formatClock(startedAt)) : w.facts.times(formatClock(startedAt), formatClock(endedAt));
  return meeting.date === isoDay(startedAt) ? times : w.facts.onDay(formatDay(startedAt), times);
}

/**
 * The facts at the head of the minutes, in order, for the screen, the print and the Markdown
 * alike: the group, the chair, the date, the slot planned and the times it actually ran.
 */
export function recordFacts(record: MeetingRecord): { label: string; value: string }[] {
  const { meeting, group, nextMeeting: next } = record;
  const f = w.facts;
  const facts: { label: string; value: string | null }[] = [
    { label: f.group, value: group.name },
    { label: f.chair, value: record.chair },
    { label: f.date, value: formatDay(meeting.startsAt) },
    { label: f.planned, value: f.times(formatClock(meeting.startsAt), formatClock(localMoment(meeting.date, meeting.endTime))) },
    { label: f.held, value: heldLine(record) },
    { label: f.venue, value: meeting.venue || null },
    { label: f.ran, value: formatLength(record.meetingElapsedMs) },
    { label: f.breaks, value: record.breakMs > 0 ? formatLength(record.breakMs) : null },
    { label: f.next, value: next ? `${next.title}, ${formatDay(next.startsAt)} ${formatClock(next.startsAt)}` : null },
  ];
  return facts.flatMap(({ label, value }) => (value === null ? [] : [{ label, value }]));
}

export function actionsCsv(record: MeetingRecord): RecordFile {
  const rows = record.actions.map(({ item, owner, itemTitle }) => [
    item.what,
    owner,
    item.due,
    t.record.actionStatus[item.status],
    itemTitle,
    record.meeting.title,
  ]);
  return { name: `${base(record)}-actions.csv`, type: 'text/csv;charset=utf-8', text: toCsv(w.csv.actions, rows) };
}

export function attendanceCsv(record: MeetingRecord): RecordFile {
  const yesNo = (b: boolean) => (b ? w.csv.yes : w.csv.no);
  const rows = record.attendance.map((a) => [
    a.name,
    a.perspective,
    yesNo(a.guest),
    yesNo(a.came),
    clockOrBlank(a.arrivedAt),
    clockOrBlank(a.leftAt),
    secondsOf(a.presentMs),
  ]);
  return { name: `${base(record)}-attendance.csv`, type: 'text/csv;charset=utf-8', text: toCsv(w.csv.attendance, rows) };
}

/**
 * `perPerson`: the chair's "Also show voice balance per person", as on the
 * screen and in print; without it a file holds the perspective groups only.
 */
export function balanceCsv(record: MeetingRecord, perPerson: boolean): RecordFile {
  const rows = [
    ...record.balance.groups.map((g) => [w.csv.group, g.who, g.perspective, secondsOf(g.talkMs), g.turns, secondsOf(g.fairMs), bandWords(g.band)]),
    ...(perPerson ? record.balance.people : []).map((p) => [w.csv.person, p.who, p.perspective, secondsOf(p.talkMs), p.turns, secondsOf(p.fairMs), bandWords(p.band)]),
  ];
  return { name: `${base(record)}-voice-balance.csv`, type: 'text/csv;charset=utf-8', text: toCsv(w.csv.balance, rows) };
}

/**
 * Each action with a due date as an all-day VEVENT, not a VTODO: Google
 * Calendar and Outlook's calendar import drop VTODOs, and people need to see
 * the date in the calendar they already use. The next meeting is a timed
 * event in floating time, at the hour typed wherever the reader is.
 */
export function calendarIcs(record: MeetingRecord, now: EpochMs): RecordFile {
  const events: IcsEvent[] = record.actions
    .filter(({ item }) => /^\d{4}-\d{2}-\d{2}$/.test(item.due))
    .map(({ item, owner }) => ({
      uid: `action-${item.id}@heard`,
      summary: w.ics.action(item.what),
      description: w.ics.actionDescription(owner, record.meeting.title),
      when: { day: item.due },
      lastModified: item.updatedAt,
      sequence: item.history.length - 1,
      cancelled: item.status === 'dropped',
    }));
  const next = record.nextMeeting;
  if (next) {
    events.push({
      uid: `meeting-${next.id}@heard`,
      summary: w.ics.meeting(next.title, record.group.name),
      location: next.venue,
      when: { day: next.date, start: next.startTime, end: next.endTime },
      lastModified: next.updatedAt,
      sequence: 0,
    });
  }
  return { name: `${base(record)}-calendar.ics`, type: 'text/calendar;charset=utf-8', text: icsCalendar(events, now, w.ics.calendar(record.group.name)) };
}

/** A question's answers in words with their counts, in the check-in's one order (the negative first). */
export function checkInCounts(prompt: CheckInRow): { label: string; count: number }[] {
  if (prompt.kind === 'choice') return choiceCountsShown(prompt.counts).map(({ answer, count }) => ({ label: w.checkIn.choices[answer], count }));
  const faces = prompt.counts.length === 5 ? w.checkIn.faces5 : w.checkIn.faces3;
  return prompt.counts.map((count, i) => ({ label: faces[i] ?? String(i + 1), count }));
}

/** Who came, and who was expected and sent apologies: the two lists UK minutes open with. */
export function attendanceParts(record: MeetingRecord): { present: AttendanceRow[]; apologies: AttendanceRow[] } {
  return { present: record.attendance.filter((a) => a.came), apologies: record.attendance.filter((a) => !a.came) };
}

/** How a decision was reached, and on which agenda item. */
export function decisionMeta({ decision, itemTitle }: MeetingRecord['decisions'][number]): string {
  return methodLine(decision.how) + (itemTitle ? ` · ${w.decisions.onItem(itemTitle)}` : '');
}

/** `perPerson` as for balanceCsv. */
export function minutesMarkdown(record: MeetingRecord, perPerson: boolean): RecordFile {
  const out: string[] = [];
  const { meeting, group } = record;
  const s = w.sections;
  const bullet = (text: string) => out.push(`- ${mdText(text, '  ')}`);
  out.push(`# ${mdText(meeting.title)}`, '', mdText(w.md.subtitle(group.name)), '');
  for (const fact of recordFacts(record)) out.push(`- ${fact.label}: ${mdText(fact.value, '  ')}`);
  out.push('');

  const { present, apologies } = attendanceParts(record);
  out.push(`## ${s.attendance}`, '');
  if (present.length === 0) out.push(w.attendance.nobody);
  else {
    const a = w.attendance;
    out.push(`| ${a.name} | ${a.perspective} | ${a.arrived} | ${a.left} | ${a.time} |`, '|---|---|---|---|---|');
    for (const row of present) {
      const name = mdCell(row.name) + (row.guest ? ` (${a.guest})` : '');
      out.push(`| ${name} | ${mdCell(row.perspective)} | ${clockOrBlank(row.arrivedAt)} | ${clockOrBlank(row.leftAt)} | ${formatLength(row.presentMs)} |`);
    }
  }
  out.push('', `## ${s.apologies}`, '');
  if (apologies.length === 0) out.push(w.attendance.noApologies);
  for (const row of apologies) bullet(`${row.name} (${row.perspective})`);
  out.push('', `## ${s.agenda}`, '');
  if (record.agenda.length === 0) out.push(w.agenda.none);
  else {
    const a = w.agenda;
    out.push(`| ${a.item} | ${a.planned} | ${a.used} | ${a.status} |`, '|---|---|---|---|');
    record.agenda.forEach((row, i) =>
      out.push(`| ${i + 1}. ${mdCell(row.item.title)}${row.lead ? ` (${mdCell(a.lead(row.lead))})` : ''} | ${formatLength(row.plannedMs)} | ${formatLength(row.usedMs)} | ${a.statuses[row.status]} |`));
  }
  out.push('', `## ${s.notes}`, '');
  const notes = record.agenda.filter((row) => row.item.notes.trim());
  if (notes.length === 0) out.push(w.noNotes);
  for (const row of notes) out.push(`### ${mdText(row.item.title)}`, '', mdText(row.item.notes), '');

  out.push('', `## ${s.decisions}`, '');
  if (record.decisions.length === 0) out.push(w.decisions.none);
  for (const d of record.decisions) {
    bullet(d.decision.text);
    out.push(`  ${mdText(decisionMeta(d), '  ')}`);
    for (const dissent of d.dissent) out.push(`  - ${w.decisions.standing} ${mdText(dissent.words, '    ')} (${mdText(dissent.by)})`);
  }
  out.push('', `## ${s.dissent}`, '');
  if (record.dissent.length === 0) out.push(w.dissent.none);
  for (const d of record.dissent) {
    bullet(d.entry.words);
    out.push(`  ${mdText(w.dissent.by(d.by))}. ${t.record.status[d.entry.status]}`);
    if (d.entry.resolution) out.push(`  ${mdText(w.dissent.resolution(d.entry.resolution), '  ')}`);
  }
  out.push('', `## ${s.actions}`, '');
  if (record.actions.length === 0) out.push(w.actions.none);
  for (const a of record.actions) {
    bullet(a.item.what);
    out.push(`  ${mdText(w.md.dueLine(a.owner, formatIsoDay(a.item.due), t.record.actionStatus[a.item.status]), '  ')}`);
  }
  out.push('', `## ${s.glossary}`, '');
  if (record.glossary.length === 0) out.push(w.glossary.none);
  for (const term of record.glossary) out.push(`- **${mdText(term.term)}**: ${mdText(term.explanation || w.glossary.notExplained, '  ')}`);

  out.push('', `## ${s.balance}`, '');
  if (record.balance.totalTalkMs === 0) out.push(w.balance.none);
  else {
    const b = w.balance;
    out.push(`| ${b.group} | ${b.talk} | ${b.turns} | ${b.fair} | ${b.share} |`, '|---|---|---|---|---|');
    for (const g of record.balance.groups) out.push(`| ${mdCell(g.who)} | ${formatLength(g.talkMs)} | ${g.turns} | ${formatLength(g.fairMs)} | ${bandWords(g.band)} |`);
    if (perPerson) {
      out.push('', `| ${b.person} | ${b.talk} | ${b.turns} | ${b.fair} | ${b.share} |`, '|---|---|---|---|---|');
      for (const p of record.balance.people) out.push(`| ${mdCell(p.who)} | ${formatLength(p.talkMs)} | ${p.turns} | ${formatLength(p.fairMs)} | ${bandWords(p.band)} |`);
    }
  }
  out.push('', `## ${s.checkIn}`, '');
  const c = record.checkIn;
  out.push(c.checkedIn === 0 ? w.checkIn.none : w.checkIn.counts(c.checkedIn, c.named), '', w.checkIn.oneToOnes(c.oneToOnes), '');
  for (const prompt of c.prompts) {
    out.push(`### ${mdText(prompt.question)}`, '');
    if (prompt.kind === 'text') for (const text of prompt.texts) bullet(text.by ? `${text.text} (${text.by})` : text.text);
    else {
      for (const { label, count } of checkInCounts(prompt)) out.push(`- ${mdText(label)}: ${count}`);
    }
    out.push('');
  }
  return { name: `${base(record)}-minutes.md`, type: 'text/markdown;charset=utf-8', text: `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n` };
}

export function backupFile(backup: Backup, title: string, day: string): RecordFile {
  return { name: `heard-backup-${fileSlug(title)}-${day}.json`, type: 'application/json', text: JSON.stringify(backup) };
}

