import { createStore } from 'zustand/vanilla';
import { registerSW } from 'virtual:pwa-register';
import { now } from '../state/clock';

interface UpdateState {
  /** A new version is installed and waiting for the chair's consent. */
  ready: boolean;
  offlineReady: boolean;
  apply: () => void;
}

export const updateStore = createStore<UpdateState>(() => ({ ready: false, offlineReady: false, apply: () => {} }));

const HOUR_MS = 60 * 60 * 1000;

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    onNeedRefresh: () => updateStore.setState({ ready: true }),
    onOfflineReady: () => updateStore.setState({ offlineReady: true }),
    // The reload is ours (below), so it also happens on a page first opened before any
    // service worker controlled it, which the plugin's own reload skips.
    onNeedReload: () => {},
    onRegisteredSW: (_url, registration) => {
      // A tablet left open for days still learns of new versions; it only ever asks.
      if (registration) setInterval(() => void registration.update().catch(() => {}), HOUR_MS);
    },
  });
  updateStore.setState({
    apply: () => {
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
      void updateSW(false);
    },
  });
}

const RECOVERY_KEY = 'heard-chunk-reload-at';

/**
 * After an update, an old page may ask for a code file the server no longer has.
 * Reload once to pick up the new files; if that happened in the last minute, stop
 * and let the error show rather than loop.
 */
export function recoverFromStaleChunks(): void {
  addEventListener('vite:preloadError', (event) => {
    const last = Number(sessionStorage.getItem(RECOVERY_KEY) ?? 0);
    const at = now();
    if (at - last < 60_000) return;
    sessionStorage.setItem(RECOVERY_KEY, String(at));
    event.preventDefault();
    location.reload();
  });
}
