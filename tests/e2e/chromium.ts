import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
// @ts-expect-error: a plain .mjs module without type declarations
import * as scripts from '../../scripts/chromium.mjs';

/** Debian's Chromium, started as every script starts it (scripts/chromium.mjs). */
export const launchChromium: () => Promise<Browser> = scripts.launchChromium;

/** Chromium with a profile kept in `dir`: closed and launched again, it is the same tablet after a restart. */
export const launchProfile: (dir: string, options?: BrowserContextOptions) => Promise<BrowserContext> = scripts.launchProfile;
