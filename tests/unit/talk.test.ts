import { describe, expect, it } from 'vitest';
import type { AgendaItem, MeetingClockEvent, MeetingClockEventKind } from '../../src/domain/agenda-model';
import { computeBalance, turnMs } from '../../src/domain/balance';
import type { Turn } from '../../src/domain/balance-model';
import { buildMeetingRecord, type RecordSource } from '../../src/domain/meeting-record';
import { deriveRun } from '../../src/domain/meeting-clock';
import type { Attendee, EpochMs, Person } from '../../src/domain/model';
import { latestTurn, settleTurns, tap, type TapTarget } from '../../src/domain/speaking';
import { buildSummary } from '../../src/domain/summary';
import { countTalk, scopeTurns, tapInSpans, type TalkSpan } from '../../src/domain/talk';
import { formatLength } from '../../src/ui/format-duration';
import { balanceCsv, minutesMarkdown, recordWords } from '../../src/ui/record/record-files';
import { makeGroup, makeItem, makeMeeting, makePerson } from '../support/fixtures';
import { parseCsv } from '../support/parse-csv';
import { prng } from '../support/prng';
import { t } from '../../src/ui/strings/all';

const SEC = 1000;
const MIN = 60 * SEC;
// An awkward start, not on a whole second, so nothing passes by rounding luck.
const T0 = Date.UTC(2030, 2, 14, 10, 0) + 123;
const at = (minutes: number) => T0 + minutes * MIN;

const ITEM_IDS = ['A', 'B', 'C', 'D'];
const ITEMS: AgendaItem[] = ITEM_IDS.map((id, order) => makeItem({ id, order, title: `Item ${id}`, timeboxMinutes: 15 }));

type Step = [atMinutes: number, kind: MeetingClockEventKind, itemId?: string];

/** Events with seq 1, 2, 3… in the order written; times in minutes after T0. */
function events(...steps: Step[]): MeetingClockEvent[] {
  return steps.map(([minutes, kind, itemId], index) => ({
    id: `e${index + 1}`,
    meetingId: 'meeting-1',
    seq: index + 1,
    at: at(minutes),
    kind,
    ...(itemId === undefined ? {} : { itemId }),
  }));
}

/** The spans as [from, to, item, what ended it], in minutes after T0. */
function spansOf(...steps: Step[]) {
  return deriveRun(events(...steps), ITEMS, Number.NaN).spans.map((s) => [
    (s.from - T0) / MIN,
    s.to === null ? null : (s.to - T0) / MIN,
    s.itemId,
    s.endedBy,
  ]);
}

let turnCount = 0;
function turn(personId: string | null, from: number, to: number | null, itemId: string | null = 'A'): Turn {
  turnCount += 1;
  return { id: `t${turnCount}`, meetingId: 'meeting-1', itemId, personId, crossTalk: personId === null, startedAt: at(from), endedAt: to === null ? null : at(to) };
}

describe('when talk counts: the spans of a run', () => {
  it.each<[string, Step[], unknown[]]>([
    ['nothing before the start', [], []],
    ['one open span from the start', [[0, 'start', 'A']], [[0, null, 'A', null]]],
    ['a new span at each item, the last one ended by the next', [[0, 'start', 'A'], [12, 'item', 'B']], [[0, 12, 'A', 'next-item'], [12, null, 'B', null]]],
    [
      'no span in a break: the item resumes in a new one',
      [[0, 'start', 'A'], [10, 'pause'], [25, 'resume']],
      [[0, 10, 'A', 'break'], [25, null, 'A', null]],
    ],
    [
      'an item chosen on a break waits for the break to end',
      [[0, 'start', 'A'], [10, 'pause'], [15, 'item', 'B'], [25, 'resume']],
      [[0, 10, 'A', 'break'], [25, null, 'B', null]],
    ],
    ['a deferred item ends its span; the meeting runs on with no item', [[0, 'start', 'A'], [10, 'defer', 'A']], [[0, 10, 'A', 'deferred'], [10, null, null, null]]],
    ['deferring another item changes nothing', [[0, 'start', 'A'], [10, 'defer', 'B']], [[0, null, 'A', null]]],
    [
      'the end ends it; going back opens a span on the same item',
      [[0, 'start', 'A'], [20, 'end-items'], [30, 'reopen']],
      [[0, 20, 'A', 'ended'], [30, null, 'A', null]],
    ],
    ['the end on a break opens nothing more', [[0, 'start', 'A'], [10, 'pause'], [20, 'end-items']], [[0, 10, 'A', 'break']]],
    ['a second start and the same item again change nothing', [[0, 'start', 'A'], [5, 'start', 'B'], [9, 'item', 'A']], [[0, null, 'A', null]]],
  ])('%s', (_label, steps, expected) => {
    expect(spansOf(...steps)).toEqual(expected);
  });

  it('add up to the meeting clock: discussion time is the spans’ length, breaks are not in it', () => {
    const run = deriveRun(events([0, 'start', 'A'], [10, 'pause'], [25, 'resume'], [30, 'item', 'B'], [45, 'end-items']), ITEMS, at(90));
    expect(run.meetingElapsedMs).toBe(30 * MIN);
    expect(run.breakMs).toBe(15 * MIN);
    expect(run.itemElapsedMs).toMatchObject({ A: 15 * MIN, B: 15 * MIN });
  });
});

