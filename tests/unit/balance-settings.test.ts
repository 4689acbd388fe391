import { describe, expect, it } from 'vitest';
import { useFreshDb } from '../support/fresh-db';
import { getRecordSource } from '../../src/db/export-repo';
import { writeSetting } from '../../src/db/settings-repo';
import { buildMeetingRecord } from '../../src/domain/meeting-record';
import { DEFAULT_THRESHOLDS } from '../../src/domain/balance';
import { readBalancePreferences, saveBalancePreferences, DEFAULT_BALANCE_PREFERENCES } from '../../src/state/preferences';
import { recordWords } from '../../src/ui/record/record-files';
import { AWKWARD, seedRecord, T0 } from '../support/record-seed';

const db = useFreshDb();

describe('balance settings', () => {
  it('are kept per group: one group’s threshold for “heard” leaves another’s alone', async () => {
    const heardAfter = { ...DEFAULT_BALANCE_PREFERENCES, thresholds: { ...DEFAULT_THRESHOLDS, heardAfterMs: 60_000 } };
    expect(await saveBalancePreferences('group-1', heardAfter)).toMatchObject({ ok: true });
    expect((await readBalancePreferences('group-1')).thresholds.heardAfterMs).toBe(60_000);
    expect((await readBalancePreferences('group-2')).thresholds.heardAfterMs).toBe(DEFAULT_THRESHOLDS.heardAfterMs);
  });

  it('start from the ones this device used before they were kept per group', async () => {
    await writeSetting('balance-preferences', { thresholds: { heardAfterMs: 15_000 } });
    expect((await readBalancePreferences('group-1')).thresholds).toEqual({ ...DEFAULT_THRESHOLDS, heardAfterMs: 15_000 });
  });

  it('give the record the group’s own measure, so its words are the running screen’s', async () => {
    await seedRecord(db());
    const record = async () => buildMeetingRecord((await getRecordSource('meeting-1'))!, { names: true, now: T0 + 120 * 60_000, words: recordWords });
    // Aoife spoke 6 of the 12 minutes; her fair share, by 50 of the 130 minutes of presence, is 4.6:
    // 1.3 times it, "over" by default, and "well over" for a group that flags from 1.2 times.
    const aoife = async () => (await record()).balance.people.find((p) => p.who === AWKWARD.name);
    const before = await aoife();
    await saveBalancePreferences('group-1', { ...DEFAULT_BALANCE_PREFERENCES, thresholds: { ...DEFAULT_THRESHOLDS, overFactor: 1.2 } });
    const after = await aoife();
    expect([before?.band, after?.band]).toEqual(['over', 'well-over']);
  });
});
