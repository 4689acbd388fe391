import { useMemo } from 'preact/hooks';
import { talkSpans } from '../../domain/meeting-clock';
import type { Id } from '../../domain/model';
import { countTalk, type Talk } from '../../domain/talk';
import type { RunData } from '../../db/run-repo';
import { useMeetingTurns } from '../../state/meeting-turns';
import { t } from '../strings/all';

/**
 * Says so when the clock, not a tap, ended the last turn — "Dev Patel's turn
 * ended for the break" — until the next tap. Always in the page, so a screen
 * reader hears it when it fills.
 */
export function TurnEnded({ talk, names }: { talk: Talk; names: ReadonlyMap<Id, string> }) {
  const cut = talk.cut;
  const who = cut ? (cut.turn.crossTalk || !cut.turn.personId ? t.balance.openDiscussion : (names.get(cut.turn.personId) ?? '')) : '';
  return (
    <p class={cut ? 'notice' : undefined} role="status">
      {cut ? t.balance.turnEnded[cut.by](who) : ''}
    </p>
  );
}

/** For the closing step, where the speaker tiles are gone: a turn the end of the meeting stopped. */
export function TurnEndedAtClose({ data }: { data: RunData }) {
  const turns = useMeetingTurns(data.meeting.id);
  const talk = useMemo(() => (turns ? countTalk(turns, talkSpans(data.events, data.items)) : null), [turns, data.events, data.items]);
  const names = useMemo(() => new Map(data.people.map((p) => [p.id, p.name])), [data.people]);
  return talk ? <TurnEnded talk={talk} names={names} /> : null;
}
