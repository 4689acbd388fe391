// The office's reflection pages (issue 24) over a seeded programme: 4 groups × 12 monthly meetings
// of 2025, each figure checked against values worked out by hand below, the small-numbers rule,
// the CSV downloads (BOM, formula guard), the charts (an image with a name, no script) and paging.
// On PGlite always, on PostgreSQL when DATABASE_URL is set (or one is started for the run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../src/keys.js';
import { OFFICE_CSP } from '../src/office.js';
import { groupCode } from '../src/shared/group-code.js';
import type { RunningServer } from '../src/server.js';
import { pageOfGroups } from '../src/reflection.js';
import { storeSummary } from '../src/summaries.js';
import { GROUP_CODES } from '../../tests/support/group-code-vectors.js';
import { parseCsv } from '../../tests/support/parse-csv.js';
import { backends, get, signIn, start } from './helpers.js';
import { meeting, PROGRAMME_CHARTS, seedProgramme } from './seed-programme.js';

/** A page's table as rows of cell texts (header row first), found by its caption. */
function table(html: string, caption: string): string[][] {
  const start = html.indexOf(`<caption>${caption}</caption>`);
  if (start < 0) throw new Error(`No table "${caption}"`);
  const body = html.slice(start, html.indexOf('</table>', start));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]!));
}

describe('groupCode (the office’s side)', () => {
  it.each(GROUP_CODES)('%s is %s, as on the tablet', (groupId, code) => {
    expect(groupCode(groupId)).toBe(code);
  });
});

