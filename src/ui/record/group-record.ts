import type { GroupRecord } from '../../db/record-repo';

/** The meeting a change made from a group screen belongs to: the one running now, if any. */
export function runningMeetingId(record: GroupRecord): string | null {
  return record.meetings.find((m) => m.state === 'running' || m.state === 'closing')?.id ?? null;
}
