import type { EpochMs } from '../domain/model';

/** The one clock. Everything that runs is derived from stored timestamps and this. */
let source: () => EpochMs = () => Date.now();

export function now(): EpochMs {
  return source();
}

export function setClockForTests(next: (() => EpochMs) | null): void {
  source = next ?? (() => Date.now());
}
