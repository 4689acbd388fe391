import { describe, expect, it } from 'vitest';
import { roughSize } from '../../src/ui/format-size';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('roughSize', () => {
  // Sizes in the words people read: whole MB, GB to one place under 10 and whole above; never "10241.1 MB".
  it.each([
    [0, 'less than 1 MB'],
    [627 * 1024, 'less than 1 MB'],
    [MB, '1 MB'],
    [1.4 * MB, '1 MB'],
    [12.6 * MB, '13 MB'],
    [1023.4 * MB, '1023 MB'],
    [GB, '1 GB'],
    [2.54 * GB, '2.5 GB'],
    [9.96 * GB, '10 GB'],
    [10241.1 * MB, '10 GB'],
    [117.6 * GB, '118 GB'],
  ])('%d bytes → %s', (bytes, words) => {
    expect(roughSize(bytes)).toBe(words);
  });
});
