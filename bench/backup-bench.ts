// In Chromium: a group with 50 two-hour meetings stored through Heard's own
// database code, then timed from "Back up this group" to the file's text.
import { db } from '../src/db/connection';
import { backupGroup } from '../src/db/export-repo';
import { summarise, type Timing } from './balance-bench';
import { syntheticMeeting } from './synthetic-meeting';

const GROUP = 'backup-bench-group';
export const BACKUP_MEETINGS = 50;
export const TURNS_PER_MEETING = 600;

async function seedGroup(): Promise<void> {
  const database = db();
  for (let i = 0; i < BACKUP_MEETINGS; i++) {
    const m = syntheticMeeting({ turns: TURNS_PER_MEETING, hours: 2, seed: i + 1 });
    const meetingId = `backup-m${i}`;
    const ids = (id: string) => `${meetingId}-${id}`;
    const startsAt = m.meeting.startsAt - (BACKUP_MEETINGS - i) * 28 * 24 * 3_600_000;
    await database.transaction('rw', [database.groups, database.people, database.meetings, database.attendees, database.agendaItems, database.clockEvents, database.turns], async () => {
      if (i === 0) {
        await database.groups.put({ ...m.group, id: GROUP });
        await database.people.bulkPut(m.people.map((p) => ({ ...p, id: `backup-${p.id}`, groupId: GROUP })));
      }
      await database.meetings.put({ ...m.meeting, id: meetingId, groupId: GROUP, startsAt, state: 'closed' });
      await database.attendees.bulkPut(m.attendees.map((a) => ({ ...a, meetingId, personId: `backup-${a.personId}` })));
      await database.agendaItems.bulkPut(m.items.map((item) => ({ ...item, id: ids(item.id), meetingId })));
      await database.clockEvents.bulkPut(m.events.map((e) => ({ ...e, id: ids(e.id), meetingId, ...(e.itemId ? { itemId: ids(e.itemId) } : {}) })));
      await database.turns.bulkPut(
        m.turns.map((t) => ({ ...t, id: ids(t.id), meetingId, itemId: t.itemId ? ids(t.itemId) : null, personId: t.personId ? `backup-${t.personId}` : null, endedAt: t.endedAt ?? t.startedAt + 1000 })),
      );
    });
  }
}

export async function runBackupBench(runs = 5): Promise<Timing & { bytes: number; meetings: number; turns: number }> {
  await seedGroup();
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    const backup = await backupGroup(GROUP, Date.now());
    const text = JSON.stringify(backup);
    const elapsed = performance.now() - started;
    if (!backup) throw new Error('no backup');
    bytes = text.length;
    if (i >= 1) samples.push(elapsed);
  }
  return { ...summarise(samples), bytes, meetings: BACKUP_MEETINGS, turns: BACKUP_MEETINGS * TURNS_PER_MEETING };
}