describe('countTalk', () => {
  const spans = deriveRun(events([0, 'start', 'A'], [10, 'pause'], [20, 'resume'], [30, 'item', 'B'], [40, 'defer', 'B'], [50, 'end-items']), ITEMS, Number.NaN).spans;
  const counted = (...turns: Turn[]) => countTalk(settleTurns(turns), spans);

  it.each<[string, Turn, [number, number | null, string | null] | null]>([
    ['a turn inside a span stays as it is', turn('a', 1, 4), [1, 4, 'A']],
    ['a turn still running at the pause ends there', turn('a', 8, null), [8, 10, 'A']],
    ['a turn stored as running past the pause ends there too', turn('a', 8, 15), [8, 10, 'A']],
    ['a turn begun on the break counts nothing', turn('a', 12, 18), null],
    ['a turn running when the next item starts ends then', turn('a', 25, null), [25, 30, 'A']],
    ['a turn running when its item is deferred ends then', turn('a', 35, null), [35, 40, 'B']],
    ['a turn after a defer counts for the meeting, on no item', turn('a', 42, 44, 'B'), [42, 44, null]],
    ['a turn running at the end ends with the meeting', turn('a', 45, null, null), [45, 50, null]],
    ['a turn begun after the end counts nothing', turn('a', 55, null, null), null],
  ])('%s', (_label, stored, expected) => {
    const talk = counted(stored);
    const [only] = talk.turns;
    expect(only ? [(only.startedAt - T0) / MIN, only.endedAt === null ? null : (only.endedAt - T0) / MIN, only.itemId] : null).toEqual(expected);
  });

  it.each<[string, Turn, string | null]>([
    ['the break', turn('a', 8, null), 'break'],
    ['the next item', turn('a', 25, null), 'next-item'],
    ['the defer', turn('a', 35, null), 'deferred'],
    ['the end', turn('a', 45, null, null), 'ended'],
  ])('says when %s ended the last turn', (_label, stored, by) => {
    expect(counted(stored).cut).toEqual({ turn: expect.objectContaining({ id: stored.id, personId: 'a' }), by });
  });

  it('says nothing when a tap ended the last turn, or it is still running', () => {
    expect(counted(turn('a', 1, 4)).cut).toBeNull();
    const running = deriveRun(events([0, 'start', 'A']), ITEMS, Number.NaN).spans;
    expect(countTalk([turn('a', 1, null)], running).cut).toBeNull();
  });
});

describe('a tap, by the rule', () => {
  const next = (minutes: number) => ({ id: `n${minutes}`, meetingId: 'meeting-1', at: at(minutes) });
  const paused = deriveRun(events([0, 'start', 'A'], [10, 'pause']), ITEMS, Number.NaN).spans;
  const resumed = deriveRun(events([0, 'start', 'A'], [10, 'pause'], [20, 'resume']), ITEMS, Number.NaN).spans;

  it('writes nothing on a break: nobody’s talk', () => {
    expect(tapInSpans(undefined, { personId: 'a' }, next(12), paused)).toBeNull();
  });

  it('after a break, tapping the one the break cut off starts them again, never stops them', () => {
    const before = turn('a', 8, null);
    expect(tapInSpans(before, { personId: 'a' }, next(21), resumed)).toMatchObject({ id: 'n21', personId: 'a', startedAt: at(21), endedAt: null, itemId: 'A' });
  });

  it('puts a turn on the item its span is on, whatever the screen thought', () => {
    const spans = deriveRun(events([0, 'start', 'A'], [5, 'item', 'B']), ITEMS, Number.NaN).spans;
    expect(tapInSpans(undefined, { personId: 'a' }, next(6), spans)?.itemId).toBe('B');
  });

  it('taps at the meeting’s last change when the tablet’s clock is behind it', () => {
    const spans = deriveRun(events([30, 'start', 'A']), ITEMS, Number.NaN).spans;
    expect(tapInSpans(undefined, { personId: 'a' }, next(20), spans)).toMatchObject({ startedAt: at(30) });
  });
});

// ---------------------------------------------------------------- random meetings

