import { describe, expect, it } from 'vitest';
import { faceFeatures, faceMood } from '../../src/ui/checkin/pictures';

describe('the faces of a picture scale', () => {
  it.each([3, 5] as const)('on the %i-face scale, each face differs from the next in at least two ways, the mouth always one', (count) => {
    const faces = Array.from({ length: count }, (_, i) => faceFeatures(faceMood(count, i + 1)));
    for (let i = 1; i < faces.length; i++) {
      const [a, b] = [faces[i - 1]!, faces[i]!];
      const differences = (['mouth', 'eyes', 'fill'] as const).filter((feature) => a[feature] !== b[feature]);
      expect(differences, `face ${i} and ${i + 1} of ${count}`).toContain('mouth');
      expect(differences.length, `face ${i} and ${i + 1} of ${count}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('runs from the saddest face (1) to the happiest, so the positive end is on the right', () => {
    expect([1, 2, 3, 4, 5].map((v) => faceFeatures(faceMood(5, v)).mouth)).toEqual(['open-frown', 'frown', 'flat', 'smile', 'open-smile']);
    expect([1, 2, 3].map((v) => faceFeatures(faceMood(3, v)).mouth)).toEqual(['open-frown', 'flat', 'open-smile']);
  });
});
