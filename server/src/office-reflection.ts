// The office's reflection pages (issue 24): one group over time, and the programme side by side
// for a period. Every chart comes with a table of the same figures, and every table downloads as
// CSV (the app's writer: UTF-8 BOM, formulas neutralised).
import { barChart, type ChartSpec } from './office-charts.js';
import { escapeHtml, page } from './office.js';
import type { Figures, Period } from './reflection.js';
import { answerShares, answerWords, FEWEST_ANSWERS, orderAnswers, periodWords, shortDate, talkShares, type AnswerShares, type Share } from './reflection-model.js';
import { groupCode } from './shared/group-code.js';

export const TOO_FEW = 'too few to show';

export type Cell = string | number;

/** One table of figures: shown under its chart, and downloadable as CSV. */
export interface FigureTable {
  /** Its name in a CSV download's address, e.g. "talk" or "check-in-1". */
  id: string;
  caption: string;
  head: string[];
  rows: Cell[][];
  chart?: ChartSpec;
}

/** A meeting (on a group's page) or a group (on the programme page): one row of every table. */
export interface Category {
  label: string;
  /** On the chart, on one or two lines. */
  short: string[];
  figures: Figures;
}

/** How the office names a group: its name when the tablet sends names, otherwise its short code. */
export const groupLabel = (groupId: string, name: string | undefined): string => name ?? `Group ${groupCode(groupId)}`;

const shareCell = (share: Share): Cell => (share === null ? TOO_FEW : `${share}%`);
/** An answer nobody gave is 0% of those who answered, unless too few answered for any share. */
const shareOf = (shares: AnswerShares, answer: string): Share => (shares.answered < FEWEST_ANSWERS ? null : (shares.shares.get(answer) ?? 0));
const firstSeen = <T>(lists: T[][]): T[] => [...new Set(lists.flat())];

/** Every table (and its chart) for these categories, in the order the page shows them. */
export function figureTables(categories: Category[], rowHeader: string): FigureTable[] {
  const labels = categories.map((c) => c.short);
  const tables: FigureTable[] = [];

  // Talk: each perspective's share against its fair share.
  const talk = categories.map((c) => talkShares(c.figures));
  const perspectives = firstSeen(talk.map((list) => list.map((t) => t.perspective)));
  tables.push({
    id: 'talk',
    caption: 'Share of talk by perspective, against its fair share',
    head: [rowHeader, 'Perspective', 'Most present at one meeting', 'Share of talk', 'Fair share'],
    rows: categories.flatMap((c, i) =>
      talk[i]!.map((t) => [c.label, t.perspective, c.figures.talk.find((f) => f.perspective === t.perspective)!.mostPresent, shareCell(t.share), `${t.fairShare}%`]),
    ),
    chart: {
      title: 'Share of talk by perspective, against its fair share',
      categories: labels,
      stacked: false,
      unit: '%',
      markerName: 'Fair share',
      series: perspectives.map((p) => {
        const found = talk.map((list) => list.find((t) => t.perspective === p));
        // A group or meeting without this perspective draws no bar; one too few to show says so.
        return { name: p, values: found.map((t) => (t ? t.share : undefined)), markers: found.map((t) => t?.fairShare ?? null) };
      }),
    },
  });

  // Check-in: each question's answers as a share of those who answered.
  const prompts = firstSeen(categories.map((c) => c.figures.checkIn.map((p) => p.prompt)));
  prompts.forEach((prompt, k) => {
    const counts = categories.map((c) => c.figures.checkIn.find((p) => p.prompt === prompt)?.counts);
    const answers = orderAnswers(counts.flatMap((c) => Object.keys(c ?? {})));
    const shares = counts.map(answerShares);
    const title = `Check-in: ${prompt}`;
    tables.push({
      id: `check-in-${k + 1}`,
      caption: `${title} (share of those who answered)`,
      head: [rowHeader, 'Answered', ...answers.map(answerWords)],
      rows: categories.map((c, i) => [c.label, shares[i]!.answered, ...answers.map((a) => (shares[i]!.answered === 0 ? 'no answers' : shareCell(shareOf(shares[i]!, a))))]),
      chart: {
        title,
        categories: labels,
        stacked: true,
        unit: '%',
        series: answers.map((a) => ({ name: answerWords(a), values: shares.map((s) => (s.answered === 0 ? 0 : shareOf(s, a))) })),
      },
    });
  });

  const counted = (id: string, caption: string, parts: [string, (f: Figures) => number][]) => {
    tables.push({
      id,
      caption,
      head: [rowHeader, ...parts.map(([name]) => name)],
      rows: categories.map((c) => [c.label, ...parts.map(([, of]) => of(c.figures))]),
      chart: { title: caption, categories: labels, stacked: true, unit: 'count', series: parts.map(([name, of]) => ({ name, values: categories.map((c) => of(c.figures)) })) },
    });
  };
  counted('decisions', 'Decisions made in the group and elsewhere', [
    ['Made in the group', (f) => f.decisions.inGroup],
    ['Deferred', (f) => f.decisions.deferred],
    ['Made elsewhere', (f) => f.decisions.elsewhere],
  ]);
  counted('actions', 'Actions: done on time, late, open', [
    ['Done by its due date', (f) => f.actions.onTime],
    ['Done after its due date', (f) => f.actions.late],
    ['Done (no date sent)', (f) => f.actions.doneUndated],
    ['Open past its due date', (f) => f.actions.overdue],
    ['Open, not yet due', (f) => f.actions.open],
    ['Dropped', (f) => f.actions.dropped],
  ]);
  counted('dissent', 'Dissent: parked, resolved, standing', [
    ['Parked', (f) => f.dissent.parked],
    ['Resolved', (f) => f.dissent.resolved],
    ['Standing', (f) => f.dissent.standing],
  ]);
  counted('jargon', 'Jargon terms raised', [['Jargon terms', (f) => f.jargon]]);
  return tables;
}

