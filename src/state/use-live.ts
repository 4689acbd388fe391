import { useEffect, useState } from 'preact/hooks';
import { watch } from '../db/live';

export type Live<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/** What a query reads, kept current as the database changes. */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [live, setLive] = useState<Live<T>>({ status: 'loading' });
  useEffect(
    () =>
      watch(
        query,
        (value) => setLive({ status: 'ready', value }),
        (error) => setLive({ status: 'error', error }),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  );
  return live;
}
