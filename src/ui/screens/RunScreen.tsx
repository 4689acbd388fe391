import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AgendaItem } from '../../domain/agenda-model';
import type { EpochMs } from '../../domain/model';
import { formatClock } from '../dates';
import { deriveRun, runShape, runShapeKey, type MeetingRun, type RunShape } from '../../domain/meeting-clock';
import { localMoment } from '../../domain/meeting-schedule';
import { getRunData, type RunData } from '../../db/run-repo';
import { readVibrateOnOverrun } from '../../state/preferences';
import { pathOf } from '../routes';
import { clockTap, close } from '../../state/run-actions';
import { useLive } from '../../state/use-live';
import { useDerivedFromNow, useNow } from '../../state/use-now';
import { useWakeLock } from '../../state/wake-lock';
import { LiveView } from '../components/LiveView';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { RulesInForce } from '../components/RulesInForce';
import { MeetingCoverage } from '../components/AreInCoverage';
import { formatDuration } from '../format-duration';
import { CheckInLauncher } from '../run/CheckInLauncher';
import { MattersArising } from '../run/MattersArising';
import { useAfterFirstPaint } from '../run/after-first-paint';
import { AgendaProgress } from '../run/AgendaProgress';
import { lazyScreen } from '../lazy-screen';
import { t } from '../strings/all';

// Fetched once the top of the screen has been drawn: see BelowTheTop.
const BelowTheTop = lazyScreen(() => import('../run/BelowTheTop').then((m) => m.BelowTheTop));
// The closing step's word on a turn the end stopped: with the turns' code, which the top does not need.
const TurnEndedAtClose = lazyScreen(() => import('../run/TurnEnded').then((m) => m.TurnEndedAtClose));

function RulesPanel({ data }: { data: RunData }) {
  const ref = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" class="button button--secondary" onClick={() => ref.current?.showModal()}>
        {t.run.showRules}
      </button>
      <dialog ref={ref} class="rules-dialog" aria-labelledby="rules-dialog-title">
        <h2 id="rules-dialog-title">{t.rules.showTitle}</h2>
        <RulesInForce rules={data.rules} large />
        <button type="button" class="button" onClick={() => ref.current?.close()}>
          {t.rules.close}
        </button>
      </dialog>
    </>
  );
}

/** Speaks only at the thresholds (nearly up, over), and vibrates at over if the chair asked. */
function useThresholdAnnouncement(run: RunShape, item: AgendaItem | undefined, vibrate: boolean): string {
  const [message, setMessage] = useState('');
  const last = useRef<string | null>(null);
  const key = item ? `${item.id}:${run.currentItemState}` : null;
  useEffect(() => {
    if (!item || key === last.current) return;
    last.current = key;
    if (run.currentItemState === 'warning') setMessage(t.run.announceWarning(item.title));
    else if (run.currentItemState === 'over') {
      setMessage(t.run.announceOver(item.title));
      if (vibrate) navigator.vibrate?.([200, 100, 200]);
    }
    // Keyed by item and state: it speaks once per threshold however often the rest changes.
  }, [key, item, run.currentItemState, vibrate]);
  return message;
}

// The strip, the item clock and the shape of the run all ask for the run at the same tick (one
// shared timer): it is worked out once a tick, not once for each of them.
let lastRun: { data: RunData; time: number; run: MeetingRun } | null = null;
function runAt(data: RunData, time: number): MeetingRun {
  if (lastRun?.data !== data || lastRun.time !== time) lastRun = { data, time, run: deriveRun(data.events, data.items, time) };
  return lastRun.run;
}

/** The run as it is this second, for the clocks: the only parts of the screen drawn every second. */
function useRunNow(data: RunData) {
  return runAt(data, useNow(1000));
}

function ItemClock({ data, item }: { data: RunData; item: AgendaItem }) {
  const run = useRunNow(data);
  const elapsed = run.itemElapsedMs[item.id] ?? 0;
  const remaining = run.currentItemRemainingMs ?? 0;
  const state = run.currentItemState ?? 'ok';
  const words = state === 'over' ? t.run.timeUp : state === 'warning' ? t.run.nearlyUp : t.run.onTime;
  return (
    <div class={`item-clock item-clock--${state}`}>
      <div>
        <p class="item-clock__label">{t.run.elapsed}</p>
        <p class="item-clock__time">{formatDuration(elapsed)}</p>
      </div>
      <div>
        <p class="item-clock__label">{state === 'over' ? t.run.overLabel : t.run.remaining}</p>
        <p class="item-clock__time">{formatDuration(remaining)}</p>
      </div>
      <p class="item-clock__state">{words}</p>
    </div>
  );
}

