import { describe, expect, it } from 'vitest';
import { checkPerspectives, PERSPECTIVE_MAX_LENGTH } from '../../src/domain/group-rules';
import { DEFAULT_PERSPECTIVES } from '../../src/domain/perspectives';

const p = (id: string, label: string) => ({ id, label });

describe('checkPerspectives', () => {
  it('has no problems with the default list', () => {
    expect(checkPerspectives(DEFAULT_PERSPECTIVES)).toEqual({});
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(PERSPECTIVE_MAX_LENGTH + 1), 'too-long'],
  ] as const)('label %j is %s, keyed by the perspective id', (label, problem) => {
    expect(checkPerspectives([p('carer', 'Carer'), p('new', label)])).toEqual({ new: problem });
  });

  it('accepts a label of exactly the maximum length', () => {
    expect(checkPerspectives([p('long', 'x'.repeat(PERSPECTIVE_MAX_LENGTH))])).toEqual({});
  });

  it.each(['Carer', 'carer', 'CARER', '  carer  ', 'Carer\u00a0'])(
    'flags %j as a duplicate of "Carer", but only the later one',
    (label) => {
      // The first of two equal labels is fine; the one repeating it is the problem.
      expect(checkPerspectives([p('a', 'Carer'), p('b', label)])).toEqual({ b: 'duplicate' });
    },
  );

  it('treats labels differing only in spacing as duplicates', () => {
    expect(checkPerspectives([p('a', 'Lived experience'), p('b', 'lived   experience')])).toEqual({ b: 'duplicate' });
  });

  it('flags every repeat in a list with three equal labels', () => {
    expect(checkPerspectives([p('a', 'Staff'), p('b', 'staff'), p('c', 'STAFF')])).toEqual({ b: 'duplicate', c: 'duplicate' });
  });

  it('does not call an empty label a duplicate of another empty label', () => {
    expect(checkPerspectives([p('a', ''), p('b', ' ')])).toEqual({ a: 'empty', b: 'empty' });
  });
});
