import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './strings';

/**
 * Loads a screen's code when it is first opened, keeping the first screen
 * small. Without preact/compat's lazy, which would cost more than it saves.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Screen) return;
      load().then(
        (component) => {
          loaded = component;
          setScreen(() => component);
        },
        () => setFailed(true),
      );
    }, []);
    if (failed) return <p role="alert">{t.loadFailed}</p>;
    return Screen ? <Screen {...props} /> : <p class="loading">{t.loading}</p>;
  };
}
