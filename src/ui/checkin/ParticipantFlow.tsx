import { useReducer, useState } from 'preact/hooks';
import type { CheckInLock } from '../../domain/checkin-model';
import { getParticipantData, type ParticipantData } from '../../db/checkin-repo';
import { finishMyCheckIn } from '../../state/checkin-actions';
import { now } from '../../state/clock';
import { useLive } from '../../state/use-live';
import { useTouchWatch } from '../../state/use-touch-watch';
import { LiveView } from '../components/LiveView';
import { draftOf, flowReducer, FRESH, readyToSave } from './participant-flow-state';
import { DoneStep } from './steps/DoneStep';
import { OneToOneStep } from './steps/OneToOneStep';
import { PromptStep } from './steps/PromptStep';
import { StartStep } from './steps/StartStep';
import { StillThere } from './steps/StillThere';
import { WhoStep } from './steps/WhoStep';

/** Two minutes without a touch mid-check-in asks "Are you still there?"; 30 seconds more clears it. */
export const IDLE_MS = 2 * 60_000;
export const STILL_THERE_MS = 30_000;
/** "Thank you" (the answers are saved) clears itself after this long without a touch. */
export const THANKS_MS = 30_000;

/**
 * The participant's side of the locked tablet. Each person's check-in is a
 * fresh component (a new key), so nothing they chose or typed survives into
 * the next person's: no state, no form values, no history entries. Answers
 * are saved as the person reaches "Thank you", which has no way back to them:
 * it clears at once on "Done", or by itself after THANKS_MS without a touch.
 */
export function ParticipantFlow({ lock, onChair }: { lock: CheckInLock; onChair: () => void }) {
  const [round, setRound] = useState(0);
  const data = useLive(() => getParticipantData(lock.meetingId), [lock.meetingId]);
  return (
    <LiveView live={data}>
      {(found) => (found ? <OnePerson key={round} lock={lock} data={found} onChair={onChair} onFinished={() => setRound((r) => r + 1)} /> : null)}
    </LiveView>
  );
}

function useIdle(active: boolean, onGone: () => void): { asking: boolean; stillHere: () => void } {
  const [askedAt, setAskedAt] = useState<number | null>(null);
  const watch = useTouchWatch(active, (lastTouch) => {
    const at = now();
    setAskedAt((asked) => {
      if (asked === null) return at - lastTouch >= IDLE_MS ? at : null;
      if (at - asked >= STILL_THERE_MS) onGone();
      return asked;
    });
  });
  return {
    asking: askedAt !== null,
    stillHere: () => {
      watch.touched();
      setAskedAt(null);
    },
  };
}

/** "Thank you" clears itself after THANKS_MS without a touch: the person may walk off without tapping Done. */
function useThanksClears(active: boolean, onGone: () => void) {
  useTouchWatch(active, (lastTouch) => {
    if (now() - lastTouch >= THANKS_MS) onGone();
  });
}

function OnePerson({ lock, data, onChair, onFinished }: { lock: CheckInLock; data: ParticipantData; onChair: () => void; onFinished: () => void }) {
  const [state, dispatch] = useReducer(flowReducer, FRESH);
  const { step } = state;
  // Leaving before the answers are saved keeps nothing: the next person starts clean.
  const idle = useIdle(step.at !== 'start' && step.at !== 'done', onFinished);
  useThanksClears(step.at === 'done', onFinished);
  const prompts = lock.prompts;
  const personName = data.notYetIn.find((p) => p.id === state.personId)?.name ?? '';

  const save = async () => {
    dispatch({ type: 'save' });
    if (!readyToSave(state) || state.saving) return;
    const result = await finishMyCheckIn(draftOf(state), lock);
    dispatch(result.ok ? { type: 'saved' } : { type: 'save-failed' });
  };

  if (idle.asking) return <StillThere onStillHere={idle.stillHere} />;
  switch (step.at) {
    case 'start':
      return <StartStep onStart={() => dispatch({ type: 'go', to: { at: 'who' } })} onChair={onChair} />;
    case 'who':
      return <WhoStep state={state} data={data} promptCount={prompts.length} dispatch={dispatch} />;
    case 'prompt':
      return <PromptStep key={step.index} state={state} prompts={prompts} index={step.index} dispatch={dispatch} />;
    case 'one-to-one':
      return <OneToOneStep state={state} personName={personName} promptCount={prompts.length} dispatch={dispatch} onSave={() => void save()} />;
    case 'done':
      return <DoneStep onFinished={onFinished} />;
  }
}
