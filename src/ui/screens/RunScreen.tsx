import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgendaItem } from '../../domain/agenda-model';
import { itemPapersStatus } from '../../domain/agenda';
import { formatClock } from '../../domain/dates';
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
  }, [key]);
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

function CurrentItem({ data, run, item, vibrate }: { data: RunData; run: RunShape; item: AgendaItem; vibrate: boolean }) {
  const lead = data.people.find((p) => p.id === item.leadId);
  const next = data.items.find((i) => i.id === run.nextItemId);
  const papers = itemPapersStatus(item, data.meeting.date);
  const announcement = useThresholdAnnouncement(run, item, vibrate);
  return (
    <section class="current-item" aria-labelledby="current-item-title">
      <p class="current-item__label">{t.run.current}</p>
      <h2 id="current-item-title" class="current-item__title">
        {item.title}
      </h2>
      <p class="agenda__meta">
        {t.agenda.purposes[item.purpose]} · {t.agenda.minutes(item.timeboxMinutes)}
        {lead ? ` · ${t.run.leadIs(lead.name)}` : ''} ·{' '}
        {t.run.decidedBy(item.decidedBy.kind === 'elsewhere' ? item.decidedBy.who : t.run.thisGroup)}
      </p>
      {item.nonNegotiables ? (
        <div class="non-negotiables">
          <h3>{t.run.purposeNonNeg}</h3>
          <p>{item.nonNegotiables}</p>
        </div>
      ) : null}
      {papers && papers !== 'on-time' ? (
        <p class="badge badge--warning">{papers === 'late' ? t.agenda.paperLate : t.agenda.paperNotSent}</p>
      ) : null}
      <ItemClock data={data} item={item} />
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div class="actions">
        {next ? (
          <button type="button" class="button button--start" onClick={() => void clockTap(data.meeting.id, 'item', next.id)}>
            {t.run.nextItemNamed(next.title)}
          </button>
        ) : (
          <button type="button" class="button button--start" onClick={() => void clockTap(data.meeting.id, 'end-items')}>
            {t.run.endDiscussion}
          </button>
        )}
        <button type="button" class="button button--secondary" onClick={() => void clockTap(data.meeting.id, 'defer', item.id)}>
          {t.run.defer}
        </button>
      </div>
    </section>
  );
}

function MeetingStrip({ data }: { data: RunData }) {
  const run = useRunNow(data);
  const plannedEnd = localMoment(data.meeting.date, data.meeting.endTime);
  const late = run.projectedFinish !== null && run.projectedFinish > plannedEnd;
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
      {run.breakMs > 0 || run.phase === 'paused' ? (
        <div>
          <dt>{t.run.onBreak}</dt>
          <dd>{formatDuration(run.breakMs)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function Running({ data }: { data: RunData }) {
  const closed = data.meeting.state === 'closed';
  // Drawn again when the shape of the run changes (an item starts, is nearly up, is over), not every second.
  const run = useDerivedFromNow((time) => runShape(runAt(data, time)), runShapeKey, [data], 1000, !closed);
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
        <p class="notice">{t.run.closed}</p>
        <p><a class="button button--start" href={pathOf({ name: 'record', meetingId })}>{t.exports.recordLink}</a></p>
        <AgendaProgress data={data} run={run} />
      </>
    );
  }

  if (run.phase === 'closing') {
    return (
      <>
        <section class="current-item" aria-labelledby="closing-title">
          <h2 id="closing-title">{t.run.closing}</h2>
          <p>{t.run.closingHint}</p>
          <CheckInLauncher data={data} />
          <div class="actions">
            <button type="button" class="button button--start" onClick={() => void close(meetingId)}>
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
    );
  }

  return (
    <>
      <MeetingStrip data={data} />
      <div class="actions">
        <RulesPanel data={data} />
        {run.phase === 'paused' ? (
          <button type="button" class="button" onClick={() => void clockTap(meetingId, 'resume')}>
            {t.run.resume}
          </button>
        ) : (
          <button type="button" class="button button--secondary" onClick={() => void clockTap(meetingId, 'pause')}>
            {t.run.pause}
          </button>
        )}
      </div>
      {run.phase === 'paused' ? (
        <p class="notice" role="status">
          {t.run.onBreak}
        </p>
      ) : null}
      {current ? (
        <CurrentItem data={data} run={run} item={current} vibrate={vibrate} />
      ) : (
        <section class="current-item">
          <p>{run.nextItemId ? t.run.noItem : t.run.allDone}</p>
          <button type="button" class="button button--start" onClick={() => void clockTap(meetingId, 'end-items')}>
            {t.run.endDiscussion}
          </button>
        </section>
      )}
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
            <p class="breadcrumb">
              <a href={pathOf({ name: 'meeting', meetingId })}>{t.run.details}</a>
            </p>
            <PageTitle text={found.meeting.title} />
            <Running data={found} />
          </>
        )
      }
    </LiveView>
  );
}
