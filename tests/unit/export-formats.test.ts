import { useFreshDb } from '../support/fresh-db';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, UTF8_BOM } from '../../src/domain/csv';
import { escapeIcsText, foldIcsLine, icsCalendar } from '../../src/domain/ics';
import { mdCell, mdText } from '../../src/domain/markdown';
import { buildMeetingRecord } from '../../src/domain/meeting-record';
import { getRecordSource } from '../../src/db/export-repo';
import { actionsCsv, attendanceCsv, balanceCsv, calendarIcs, minutesMarkdown, recordWords } from '../../src/ui/record/record-files';
import { AWKWARD, seedRecord, T0 } from '../support/record-seed';
import { parseCsv } from '../support/parse-csv';

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
    // Times in whole seconds, the CSV's one unit.
    expect(attendance).toContainEqual([AWKWARD.rtl, 'Carer', 'No', 'Yes', '10:10', '10:40', String(30 * 60)]);
    expect(attendance).toContainEqual(['Sam Patel', 'Lived experience', 'No', 'No', '', '', '0']);
    expect(attendance).toContainEqual([AWKWARD.name, 'Carer', 'No', 'Yes', '10:00', '10:50', String(50 * 60)]);
    const balance = parseCsv(balanceCsv(r, true).text.slice(1));
    expect(balance).toContainEqual(['Person', 'Carer 1', 'Carer', String(6 * 60), '1', expect.any(String), expect.stringMatching(/share$/)]);
    expect(balanceCsv(r, true).text).not.toContain(AWKWARD.name);
  });

  it('leaves per-person rows out of the voice-balance file and the minutes unless "per person" is ticked, as the screen does', async () => {
    const r = await record(true);
    const people = r.balance.people.map((p) => p.who);
    expect(people.length).toBeGreaterThan(0);
    const groupsOnly = parseCsv(balanceCsv(r, false).text.slice(1));
    // The header and one row per perspective group: not one row of a person.
    expect(groupsOnly.slice(1).map((row) => row[0])).toEqual(r.balance.groups.map(() => 'Perspective'));
    const withPeople = parseCsv(balanceCsv(r, true).text.slice(1));
    expect(withPeople.filter((row) => row[0] === 'Person').map((row) => row[1])).toEqual(people);
    const minutesOff = minutesMarkdown(r, false).text;
    const minutesOn = minutesMarkdown(r, true).text;
    const balanceOf = (text: string) => text.slice(text.indexOf('## Voice balance'), text.indexOf('## Check-in'));
    expect(balanceOf(minutesOn)).toContain('| Person |');
    expect(balanceOf(minutesOff)).not.toContain('| Person |');
    for (const who of people) {
      expect(balanceOf(minutesOn)).toContain(`| ${mdCell(who)} |`);
      expect(balanceOf(minutesOff)).not.toContain(`| ${mdCell(who)} |`);
    }
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
    const text = minutesMarkdown(r, true).text;
    expect(text).toContain('# Planning meeting');
    expect(text).toContain('\\# Discharge \\*letters\\*');
    expect(text).toContain('\\<img src=x onerror=alert\\(1\\)\\>Bob');
    // Every < in the file is escaped, so no renderer can read it as HTML.
    expect(text).not.toMatch(/(^|[^\\])</m);
    expect(text).toContain('Raised by Carer 2');
    expect(text).not.toContain(AWKWARD.rtl + ')');
    expect(text).toContain('1 request for a one-to-one');
    const named = minutesMarkdown(buildMeetingRecord((await getRecordSource('meeting-1'))!, { names: true, now: T0, words: recordWords }), true).text;
    expect(named).toContain(`Raised by ${AWKWARD.rtl}`);
  });

  it('lists a question\'s answers in the check-in\'s one order, the negative first', async () => {
    // Seeded: one "yes" and one "no", stored in the order yes, not sure, no; the check-in shows No on the left.
    const text = minutesMarkdown(await record(false), false).text;
    expect(text).toContain('### Did you get a fair say?\n\n- No: 1\n- Not sure: 0\n- Yes: 1\n');
  });

  it('holds what the printed minutes hold: chair, date, planned and actual times, present, apologies, leads, each decision\'s item, next meeting', async () => {
    const text = minutesMarkdown(await record(false), false).text;
    const section = (title: string) => text.slice(text.indexOf(`## ${title}\n`), text.indexOf('\n## ', text.indexOf(`## ${title}\n`) + 1));
    // The chair is named in the minutes whichever way people are shown.
    expect(text).toContain('- Chair: Sam Patel\n');
    expect(text).toContain('- Date: Thursday 14 March 2030\n');
    expect(text).toContain('- Planned: 10:00 to 12:30\n');
    // The times it actually ran, from the stored clock: started 10:00, items ended 10:50.
    expect(text).toContain('- Held: 10:00 to 10:50\n');
    expect(text).toContain('- Next meeting: April, "follow-up", Thursday 11 April 2030 10:00\n');
    // Who came is under Present; who was expected and did not come, under Apologies.
    expect(section('Present')).toContain(`| ${mdCell(AWKWARD.rtl)} | Carer | 10:10 | 10:40 | 30 min |`);
    expect(section('Present')).not.toContain('Sam Patel');
    expect(section('Apologies')).toBe('## Apologies\n\n- Sam Patel \\(Lived experience\\)\n');
    expect(section('Agenda: time planned and used')).toContain(`| 1. \\# Discharge \\*letters\\* (Led by ${mdCell(AWKWARD.html)}) | 20 min | 25 min | Discussed |`);
    expect(section('Decisions')).toContain('- Use the shorter letter\n  Reached by agreement · On “\\# Discharge \\*letters\\*”\n');
  });
});
