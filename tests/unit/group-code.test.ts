import { describe, expect, it } from 'vitest';
import { groupCode } from '../../src/domain/group-code';
import { GROUP_CODES } from '../support/group-code-vectors';

describe('groupCode (the tablet’s side)', () => {
  it.each(GROUP_CODES)('%s is %s', (groupId, code) => {
    expect(groupCode(groupId)).toBe(code);
  });

  it('is five letters or digits with no look-alikes, and 10,000 ids get all but a few codes apart', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 10_000; i += 1) {
      const code = groupCode(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      expect(code).toMatch(/^G-[A-HJKMNP-Z2-9]{5}$/);
      codes.add(code);
    }
    // 29 million codes: 10,000 ids share about 2 by chance (and the office shows the id beside the
    // code); a hash that lost its spread would share hundreds.
    expect(codes.size).toBeGreaterThanOrEqual(9_990);
  });
});
