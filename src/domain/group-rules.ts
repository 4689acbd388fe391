import type { Perspective } from './model';
import { checkRequiredText, isDuplicateName, type TextProblem } from './text-rules';

export const PERSPECTIVE_MAX_LENGTH = 40;

export type PerspectiveProblem = TextProblem | 'duplicate';

/** Problems per perspective, by id; an empty object when the list can be saved. */
export function checkPerspectives(perspectives: readonly Perspective[]): Record<string, PerspectiveProblem> {
  const problems: Record<string, PerspectiveProblem> = {};
  perspectives.forEach((perspective, index) => {
    const { problem, value } = checkRequiredText(perspective.label, PERSPECTIVE_MAX_LENGTH);
    if (problem) problems[perspective.id] = problem;
    else if (isDuplicateName(value, perspectives.slice(0, index).map((p) => p.label))) problems[perspective.id] = 'duplicate';
  });
  return problems;
}