for (const backend of backends()) {
  describe(`reflection pages (${backend.name})`, () => {
    let server: RunningServer;
    let cookie = '';
    const page = (path: string) => get(server, path, undefined, { Cookie: cookie });

    beforeAll(async () => {
      server = await start(backend.fresh());
      const tablet = await createKey(server.db, 'Tablet');
      await seedProgramme(server.db, tablet.key.id);
      const office = (await createKey(server.db, 'Programme office', 'office')).secret;
      cookie = ((await signIn(server, office)).headers.get('set-cookie') ?? '').split(';')[0]!;
    });
    afterAll(async () => {
      await server?.close();
      await backend.cleanup();
    });

    it('needs an office sign-in: without one, each page and download is the sign-in form (401)', async () => {
      for (const path of ['office/programme', 'office/programme.csv?table=talk', 'office/group?id=grp-a', 'office/group.csv?id=grp-a&table=talk']) {
        const answer = await get(server, path);
        expect(answer.status, path).toBe(401);
        expect(await answer.text()).toContain('action="/office/sign-in"');
      }
    });

    it('the programme for 2025 Q2: each group side by side, with the figures worked out by hand', async () => {
      const answer = await page('office/programme?period=2025-Q2');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-security-policy')).toBe(OFFICE_CSP);
      const html = await answer.text();
      expect(html).toContain('2025 Q2 (April to June): groups 1 to 4 of 4 that met.');
      const [b, c, d] = ['grp-b', 'grp-c', 'grp-d'].map((g) => `Group ${groupCode(g)}`);
      expect(table(html, 'Groups that met in this period')).toEqual([
        ['Group', 'Group id', 'Meetings'],
        ['Carers Workstream', 'grp-a', '3'],
        [b, 'grp-b', '3'],
        [c, 'grp-c', '3'],
        [d, 'grp-d', '3'],
      ]);
      // Talk: A 720 of 3,000 s = 24%; B 30%; C 40%; D 1,500 / 3,000 = 50%, 30%, and the one carer too few to show.
      // Fair share: 50% each, and D 1,200 / 3,000 = 40%, 40%, 20%.
      expect(table(html, 'Share of talk by perspective, against its fair share')).toEqual([
        ['Group', 'Perspective', 'Most present at one meeting', 'Share of talk', 'Fair share'],
        ['Carers Workstream', 'Lived experience', '3', '24%', '50%'],
        ['Carers Workstream', 'Staff', '3', '76%', '50%'],
        [b, 'Lived experience', '3', '30%', '50%'],
        [b, 'Staff', '2', '70%', '50%'],
        [c, 'Lived experience', '2', '40%', '50%'],
        [c, 'Staff', '2', '60%', '50%'],
        [d, 'Carer', '1', 'too few to show', '20%'],
        [d, 'Lived experience', '4', '50%', '40%'],
        [d, 'Staff', '2', '30%', '40%'],
      ]);
      // Check-in over the quarter: A 12 / 3 / 3 of 18; B 3 and 3 of 6 (each meeting alone is too few);
      // C 9 of 9; D asked nothing.
      expect(table(html, 'Check-in: Did you feel listened to? (share of those who answered)')).toEqual([
        // The tablet's one order: the negative first, "Yes" last.
        ['Group', 'Answered', 'No', 'Not sure', 'Yes'],
        ['Carers Workstream', '18', '17%', '17%', '67%'],
        [b, '6', '50%', '0%', '50%'],
        [c, '9', '0%', '0%', '100%'],
        [d, '0', 'no answers', 'no answers', 'no answers'],
      ]);
      // A: April, May, June: 6 by consensus, 1 deferred (May is odd, so April and June: 2), 3 elsewhere.
      expect(table(html, 'Decisions made in the group and elsewhere')).toEqual([
        ['Group', 'Made in the group', 'Deferred', 'Made elsewhere'],
        ['Carers Workstream', '6', '2', '3'],
        [b, '3', '0', '0'],
        [c, '3', '3', '0'],
        [d, '0', '0', '0'],
      ]);
      // A: each month's own four, and the followed-up letter once, as June left it (done late).
      // B: done, sent without dates. The same action in three meetings counts once.
      expect(table(html, 'Actions: done on time, late, open')).toEqual([
        ['Group', 'Done by its due date', 'Done after its due date', 'Done (no date sent)', 'Open past its due date', 'Open, not yet due', 'Dropped'],
        ['Carers Workstream', '3', '1', '0', '3', '3', '3'],
        [b, '0', '0', '6', '0', '0', '0'],
        [c, '0', '0', '0', '0', '0', '0'],
        [d, '0', '0', '0', '0', '0', '0'],
      ]);
      // A: 3 parked; resolved in May only; C: 3 standing.
      expect(table(html, 'Dissent: parked, resolved, standing')).toEqual([
        ['Group', 'Parked', 'Resolved', 'Standing'],
        ['Carers Workstream', '3', '1', '0'],
        [b, '0', '0', '0'],
        [c, '0', '0', '3'],
        [d, '0', '0', '0'],
      ]);
      expect(table(html, 'Jargon terms raised')).toEqual([['Group', 'Jargon terms'], ['Carers Workstream', '3'], [b, '0'], [c, '0'], [d, '0']]);
      // Q1 to Q2: A's lived experience share 12% → 24% is the largest move (Staff fell by as much, listed after).
      expect(html).toContain('<strong>What changed most since the period before:</strong> Lived experience share rose from 12% to 24% of talk in Carers Workstream.');
    });

    it('each chart is an image named by its title, with its table under it, made without script', async () => {
      const html = await (await page('office/programme?period=2025-Q2')).text();
      const charts = [...html.matchAll(/<svg class="chart" role="img" aria-label="([^"]+)"[^>]*><title>([^<]+)<\/title>/g)];
      expect(charts.map((c) => c[2])).toEqual(PROGRAMME_CHARTS);
      for (const [, label, title] of charts) expect(label).toBe(`${title}: chart. The same figures are in the table below it.`);
      expect(html).not.toMatch(/<script|\sstyle=|\son\w+=/i);
      // The one carer's bar is not drawn: "too few" stands in its place. Groups with no carer draw no bar and say nothing.
      expect(html.match(/>too few<\/text>/g)).toHaveLength(1);
    });

    it('the quarter is the latest one by default, and a period that is not offered is refused in words', async () => {
      const html = await (await page('office/programme')).text();
      expect(html).toContain('2025 Q4 (October to December): groups 1 to 4 of 4 that met.');
      expect(html).toContain('<option value="2025-Q4" selected>');
      expect(html).toContain('<option value="2025">2025</option>');
      const year = await (await page('office/programme?period=2025')).text();
      // A whole year: 12 meetings each; no 2024 to compare with.
      expect(table(year, 'Groups that met in this period')[1]).toEqual(['Carers Workstream', 'grp-a', '12']);
      expect(year).toContain('no share could be compared with the period before.');
      for (const bad of ['2025-Q5', '<script>', '2025-13']) {
        const answer = await page(`office/programme?period=${encodeURIComponent(bad)}`);
        expect(answer.status).toBe(400);
        const text = await answer.text();
        expect(text).toContain('That is not a period the office page offers: choose one from the list.');
        expect(text).not.toContain('<script>');
      }
    });

    it('says what changed most across the whole programme, on a page that does not list that group too', async () => {
      // The page after grp-a lists the other three; the largest move is still Carers Workstream's.
      const html = await (await page('office/programme?period=2025-Q2&after=grp-a')).text();
      expect(table(html, 'Groups that met in this period').slice(1).map((row) => row[1])).toEqual(['grp-b', 'grp-c', 'grp-d']);
      expect(html).toContain('<strong>What changed most since the period before:</strong> Lived experience share rose from 12% to 24% of talk in Carers Workstream.');
    });

    it('a group over time: one row per meeting, a meeting with too few answers says so', async () => {
      const b = await (await page('office/group?id=grp-b')).text();
      expect(b).toContain(`<h1>Group ${groupCode('grp-b')} over time</h1>`);
      expect(b).toContain(`its chair sees the code ${groupCode('grp-b')} beside it`);
      const checkIn = table(b, 'Check-in: Did you feel listened to? (share of those who answered)');
      expect(checkIn).toHaveLength(13);
      // Two answers at each meeting: no share is shown for any of them.
      expect(checkIn[1]).toEqual(['2025-01-10', '2', 'too few to show', 'too few to show']);
      const a = await (await page('office/group?id=grp-a')).text();
      expect(a).toContain('<h1>Carers Workstream over time</h1>');
      const talk = table(a, 'Share of talk by perspective, against its fair share');
      expect(talk[1]).toEqual(['2025-01-10', 'Lived experience', '3', '12%', '50%']);
      expect(talk[7]).toEqual(['2025-04-10', 'Lived experience', '3', '24%', '50%']);
      // June: 2 consensus, 1 deferred, 1 elsewhere; July brings a second jargon term.
      expect(table(a, 'Decisions made in the group and elsewhere')[6]).toEqual(['2025-06-10', '2', '1', '1']);
      // Each meeting as it stood then: in May the letter (due 15 May) was still open and not yet due; in June done late.
      expect(table(a, 'Actions: done on time, late, open').slice(5, 7)).toEqual([
        ['2025-05-10', '1', '0', '0', '1', '2', '1'],
        ['2025-06-10', '1', '1', '0', '1', '1', '1'],
      ]);
      expect(table(a, 'Jargon terms raised').slice(6, 8)).toEqual([
        ['2025-06-10', '1'],
        ['2025-07-10', '2'],
      ]);
      const unknown = await page('office/group?id=grp-nobody');
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('No meetings of this group are stored.');
    });

    it('pages through a group’s meetings, 12 at a time, newest first', async () => {
      const tablet = await createKey(server.db, 'Second tablet');
      for (let m = 1; m <= 14; m += 1) {
        const s = meeting('grp-c', (m % 12) + 1);
        await storeSummary(server.db, { ...s, groupId: 'grp-e', meetingId: `e-${m}`, date: `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01` }, tablet.key.id);
      }
      const latest = await (await page('office/group?id=grp-e')).text();
      expect(latest).toContain('Meetings 3 to 14 of 14: meetings from 2023-04-01 to 2024-03-01.');
      expect(latest).toContain('<a href="/office/group?id=grp-e&amp;page=1">Earlier meetings</a>');
      expect(latest).not.toContain('Later meetings');
      const earlier = await (await page('office/group?id=grp-e&page=1')).text();
      expect(earlier).toContain('Meetings 1 to 2 of 14: meetings from 2023-02-01 to 2023-03-01.');
      expect(earlier).toContain('<a href="/office/group?id=grp-e">Later meetings</a>');
      // Anything but a page number, or a group id with text the database cannot hold, is refused in words.
      for (const bad of ['office/group?id=grp-e&page=x', 'office/group?id=grp-%00', 'office/programme?after=%00', `office/group?id=${'g'.repeat(101)}`]) {
        const answer = await page(bad);
        expect(answer.status, bad).toBe(400);
        expect(await answer.text()).toContain('role="alert"');
      }
    });

    it('a new revision of a meeting, or a perspective nobody counted present, shows what the body now holds', async () => {
      // The figures the pages read are kept by the database from each body (migration 004): a new
      // revision must replace them, not leave the first one's.
      const tablet = await createKey(server.db, 'Revising tablet');
      const first = { ...meeting('grp-c', 1), groupId: 'grp-r', meetingId: 'r-1', date: '2022-03-01' };
      expect((await storeSummary(server.db, first, tablet.key.id)).outcome).toBe('created');
      const revised = {
        ...first,
        revision: 2,
        presentByPerspective: { Staff: 2 },
        decisions: [{ text: 'Made by the board', how: 'elsewhere' as const }],
        dissent: { parked: 4, resolved: 0, standing: 0 },
        glossaryTerms: ['ICB'],
      };
      expect((await storeSummary(server.db, revised, tablet.key.id)).outcome).toBe('updated');
      const html = await (await page('office/group?id=grp-r')).text();
      // Lived experience talked but nobody of it was counted present: too few to show.
      expect(table(html, 'Share of talk by perspective, against its fair share').slice(1)).toEqual([
        ['2022-03-01', 'Lived experience', '0', 'too few to show', '50%'],
        ['2022-03-01', 'Staff', '2', '60%', '50%'],
      ]);
      expect(table(html, 'Decisions made in the group and elsewhere').slice(1)).toEqual([['2022-03-01', '0', '0', '1']]);
      expect(table(html, 'Dissent: parked, resolved, standing').slice(1)).toEqual([['2022-03-01', '4', '0', '0']]);
      expect(table(html, 'Jargon terms raised').slice(1)).toEqual([['2022-03-01', '1']]);
    });

    it('downloads each table as CSV: a BOM, CRLF, the same rows, and a cell that would run as a formula neutralised', async () => {
      const answer = await page('office/programme.csv?period=2025-Q2&table=talk');
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toBe('attachment; filename="heard-programme-2025-Q2-talk.csv"');
      const bytes = new Uint8Array(await answer.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
      expect(rows[0]).toEqual(['Group', 'Perspective', 'Most present at one meeting', 'Share of talk', 'Fair share']);
      expect(rows[7]).toEqual([`Group ${groupCode('grp-d')}`, 'Carer', '1', 'too few to show', '20%']);
      // A group name is a chair's typing: one starting "=" would be a formula in a spreadsheet.
      const tablet = await createKey(server.db, 'Formula tablet');
      await storeSummary(server.db, { ...meeting('grp-a', 5), groupId: 'grp-f', meetingId: 'f-1', groupName: '=1+2' }, tablet.key.id);
      const groups = parseCsv(await (await page('office/programme.csv?period=2025-Q2&table=groups')).text());
      expect(groups).toContainEqual(["'=1+2", 'grp-f', '1']);
      const b = parseCsv(await (await page('office/group.csv?id=grp-b&table=check-in-1')).text());
      expect(b[0]).toEqual(['Meeting', 'Answered', 'No', 'Yes']);
      expect(b[12]).toEqual(['2025-12-10', '2', 'too few to show', 'too few to show']);
      expect((await page('office/group.csv?id=grp-b&table=nothing')).status).toBe(404);
    });

    it('the print head holds its words as one CSS string, whatever they are', async () => {
      const html = await (await page('office/programme?period=2025-Q2')).text();
      const href = /<link rel="stylesheet" media="print" href="([^"]+)">/.exec(html)![1]!.replaceAll('&amp;', '&');
      expect(await (await get(server, href.slice(1))).text()).toBe(
        '@page { @top-left { content: "Heard programme office \\0000b7  Programme side by side \\0000b7  2025 Q2 \\000028 April to June\\000029 "; font: 9pt system-ui, sans-serif; color: #1b1b1b; } }\n',
      );
      const hostile = await (await get(server, `office/print-head.css?text=${encodeURIComponent('"; } body { display: none } @page { x: "')}`)).text();
      expect(hostile).toMatch(/^@page \{ @top-left \{ content: "[A-Za-z0-9 \\]*"; font/);
    });

    it('names the group when its tablet sends names, escaped; otherwise the code the chair sees', async () => {
      const tablet = await createKey(server.db, 'Named tablet');
      await storeSummary(server.db, { ...meeting('grp-a', 5), groupId: 'grp-x', meetingId: 'x-1', groupName: '<b>Hall & "Co"</b>' }, tablet.key.id);
      const html = await (await page('office/programme?period=2025-Q2')).text();
      expect(html).toContain('&lt;b&gt;Hall &amp; &quot;Co&quot;&lt;/b&gt; over time');
      expect(html).not.toContain('<b>Hall');
      const home = await (await page('')).text();
      expect(home).toContain(`Group ${groupCode('grp-b')} (grp-b)`);
    });
  });
}

describe('pageOfGroups', () => {
  const ids = Array.from({ length: 45 }, (_, i) => `g-${String(i + 1).padStart(2, '0')}`);
  it.each([
    [null, 'g-01', 'g-20', 'g-20', 0],
    ['g-20', 'g-21', 'g-40', 'g-40', 20],
    ['g-40', 'g-41', 'g-45', null, 40],
    // A cursor that names no group (it left the period since the link was made) still pages by order.
    ['g-205', 'g-21', 'g-40', 'g-40', 20],
    ['g-45', undefined, undefined, null, 45],
  ])('after %s: %s to %s, next %s, %i before', (after, first, last, next, before) => {
    const page = pageOfGroups(ids, after);
    expect([page.groupIds[0], page.groupIds.at(-1), page.next, page.before, page.total]).toEqual([first, last, next, before, 45]);
  });
});

for (const backend of backends()) {
  describe(`a programme of more groups than one page holds (${backend.name})`, () => {
    let server: RunningServer;
    let cookie = '';
    const page = async (path: string) => (await get(server, path, undefined, { Cookie: cookie })).text();
    const groupIds = Array.from({ length: 45 }, (_, i) => `grp-${String(i + 1).padStart(2, '0')}`);

    beforeAll(async () => {
      server = await start(backend.fresh());
      const tablet = await createKey(server.db, 'Tablet');
      // grp-a's meetings, one in 2025 Q2 for each of 45 groups (and one in Q1 for a group that did not meet in Q2).
      for (const groupId of groupIds) await storeSummary(server.db, { ...meeting('grp-a', 5), groupId, groupName: undefined, meetingId: `${groupId}-may` }, tablet.key.id);
      await storeSummary(server.db, { ...meeting('grp-a', 2), groupId: 'grp-00-q1', groupName: undefined, meetingId: 'q1-only' }, tablet.key.id);
      const office = (await createKey(server.db, 'Programme office', 'office')).secret;
      cookie = ((await signIn(server, office)).headers.get('set-cookie') ?? '').split(';')[0]!;
    });
    afterAll(async () => {
      await server?.close();
      await backend.cleanup();
    });

    it('pages through every group that met, 20 at a time, each counted once, with its place and a way back', async () => {
      const listed = (html: string) => table(html, 'Groups that met in this period').slice(1).map((row) => row[1]);
      const first = await page('office/programme?period=2025-Q2');
      expect(first).toContain('groups 1 to 20 of 45 that met.');
      expect(listed(first)).toEqual(groupIds.slice(0, 20));
      expect(first).toContain('after=grp-20');
      expect(first).not.toContain('First groups');

      const second = await page('office/programme?period=2025-Q2&after=grp-20');
      expect(second).toContain('groups 21 to 40 of 45 that met.');
      expect(listed(second)).toEqual(groupIds.slice(20, 40));
      expect(second).toContain('after=grp-40');
      expect(second).toContain('First groups');

      const last = await page('office/programme?period=2025-Q2&after=grp-40');
      expect(last).toContain('groups 41 to 45 of 45 that met.');
      expect(listed(last)).toEqual(groupIds.slice(40));
      expect(last).not.toContain('Next groups');
    });
  });
}

for (const backend of backends()) {
  describe(`the programme page before any summary has come (${backend.name})`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await start({ ...backend.fresh(), now: () => Date.UTC(2026, 10, 20, 12) });
    });
    afterAll(async () => {
      await server?.close();
      await backend.cleanup();
    });

    it('opens on the quarter the server’s clock is in, not a year nobody chose', async () => {
      const office = (await createKey(server.db, 'Programme office', 'office')).secret;
      const cookie = ((await signIn(server, office)).headers.get('set-cookie') ?? '').split(';')[0]!;
      const html = await (await get(server, 'office/programme', undefined, { Cookie: cookie })).text();
      expect(html).toContain('2026 Q4 (October to December)');
      expect(html).not.toContain('2000');
    });
  });
}
