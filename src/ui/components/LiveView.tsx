import type { ComponentChildren } from 'preact';
import type { Live } from '../../state/use-live';
import { t } from '../strings';

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
