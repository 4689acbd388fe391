import type { RunData } from '../../db/run-repo';

/** Placeholder slot at the start of a meeting for open actions and parked dissent from earlier meetings. */
export function MattersArising(_props: { data: RunData }) {
  return null;
}
