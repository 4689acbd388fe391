import type { PromptSnapshot } from '../../../domain/checkin-model';
import { PageTitle } from '../../components/PageTitle';
import { t } from '../../strings/all';
import { AnswerControl, Step } from '../answers';
import { ReadAloudButton } from '../ReadAloud';
import { nextStep, type FlowEvent, type FlowState } from '../participant-flow-state';
import { BackButton } from './BackButton';

/** One question, read aloud on request, answered with a tap or typed words. */
export function PromptStep({ state, prompts, index, dispatch }: { state: FlowState; prompts: readonly PromptSnapshot[]; index: number; dispatch: (event: FlowEvent) => void }) {
  const prompt = prompts[index]!;
  return (
    <Step key={prompt.id}>
      <p class="checkin-progress">{t.checkin.questionOf(index + 1, prompts.length)}</p>
      <PageTitle text={prompt.text} />
      <ReadAloudButton />
      <AnswerControl
        prompt={prompt}
        label={prompt.text}
        response={state.responses[prompt.id]}
        onChange={(response) => dispatch({ type: 'answer', promptId: prompt.id, response })}
        words={{
          typing: state.typing[prompt.id] ?? '',
          problem: state.wordProblem,
          onTyping: (text) => dispatch({ type: 'typing', promptId: prompt.id, text }),
          onAdd: () => dispatch({ type: 'add-words', promptId: prompt.id }),
          onRemove: (word) => dispatch({ type: 'remove-word', promptId: prompt.id, word }),
        }}
      />
      <div class="checkin-nav">
        <BackButton step={state.step} promptCount={prompts.length} dispatch={dispatch} />
        <button type="button" class="button" onClick={() => dispatch({ type: 'go', to: nextStep(state.step, prompts.length) })}>
          {t.checkin.next}
        </button>
      </div>
    </Step>
  );
}
