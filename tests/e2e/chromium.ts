import { spawn } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
// @ts-expect-error: a plain .mjs module without type declarations
import * as scripts from '../../scripts/chromium.mjs';

/** Debian's Chromium, started as every script starts it (scripts/chromium.mjs). */
export const launchChromium: () => Promise<Browser> = scripts.launchChromium;

/** Chromium with a profile kept in `dir`: closed and launched again, it is the same tablet after a restart. */
export const launchProfile: (dir: string, options?: BrowserContextOptions) => Promise<BrowserContext> = scripts.launchProfile;

export interface KillableBrowser {
  /** The profile's own context: the tablet's one browser window. */
  context: BrowserContext;
  /** Every Chromium process (browser, renderers, GPU, network, storage) SIGKILLed at once, as a flat battery would. */
  kill: () => Promise<void>;
}

/**
 * Chromium with a profile kept in `dir`, started by this process in a process
 * group of its own (not by Playwright), so the whole browser can be killed
 * outright: no shutdown, no flushing, the storage service included. Playwright
 * drives it over the DevTools protocol.
 */
export async function launchKillable(dir: string): Promise<KillableBrowser> {
  const args: string[] = [...scripts.CHROMIUM_ARGS, '--headless', `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank'];
  const child = spawn(scripts.CHROMIUM_PATH as string, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const endpoint = await new Promise<string>((done, fail) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not start: ${seen}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (found) {
        clearTimeout(timer);
        done(found[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`Chromium exited (${code}) before it listened: ${seen}`)));
  });
  // Keeps reading so a chatty Chromium never blocks on a full pipe.
  child.stderr!.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    context: browser.contexts()[0]!,
    kill: async () => {
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      await browser.close().catch(() => {});
    },
  };
}
