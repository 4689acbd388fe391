import type { RunData } from '../../db/run-repo';

/** Placeholder slot in the closing step for starting the check-in. */
export function CheckInLauncher(_props: { data: RunData }) {
  return null;
}
