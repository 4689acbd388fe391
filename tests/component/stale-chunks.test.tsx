import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { recoverFromStaleChunks } from '../../src/pwa/update';
import { setClockForTests } from '../../src/state/clock';

let reload: ReturnType<typeof vi.fn>;
let clock = 1_000_000;

beforeEach(() => {
  sessionStorage.clear();
  reload = vi.fn();
  vi.stubGlobal('location', { ...window.location, reload });
  setClockForTests(() => clock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setClockForTests(null);
});

function chunkFails(): Event {
  const event = new Event('vite:preloadError', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

it('reloads once when a code file of an old version is gone, and does not loop', () => {
  recoverFromStaleChunks();
  const first = chunkFails();
  // The first failure reloads to pick up the new version's files.
  expect(reload).toHaveBeenCalledTimes(1);
  expect(first.defaultPrevented).toBe(true);

  // A second failure straight after that reload means reloading does not help: stop.
  clock += 5_000;
  const second = chunkFails();
  expect(reload).toHaveBeenCalledTimes(1);
  expect(second.defaultPrevented).toBe(false);

  // Much later, another update may need another single reload.
  clock += 10 * 60_000;
  chunkFails();
  expect(reload).toHaveBeenCalledTimes(2);
});
