import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { computeBalance, tallyTalk, type BalanceThresholds } from '../../domain/balance';
import type { QueueEntry, Turn } from '../../domain/balance-model';
import { talkSpans } from '../../domain/meeting-clock';
import type { Id } from '../../domain/model';
import { orderQueue } from '../../domain/speaker-queue';
import { lastTapAt, UNDO_WINDOW_MS } from '../../domain/speaking';
import { countTalk, runningTurn, scopeTurns, type Talk } from '../../domain/talk';
import { getQueueAndGlossary } from '../../db/balance-repo';
import type { RunData } from '../../db/run-repo';
import { tapSpeaker, undoTap, type TapContext } from '../../state/balance-actions';
import { DEFAULT_BALANCE_PREFERENCES, readBalancePreferences } from '../../state/preferences';
import { useMeetingTurns } from '../../state/meeting-turns';
import { useLive } from '../../state/use-live';
import { now as clockNow } from '../../state/clock';
import { useNow, useUntil } from '../../state/use-now';
import { memo } from '../memo';
import { t } from '../strings/all';
import { AttendancePanel } from './balance/AttendancePanel';
import { BalanceSettings } from './balance/BalanceSettings';
import { Flags, GroupBars, NotYetHeard, PeopleTable, RoomBars } from './balance/BalanceView';
import { JargonDialog } from './balance/JargonDialog';
import { participants } from './balance/people';
import { SpeakerQueue } from './balance/SpeakerQueue';
import { SpeakerTiles } from './balance/SpeakerTiles';
import { TurnCorrections } from './balance/TurnCorrections';
import { TurnEnded, turnEndedWords } from './TurnEnded';

// Between taps the figures move every few seconds, not every second: the speaker's tile
// keeps the seconds, and the rest of the screen is not drawn again for nothing (a slow tablet
// would answer a tap late). After a tap, every figure is worked out at once.
const FIGURES_EVERY_MS = 5_000;

const MemoGroupBars = memo(GroupBars);
const MemoRoomBars = memo(RoomBars);
const MemoFlags = memo(Flags);
const MemoNotYetHeard = memo(NotYetHeard);
const MemoPeopleTable = memo(PeopleTable);
const MemoSpeakerQueue = memo(SpeakerQueue);
const MemoAttendancePanel = memo(AttendancePanel);
const MemoBalanceSettings = memo(BalanceSettings);
const MemoJargonDialog = memo(JargonDialog);

/** The panel in two parts, for the running screen to place: the tiles at the top, the figures further down. */
export interface BalanceParts {
  /** The speaker tiles and their buttons; in the room view, the room's figures instead. */
  speakers: ComponentChildren;
  /** The queue, who has not been heard, the figures, attendance, corrections and settings; none in the room view. */
  detail: ComponentChildren;
  roomView: boolean;
}

function stacked({ speakers, detail }: BalanceParts) {
  return (
    <>
      {speakers}
      {detail}
    </>
  );
}

const UNSEEN = { visibility: 'hidden' } as const;

const NO_TURNS: Turn[] = [];
const NO_TALK: ReadonlyMap<Id, number> = new Map();
const NO_QUEUE: QueueEntry[] = [];

/** The figures over this item or the whole meeting. */
function ScopeSwitch({ scope, onChoose }: { scope: 'item' | 'meeting'; onChoose: (scope: 'item' | 'meeting') => void }) {
  return (
    <div class="segmented" role="group" aria-label={t.balance.scope}>
      {(['item', 'meeting'] as const).map((value) => (
        <button key={value} type="button" class="segmented__option" aria-pressed={scope === value} onClick={() => onChoose(value)}>
          {value === 'item' ? t.balance.scopeItem : t.balance.scopeMeeting}
        </button>
      ))}
    </div>
  );
}

/** What the figures are worked out from: the talk as it counts, over the item or the whole meeting, at one moment. */
interface FiguresInput {
  data: RunData;
  talk: Talk;
  scope: 'item' | 'meeting';
  itemId: Id | null;
  figuresAt: number;
  thresholds: BalanceThresholds;
}

/**
 * The balance, worked out where it is shown and only there: the figures sit behind a tab and in
 * the room view, and a hidden tab is not drawn again, so a tap costs nothing for figures nobody
 * can see.
 */
function useBalance({ data, talk, scope, itemId, figuresAt, thresholds }: FiguresInput) {
  return useMemo(
    () =>
      computeBalance({
        people: data.people,
        perspectives: data.group.perspectives,
        attendees: data.attendees,
        talk,
        ...(scope === 'item' ? { itemId } : {}),
        now: figuresAt,
        thresholds,
      }),
    [data, scope, itemId, talk, figuresAt, thresholds],
  );
}

