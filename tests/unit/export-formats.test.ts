import { useFreshDb } from '../support/fresh-db';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, UTF8_BOM } from '../../src/domain/csv';
import { escapeIcsText, foldIcsLine, icsCalendar } from '../../src/domain/ics';
import { mdCell, mdText } from '../../src/domain/markdown';
import { buildMeetingRecord } from '../../src/domain/meeting-record';
import { getRecordSource } from '../../src/db/export-repo';
import { actionsCsv, attendanceCsv, balanceCsv, calendarIcs, minutesMarkdown, recordWords } from '../../src/ui/record/record-files';
import { parseCsv } from '../support/csv-parse';
import { AWKWARD, seedRecord, T0 } from '../support/record-seed';

const db = useFreshDb();
const octets = (s: string) => new TextEncoder().encode(s).length;


async function record(names = false) {
  await seedRecord(db());
  return buildMeetingRecord((await getRecordSource('meeting-1'))!, { names, now: T0 + 120 * 60_000, words: recordWords });
}

describe('CSV', () => {
  // OWASP: any cell a spreadsheet could read as a formula starts with a quote instead.
  it.each([
    ['=1+2', "'=1+2"],
    ['+44 7700 900123', "'+44 7700 900123"],
    ['-2', "'-2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "\"'\rCR\""],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a=1', 'a=1'],
    ['plain', 'plain'],
  ])('guards %j as %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves numbers it made itself as numbers, a negative one too', () => {
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(12.5)).toBe('12.5');
  });

  it.each([
    ['comma', 'Smith, Jo'],
    ['quotes', 'Jo "JJ" Smith'],
    ['newline', 'line one\nline two'],
    ['emoji', 'Aoife 🌷👩🏽‍⚕️'],
    ['right-to-left', AWKWARD.rtl],
    ['HTML', AWKWARD.html],
  ])('round-trips a cell with %s', (_label, value) => {
    const text = toCsv(['A', 'B'], [[value, 'next']]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([['A', 'B'], [value, 'next']]);
  });

  it('writes the actions, attendance and balance files with a BOM, CRLF and guarded cells', async () => {
    const r = await record();
    const actions = parseCsv(actionsCsv(r).text.slice(1));
    expect(actions[0]).toEqual(['What', 'Owner', 'Due', 'Status', 'Agenda item', 'Agreed at']);
    expect(actions[1]).toEqual([AWKWARD.multiline, AWKWARD.name, '2030-04-01', 'Open', '# Discharge *letters*', 'Planning meeting']);
    expect(actions[2]!.slice(0, 2)).toEqual(["'+44 7700 900123 to ring", '\'@Trust, "Estates"']);
    const attendance = parseCsv(attendanceCsv(r).text.slice(1));
    expect(attendance).toContainEqual([AWKWARD.rtl, 'Carer', 'No', 'Yes', '10:10', '10:40', '30']);
    expect(attendance).toContainEqual(['Sam Patel', 'Lived experience', 'No', 'No', '', '', '0']);
    expect(attendance).toContainEqual([AWKWARD.name, 'Carer', 'No', 'Yes', '10:00', '10:50', '50']);
    const balance = parseCsv(balanceCsv(r).text.slice(1));
    expect(balance).toContainEqual(['Person', 'Carer 1', 'Carer', '6', '1', expect.any(String), '50']);
    expect(balanceCsv(r).text).not.toContain(AWKWARD.name);
  });
});

describe('ICS', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a UTF-8 character or an emoji', () => {
    const line = `SUMMARY:${'é🌷'.repeat(40)}`;
    const folded = foldIcsLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(folded.join('')).not.toContain('\uFFFD');
  });

  it('reads back with ical.js: every due action and the next meeting, stable UIDs, escaped text', async () => {
    const r = await record();
    const file = calendarIcs(r, T0 + 3 * 3600_000);
    const lines = file.text.split('\r\n');
    expect(file.text.endsWith('\r\n')).toBe(true);
    expect(file.text.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(file.text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid).sort()).toEqual(['action-a1@heard', 'action-a2@heard', 'meeting-meeting-2@heard']);
    const a1 = events.find((e) => e.uid === 'action-a1@heard')!;
    expect(a1.summary).toBe(`Action due: ${AWKWARD.multiline}`);
    expect(a1.startDate.isDate).toBe(true);
    expect(a1.startDate.toString()).toBe('2030-04-01');
    expect(a1.description).toContain(AWKWARD.name);
    const next = events.find((e) => e.uid === 'meeting-meeting-2@heard')!;
    expect(next.summary).toBe('April, "follow-up" (Hospital discharge workstream)');
    expect(next.startDate.toString()).toBe('2030-04-11T10:00:00');
    expect(calendar.getAllSubcomponents('vevent').every((v) => v.getFirstPropertyValue('dtstamp'))).toBe(true);
    // The same record exported again later gives the same UIDs, so a calendar updates rather than duplicates.
    const again = new ICAL.Component(ICAL.parse(calendarIcs(r, T0 + 9 * 3600_000).text));
    expect(again.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toEqual(events.map((e) => e.uid));
  });

  it('writes a long summary that folds and still parses to the same words', () => {
    const summary = `${AWKWARD.rtl}, ${AWKWARD.name}; ${'long words '.repeat(12)}`;
    const text = icsCalendar([{ uid: 'x@heard', summary, when: { day: '2030-01-31' }, lastModified: 0, sequence: 0 }], 0, 'Cal');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe(summary);
    expect(event.endDate.toString()).toBe('2030-02-01');
  });
});

describe('Markdown', () => {
  it.each([
    ['# heading', '\\# heading'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['[link](http://x)', '\\[link\\]\\(http://x\\)'],
    ['<script>alert(1)</script>', '\\<script\\>alert\\(1\\)\\</script\\>'],
    ['a | b', 'a \\| b'],
    ['back\\slash', 'back\\\\slash'],
    ['&lt;', '\\&lt;'],
    [AWKWARD.rtl, AWKWARD.rtl],
    ['emoji 🌷', 'emoji 🌷'],
  ])('escapes %j', (input, expected) => {
    expect(mdText(input)).toBe(expected);
  });

  it('keeps line breaks as hard breaks inside a list item, and as spaces in a table cell', () => {
    expect(mdText('one\n- two', '  ')).toBe('one\\\n  \\- two');
    expect(mdCell('one\ntwo')).toBe('one two');
  });

  it('writes minutes where nothing typed becomes markup, and names only when chosen', async () => {
    const r = await record(false);
    const text = minutesMarkdown(r).text;
    expect(text).toContain('# Planning meeting');
    expect(text).toContain('\\# Discharge \\*letters\\*');
    expect(text).toContain('\\<img src=x onerror=alert\\(1\\)\\>Bob');
    // Every < in the file is escaped, so no renderer can read it as HTML.
    expect(text).not.toMatch(/(^|[^\\])</m);
    expect(text).toContain('Raised by Carer 2');
    expect(text).not.toContain(AWKWARD.rtl + ')');
    expect(text).toContain('1 request for a one-to-one');
    const named = minutesMarkdown(buildMeetingRecord((await getRecordSource('meeting-1'))!, { names: true, now: T0, words: recordWords })).text;
    expect(named).toContain(`Raised by ${AWKWARD.rtl}`);
  });
});