/** A table in HTML: the first column names each row. */
export function tableHtml(table: Pick<FigureTable, 'caption' | 'head' | 'rows'>): string {
  const head = table.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = table.rows
    .map(([first, ...rest]) => `<tr><th scope="row">${escapeHtml(first)}</th>${rest.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><caption>${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Each table in its own section: chart, table, and a link to it as CSV (`csvHref(id)`). */
function sections(tables: FigureTable[], csvHref: (id: string) => string): string {
  return tables
    .map(
      (t) => `<section class="measure" aria-labelledby="m-${escapeHtml(t.id)}">
<h2 id="m-${escapeHtml(t.id)}">${escapeHtml(t.caption)}</h2>
${t.chart ? `<figure>${barChart(t.chart)}</figure>` : ''}
${tableHtml(t)}
<p class="download"><a href="${escapeHtml(csvHref(t.id))}" download>Download “${escapeHtml(t.caption)}” as CSV</a></p>
</section>`,
    )
    .join('\n');
}

const SMALL_NUMBERS = `<p>Shares of talk and of check-in answers are shown only when they cannot single anyone out: a share from fewer than 3 check-in answers, or of a perspective with only one person present, says “${TOO_FEW}”.</p>`;

const officeNav = (here: 'group' | 'programme') => `<nav aria-label="Office pages" class="office-nav"><p><a href="/">All summaries</a> · ${
  here === 'programme' ? '<a href="/office/programme" aria-current="page">Programme side by side</a>' : '<a href="/office/programme">Programme side by side</a>'
}</p></nav>`;

const link = (href: string, words: string) => `<a href="${escapeHtml(href)}">${escapeHtml(words)}</a>`;

const query = (params: Record<string, string | number | null | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export interface GroupPageView {
  groupId: string;
  name: string | undefined;
  meetings: { id: string; date: string; figures: Figures }[];
  total: number;
  /** 0 for the latest meetings, 1 for the ones before, … */
  page: number;
  perPage: number;
}

export function groupTables(view: GroupPageView): FigureTable[] {
  return figureTables(view.meetings.map((m) => ({ label: m.date, short: shortDate(m.date), figures: m.figures })), 'Meeting');
}

export function groupPage(view: GroupPageView): string {
  const label = groupLabel(view.groupId, view.name);
  const first = view.meetings[0]?.date;
  const last = view.meetings[view.meetings.length - 1]?.date;
  const span = first && last ? `meetings from ${first} to ${last}` : 'no meetings';
  const shownTo = view.total - view.page * view.perPage;
  const pages = [
    shownTo - view.meetings.length > 0 ? link(`/office/group${query({ id: view.groupId, page: view.page + 1 })}`, 'Earlier meetings') : '',
    view.page > 0 ? link(`/office/group${query({ id: view.groupId, page: view.page - 1 || null })}`, 'Later meetings') : '',
  ].filter(Boolean);
  const title = `${label} over time`;
  return page(
    `${title} — Heard programme office`,
    `${officeNav('group')}
<h1>${escapeHtml(title)}</h1>
<p class="period">${escapeHtml(view.meetings.length ? `Meetings ${shownTo - view.meetings.length + 1} to ${shownTo} of ${view.total}: ${span}.` : 'No meetings of this group are stored.')}</p>
<p>Group id ${escapeHtml(view.groupId)}${view.name ? '' : `; its chair sees the code ${escapeHtml(groupCode(view.groupId))} beside it on the tablet’s Sending screen`}.</p>
${pages.length ? `<nav aria-label="Meetings pages"><p>${pages.join(' · ')}</p></nav>` : ''}
${SMALL_NUMBERS}
${sections(groupTables(view), (id) => `/office/group.csv${query({ id: view.groupId, page: view.page || null, table: id })}`)}`,
    `${title} · ${span}`,
  );
}

export interface ProgrammePageView {
  period: Period;
  choices: Period[];
  groups: { groupId: string; name: string | undefined; figures: Figures }[];
  /** How many groups met in the period, and how many come before this page. */
  total: number;
  before: number;
  /** The group id this page starts after (null on the first page), and the next page's. */
  after: string | null;
  next: string | null;
  changed: string | null;
}

export function programmeTables(view: Pick<ProgrammePageView, 'groups'>): FigureTable[] {
  const categories = view.groups.map((g) => {
    const label = groupLabel(g.groupId, g.name);
    return { label, short: [label], figures: g.figures };
  });
  return [
    {
      id: 'groups',
      caption: 'Groups that met in this period',
      head: ['Group', 'Group id', 'Meetings'],
      rows: categories.map((c, i) => [c.label, view.groups[i]!.groupId, c.figures.meetings]),
    },
    ...figureTables(categories, 'Group'),
  ];
}

export function programmePage(view: ProgrammePageView): string {
  const period = periodWords(view.period);
  const options = view.choices
    .map((p) => `<option value="${escapeHtml(p.key)}"${p.key === view.period.key ? ' selected' : ''}>${escapeHtml(periodWords(p))}</option>`)
    .join('');
  const pages = [
    view.before > 0 ? link(`/office/programme${query({ period: view.period.key })}`, 'First groups') : '',
    view.next ? link(`/office/programme${query({ period: view.period.key, after: view.next })}`, 'Next groups') : '',
  ].filter(Boolean);
  const tables = programmeTables(view);
  const csv = (id: string) => `/office/programme.csv${query({ period: view.period.key, after: view.after, table: id })}`;
  const list = view.groups
    .map((g) => `<li>${link(`/office/group${query({ id: g.groupId })}`, `${groupLabel(g.groupId, g.name)} over time`)}</li>`)
    .join('');
  const title = 'Programme side by side';
  return page(
    `${title}, ${period} — Heard programme office`,
    `${officeNav('programme')}
<h1>${title}</h1>
<form method="get" action="/office/programme" class="period-form">
<label for="period">Period</label>
<select id="period" name="period">${options}</select>
<button type="submit">Show this period</button>
</form>
<p class="period">${escapeHtml(period)}: ${view.total === 0 ? 'no group met.' : `groups ${view.before + 1} to ${view.before + view.groups.length} of ${view.total} that met.`}</p>
${view.total === 0 ? '' : `<p class="changed"><strong>What changed most since the period before:</strong> ${escapeHtml(view.changed ?? 'no share could be compared with the period before.')}</p>`}
${pages.length ? `<nav aria-label="Groups pages"><p>${pages.join(' · ')}</p></nav>` : ''}
${view.groups.length ? `<nav aria-label="Each group over time"><ul class="group-list">${list}</ul></nav>\n${SMALL_NUMBERS}\n${sections(tables, csv)}` : ''}`,
    `${title} · ${period}`,
  );
}

/** A page that says what was wrong with the address asked for, and where to go instead. */
export function problemPage(message: string): string {
  return page(
    'Not found — Heard programme office',
    `${officeNav('group')}
<h1>That page is not here</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>`,
  );
}
