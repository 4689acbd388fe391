import { useEffect, useState } from 'preact/hooks';
import type { Turn } from '../domain/balance-model';
import type { Id } from '../domain/model';
import { withTurn } from '../domain/speaking';
import { getMeetingTurns } from '../db/balance-repo';
import { watchTurns } from '../db/tap-store';

/**
 * A meeting's turns, settled, for the running screen. Read once; then each tap
 * this tab stores is added to what the screen holds, rather than reading three
 * hours of turns again after every tap; anything else that changes the turns
 * (an undo, a correction, another tab) reads them again.
 *
 * A stored tap reaches the screen just after the browser has painted the tap
 * itself, so the chair's touch is answered at once and the figures follow a
 * frame later.
 */
export function useMeetingTurns(meetingId: Id): Turn[] | null {
  const [turns, setTurns] = useState<Turn[] | null>(null);
  useEffect(() => {
    let held: Turn[] | null = null;
    let latestRead = 0;
    let readsUnderway = 0;
    let closed = false;
    const show = (next: Turn[]) => {
      held = next;
      afterPaint(() => !closed && held === next && setTurns(next));
    };
    const read = () => {
      const thisRead = ++latestRead;
      readsUnderway += 1;
      getMeetingTurns(meetingId)
        .then(
          (stored) => !closed && thisRead === latestRead && show(stored),
          // A failed read leaves the last turns shown; the save bar has said what went wrong.
          () => undefined,
        )
        .finally(() => (readsUnderway -= 1));
    };
    const stop = watchTurns((change) => {
      if (change.kind === 'changed-elsewhere') return read();
      if (change.turn.meetingId !== meetingId) return;
      // A read still on its way may have started before this tap was stored: read again after it.
      if (held === null || readsUnderway > 0) return read();
      show(withTurn(held, change.turn));
    });
    read();
    return () => {
      closed = true;
      stop();
    };
  }, [meetingId]);
  return turns;
}

/** After the next frame is painted (or soon, where no frames are drawn, as in a tab behind another). */
function afterPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}