const MemoRoomFigures = memo(function RoomFigures(figures: FiguresInput) {
  return <MemoRoomBars balance={useBalance(figures)} perspectives={figures.data.group.perspectives} thresholds={figures.thresholds} />;
});

type BalanceFiguresProps = FiguresInput & { names: ReadonlyMap<Id, string>; scopeLabel: string; anyoneHere: boolean; onScope: (scope: 'item' | 'meeting') => void };

/** Who has not been heard yet, then the balance by perspective and by person. */
const MemoBalanceFigures = memo(function BalanceFigures({ names, scopeLabel, anyoneHere, onScope, ...figures }: BalanceFiguresProps) {
  const balance = useBalance(figures);
  const perspectives = figures.data.group.perspectives;
  return (
    <>
      <MemoNotYetHeard
        balance={balance}
        names={names}
        headingId="heading-not-heard"
        heardAfterMs={figures.thresholds.heardAfterMs}
        scopeLabel={scopeLabel}
        anyoneHere={anyoneHere}
      />
      <section class="balance-figures" aria-labelledby="heading-balance">
        <h3 id="heading-balance">{t.balance.balanceTitle(scopeLabel)}</h3>
        <ScopeSwitch scope={figures.scope} onChoose={onScope} />
        <MemoGroupBars balance={balance} perspectives={perspectives} />
        <MemoFlags balance={balance} names={names} perspectives={perspectives} />
        {balance.totalTalkMs > 0 ? <MemoPeopleTable balance={balance} names={names} perspectives={perspectives} /> : null}
      </section>
    </>
  );
});

/** Takes focus when the room view opens, so a screen reader follows the switch. */
function RoomTitle() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 id="room-view-title" tabIndex={-1} ref={ref}>
      {t.balance.roomTitle}
    </h2>
  );
}

/**
 * The heart of Heard: tap who is speaking, and see the balance of voices by
 * person and by perspective, both ways — who is dominating and who is not
 * being heard — for this item and the whole meeting.
 */
