import { createStore } from 'zustand/vanilla';

export type Route =
  | { name: 'home' }
  | { name: 'new-group' }
  | { name: 'group'; groupId: string }
  | { name: 'new-meeting'; groupId: string | null }
  | { name: 'meeting'; meetingId: string }
  | { name: 'edit-meeting'; meetingId: string }
  | { name: 'rules'; groupId: string }
  | { name: 'new-item'; meetingId: string }
  | { name: 'edit-item'; meetingId: string; itemId: string }
  | { name: 'run'; meetingId: string }
  | { name: 'register'; groupId: string }
  | { name: 'you-said-we-did'; groupId: string }
  | { name: 'checkin'; meetingId: string }
  | { name: 'record'; meetingId: string }
  | { name: 'group-review'; groupId: string }
  | { name: 'sync' }
  | { name: 'device' }
  | { name: 'person'; groupId: string; personId: string }
  | { name: 'delete-meeting'; meetingId: string }
  | { name: 'delete-group'; groupId: string }
  | { name: 'retention'; groupId: string }
  | { name: 'your-information' }
  | { name: 'app-lock' }
  | { name: 'not-found' };

/** Routes live in the hash so every screen opens from the one cached index.html, offline. */
export function parseRoute(hash: string): Route {
  let parts: string[];
  try {
    parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    // A hand-typed or truncated link with a broken %-escape is not a page, not a crash.
    return { name: 'not-found' };
  }
  const [first, second, third, fourth] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'device' && parts.length === 1) return { name: 'device' };
  if (first === 'sync' && parts.length === 1) return { name: 'sync' };
  if (first === 'your-information' && parts.length === 1) return { name: 'your-information' };
  if (first === 'app-lock' && parts.length === 1) return { name: 'app-lock' };
  if (first === 'groups' && second && third === 'people' && fourth && parts.length === 4) return { name: 'person', groupId: second, personId: fourth };
  if (first === 'meetings' && second && third === 'delete' && parts.length === 3) return { name: 'delete-meeting', meetingId: second };
  if (first === 'groups' && second && third === 'delete' && parts.length === 3) return { name: 'delete-group', groupId: second };
  if (first === 'groups' && second && third === 'retention' && parts.length === 3) return { name: 'retention', groupId: second };
  if (first === 'meetings' && second && third === 'record' && parts.length === 3) return { name: 'record', meetingId: second };
  if (first === 'groups' && second && third === 'review' && parts.length === 3) return { name: 'group-review', groupId: second };
  if (first === 'groups' && second === 'new' && parts.length === 2) return { name: 'new-group' };
  if (first === 'groups' && second && parts.length === 2) return { name: 'group', groupId: second };
  if (first === 'groups' && second && third === 'meetings' && fourth === 'new' && parts.length === 4) return { name: 'new-meeting', groupId: second };
  if (first === 'meetings' && second === 'new' && parts.length === 2) return { name: 'new-meeting', groupId: null };
  if (first === 'meetings' && second && parts.length === 2) return { name: 'meeting', meetingId: second };
  if (first === 'meetings' && second && third === 'edit' && parts.length === 3) return { name: 'edit-meeting', meetingId: second };
  if (first === 'groups' && second && third === 'rules' && parts.length === 3) return { name: 'rules', groupId: second };
  if (first === 'meetings' && second && third === 'run' && parts.length === 3) return { name: 'run', meetingId: second };
  if (first === 'meetings' && second && third === 'checkin' && parts.length === 3) return { name: 'checkin', meetingId: second };
  if (first === 'groups' && second && third === 'register' && parts.length === 3) return { name: 'register', groupId: second };
  if (first === 'groups' && second && third === 'you-said-we-did' && parts.length === 3) return { name: 'you-said-we-did', groupId: second };
  if (first === 'meetings' && second && third === 'items' && fourth === 'new' && parts.length === 4) return { name: 'new-item', meetingId: second };
  if (first === 'meetings' && second && third === 'items' && fourth && parts.length === 4) return { name: 'edit-item', meetingId: second, itemId: fourth };
  return { name: 'not-found' };
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'home':
    case 'not-found':
      return '#/';
    case 'new-group':
      return '#/groups/new';
    case 'group':
      return `#/groups/${encodeURIComponent(route.groupId)}`;
    case 'new-meeting':
      return route.groupId ? `#/groups/${encodeURIComponent(route.groupId)}/meetings/new` : '#/meetings/new';
    case 'meeting':
      return `#/meetings/${encodeURIComponent(route.meetingId)}`;
    case 'edit-meeting':
      return `#/meetings/${encodeURIComponent(route.meetingId)}/edit`;
    case 'rules':
      return `#/groups/${encodeURIComponent(route.groupId)}/rules`;
    case 'new-item':
      return `#/meetings/${encodeURIComponent(route.meetingId)}/items/new`;
    case 'edit-item':
      return `#/meetings/${encodeURIComponent(route.meetingId)}/items/${encodeURIComponent(route.itemId)}`;
    case 'run':
      return `#/meetings/${encodeURIComponent(route.meetingId)}/run`;
    case 'register':
      return `#/groups/${encodeURIComponent(route.groupId)}/register`;
    case 'you-said-we-did':
      return `#/groups/${encodeURIComponent(route.groupId)}/you-said-we-did`;
    case 'checkin':
      return `#/meetings/${encodeURIComponent(route.meetingId)}/checkin`;
    case 'record':
      return `#/meetings/${encodeURIComponent(route.meetingId)}/record`;
    case 'group-review':
      return `#/groups/${encodeURIComponent(route.groupId)}/review`;
    case 'sync':
      return '#/sync';
    case 'device':
      return '#/device';
    case 'person':
      return `#/groups/${encodeURIComponent(route.groupId)}/people/${encodeURIComponent(route.personId)}`;
    case 'delete-meeting':
      return `#/meetings/${encodeURIComponent(route.meetingId)}/delete`;
    case 'delete-group':
      return `#/groups/${encodeURIComponent(route.groupId)}/delete`;
    case 'retention':
      return `#/groups/${encodeURIComponent(route.groupId)}/retention`;
    case 'your-information':
      return '#/your-information';
    case 'app-lock':
      return '#/app-lock';
  }
}

export const routeStore = createStore<{ route: Route }>(() => ({ route: parseRoute(globalThis.location?.hash ?? '') }));

export function startRouter(): () => void {
  const sync = () => routeStore.setState({ route: parseRoute(location.hash) });
  sync();
  addEventListener('hashchange', sync);
  return () => removeEventListener('hashchange', sync);
}

export function go(route: Route, options: { replace?: boolean } = {}): void {
  const path = pathOf(route);
  if (options.replace) {
    history.replaceState(null, '', path);
    routeStore.setState({ route });
  } else {
    location.hash = path;
  }
}
