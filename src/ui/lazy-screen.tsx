import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './strings';

export type LazyScreen<P extends object> = ComponentType<P> & {
  /** Starts fetching the screen's code now, before it is drawn (once; again after a failure). */
  preload(): Promise<ComponentType<P>>;
};

/**
 * Loads a screen's code (or a large part of one) when it is first drawn,
 * keeping the first screen small. Without preact/compat's lazy, which would
 * cost more than it saves.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Screen) return;
      preload().then(
        (component) => setScreen(() => component),
        () => setFailed(true),
      );
    }, [Screen]);
    if (failed) return <p role="alert">{t.loadFailed}</p>;
    return Screen ? <Screen {...props} /> : <p class="loading">{t.loading}</p>;
  }
  return Object.assign(LazyScreen, { preload });
}
