import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { options } from 'preact';
import { afterEach } from 'vitest';

// Preact runs effects after the next animation frame, with a 35 ms timer as a
// fallback that calls cancelAnimationFrame. A timer still pending when jsdom is
// torn down then throws "cancelAnimationFrame is not defined". jsdom never
// paints, so run effects on a plain timer instead.
options.requestAnimationFrame = (callback) => void setTimeout(callback);

afterEach(() => {
  cleanup();
});
