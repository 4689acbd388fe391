import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RuleError } from '../../src/domain/rule-codes';
import { setClockForTests } from '../../src/state/clock';
import { SAVING_SHOWN_AFTER_MS, save, saveStatusStore, type SaveStatus } from '../../src/state/save-status';

const AT = Date.UTC(2030, 2, 14, 10, 15);

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  saveStatusStore.setState({ phase: 'idle' }, true);
  setClockForTests(() => AT);
});
afterEach(() => {
  setClockForTests(null);
  vi.restoreAllMocks();
});

describe('save', () => {
  it('says "saving" once a write has taken a moment, and "saved" only once it has resolved', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      saveStatusStore.setState({ phase: 'saved', at: AT - 60_000 }, true);
      const write = deferred<string>();
      const result = save(() => write.promise);

      // Nothing new is claimed as saved before the transaction has committed: what shows is the earlier save.
      await vi.advanceTimersByTimeAsync(SAVING_SHOWN_AFTER_MS - 1);
      expect(saveStatusStore.getState()).toEqual({ phase: 'saved', at: AT - 60_000 });
      await vi.advanceTimersByTimeAsync(1);
      expect(saveStatusStore.getState()).toEqual({ phase: 'saving' });

      write.resolve('group-1');
      await expect(result).resolves.toEqual({ ok: true, value: 'group-1' });
      expect(saveStatusStore.getState()).toEqual({ phase: 'saved', at: AT });
    } finally {
      vi.useRealTimers();
    }
  });

  it('never flashes "saving" for a write that commits at once, and says nothing later either', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const phases: SaveStatus['phase'][] = [];
    const stop = saveStatusStore.subscribe((status) => phases.push(status.phase));
    try {
      await save(() => Promise.resolve('tap'));
      // Past the moment "saving" would have shown for a slow write: the quick one's timer is gone.
      await vi.advanceTimersByTimeAsync(SAVING_SHOWN_AFTER_MS * 3);
      expect(phases).toEqual(['saved']);
    } finally {
      stop();
      vi.useRealTimers();
    }
  });

  it('says "saving" for a slow write that then fails, and then the failure', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const phases: SaveStatus['phase'][] = [];
    const stop = saveStatusStore.subscribe((status) => phases.push(status.phase));
    try {
      const write = deferred<void>();
      const result = save(() => write.promise);
      await vi.advanceTimersByTimeAsync(SAVING_SHOWN_AFTER_MS + 50);
      write.reject(new Error('stuck, then gone'));
      expect(await result).toEqual({ ok: false, problem: 'unknown' });
      expect(phases).toEqual(['saving', 'failed']);
      expect(logged).toHaveBeenCalled();
    } finally {
      stop();
      vi.useRealTimers();
    }
  });

  it('keeps saying "saving" while a slow write is still going, whatever quicker writes finish meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const slow = deferred<void>();
      const slowResult = save(() => slow.promise);
      await vi.advanceTimersByTimeAsync(SAVING_SHOWN_AFTER_MS);
      expect(saveStatusStore.getState()).toEqual({ phase: 'saving' });

      await save(() => Promise.resolve());
      expect(saveStatusStore.getState(), 'a quick write must not say the slow one is saved').toEqual({ phase: 'saving' });

      slow.resolve();
      await slowResult;
      expect(saveStatusStore.getState()).toEqual({ phase: 'saved', at: AT });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a failure in words when a slower write goes on to take a moment, until a write succeeds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const slow = deferred<void>();
      const slowResult = save(() => slow.promise);
      await save(() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')));
      expect(saveStatusStore.getState()).toEqual({ phase: 'failed', problem: 'device-full', at: AT });

      await vi.advanceTimersByTimeAsync(SAVING_SHOWN_AFTER_MS);
      expect(saveStatusStore.getState(), '"Saving…" must not hide the failure').toEqual({ phase: 'failed', problem: 'device-full', at: AT });

      slow.resolve();
      await slowResult;
      expect(saveStatusStore.getState()).toEqual({ phase: 'saved', at: AT });
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a full device as a failure the chair is told about', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const write = deferred<void>();
    const result = save(() => write.promise);
    write.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

    await expect(result).resolves.toEqual({ ok: false, problem: 'device-full' });
    expect(saveStatusStore.getState()).toEqual({ phase: 'failed', problem: 'device-full', at: AT });
    expect(logged).toHaveBeenCalled();
  });

  it('returns a refused rule to the caller and leaves the status idle, not failed', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await save(() => Promise.reject(new RuleError('perspective-in-use')));

    expect(result).toEqual({ ok: false, problem: 'rule', rule: 'perspective-in-use' });
    expect(saveStatusStore.getState()).toEqual({ phase: 'idle' });
    expect(logged).not.toHaveBeenCalled();
  });

  it('clears an earlier failure once a later save succeeds', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await save(() => Promise.reject(new Error('boom')));
    expect(saveStatusStore.getState()).toMatchObject({ phase: 'failed', problem: 'unknown' });

    await save(() => Promise.resolve());
    expect(saveStatusStore.getState()).toEqual({ phase: 'saved', at: AT });
  });
});
