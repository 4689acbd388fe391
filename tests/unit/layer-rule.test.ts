import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The lint gate is only worth having if it fires: each case is an arrow running the wrong way
// (or the right way), linted as if it were a file in that folder, with the project's own config.
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule', () => {
  // Loading the config and the TypeScript parser is slow once, on a busy machine.
  beforeAll(() => eslint.lintText('', { filePath: 'src/domain/warm-up.ts' }), 60_000);

  it.each([
    ['src/domain/x.ts', "import { db } from '../db/connection';"],
    ['src/domain/x.ts', "import Dexie from 'dexie';"],
    ['src/domain/x.ts', "import { h } from 'preact';"],
    ['src/db/x.ts', "import { newId } from '../state/ids';"],
    ['src/db/x.ts', "import { strings } from '../ui/strings';"],
    ['src/state/x.ts', "import { requestDrain } from '../sync/sync-runner';"],
    ['src/state/x.ts', "import { liveQuery } from 'dexie';"],
    ['src/sync/x.ts', "import { liveQuery } from 'dexie';"],
    ['src/sync/x.ts', "import { App } from '../ui/App';"],
    ['src/pwa/x.ts', "import { App } from '../ui/App';"],
    ['src/ui/screens/X.tsx', "import Dexie from 'dexie';"],
    ['src/ui/screens/X.tsx', "import { startServer } from '../../../server/src/server';"],
    ['server/src/x.ts', "import { summaryOf } from '../../src/domain/summary';"],
  ])('refuses, in %s: %s', async (file, source) => {
    expect(await restricted(file, source)).toHaveLength(1);
  });

  it.each([
    ['src/db/x.ts', "import { EpochMs } from '../domain/model';"],
    ['src/state/x.ts', "import { db } from '../db/connection';"],
    ['src/sync/x.ts', "import { now } from '../state/clock';"],
    ['src/ui/run/X.tsx', "import { now } from '../../state/clock';"],
    ['server/test/x.ts', "import { startServer } from '../src/server.js';"],
  ])('allows, in %s: %s', async (file, source) => {
    expect(await restricted(file, source)).toEqual([]);
  });
});
