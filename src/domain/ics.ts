import type { EpochMs } from './model';

/**
 * iCalendar (RFC 5545) text: escaping, line folding at 75 octets, CRLF ends.
 * Only what Heard writes: all-day events for due dates and a timed event for
 * the next meeting.
 */

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped. */
export function escapeIcsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/**
 * Folds one content line so no line is longer than 75 octets (§3.1). Cuts
 * fall between characters, never inside a UTF-8 sequence or a surrogate pair;
 * each continuation starts with one space, which counts towards its 75.
 */
export function foldIcsLine(line: string): string {
  if (octets(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const charSize = octets(char);
    const limit = parts.length === 0 ? 75 : 74;
    if (size + charSize > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += charSize;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A UTC date-time, e.g. 20300314T100000Z, for DTSTAMP and LAST-MODIFIED. */
export function icsUtc(at: EpochMs): string {
  const d = new Date(at);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** yyyy-MM-dd → yyyyMMdd (a DATE value). */
export function icsDate(day: string): string {
  return day.replaceAll('-', '');
}

/** The day after a yyyy-MM-dd, for an all-day event's exclusive DTEND. */
export function icsNextDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return `${next.getUTCFullYear()}${pad(next.getUTCMonth() + 1)}${pad(next.getUTCDate())}`;
}

/** yyyy-MM-dd and HH:mm as typed → a floating local date-time: the meeting is at 10:00 wherever the reader is. */
export function icsLocal(day: string, time: string): string {
  return `${icsDate(day)}T${time.replace(':', '')}00`;
}

export interface IcsEvent {
  uid: string;
  summary: string;
  description?: string;
  location?: string;
  /** Either an all-day date (yyyy-MM-dd) or a floating start and end. */
  when: { day: string } | { day: string; start: string; end: string };
  lastModified: EpochMs;
  /** Goes up with every change to the record (RFC 5545 §3.8.7.4). */
  sequence: number;
  cancelled?: boolean;
}

export function icsCalendar(events: readonly IcsEvent[], stamp: EpochMs, calendarName: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Heard//Meeting record//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  lines.push(`X-WR-CALNAME:${escapeIcsText(calendarName)}`);
  for (const event of events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${icsUtc(stamp)}`);
    if ('start' in event.when) {
      lines.push(`DTSTART:${icsLocal(event.when.day, event.when.start)}`, `DTEND:${icsLocal(event.when.day, event.when.end)}`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${icsDate(event.when.day)}`, `DTEND;VALUE=DATE:${icsNextDate(event.when.day)}`, 'TRANSP:TRANSPARENT');
    }
    lines.push(`SUMMARY:${escapeIcsText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeIcsText(event.location)}`);
    lines.push(`LAST-MODIFIED:${icsUtc(event.lastModified)}`);
    // A later change is a newer version of the same event, so a calendar re-importing it updates in place.
    lines.push(`SEQUENCE:${event.sequence}`);
    if (event.cancelled) lines.push('STATUS:CANCELLED');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
