import { previousStep, type At, type FlowEvent } from '../participant-flow-state';
import { t } from '../../strings/all';

/** Back one step; what was shown wrong is cleared on the way. */
export function BackButton({ step, promptCount, dispatch }: { step: At; promptCount: number; dispatch: (event: FlowEvent) => void }) {
  return (
    <button type="button" class="button button--secondary" onClick={() => dispatch({ type: 'go', to: previousStep(step, promptCount) })}>
      {t.checkin.back}
    </button>
  );
}
