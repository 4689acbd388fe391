/** Why the last save did not happen, said at once to screen readers; nothing while there is no problem. */
export function ProblemAlert({ problem }: { problem: string }) {
  return problem ? (
    <p class="field__error" role="alert">
      {problem}
    </p>
  ) : null;
}
