import '../support/fresh-db';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { db, readAtOnce } from '../../src/db/connection';
import { addGroup } from '../../src/db/groups-repo';
import { listRules, putRules, readGroupRules } from '../../src/db/rules-repo';
import { draftRule } from '../../src/domain/ground-rules';
import { makeGroup } from '../support/fixtures';
import { useFreshDb } from '../support/fresh-db';

useFreshDb();

describe('a screen’s reads, read at once', () => {
  it('never mixes what was stored before a write with what was stored after it', async () => {
    await addGroup(makeGroup());
    await putRules([draftRule('r1', 'group-1', 'Listen', 0, 1)]);
    let writing: Promise<void> | undefined;
    const seen = await readAtOnce((database) => [database.groundRules], async () => {
      const before = await listRules('group-1');
      // Another part of the app writes in its own transaction between this screen's two reads.
      writing = Dexie.ignoreTransaction(() => putRules([draftRule('r2', 'group-1', 'Phones off', 1, 2)]));
      // Time for that write to land, were it let in: reads kept going, so the transaction stays open.
      for (let i = 0; i < 20; i++) await listRules('group-1');
      const after = await listRules('group-1');
      return [before.map((r) => r.id), after.map((r) => r.id)];
    });
    expect(seen).toEqual([['r1'], ['r1']]);
    await writing;
    expect((await readGroupRules('group-1'))?.rules.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('reads the ground rules screen whole, and nothing for a group that is gone', async () => {
    await addGroup(makeGroup());
    await putRules([draftRule('r1', 'group-1', 'Listen', 0, 1)]);
    const read = await readGroupRules('group-1');
    expect([read?.group.id, read?.rules.map((r) => r.text), read?.meetings]).toEqual(['group-1', ['Listen'], []]);
    expect(await readGroupRules('no-such-group')).toBeNull();
  });

  it('holds back no write to a table the screen does not read (a tap while the sending screen reads)', async () => {
    await addGroup(makeGroup());
    let landed = false;
    let write: Promise<void> | undefined;
    const landedDuringRead = await readAtOnce(
      (database) => [database.groundRules],
      async () => {
        write = Dexie.ignoreTransaction(() => db().settings.put({ key: 'elsewhere', value: 1 }).then(() => void (landed = true)));
        for (let i = 0; i < 50 && !landed; i++) await listRules('group-1');
        return landed;
      },
    );
    await write;
    expect(landedDuringRead).toBe(true);
  });
});
