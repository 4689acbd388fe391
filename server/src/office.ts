// The programme office page: summaries per group over time, voice balance by perspective and
// check-in answers, as tables with the numbers in text (bars are <meter> elements: no script, no
// inline style). Plain HTML from the server; its stylesheet is /office.css.
import type { GroupMove, GroupOwner } from './groups.js';
import type { DeviceKey } from './keys.js';
import { answerWords, orderAnswers } from './reflection-model.js';
import { groupCode } from './shared/group-code.js';
import type { StoredSummary } from './summaries.js';

export const OFFICE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: unknown): string => String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/**
 * A length of talk as the tablet writes it, "12 s", "4 min 5 s", "1 h 20 min": whole seconds, so a
 * perspective that spoke for 40 seconds is never "0 min" beside its share of the talk.
 */
export function talkLength(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const [hours, minutes, rest] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return [hours ? `${hours} h` : '', minutes ? `${minutes} min` : '', rest || (!hours && !minutes) ? `${rest} s` : ''].filter(Boolean).join(' ');
}

/** A stylesheet that puts its `text` at the top of every printed page (a CSS margin box cannot read the page). */
export const PRINT_HEAD_PATH = '/office/print-head.css';


/** A whole office page. `printHead` (a title and period) is repeated at the top of every printed page. */
export function page(title: string, body: string, printHead?: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/office.css">
${printHead ? `<link rel="stylesheet" media="print" href="${escapeHtml(`${PRINT_HEAD_PATH}?text=${encodeURIComponent(`Heard programme office · ${printHead}`)}`)}">\n` : ''}</head>
<body>
<header><p class="brand">Heard · programme office</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

export function signInPage(message?: string): string {
  return page(
    'Sign in — Heard programme office',
    `<h1>Sign in</h1>
<p>Enter an office key, made on this server with <code>npm run server -- key create "Programme office" --role office</code>.
A tablet's device key cannot sign in here: it may only send.
You stay signed in for 12 hours on this browser, or until the key is revoked.</p>
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/office/sign-in">
<label for="key">Key</label>
<input id="key" name="key" type="password" autocomplete="current-password" required spellcheck="false">
<button type="submit">Sign in</button>
</form>`,
  );
}

function voiceBalanceTable(rows: StoredSummary[]): string {
  const perspectives = [...new Set(rows.flatMap((r) => r.summary.voiceBalance.map((v) => v.perspective)))];
  if (perspectives.length === 0) return '<p>No voice balance recorded.</p>';
  const head = perspectives.map((p) => `<th scope="col">${escapeHtml(p)}</th>`).join('');
  const body = rows
    .map((r) => {
      const total = r.summary.voiceBalance.reduce((sum, v) => sum + v.talkSeconds, 0);
      const cells = perspectives
        .map((p) => {
          const v = r.summary.voiceBalance.find((x) => x.perspective === p);
          if (!v) return '<td>—</td>';
          const share = percent(v.talkSeconds, total);
          const fair = percent(v.fairShareSeconds, r.summary.voiceBalance.reduce((s, x) => s + x.fairShareSeconds, 0));
          return `<td><span class="figure">${share}% of talk</span> <meter min="0" max="100" value="${share}">${share}%</meter><br><span class="detail">${talkLength(v.talkSeconds)}, ${v.turns} turns; fair share ${fair}%</span></td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(r.summary.date)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<table><caption>Voice balance by perspective</caption><thead><tr><th scope="col">Meeting</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function checkInTables(rows: StoredSummary[]): string {
  const prompts = [...new Set(rows.flatMap((r) => r.summary.checkIn.prompts.map((p) => p.prompt)))];
  if (prompts.length === 0) return '<p>No check-in answers.</p>';
  return prompts
    .map((prompt) => {
      const body = rows
        .map((r) => {
          const found = r.summary.checkIn.prompts.find((p) => p.prompt === prompt);
          if (!found) return `<tr><th scope="row">${escapeHtml(r.summary.date)}</th><td>Not asked</td></tr>`;
          const total = Object.values(found.counts).reduce((sum, n) => sum + n, 0);
          const answers = orderAnswers(Object.keys(found.counts))
            .map((answer) => {
              const n = found.counts[answer] ?? 0;
              const share = percent(n, total);
              return `<li><span class="figure">${escapeHtml(answerWords(answer))}: ${n}</span> <meter min="0" max="100" value="${share}">${share}%</meter> ${share}%</li>`;
            })
            .join('');
          return `<tr><th scope="row">${escapeHtml(r.summary.date)}</th><td><ul class="answers">${answers}</ul></td></tr>`;
        })
        .join('\n');
      return `<table><caption>Check-in: ${escapeHtml(prompt)}</caption><thead><tr><th scope="col">Meeting</th><th scope="col">Answers</th></tr></thead><tbody>${body}</tbody></table>`;
    })
    .join('\n');
}

function meetingsTable(rows: StoredSummary[]): string {
  const body = rows
    .map((r) => {
      const s = r.summary;
      const present = Object.values(s.presentByPerspective).reduce((sum, n) => sum + n, 0);
      return `<tr><th scope="row">${escapeHtml(s.date)}</th><td>${s.durationMinutes} min</td><td>${present}</td><td>${s.checkIn.checkedIn}</td><td>${s.checkIn.oneToOneRequests}</td><td>${s.decisions.length}</td><td>${s.actions.length}</td><td>${s.dissent.parked} parked, ${s.dissent.resolved} resolved, ${s.dissent.standing} standing</td><td>${s.glossaryTerms.length}</td><td>${r.revision}</td></tr>`;
    })
    .join('\n');
  return `<table><caption>Meetings</caption><thead><tr><th scope="col">Date</th><th scope="col">Length</th><th scope="col">Present</th><th scope="col">Checked in</th><th scope="col">One-to-ones asked for</th><th scope="col">Decisions</th><th scope="col">Actions</th><th scope="col">Dissent</th><th scope="col">Jargon terms</th><th scope="col">Revision</th></tr></thead><tbody>${body}</tbody></table>`;
}

export interface OfficeView {
  /** This page's summaries, in the listing's order (group, meeting date). */
  summaries: StoredSummary[];
  /** How many summaries there are in all, and how many come before this page. */
  total: number;
  before: number;
  /** The next page's cursor, or null on the last page. */
  next: string | null;
  /** Who each group on this page belongs to. */
  owners: Map<string, GroupOwner>;
  keys: DeviceKey[];
  moves: GroupMove[];
  /** The label of the office key signed in. */
  keyLabel: string;
}

const keyName = (keys: DeviceKey[], id: string | null): string => {
  if (!id) return 'nobody';
  const key = keys.find((k) => k.id === id);
  return key ? `“${key.label}” (${key.id})` : id;
};

/** Who the group belongs to, and a form to give it to another tablet's key. */
function ownerForm(groupId: string, owner: GroupOwner | undefined, keys: DeviceKey[]): string {
  const devices = keys.filter((k) => k.role === 'device' && !k.revokedAt && k.id !== owner?.keyId);
  const id = `move-${escapeHtml(groupId)}`;
  const form = devices.length
    ? `<form method="post" action="/office/groups/move" class="move">
<input type="hidden" name="group" value="${escapeHtml(groupId)}">
<label for="${id}">Move this group to another tablet’s key</label>
<select id="${id}" name="key">${devices.map((k) => `<option value="${escapeHtml(k.id)}">${escapeHtml(k.label)} (${escapeHtml(k.id)})</option>`).join('')}</select>
<button type="submit">Move group</button>
</form>`
    : '<p>There is no other active device key to move it to.</p>';
  return `<p>Sent by ${escapeHtml(keyName(keys, owner?.keyId ?? null))}: only that key may send or delete this group’s summaries.</p>\n${form}`;
}

function movesTable(moves: GroupMove[], keys: DeviceKey[]): string {
  if (moves.length === 0) return '';
  const body = moves
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.movedAt.slice(0, 16).replace('T', ' '))} UTC</td><td>${escapeHtml(m.groupId)}</td><td>${escapeHtml(keyName(keys, m.fromKeyId))}</td><td>${escapeHtml(keyName(keys, m.toKeyId))}</td><td>${escapeHtml(keyName(keys, m.movedBy))}</td></tr>`,
    )
    .join('\n');
  return `<table><caption>Groups moved to another key (latest first)</caption><thead><tr><th scope="col">When</th><th scope="col">Group</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Moved by</th></tr></thead><tbody>${body}</tbody></table>`;
}

function pageNav(view: OfficeView, place: 'top' | 'bottom'): string {
  if (view.total === 0) return '';
  const first = view.before + 1;
  const last = view.before + view.summaries.length;
  const where = `<p${place === 'top' ? ' id="page-count"' : ''}>Summaries ${first} to ${last} of ${view.total}.</p>`;
  const links = [
    view.before > 0 ? '<a href="/">First page</a>' : '',
    view.next ? `<a href="/?after=${encodeURIComponent(view.next)}" rel="next">Next page</a>` : '',
  ].filter(Boolean);
  return links.length ? `${where}\n<nav aria-label="${place === 'top' ? 'Pages' : 'Pages, again'}"><p>${links.join(' · ')}</p></nav>` : where;
}

export function officePage(view: OfficeView): string {
  const groups = new Map<string, StoredSummary[]>();
  for (const row of view.summaries) {
    const list = groups.get(row.summary.groupId) ?? [];
    list.push(row);
    groups.set(row.summary.groupId, list);
  }
  const sections = [...groups.entries()]
    .map(([groupId, rows]) => {
      rows.sort((a, b) => a.summary.date.localeCompare(b.summary.date));
      const named = [...rows].reverse().find((r) => r.summary.groupName)?.summary.groupName;
      const title = named ? `${named} (${groupId})` : `Group ${groupCode(groupId)} (${groupId})`;
      return `<section aria-labelledby="g-${escapeHtml(groupId)}">
<h2 id="g-${escapeHtml(groupId)}">${escapeHtml(title)}</h2>
<p><a href="/office/group?id=${encodeURIComponent(groupId)}">${escapeHtml(title)} over time, in charts</a></p>
<p>${rows.length} ${rows.length === 1 ? 'meeting' : 'meetings'} on this page, ${escapeHtml(rows[0]!.summary.date)} to ${escapeHtml(rows[rows.length - 1]!.summary.date)}.</p>
${ownerForm(groupId, view.owners.get(groupId), view.keys)}
${meetingsTable(rows)}
${voiceBalanceTable(rows)}
${checkInTables(rows)}
</section>`;
    })
    .join('\n');
  return page(
    'Heard programme office',
    `<h1>Meeting summaries</h1>
<p>Signed in with “${escapeHtml(view.keyLabel)}”.</p>
<nav aria-label="Office pages" class="office-nav"><p><a href="/" aria-current="page">All summaries</a> · <a href="/office/programme">Programme side by side</a></p></nav>
<form method="post" action="/office/sign-out"><button type="submit">Sign out</button></form>
${view.total === 0 ? '<p>No summaries have arrived yet. They come from tablets when a meeting is closed and a connection is there.</p>' : `${pageNav(view, 'top')}\n${sections}\n${pageNav(view, 'bottom')}`}
${movesTable(view.moves, view.keys)}`,
  );
}

export const OFFICE_CSS = `:root { font-family: system-ui, sans-serif; color: #1b1b1b; background: #fff; line-height: 1.45; }
body { margin: 0; }
header { background: #1d3b53; color: #fff; padding: 0.6rem 1rem; }
.brand { margin: 0; font-weight: 600; }
main { padding: 1rem; max-width: 78rem; }
section { margin-block: 2rem; border-top: 2px solid #1d3b53; }
table { border-collapse: collapse; margin-block: 1rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding-block: 0.3rem; }
th, td { border: 1px solid #b7bec5; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f4; }
tbody th { white-space: nowrap; }
meter { width: 8rem; height: 1rem; vertical-align: middle; }
.detail { color: #454f59; font-size: 0.9em; }
.answers { list-style: none; margin: 0; padding: 0; }
.error { color: #a4000f; font-weight: 600; }
label { display: block; font-weight: 600; margin-top: 1rem; }
select { font: inherit; padding: 0.45rem; min-height: 44px; border: 2px solid #1b1b1b; margin-right: 0.5rem; }
input { font: inherit; padding: 0.5rem; width: min(32rem, 100%); border: 2px solid #1b1b1b; }
button { font: inherit; margin-top: 0.8rem; padding: 0.5rem 1rem; min-height: 44px; }
:focus-visible { outline: 3px solid #fd0; outline-offset: 2px; }
.office-nav p { margin-block: 0.5rem; }
.period { font-weight: 600; }
.changed { border-left: 6px solid #1d3b53; padding: 0.5rem 0.8rem; background: #eef1f4; }
.measure { border-top: 1px solid #b7bec5; margin-block: 1.5rem; }
figure { margin: 0.5rem 0; overflow-x: auto; }
svg.chart { max-width: 100%; height: auto; display: block; }
.group-list { columns: 2 16rem; }
.download a { display: inline-block; min-height: 44px; line-height: 44px; }
@page {
  size: A4;
  margin: 20mm 14mm 18mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 10pt system-ui, sans-serif; }
}
@media print {
  :root { font-size: 10pt; }
  header, nav, form, .download { display: none; }
  main { padding: 0; max-width: none; }
  .measure { break-inside: avoid-page; }
  table { break-inside: auto; }
  tr, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  svg.chart { max-height: 95mm; width: auto; }
}
`;