const PEOPLE: Person[] = [
  makePerson({ id: 'p1', name: 'Aoife Byrne', perspectiveId: 'lived', createdAt: 1 }),
  makePerson({ id: 'p2', name: 'Ben Okafor', perspectiveId: 'lived', createdAt: 2 }),
  makePerson({ id: 'p3', name: 'Grace Doherty', perspectiveId: 'carer', createdAt: 3 }),
  makePerson({ id: 'p4', name: 'Sam Patel', perspectiveId: 'staff', createdAt: 4 }),
  makePerson({ id: 'p5', name: 'Dev Patel', perspectiveId: 'staff', createdAt: 5 }),
];
const CLOCK_KINDS: MeetingClockEventKind[] = ['item', 'item', 'pause', 'resume', 'resume', 'defer', 'end-items', 'reopen'];

interface RandomMeeting {
  events: MeetingClockEvent[];
  turns: Turn[];
  attendees: Attendee[];
  now: EpochMs;
}

/**
 * A meeting as a chair might run it, from a seed: clock taps (items, breaks,
 * defers, the end and going back) among speaker taps, most from the screen
 * (by the rule), some as older data or a stale tab wrote them (ignoring it),
 * so the stored turns run through breaks, items and the end.
 */
function randomMeeting(seed: number): RandomMeeting {
  const random = prng(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)]!;
  const events: MeetingClockEvent[] = [{ id: 'e0', meetingId: 'meeting-1', seq: 1, at: T0, kind: 'start', itemId: pick(ITEM_IDS) }];
  const stored = new Map<string, Turn>();
  let clock = T0;
  for (let step = 0, steps = 10 + int(60); step < steps; step += 1) {
    clock += int(3 * MIN) + int(1000);
    if (random() < 0.2) {
      const kind = pick(CLOCK_KINDS);
      const itemId = kind === 'item' || kind === 'defer' ? pick(ITEM_IDS) : undefined;
      events.push({ id: `e${events.length}`, meetingId: 'meeting-1', seq: events.length + 1, at: clock, kind, ...(itemId ? { itemId } : {}) });
      continue;
    }
    const roll = random();
    const target: TapTarget = roll < 0.1 ? null : roll < 0.2 ? { crossTalk: true } : { personId: pick(PEOPLE).id };
    const latest = latestTurn([...stored.values()]);
    const next = { id: `t${step}`, meetingId: 'meeting-1', at: clock };
    const written =
      random() < 0.7
        ? tapInSpans(latest, target, next, deriveRun(events, ITEMS, Number.NaN).spans)
        : tap(latest, target, { ...next, itemId: pick([...ITEM_IDS, null]) });
    if (written) stored.set(written.id, written);
  }
  if (random() < 0.5) events.push({ id: 'e-end', meetingId: 'meeting-1', seq: events.length + 1, at: clock + int(MIN), kind: 'end-items' });
  const attendees: Attendee[] = PEOPLE.map((p, i) => ({
    meetingId: 'meeting-1',
    personId: p.id,
    expected: true,
    ...(i === 4 ? { arrivedAt: T0 + int(60 * MIN) } : {}),
    ...(i === 3 && random() < 0.5 ? { leftAt: T0 + int(90 * MIN) } : {}),
  }));
  return { events, turns: settleTurns([...stored.values()]), attendees, now: clock + int(30 * MIN) };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

