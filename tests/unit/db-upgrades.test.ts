import '../support/fresh-db';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, createHeardDb, SCHEMA_VERSIONS, type HeardDb } from '../../src/db/schema';
import { uniqueDbName } from '../support/fresh-db';
import type { Fixture } from './db-fixtures/fixture';

/**
 * A tablet may hold data written by any released schema version: each version
 * has a fixture in db-fixtures/vN.ts (see fixture.ts). Adding a version to
 * SCHEMA_VERSIONS without a fixture fails below.
 */
const modules = import.meta.glob<{ fixture: Fixture }>('./db-fixtures/v*.ts', { eager: true });
const fixtures: Record<number, Fixture> = Object.fromEntries(
  Object.entries(modules).map(([path, module]) => [Number(/v(\d+)\.ts$/.exec(path)![1]), module.fixture]),
);

const opened: HeardDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('database upgrades', () => {
  it('has a fixture for every released schema version', () => {
    const missing = SCHEMA_VERSIONS.map((v) => v.version).filter((version) => !fixtures[version]);
    expect(missing).toEqual([]);
  });

  it('lists schema versions oldest first, each version once', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(CURRENT_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))('reads data written at version %i after opening at the current version', async (version) => {
    const fixture = fixtures[version];
    if (!fixture) throw new Error(`No fixture for schema version ${version}`);
    const name = uniqueDbName(`upgrade-from-${version}`);

    const old = createHeardDb(name, version);
    await fixture.write(old);
    expect(old.verno).toBe(version);
    old.close();

    const current = createHeardDb(name);
    opened.push(current);
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    await fixture.check(current);
  });
});