function MeetingStrip({ data }: { data: RunData }) {
  const run = useRunNow(data);
  const plannedEnd = localMoment(data.meeting.date, data.meeting.endTime);
  const late = run.projectedFinish !== null && run.projectedFinish > plannedEnd;
  const onBreak = run.phase === 'paused';
  return (
    <dl class="run-strip">
      <div>
        <dt>{t.run.meetingElapsed}</dt>
        <dd>{formatDuration(run.meetingElapsedMs)}</dd>
      </div>
      {run.projectedFinish !== null ? (
        <div class={late ? 'run-strip__late' : undefined}>
          <dt>{t.run.projectedFinish}</dt>
          <dd>
            {late ? t.run.projectedLate(formatClock(run.projectedFinish), formatClock(plannedEnd)) : formatClock(run.projectedFinish)}
          </dd>
        </div>
      ) : null}
      {/* Its place is kept, unseen, when there is no break: nothing beside it moves when one starts. */}
      <div style={onBreak ? undefined : UNSEEN} aria-hidden={onBreak ? undefined : 'true'}>
        <dt>{t.run.onBreak}</dt>
        <dd>{formatDuration(run.breakMs)}</dd>
      </div>
    </dl>
  );
}

const UNSEEN = { visibility: 'hidden' } as const;

/** Words that change on a button, in a box as wide as the longer of the two: the buttons beside it never move. */
function SteadyWords({ shown, other }: { shown: string; other: string }) {
  return (
    <span class="steady-words">
      <span>{shown}</span>
      <span class="steady-words__other" aria-hidden="true">
        {other}
      </span>
    </span>
  );
}

/**
 * The top of the running screen, kept in view while the rest scrolls: the meeting's and the
 * item's clocks, and the buttons a chair reaches for. Each button keeps its place whatever
 * appears beside it, and "End the meeting" sits at the far end, away from "Next item".
 */
function RunBar({ data, run, current, vibrate }: { data: RunData; run: RunShape; current: AgendaItem | undefined; vibrate: boolean }) {
  const meetingId = data.meeting.id;
  const next = data.items.find((i) => i.id === run.nextItemId);
  const paused = run.phase === 'paused';
  const announcement = useThresholdAnnouncement(run, current, vibrate);
  // The ground rules before the first item can be long: the meeting itself starts at the top of the screen.
  useLayoutEffect(() => window.scrollTo(0, 0), []);
  return (
    <div class="run-bar">
      <div class="run-bar__row">
        <MeetingStrip data={data} />
      </div>
      <div class="run-bar__row run-bar__item">
        {current ? (
          <div class="run-bar__title">
            <span class="current-item__label">{t.run.current}</span>{' '}
            <h2 id="current-item-title" class="run-bar__heading">
              {current.title}
            </h2>
          </div>
        ) : (
          <p class="run-bar__title">{run.nextItemId ? t.run.noItem : t.run.allDone}</p>
        )}
        {current ? <ItemClock data={data} item={current} /> : null}
      </div>
      <div class="run-bar__row">
        <button
          type="button"
          class={paused ? 'button' : 'button button--secondary'}
          onClick={() => void clockTap(meetingId, paused ? 'resume' : 'pause')}
        >
          <SteadyWords shown={paused ? t.run.resume : t.run.pause} other={paused ? t.run.pause : t.run.resume} />
        </button>
        {next ? (
          <button type="button" class="button button--start run-bar__next" onClick={() => void clockTap(meetingId, 'item', next.id)}>
            <span class="run-bar__words">{t.run.nextItemNamed(next.title)}</span>
          </button>
        ) : current ? (
          <p class="run-bar__last">{t.run.noNext}</p>
        ) : null}
        <button type="button" class="button button--secondary run-bar__end" onClick={() => void clockTap(meetingId, 'end-items')}>
          {t.run.endDiscussion}
        </button>
      </div>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <p class="visually-hidden" role="status">
        {paused ? t.run.onBreak : ''}
      </p>
    </div>
  );
}

