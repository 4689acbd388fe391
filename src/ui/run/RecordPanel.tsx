import type { MeetingRun } from '../../domain/meeting-clock';
import type { RunData } from '../../db/run-repo';

/** Placeholder slot on the running screen for dissent, decisions and actions. */
export function RecordPanel(_props: { data: RunData; run: MeetingRun }) {
  return null;
}
