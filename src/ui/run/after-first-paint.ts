import { useEffect, useState } from 'preact/hooks';

/**
 * False for a screen's first draw, true from the draw after: Preact runs effects once the
 * browser has painted, so what is shown only then (the panels below the fold) no longer
 * holds back the first paint of what is at the top.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted;
}
