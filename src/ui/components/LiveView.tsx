import type { ComponentChildren } from 'preact';
import type { Live } from '../../state/use-live';
import { t } from '../strings';
import { NotFound } from './NotFound';

/** Shows loading and read failures the same way on every screen. */
export function LiveView<T>({ live, children }: { live: Live<T>; children: (value: T) => ComponentChildren }) {
  if (live.status === 'loading') return <p class="loading">{t.loading}</p>;
  if (live.status === 'error') {
    return (
      <p class="save-status save-status--failed" role="alert">
        {t.loadFailed}
      </p>
    );
  }
  return <>{children(live.value)}</>;
}

/**
 * LiveView for a read of one thing that may not be there (a deleted group, an old link): says so
 * in `notFound`'s words, and otherwise draws what was found.
 */
export function LiveFound<T>({ live, notFound, children }: { live: Live<T | null | undefined>; notFound: string; children: (found: T) => ComponentChildren }) {
  return <LiveView live={live}>{(value) => (value == null ? <NotFound message={notFound} /> : children(value))}</LiveView>;
}