export function VoiceBalancePanel({ data, itemId, children = stacked }: { data: RunData; itemId: Id | null; children?: (parts: BalanceParts) => ComponentChildren }) {
  const meetingId = data.meeting.id;
  const turnsOrNull = useMeetingTurns(meetingId);
  const live = useLive(() => getQueueAndGlossary(meetingId, data.group.id), [meetingId, data.group.id]);
  const prefs = useLive(() => readBalancePreferences(data.group.id), [data.group.id]);
  const [scope, setScope] = useState<'item' | 'meeting'>('item');
  const [roomView, setRoomView] = useState(false);
  const turns = turnsOrNull ?? NO_TURNS;
  const preferences = prefs.status === 'ready' ? prefs.value : DEFAULT_BALANCE_PREFERENCES;
  // When talk counts changes only with the clock's events; the turns as they count, with the turns.
  const spans = useMemo(() => talkSpans(data.events, data.items), [data.events, data.items]);
  const talk = useMemo(() => countTalk(turns, spans), [turns, spans]);
  // Each over the whole meeting's turns: worked out when the turns change, not with every tick.
  const lastTap = useMemo(() => lastTapAt(turns), [turns]);
  const open = useMemo(() => runningTurn(talk), [talk]);
  const tick = useNow(FIGURES_EVERY_MS);
  // At the last tick, or at the tap itself when one came since, so a tap moves the figures at once;
  // never before the clock's last change, so an item's first moment is already in it.
  const lastChange = spans.at(-1)?.to ?? spans.at(-1)?.from ?? 0;
  const figuresAt = useMemo(() => {
    const time = Math.max(tick, clockNow());
    return Math.max(Math.floor(time / FIGURES_EVERY_MS) * FIGURES_EVERY_MS, Math.min(lastTap ?? 0, time), lastChange);
  }, [tick, lastTap, lastChange]);
  const canUndo = useUntil(lastTap === null ? null : lastTap + UNDO_WINDOW_MS);

  const everyone = useMemo(() => participants(data), [data]);
  const here = useMemo(() => everyone.filter((p) => p.here), [everyone]);
  const names = useMemo(() => new Map(data.people.map((p) => [p.id, p.name])), [data.people]);
  const itemTurns = useMemo(() => scopeTurns(talk, itemId), [talk, itemId]);
  // The tiles show what each person has said on this item, less the turn running now: the speaker's tile counts that one itself.
  const itemTalk = useMemo(() => tallyTalk(itemTurns.filter((turn) => turn.endedAt !== null), 0).talk, [itemTurns]);
  const figures: FiguresInput = { data, talk, scope, itemId, figuresAt, thresholds: preferences.thresholds };
  const queue = live.status === 'ready' ? live.value.queue : NO_QUEUE;
  const speakerId = open && !open.crossTalk ? open.personId : null;
  const leastHeard = preferences.queueMode === 'least-heard' && queue.some((entry) => entry.doneAt === null);
  const orderAt = leastHeard ? figuresAt : 0;
  const ordered = useMemo(
    () =>
      orderQueue(
        queue,
        preferences.queueMode,
        // Tallied only for an order that needs them, and only while someone waits: not every five seconds for nothing.
        leastHeard ? tallyTalk(talk.turns, orderAt).talk : NO_TALK,
        leastHeard ? tallyTalk(itemTurns, orderAt).talk : NO_TALK,
        // Whoever is speaking is never shown waiting for the floor they have.
      ).filter((entry) => entry.personId !== speakerId),
    [queue, preferences.queueMode, leastHeard, talk, itemTurns, orderAt, speakerId],
  );
  const tapContext: TapContext = useMemo(() => ({ spans, queue }), [spans, queue]);
  // On a break (or once the discussion has ended) nobody's talk counts: the screen says so.
  const counting = spans.at(-1)?.to === null;
  const clockWords = turnEndedWords(talk, names, !counting);
  const queuePlace = useMemo(() => new Map(ordered.map((entry, index) => [entry.personId, index + 1])), [ordered]);
  if (turnsOrNull === null || live.status !== 'ready') return null;
  const { glossary } = live.value;
  const scopeLabel = scope === 'item' ? t.balance.scopeItem : t.balance.scopeMeeting;


  if (roomView) {
    const room = (
      <section class="room-view" aria-labelledby="room-view-title">
        <RoomTitle />
        <p>{t.balance.roomHint}</p>
        <ScopeSwitch scope={scope} onChoose={setScope} />
        <MemoRoomFigures {...figures} />
        <button type="button" class="button" onClick={() => setRoomView(false)}>
          {t.balance.chairView}
        </button>
      </section>
    );
    return children({ roomView: true, speakers: room, detail: null });
  }

  const speakers = (
    <section class="voice-balance" aria-labelledby="heading-speakers">
      <div class="speakers-head">
        <h2 id="heading-speakers">{t.balance.tilesTitle}</h2>
        <p class="field__hint">{t.balance.tilesHint}</p>
        {/* Always in its place, unseen when there is nothing to undo: nothing moves when it comes or goes. */}
        <button type="button" class="button button--secondary" style={canUndo ? undefined : UNSEEN} disabled={!canUndo} onClick={() => void undoTap(meetingId)}>
          {t.balance.undo}
        </button>
      </div>
      <div class="actions">
        <button type="button" class="button button--secondary" aria-pressed={open === undefined} onClick={() => void tapSpeaker(meetingId, null, tapContext)}>
          {t.balance.nobody}
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-pressed={open?.crossTalk === true}
          aria-describedby="cross-talk-hint"
          onClick={() => void tapSpeaker(meetingId, { crossTalk: true }, tapContext)}
        >
          {t.balance.crossTalk}
        </button>
        <MemoJargonDialog groupId={data.group.id} meetingId={meetingId} glossary={glossary} here={here} />
        <button type="button" class="button button--secondary" onClick={() => setRoomView(true)}>
          {t.balance.roomView}
        </button>
      </div>
      {/* One line beside the buttons: what the clock did to the talk when there is something to say, else what
          Open discussion means. Its size is kept either way, so the tiles under it never move. */}
      <p class="field__hint speakers-line">
        <span id="cross-talk-hint" hidden={clockWords !== ''}>
          {open?.crossTalk ? t.balance.crossTalkOn : t.balance.crossTalkHint}
        </span>
        <TurnEnded words={clockWords} />
      </p>
      <SpeakerTiles
        data={data}
        here={here}
        open={open}
        tapContext={tapContext}
        itemTalk={itemTalk}
        queuePlace={queuePlace}
        softLimitMs={preferences.softLimitMs}
      />
    </section>
  );

  const detail = (
    <>
      <div class="balance-columns">
        <MemoSpeakerQueue meetingId={meetingId} groupId={data.group.id} tapContext={tapContext} ordered={ordered} all={queue} names={names} preferences={preferences} />
        <MemoBalanceFigures {...figures} names={names} scopeLabel={scopeLabel} anyoneHere={here.length > 0} onScope={setScope} />
      </div>
      <MemoAttendancePanel data={data} everyone={everyone} />
      <TurnCorrections turns={itemTurns} everyone={everyone} now={figuresAt} />
      <MemoBalanceSettings groupId={data.group.id} preferences={preferences} />
    </>
  );
  return children({ roomView: false, speakers, detail });
}
