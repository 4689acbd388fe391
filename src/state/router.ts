import { createStore, type StoreApi } from 'zustand/vanilla';

/** `groups/:groupId/people/:personId` → `{ groupId: string; personId: string }`. */
export type ParamsOf<Path extends string> = Path extends `${infer Head}/${infer Rest}` ? SegmentParam<Head> & ParamsOf<Rest> : SegmentParam<Path>;
type SegmentParam<Segment extends string> = Segment extends `:${infer Name}` ? { [K in Name]: string } : Record<never, never>;
type Flatten<T> = { [K in keyof T]: T[K] };

export type RouteTable = Record<string, { path: string }>;
export const NOT_FOUND = { name: 'not-found' } as const;
export type RouteOf<Table extends RouteTable> =
  | { [Name in keyof Table & string]: Flatten<{ name: Name } & ParamsOf<Table[Name]['path']>> }[keyof Table & string]
  | typeof NOT_FOUND;

export interface Router<Route extends { name: string }> {
  /** Routes live in the hash so every screen opens from the one cached index.html, offline. */
  parse(hash: string): Route;
  pathOf(route: Route): string;
  store: StoreApi<{ route: Route }>;
  /** Follows the address bar; returns the way to stop. */
  start(): () => void;
  go(route: Route, options?: { replace?: boolean }): void;
}

interface Pattern {
  name: string;
  segments: string[];
  params: number;
}

/**
 * The router for a table of path patterns: literal segments must match, `:name` takes any one
 * segment. Where two patterns match (`groups/new`, `groups/:groupId`) the one with fewer
 * parameters wins, so the table's order never matters.
 */
export function createRouter<Table extends RouteTable>(table: Table): Router<RouteOf<Table>> {
  type Route = RouteOf<Table>;
  const patterns: Pattern[] = Object.entries(table)
    .map(([name, { path }]) => {
      const segments = path.split('/').filter(Boolean);
      return { name, segments, params: segments.filter((s) => s.startsWith(':')).length };
    })
    .sort((a, b) => a.params - b.params);

  function parse(hash: string): Route {
    let parts: string[];
    try {
      parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      // A hand-typed or truncated link with a broken %-escape is not a page, not a crash.
      return NOT_FOUND;
    }
    for (const { name, segments } of patterns) {
      if (segments.length !== parts.length) continue;
      const route: Record<string, string> = { name };
      const matches = segments.every((segment, i) => {
        if (segment.startsWith(':')) return Boolean((route[segment.slice(1)] = parts[i]!));
        return segment === parts[i];
      });
      if (matches) return route as Route;
    }
    return NOT_FOUND;
  }

  function pathOf(route: Route): string {
    const pattern = table[route.name]?.path;
    if (pattern === undefined) return '#/';
    const params = route as unknown as Record<string, string>;
    const segments = pattern.split('/').filter(Boolean).map((s) => (s.startsWith(':') ? encodeURIComponent(params[s.slice(1)]!) : s));
    return `#/${segments.join('/')}`;
  }

  const store = createStore<{ route: Route }>(() => ({ route: parse(globalThis.location?.hash ?? '') }));

  return {
    parse,
    pathOf,
    store,
    start() {
      const follow = () => store.setState({ route: parse(location.hash) });
      follow();
      addEventListener('hashchange', follow);
      return () => removeEventListener('hashchange', follow);
    },
    go(route, options = {}) {
      const path = pathOf(route);
      if (options.replace) {
        history.replaceState(null, '', path);
        store.setState({ route });
      } else {
        location.hash = path;
      }
    },
  };
}
