// The rules of the office's reflection pages, apart from SQL and HTML: periods, shares, the
// small-numbers rule, and the one line that says what changed most.
import type { Figures, Period, Shares } from './reflection.js';
import { ANSWER_ORDER } from './shared/answer-order.js';

/** A share made from fewer check-in answers than this is not shown: nobody is singled out. */
export const FEWEST_ANSWERS = 3;
/** A perspective's share of talk is shown only when more than one person of it was there. */
export const FEWEST_PRESENT = 2;

/** A whole percentage, or null: "too few to show". */
export type Share = number | null;

const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 100) : 0);

export interface TalkShare {
  perspective: string;
  /** Share of all talk, or null when at most one person of this perspective was at any of the meetings. */
  share: Share;
  fairShare: number;
}

export function talkShares(figures: Pick<Figures, 'talk'>): TalkShare[] {
  const talk = figures.talk.reduce((sum, t) => sum + t.talkSeconds, 0);
  const fair = figures.talk.reduce((sum, t) => sum + t.fairShareSeconds, 0);
  return figures.talk.map((t) => ({
    perspective: t.perspective,
    share: t.mostPresent < FEWEST_PRESENT ? null : percent(t.talkSeconds, talk),
    fairShare: percent(t.fairShareSeconds, fair),
  }));
}

/**
 * The order answers are shown in on every office page: the tablet's choice answers first, in its one
 * order (the negative first), then picture-scale points by number, 1 (the saddest) first.
 */
const CHOICE_ORDER: readonly string[] = ANSWER_ORDER;
const ANSWER_WORDS: Record<string, string> = { yes: 'Yes', 'not-sure': 'Not sure', no: 'No' };
/** A picture scale's faces in words, saddest first, as the tablet's minutes name them: "4 of 5" is "Good". */
const FACE_WORDS: Record<string, readonly string[]> = {
  '3': ['No', 'A bit', 'Yes'],
  '5': ['Very bad', 'Not good', 'OK', 'Good', 'Very good'],
};

/** An answer as the summary sends it ("not-sure", "4 of 5") in words: "Not sure", "Good (4 of 5)". */
export function answerWords(answer: string): string {
  const point = /^(\d+) of (\d+)$/.exec(answer);
  const face = point ? FACE_WORDS[point[2]!]?.[Number(point[1]) - 1] : undefined;
  return ANSWER_WORDS[answer] ?? (face ? `${face} (${answer})` : answer);
}

export function orderAnswers(answers: Iterable<string>): string[] {
  const rank = (a: string) => {
    const choice = CHOICE_ORDER.indexOf(a);
    if (choice >= 0) return choice;
    const point = /^(\d+) of \d+$/.exec(a);
    return point ? 10 + Number(point[1]) : 1000;
  };
  return [...new Set(answers)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export interface AnswerShares {
  answered: number;
  /** Each answer's share of those who answered; every one null when fewer than FEWEST_ANSWERS answered. */
  shares: Map<string, Share>;
}

export function answerShares(counts: Record<string, number> | undefined): AnswerShares {
  const answered = Object.values(counts ?? {}).reduce((sum, n) => sum + n, 0);
  const shares = new Map<string, Share>();
  for (const [answer, n] of Object.entries(counts ?? {})) shares.set(answer, answered < FEWEST_ANSWERS ? null : percent(n, answered));
  return { answered, shares };
}

// Periods: a quarter ("2025-Q1") by default, or a whole year ("2025").
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function parsePeriod(key: string): Period | null {
  const quarter = QUARTER.exec(key);
  if (quarter) {
    const year = Number(quarter[1]);
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return { key, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${lastDay(year, first + 2)}` };
  }
  const year = YEAR.exec(key);
  return year ? { key, from: `${key}-01-01`, to: `${key}-12-31` } : null;
}

/** The quarter a date (yyyy-MM-dd) falls in. */
export const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** The period just before: the quarter before a quarter, the year before a year. */
export function previousPeriod(period: Period): Period {
  const quarter = QUARTER.exec(period.key);
  if (!quarter) return parsePeriod(String(Number(period.key) - 1))!;
  const q = Number(quarter[2]);
  return parsePeriod(q === 1 ? `${Number(quarter[1]) - 1}-Q4` : `${quarter[1]}-Q${q - 1}`)!;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

export function periodWords(period: Period): string {
  const quarter = QUARTER.exec(period.key);
  if (!quarter) return period.key;
  const first = (Number(quarter[2]) - 1) * 3;
  return `${quarter[1]} Q${quarter[2]} (${MONTHS[first]} to ${MONTHS[first + 2]})`;
}

/** A meeting date as a chart labels it: "12 Mar" over "2025". */
export function shortDate(date: string): [string, string] {
  return [`${Number(date.slice(8, 10))} ${SHORT_MONTHS[Number(date.slice(5, 7)) - 1]}`, date.slice(0, 4)];
}

/** Every quarter and year from the first meeting to the last, newest first, for the chooser. */
export function periodChoices(first: string, last: string): Period[] {
  const choices: Period[] = [];
  for (let year = Number(last.slice(0, 4)); year >= Number(first.slice(0, 4)); year -= 1) {
    for (let q = 4; q >= 1; q -= 1) {
      const period = parsePeriod(`${year}-Q${q}`)!;
      if (period.from <= last && period.to >= first) choices.push(period);
    }
    choices.push(parsePeriod(String(year))!);
  }
  return choices;
}

export interface Change {
  groupId: string;
  /** What rose or fell, e.g. "Lived experience share" or "“Did you feel listened to?” Yes". */
  what: string;
  of: 'talk' | 'answers';
  before: number;
  after: number;
}

/** Every share (talk by perspective, check-in answers) shown in both periods, keyed for comparison. */
function sharesOf(figures: Shares): Map<string, { what: string; of: Change['of']; share: number }> {
  const out = new Map<string, { what: string; of: Change['of']; share: number }>();
  for (const t of talkShares(figures)) if (t.share !== null) out.set(`talk|${t.perspective}`, { what: `${t.perspective} share`, of: 'talk', share: t.share });
  for (const prompt of figures.checkIn) {
    for (const [answer, share] of answerShares(prompt.counts).shares) {
      if (share !== null) out.set(`answer|${prompt.prompt}|${answer}`, { what: `“${prompt.prompt}” ${answerWords(answer)}`, of: 'answers', share });
    }
  }
  return out;
}

/**
 * The largest rise or fall of any share between two periods, over the groups given (ties: the
 * first group in id order, talk before answers). Only shares shown in both periods count: a
 * figure too few to show is never compared. Null when nothing can be compared or nothing moved.
 */
export function biggestChange(now: Map<string, Shares>, before: Map<string, Shares>): Change | null {
  let best: Change | null = null;
  for (const groupId of [...now.keys()].sort()) {
    const earlier = before.get(groupId);
    if (!earlier) continue;
    const then = sharesOf(earlier);
    for (const [key, current] of sharesOf(now.get(groupId)!)) {
      const old = then.get(key);
      if (!old || old.share === current.share) continue;
      if (!best || Math.abs(current.share - old.share) > Math.abs(best.after - best.before)) {
        best = { groupId, what: current.what, of: current.of, before: old.share, after: current.share };
      }
    }
  }
  return best;
}

export function changeWords(change: Change, groupName: string): string {
  const verb = change.after > change.before ? 'rose' : 'fell';
  return `${change.what} ${verb} from ${change.before}% to ${change.after}% of ${change.of} in ${groupName}.`;
}
