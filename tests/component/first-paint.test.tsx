import { cleanup, render, screen } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyScreen } from '../../src/ui/lazy-screen';
import { t } from '../../src/ui/strings';

afterEach(cleanup);

describe('before the app has drawn', () => {
  it('index.html shows the loading line in the catalogue words, the one the app shows while it reads the device', () => {
    const html = readFileSync(resolve(__dirname, '../../index.html'), 'utf8');
    const shell = /<div id="app">([\s\S]*?)<\/div>/.exec(html)?.[1];
    expect(shell).toBe(`<p class="loading">${t.loading}</p>`);
  });
});

describe('a screen loaded when first opened', () => {
  it('fetches its code once, whether asked ahead or when drawn, and draws it', async () => {
    const load = vi.fn(async () => ({ name }: { name: string }) => <h1>Hello {name}</h1>);
    const Screen = lazyScreen(load);
    const ahead = Screen.preload();
    render(<Screen name="Ada" />);
    expect(screen.getByText(t.loading)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Hello Ada' })).toBeTruthy();
    await ahead;
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again when drawn after fetching ahead failed, and says so if it fails again', async () => {
    const load = vi.fn(() => Promise.reject(new Error('offline')));
    const Screen = lazyScreen(load);
    await expect(Screen.preload()).rejects.toThrow('offline');
    render(<Screen />);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', t.loadFailed);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('draws at once when its code was fetched ahead', async () => {
    const Screen = lazyScreen(async () => () => <h1>Ready</h1>);
    await Screen.preload();
    render(<Screen />);
    expect(screen.getByRole('heading', { name: 'Ready' })).toBeTruthy();
  });
});
