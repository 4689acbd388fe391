import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RuleError } from '../../src/domain/rule-codes';
import { setClockForTests } from '../../src/state/clock';
import { save, saveStatusStore } from '../../src/state/save-status';

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
  it('says "saving" while the write is pending and "saved" only once it has resolved', async () => {
    const write = deferred<string>();
    const result = save(() => write.promise);

    // Nothing is claimed as saved before the transaction has committed.
    await Promise.resolve();
    expect(saveStatusStore.getState()).toEqual({ phase: 'saving' });

    write.resolve('group-1');
    await expect(result).resolves.toEqual({ ok: true, value: 'group-1' });
    expect(saveStatusStore.getState()).toEqual({ phase: 'saved', at: AT });
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
