// The office's reflection pages and their CSV downloads, behind the office sign-in (issue 24).
import type { Context, Env, Hono } from 'hono';
import type { Database } from './db.js';
import { createFigureCache } from './figure-cache.js';
import { groupLabel, groupPage, groupTables, problemPage, programmePage, programmeTables, type FigureTable } from './office-reflection.js';
import {
  groupNames,
  groupTimeline,
  meetingDateRange,
  pageOfGroups,
  TIMELINE_PAGE,
  emptyFigures,
} from './reflection.js';
import { biggestChange, changeWords, parsePeriod, periodChoices, previousPeriod, quarterOf } from './reflection-model.js';
import { PRINT_HEAD_PATH } from './office.js';
import { cssString } from './shared/css-string.js';
import { toCsv } from './shared/csv.js';
import { badTextFields } from './text-check.js';

export interface ReflectionRouteOptions {
  db: Database;
  /** The signed-in office key, or null. */
  session: (c: Context) => Promise<{ id: string; label: string } | null>;
  /** An office page, with its headers (CSP, no-store, …). */
  html: (c: Context, body: string, status?: 200 | 400 | 401 | 403 | 404) => Response;
  /** The sign-in page, with a message. */
  signIn: (message: string) => string;
  /** The server's clock: what "this quarter" is when nothing is stored yet. */
  now: () => number;
}

const SIGN_IN_AGAIN = 'Sign in to see the programme office’s pages.';

/** A query value, or undefined when it is missing or not plain text of a sane length. */
function param(c: Context, name: string, max = 100): string | undefined {
  const value = c.req.query(name);
  return value !== undefined && value.length <= max && badTextFields([value]).length === 0 ? value : undefined;
}

const pageNumber = (value: string | undefined): number | null => (value === undefined ? 0 : /^\d{1,6}$/.test(value) ? Number(value) : null);

function csv(c: Context, name: string, table: FigureTable | undefined): Response {
  if (!table) return c.text('There is no such table on that page.', 404);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${name}-${table.id}.csv"`);
  c.header('Cache-Control', 'no-store');
  return c.body(toCsv(table.head, table.rows));
}

/** A file name's part made of a group id: letters, digits and dashes only. */
const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 60);

export function registerReflectionRoutes<E extends Env>(app: Hono<E>, options: ReflectionRouteOptions): void {
  const { db, session, html, signIn, now } = options;
  const kept = createFigureCache(db);

  // The title and period at the top of each printed page. It holds only the words its own address
  // carries, each escaped, so it needs no sign-in and can hold nothing else.
  app.get(PRINT_HEAD_PATH, (c) => {
    const text = (c.req.query('text') ?? '').slice(0, 300);
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'no-store');
    return c.body(`@page { @top-left { content: ${cssString(text)}; font: 9pt system-ui, sans-serif; color: #1b1b1b; } }\n`);
  });
  const bad = (c: Context, words: string) => html(c, problemPage(words), 400);

  async function groupView(c: Context) {
    const groupId = param(c, 'id');
    const page = pageNumber(c.req.query('page'));
    if (!groupId || page === null) return null;
    const [timeline, names] = await Promise.all([groupTimeline(db, groupId, page), groupNames(db, [groupId])]);
    return { groupId, name: names.get(groupId), ...timeline, page, perPage: TIMELINE_PAGE };
  }

  app.get('/office/group', async (c) => {
    if (!(await session(c))) return html(c, signIn(SIGN_IN_AGAIN), 401);
    const view = await groupView(c);
    if (!view) return bad(c, 'That is not a group and page from the office’s own pages.');
    if (view.total === 0) return html(c, groupPage(view), 404);
    return html(c, groupPage(view));
  });

  app.get('/office/group.csv', async (c) => {
    if (!(await session(c))) return html(c, signIn(SIGN_IN_AGAIN), 401);
    const view = await groupView(c);
    if (!view) return bad(c, 'That is not a group and page from the office’s own pages.');
    return csv(c, `heard-group-${fileSafe(view.groupId)}`, groupTables(view).find((t) => t.id === c.req.query('table')));
  });

  async function programmeView(c: Context) {
    const range = await meetingDateRange(db);
    const asked = param(c, 'period', 10);
    // The quarter of the latest meeting stored; with none yet, this quarter, not a year nobody chose.
    const period = asked ? parsePeriod(asked) : parsePeriod(quarterOf(range?.last ?? new Date(now()).toISOString().slice(0, 10)));
    const after = param(c, 'after') ?? null;
    if (!period || (c.req.query('after') !== undefined && !after)) return null;
    // What changed most is looked for in every group of the programme, not only those on this page:
    // every group's figures are summed (or kept from a request before: figure-cache.ts), and this
    // page's groups, its total and its place are read from them.
    const [everyNow, everyBefore] = await Promise.all([
      kept.figures(period),
      // The period before is only compared with: its shares alone.
      kept.shares(previousPeriod(period)),
    ]);
    const listed = pageOfGroups([...everyNow.keys()], after);
    const change = biggestChange(everyNow, everyBefore);
    const names = await groupNames(db, change && !listed.groupIds.includes(change.groupId) ? [...listed.groupIds, change.groupId] : listed.groupIds);
    const groups = listed.groupIds.map((groupId) => ({ groupId, name: names.get(groupId), figures: everyNow.get(groupId) ?? emptyFigures() }));
    const changeName = change ? names.get(change.groupId) : undefined;
    return {
      period,
      choices: range ? periodChoices(range.first, range.last) : [period],
      groups,
      total: listed.total,
      before: listed.before,
      after,
      next: listed.next,
      changed: change ? changeWords(change, groupLabel(change.groupId, changeName)) : null,
    };
  }

  const NOT_A_PERIOD = 'That is not a period the office page offers: choose one from the list.';

  app.get('/office/programme', async (c) => {
    if (!(await session(c))) return html(c, signIn(SIGN_IN_AGAIN), 401);
    const view = await programmeView(c);
    if (!view) return bad(c, NOT_A_PERIOD);
    return html(c, programmePage(view));
  });

  app.get('/office/programme.csv', async (c) => {
    if (!(await session(c))) return html(c, signIn(SIGN_IN_AGAIN), 401);
    const view = await programmeView(c);
    if (!view) return bad(c, NOT_A_PERIOD);
    return csv(c, `heard-programme-${view.period.key}`, programmeTables(view).find((t) => t.id === c.req.query('table')));
  });
}
