import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { itemPapersStatus } from '../../domain/agenda';
import type { AgendaItem } from '../../domain/agenda-model';
import type { RunShape } from '../../domain/meeting-clock';
import type { RunData } from '../../db/run-repo';
import { setVibrateOnOverrun } from '../../state/preferences';
import { clockTap, saveNotes } from '../../state/run-actions';
import type { WakeLockState } from '../../state/wake-lock';
import { TextArea } from '../components/fields';
import { Tabs } from '../components/Tabs';
import { memo } from '../memo';
import { t } from '../strings/all';
import { AgendaProgress } from './AgendaProgress';
import { useAfterFirstPaint } from './after-first-paint';
import { RecordPanel } from './RecordPanel';
import { VoiceBalancePanel, type BalanceParts } from './VoiceBalancePanel';

function NotesField({ item }: { item: AgendaItem }) {
  const [text, setText] = useState(item.notes);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = (value: string) => {
    clearTimeout(timer.current);
    if (value !== item.notes) void saveNotes(item.id, value);
  };
  // Typing is saved shortly after it pauses, and at once when the field is left.
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <TextArea
      id={`notes-${item.id}`}
      label={t.run.notes}
      hint={t.run.notesHint}
      value={text}
      rows={3}
      onInput={(value) => {
        setText(value);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => flush(value), 800);
      }}
      onBlur={() => flush(text)}
    />
  );
}

/** What the chair needs to know about the item under way: moved down here from the top, which keeps only its title and clock. */
function ItemDetails({ data, item }: { data: RunData; item: AgendaItem }) {
  const lead = data.people.find((p) => p.id === item.leadId);
  const papers = itemPapersStatus(item, data.meeting.date);
  return (
    <div class="current-item">
      {/* In full: the bar at the top may have to cut a long title short. */}
      <p class="current-item__title">{item.title}</p>
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
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={() => void clockTap(data.meeting.id, 'defer', item.id)}>
          {t.run.defer}
        </button>
      </div>
    </div>
  );
}

type BelowProps = { data: RunData; run: RunShape; current: AgendaItem | undefined; wakeLock: WakeLockState; vibrate: boolean };

const MemoRecordPanel = memo(RecordPanel);
const MemoVoiceBalancePanel = memo(VoiceBalancePanel);

/**
 * Keeps the speaker tiles within the screen below where they start: with more people than fit,
 * they scroll in their own area, and the top of the screen stays where it is.
 * Measured once the area has been drawn, not before: measuring at once made the browser lay the
 * whole screen out twice in the task that draws it. Until then the area may reach a screen's
 * height below its top, which is past the bottom of the screen: nothing the chair sees moves.
 */
function useFitToScreen(shown: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const fit = () => {
      const area = ref.current;
      if (area) area.style.setProperty('--speakers-top', `${Math.round(area.getBoundingClientRect().top + window.scrollY)}px`);
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [shown]);
  return ref;
}

/** The speaker tiles under the top of the screen, and the rest behind tabs below them. */
function RunLayout({ data, run, current, wakeLock, vibrate, speakers, detail, roomView }: BelowProps & BalanceParts) {
  const fit = useFitToScreen(!roomView);
  // The tabs come a draw after the tiles: on a slow tablet, drawing both at once held the screen
  // for longer than a tap may wait. They start below the tiles, so nothing drawn before them moves.
  const tabsShown = useAfterFirstPaint();
  if (roomView) return <>{speakers}</>;
  return (
    <>
      <div class="run-speakers" ref={fit}>
        {speakers}
      </div>
      {tabsShown ? <RunTabs data={data} run={run} current={current} wakeLock={wakeLock} vibrate={vibrate} detail={detail} /> : null}
    </>
  );
}

/** The item, the balance, the record and the agenda, behind tabs below the tiles. */
function RunTabs({ data, run, current, wakeLock, vibrate, detail }: BelowProps & Pick<BalanceParts, 'detail'>) {
  return (
    <Tabs
      id="run-tabs"
      label={t.run.tabs}
      tabs={[
        {
          key: 'item',
          title: t.run.tabItem,
          content: current ? (
            <>
              <ItemDetails data={data} item={current} />
              <NotesField key={current.id} item={current} />
            </>
          ) : (
            <p class="empty">{run.nextItemId ? t.run.noItem : t.run.allDone}</p>
          ),
        },
        { key: 'balance', title: t.run.tabBalance, content: detail },
        { key: 'record', title: t.run.tabRecord, content: <MemoRecordPanel data={data} currentItemId={run.currentItemId} /> },
        {
          key: 'agenda',
          title: t.run.tabAgenda,
          content: (
            <>
              <AgendaProgress data={data} run={run} />
              <p class="field__hint">{wakeLock === 'unsupported' ? t.run.wakeLockUnsupported : wakeLock === 'on' ? t.run.wakeLockOn : ''}</p>
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={vibrate}
                  onChange={(event) => void setVibrateOnOverrun((event.currentTarget as HTMLInputElement).checked)}
                />
                <span>{t.run.vibrate}</span>
              </label>
            </>
          ),
        },
      ]}
    />
  );
}

/**
 * The running screen below its top: who is speaking, then the item, the balance, the record and
 * the agenda left behind tabs. Its code is fetched once the top has been drawn, so a first visit
 * shows the meeting's title and clock without waiting for it.
 */
export function BelowTheTop(props: BelowProps) {
  const { data, run, current, wakeLock, vibrate } = props;
  // The balance panel works out the figures once and hands its two parts to the layout.
  const layout = useCallback(
    (parts: BalanceParts) => <RunLayout data={data} run={run} current={current} wakeLock={wakeLock} vibrate={vibrate} {...parts} />,
    [data, run, current, wakeLock, vibrate],
  );
  return (
    <MemoVoiceBalancePanel data={data} itemId={run.currentItemId}>
      {layout}
    </MemoVoiceBalancePanel>
  );
}
