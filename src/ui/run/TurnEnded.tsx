import { useMemo } from 'preact/hooks';
import { talkSpans } from '../../domain/meeting-clock';
import type { Id } from '../../domain/model';
import { countTalk, type Talk } from '../../domain/talk';
import type { RunData } from '../../db/run-repo';
import { useMeetingTurns } from '../../state/meeting-turns';
import { t } from '../strings/all';

/**
 * What the clock, not a tap, did to the talk: "Dev Patel's turn ended for the
 * break" (until the next tap), and that nothing counts while on a break. Empty
 * when neither.
 */
export function turnEndedWords(talk: Talk, names: ReadonlyMap<Id, string>, onBreak: boolean): string {
  const cut = talk.cut;
  const who = cut ? (cut.turn.crossTalk || !cut.turn.personId ? t.balance.openDiscussion : (names.get(cut.turn.personId) ?? '')) : '';
  return [cut ? t.balance.turnEnded[cut.by](who) : '', onBreak ? t.balance.onBreakHint : ''].filter(Boolean).join(' ');
}

/** Always in the page, so a screen reader hears it when it fills. */
export function TurnEnded({ words }: { words: string }) {
  return <span role="status">{words}</span>;
}

/** For the closing step, where the speaker tiles are gone: a turn the end of the meeting stopped. */
export function TurnEndedAtClose({ data }: { data: RunData }) {
  const turns = useMeetingTurns(data.meeting.id);
  const talk = useMemo(() => (turns ? countTalk(turns, talkSpans(data.events, data.items)) : null), [turns, data.events, data.items]);
  const names = useMemo(() => new Map(data.people.map((p) => [p.id, p.name])), [data.people]);
  const words = talk ? turnEndedWords(talk, names, false) : '';
  return (
    <p class={words ? 'notice' : undefined}>
      <TurnEnded words={words} />
    </p>
  );
}
