import type { Turn } from '../../../domain/balance-model';
import type { Id } from '../../../domain/model';
import { turnMs } from '../../../domain/balance';
import { askToSpeak, tapSpeaker } from '../../../state/balance-actions';
import type { RunData } from '../../../db/run-repo';
import { formatDuration } from '../../format-duration';
import { memo } from '../../memo';
import { t } from '../../strings/all';
import { perspectiveTone, type Participant } from './people';

interface TileProps {
  meetingId: Id;
  itemId: Id | null;
  personId: Id;
  name: string;
  perspective: string;
  speaking: boolean;
  /** What the tile says of their time, to the second. */
  time: string;
  long: boolean;
  place: number | undefined;
}

/** Drawn again only when what it shows changes: each second, that is the speaker's tile alone. */
const Tile = memo(function Tile({ meetingId, itemId, personId, name, perspective, speaking, time, long, place }: TileProps) {
  return (
    <li class={speaking ? 'tile tile--speaking' : 'tile'}>
      <button type="button" class="tile__main" aria-pressed={speaking} onClick={() => void tapSpeaker(meetingId, itemId, { personId })}>
        <span class="tile__name">
          {name}
          <span class="visually-hidden">, {perspective}</span>
        </span>
        <span class="tile__meta">{time}</span>
        {long ? <span class="tile__cue">{t.balance.softLimitPassed}</span> : null}
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
  itemId,
  now,
  itemTalk,
  queuePlace,
  softLimitMs,
}: {
  data: RunData;
  here: Participant[];
  /** The turn running now, if any. */
  open: Turn | undefined;
  itemId: Id | null;
  now: number;
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
                const turnLength = speaking && open ? turnMs(open, now) : 0;
                return (
                  <Tile
                    key={person.id}
                    meetingId={meetingId}
                    itemId={itemId}
                    personId={person.id}
                    name={person.name}
                    perspective={perspective.label}
                    speaking={speaking}
                    time={speaking ? t.balance.speakingFor(formatDuration(turnLength)) : t.balance.thisItem(formatDuration(itemTalk.get(person.id) ?? 0))}
                    long={speaking && softLimitMs !== null && turnLength > softLimitMs}
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
