import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { classifyStorageError, NewerSchemaError, type StorageProblem } from '../../src/db/storage-errors';
import { RuleError } from '../../src/domain/rule-codes';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('classifyStorageError', () => {
  it.each<[string, unknown, StorageProblem]>([
    ['a QuotaExceededError DOMException', quota(), 'device-full'],
    ['a Dexie-style AbortError wrapping a QuotaExceededError', { name: 'AbortError', inner: quota() }, 'device-full'],
    ['a real Dexie AbortError wrapping a QuotaExceededError', new Dexie.AbortError('Transaction aborted', quota()), 'device-full'],
    ['a quota error two wrappers down', { name: 'BulkError', inner: { name: 'AbortError', inner: quota() } }, 'device-full'],
    ['an error that only says quota in its message', new Error('Write failed: storage quota reached'), 'device-full'],
    ['a DatabaseClosedError', new Dexie.DatabaseClosedError(), 'closed-by-other-tab'],
    ['a VersionChangeError', { name: 'VersionChangeError' }, 'closed-by-other-tab'],
    ['a refused open of a newer database, as Dexie reports it', new Dexie.DatabaseClosedError(new NewerSchemaError()), 'newer-version'],
    ['the refusal as a later open reports it', new Dexie.OpenFailedError(new NewerSchemaError()), 'newer-version'],
    ['a BlockedError', { name: 'BlockedError' }, 'blocked'],
    ['an InvalidStateError', new DOMException('not allowed', 'InvalidStateError'), 'blocked'],
    ['a RuleError', new RuleError('perspective-in-use'), 'rule'],
    ['a plain Error', new Error('boom'), 'unknown'],
    ['an AbortError with nothing inside', { name: 'AbortError' }, 'unknown'],
    ['a string', 'boom', 'unknown'],
    ['null', null, 'unknown'],
    ['undefined', undefined, 'unknown'],
  ])('%s is %s', (_label, error, problem) => {
    expect(classifyStorageError(error)).toBe(problem);
  });

  it('keeps the rule code on a RuleError', () => {
    const error = new RuleError('not-sample');
    expect(error.code).toBe('not-sample');
    expect(error).toBeInstanceOf(Error);
  });
});
