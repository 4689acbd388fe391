import type { Turn } from '../../../domain/balance-model';
import type { Id } from '../../../domain/model';
import { turnMs } from '../../../domain/balance';
import { askToSpeak, tapSpeaker, type TapContext } from '../../../state/balance-actions';
import type { RunData } from '../../../db/run-repo';
import { formatDuration, formatLength } from '../../format-duration';
import { memo } from '../../memo';
import { useNow } from '../../../state/use-now';
import { t } from '../../strings/all';
import { perspectiveTone, type Participant } from './people';

interface TileProps {
  meetingId: Id;
  tapContext: TapContext;
  personId: Id;
  name: string;
  perspective: string;
  /** Their turn, while they are speaking. */
  turn: Turn | undefined;
  /** What they have said on this item, when they are not speaking. */
  time: string;
  softLimitMs: number | null;
  place: number | undefined;
}

/** The one part of the tiles that moves every second: how long the speaker has been speaking. */
function SpeakingFor({ turn, softLimitMs }: { turn: Turn; softLimitMs: number | null }) {
  const length = turnMs(turn, useNow(1000));
  return (
    <>
      <span class="tile__meta">{t.balance.speakingFor(formatDuration(length))}</span>
      {softLimitMs !== null && length > softLimitMs ? <span class="tile__cue">{t.balance.softLimitPassed}</span> : null}
    </>
  );
}

/** Drawn again only when what it shows changes: a tap, or a place in the queue. */
const Tile = memo(function Tile({ meetingId, tapContext, personId, name, perspective, turn, time, softLimitMs, place }: TileProps) {
  const speaking = turn !== undefined;
  return (
    <li class={speaking ? 'tile tile--speaking' : 'tile'}>
      <button type="button" class="tile__main" aria-pressed={speaking} onClick={() => void tapSpeaker(meetingId, { personId }, tapContext)}>
        <span class="tile__name">{name}</span>
        {/* On every tile, in words beside its colour: the tiles are one grid, not a block per group. */}
        <span class="tile__perspective">
          <span class="visually-hidden">, </span>
          {perspective}
        </span>
        {turn ? <SpeakingFor turn={turn} softLimitMs={softLimitMs} /> : <span class="tile__meta">{time}</span>}
      </button>
      <button
        type="button"
        class="tile__hand"
        aria-label={place ? `${t.balance.inQueue(place)}: ${name}` : t.balance.askToSpeakNamed(name)}
        disabled={place !== undefined}
        onClick={() => void askToSpeak(meetingId, personId)}
      >
        {place ? t.balance.inQueue(place) : t.balance.askToSpeak}
      </button>
    </li>
  );
});

export function SpeakerTiles({
  data,
  here,
  open,
  tapContext,
  itemTalk,
  queuePlace,
  softLimitMs,
}: {
  data: RunData;
  here: Participant[];
  /** The turn running now, if any. */
  open: Turn | undefined;
  tapContext: TapContext;
  /** Each person's time on this item in turns that have ended. */
  itemTalk: ReadonlyMap<Id, number>;
  queuePlace: ReadonlyMap<Id, number>;
  softLimitMs: number | null;
}) {
  const perspectives = data.group.perspectives;
  const ids = perspectives.map((p) => p.id);
  const meetingId = data.meeting.id;
  return (
    <div class="tiles">
      {perspectives.map((perspective) => {
        const members = here.filter((p) => p.person.perspectiveId === perspective.id);
        if (members.length === 0) return null;
        const headingId = `tiles-${perspective.id}`;
        return (
          <section key={perspective.id} class={`tile-group tone-${perspectiveTone(ids, perspective.id)}`} aria-labelledby={headingId}>
            <h3 id={headingId} class="tile-group__title">
              {perspective.label} <span class="tile-group__count">({t.balance.peopleCount(members.length)})</span>
            </h3>
            <ul class="tile-grid">
              {members.map(({ person }) => {
                const speaking = open !== undefined && !open.crossTalk && open.personId === person.id;
                return (
                  <Tile
                    key={person.id}
                    meetingId={meetingId}
                    tapContext={tapContext}
                    personId={person.id}
                    name={person.name}
                    perspective={perspective.label}
                    turn={speaking ? open : undefined}
                    time={t.balance.thisItem(formatLength(itemTalk.get(person.id) ?? 0))}
                    softLimitMs={softLimitMs}
                    place={queuePlace.get(person.id)}
                  />
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
