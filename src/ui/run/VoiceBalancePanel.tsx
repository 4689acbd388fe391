import type { MeetingRun } from '../../domain/meeting-clock';
import type { RunData } from '../../db/run-repo';

/** Placeholder slot on the running screen for the speaker tiles and balance. */
export function VoiceBalancePanel(_props: { data: RunData; run: MeetingRun }) {
  return null;
}