/** The meeting's title and the way to its details; while items run, the ground rules one tap away. */
function RunTitle({ data, rules = false }: { data: RunData; rules?: boolean }) {
  return (
    <div class="run-title">
      <PageTitle text={data.meeting.title} />
      <p class="breadcrumb">
        <a href={pathOf({ name: 'meeting', meetingId: data.meeting.id })}>{t.run.details}</a>
      </p>
      {rules ? <RulesPanel data={data} /> : null}
    </div>
  );
}

function Running({ data }: { data: RunData }) {
  const closed = data.meeting.state === 'closed';
  // Drawn again when the shape of the run changes (an item starts, is nearly up, is over), not every second.
  const shapeAt = useCallback((time: EpochMs) => runShape(runAt(data, time)), [data]);
  const run = useDerivedFromNow(shapeAt, runShapeKey, 1000, !closed);
  const live = run.phase === 'running' || run.phase === 'paused';
  const wakeLock = useWakeLock(live);
  const vibrateLive = useLive(readVibrateOnOverrun, []);
  const vibrate = vibrateLive.status === 'ready' && vibrateLive.value;
  const [rulesSeen, setRulesSeen] = useState(false);
  const current = data.items.find((i) => i.id === run.currentItemId);
  const anyItemStarted = data.events.some((e) => e.kind === 'item' || (e.kind === 'start' && e.itemId));
  const meetingId = data.meeting.id;
  const belowTheTop = useAfterFirstPaint();

  if (closed) {
    return (
      <>
        <RunTitle data={data} />
        <p class="notice">{t.run.closed}</p>
        <p><a class="button button--start" href={pathOf({ name: 'record', meetingId })}>{t.exports.recordLink}</a></p>
        <AgendaProgress data={data} run={run} />
      </>
    );
  }

  if (run.phase === 'closing') {
    return (
      <>
        <RunTitle data={data} />
        <section class="current-item" aria-labelledby="closing-title">
          <h2 id="closing-title">{t.run.closing}</h2>
          <p>{t.run.closingHint}</p>
          <TurnEndedAtClose data={data} />
          <CheckInLauncher data={data} />
          <div class="actions">
            <button type="button" class="button button--start" onClick={() => void close(meetingId, t.sync.summaryWords)}>
              {t.run.closeMeeting}
            </button>
            <button type="button" class="button button--secondary" onClick={() => void clockTap(meetingId, 'reopen')}>
              {t.run.reopen}
            </button>
          </div>
        </section>
        <AgendaProgress data={data} run={run} />
      </>
    );
  }

  if (!anyItemStarted && !rulesSeen) {
    const first = data.items.find((i) => i.id === run.nextItemId);
    return (
      <>
        <RunTitle data={data} />
        <section aria-labelledby="rules-step-title" class="rules-step">
          <h2 id="rules-step-title">{t.run.groundRulesStep}</h2>
          {data.rules.length === 0 ? <p>{t.run.noRulesYet}</p> : <RulesInForce rules={data.rules} large />}
          <MattersArising data={data} />
          <MeetingCoverage data={data} compact />
          <div class="actions">
            {first ? (
              <button type="button" class="button button--start" onClick={() => void clockTap(meetingId, 'item', first.id)}>
                {t.run.beginFirst}
              </button>
            ) : (
              <button type="button" class="button button--start" onClick={() => setRulesSeen(true)}>
                {t.run.beginNoItems}
              </button>
            )}
          </div>
        </section>
      </>
    );
  }

  return (
    <>
      <RunTitle data={data} rules />
      <RunBar data={data} run={run} current={current} vibrate={vibrate} />
      {/* Drawn just after the top of the screen: everything from here on only grows the page below what is already shown. */}
      {belowTheTop ? <BelowTheTop data={data} run={run} current={current} wakeLock={wakeLock} vibrate={vibrate} /> : null}
    </>
  );
}

export function RunScreen({ meetingId }: { meetingId: string }) {
  const data = useLive(() => getRunData(meetingId), [meetingId]);
  return (
    <LiveView live={data}>
      {(found) =>
        !found ? (
          <NotFound message={t.meeting.notFound} />
        ) : (
          <>
            <Running data={found} />
          </>
        )
      }
    </LiveView>
  );
}