describe('random meetings (seeded)', () => {
  it('never count more talk than the meeting ran: not the meeting, not an item, never outside a span', () => {
    let cutSomewhere = 0;
    for (const seed of SEEDS) {
      const m = randomMeeting(seed);
      const run = deriveRun(m.events, ITEMS, m.now);
      const talk = countTalk(m.turns, run.spans);
      const why = `seed ${seed}`;
      const lengths = talk.turns.map((t) => turnMs(t, run.effectiveNow));
      if (sum(lengths) < sum(m.turns.map((t) => turnMs(t, run.effectiveNow)))) cutSomewhere += 1;
      // All talk, cross-talk included, fits in the running time: turns never overlap, and each lies in a span.
      expect(sum(lengths), why).toBeLessThanOrEqual(run.meetingElapsedMs);
      for (const id of ITEM_IDS) {
        const itemTalk = sum(scopeTurns(talk, id).map((t) => turnMs(t, run.effectiveNow)));
        expect(itemTalk, `${why}, item ${id}`).toBeLessThanOrEqual(run.itemElapsedMs[id]!);
      }
      const outside = talk.turns.filter(
        (t) => !run.spans.some((s: TalkSpan) => s.from <= t.startedAt && (t.endedAt ?? run.effectiveNow) <= (s.to ?? run.effectiveNow) && s.itemId === t.itemId),
      );
      expect(outside, why).toEqual([]);
    }
    // The generator reaches the cases the rule is for: stored turns running through a break, an item or the end.
    expect(cutSomewhere).toBeGreaterThan(100);
  });

  it('give the same number for a person, an item and the meeting from every producer', () => {
    for (const seed of SEEDS.slice(0, 120)) {
      const m = randomMeeting(seed);
      const why = `seed ${seed}`;
      const meeting = makeMeeting({ state: 'running' });
      const group = makeGroup();
      // The running screen's figures: the whole meeting, and each item.
      const run = deriveRun(m.events, ITEMS, m.now);
      const talk = countTalk(m.turns, run.spans);
      const common = { people: PEOPLE, perspectives: group.perspectives, attendees: m.attendees, talk, now: m.now };
      const screen = computeBalance(common);

      // What the meeting holds, read alike by the record and by the summary for the office.
      const held = { meeting, group, people: PEOPLE, attendees: m.attendees, items: ITEMS, events: m.events, turns: m.turns, glossary: [], dissent: [], decisions: [], actions: [], checkedIn: 0 };
      const source: RecordSource = { ...held, checkinAnswers: [], oneToOnes: 0, nextMeeting: null };
      const record = buildMeetingRecord(source, { names: true, now: m.now, words: recordWords });
      const summary = buildSummary({
        ...held,
        id: 's1',
        revision: 1,
        names: false,
        checkInAnswers: [],
        oneToOneRequests: 0,
        review: null,
        now: m.now,
        words: t.sync.summaryWords,
      });
      const csv = parseCsv(balanceCsv(record, true).text);
      const markdown = minutesMarkdown(record, true).text;

      // The meeting: its running time and its talk.
      expect(summary.durationMinutes, why).toBe(Math.floor(run.meetingElapsedMs / MIN));
      expect(record.meetingElapsedMs, why).toBe(run.meetingElapsedMs);
      expect(record.balance.totalTalkMs, why).toBe(screen.totalTalkMs);

      // Each perspective: the screen, the record, the CSV, the Markdown and the summary.
      for (const g of screen.groups) {
        const label = group.perspectives.find((p) => p.id === g.perspectiveId)!.label;
        const row = record.balance.groups.find((r) => r.who === label)!;
        expect([row.talkMs, row.turns, row.fairMs], `${why}, ${label}`).toEqual([g.talkMs, g.turns, g.fairMs]);
        expect(csv.find((r) => r[0] === 'Perspective' && r[1] === label)?.slice(3, 6), `${why}, ${label}`).toEqual([
          String(Math.floor(g.talkMs / SEC)),
          String(g.turns),
          String(Math.floor(g.fairMs / SEC)),
        ]);
        // The Markdown has a table only when someone spoke: "Nobody's speaking was timed" otherwise.
        if (screen.totalTalkMs > 0) expect(markdown, `${why}, ${label}`).toContain(`| ${label} | ${formatLength(g.talkMs)} | ${g.turns} | ${formatLength(g.fairMs)} |`);
        const sent = summary.voiceBalance.find((v) => v.perspective === label)!;
        expect([sent.talkSeconds, sent.turns, sent.fairShareSeconds], `${why}, ${label}`).toEqual([Math.floor(g.talkMs / SEC), g.turns, Math.floor(g.fairMs / SEC)]);
      }

      // Each person who was here or spoke: the screen, the record, the CSV and the Markdown.
      for (const p of screen.people.filter((x) => x.presentMs > 0 || x.talkMs > 0)) {
        const name = PEOPLE.find((x) => x.id === p.personId)!.name;
        const row = record.balance.people.find((r) => r.who === name)!;
        expect([row.talkMs, row.turns], `${why}, ${name}`).toEqual([p.talkMs, p.turns]);
        expect(csv.find((r) => r[0] === 'Person' && r[1] === name)?.slice(3, 5), `${why}, ${name}`).toEqual([String(Math.floor(p.talkMs / SEC)), String(p.turns)]);
        if (screen.totalTalkMs > 0) expect(markdown, `${why}, ${name}`).toContain(`| ${name} | ${formatLength(p.talkMs)} | ${p.turns} |`);
      }

      // Each item: its time used, and its talk never more than that.
      for (const item of ITEMS) {
        const used = run.itemElapsedMs[item.id]!;
        expect(record.agenda.find((r) => r.item.id === item.id)!.usedMs, `${why}, ${item.id}`).toBe(used);
        expect(summary.items.find((i) => i.title === item.title)!.usedMinutes, `${why}, ${item.id}`).toBe(Math.floor(used / MIN));
        expect(markdown, `${why}, ${item.id}`).toContain(`${item.title} | ${formatLength(item.timeboxMinutes * MIN)} | ${formatLength(used)} |`);
        const onItem = computeBalance({ ...common, itemId: item.id });
        expect(sum(onItem.people.map((p) => p.talkMs)), `${why}, ${item.id}`).toBe(onItem.totalTalkMs);
        expect(onItem.totalTalkMs + onItem.crossTalkMs, `${why}, ${item.id}`).toBeLessThanOrEqual(used);
      }
    }
  });
});
