import type { ComponentType, VNode } from 'preact';
import { createRouter, type ParamsOf, type RouteOf } from '../state/router';
import { lazyScreen, type LazyScreen } from './lazy-screen';
import { HomeScreen } from './screens/HomeScreen';

interface RouteEntry<Path extends string> {
  /** Segments after `#/`; `:name` is a parameter, decoded from the address. */
  path: Path;
  draw(params: ParamsOf<Path>): VNode;
  /** Starts fetching the screen's code, for a screen opened straight from the address. */
  preload?: () => Promise<unknown>;
}

/** A screen whose code is fetched when it is first needed. Keyed by its parameters, so moving
 * from one group (or meeting) to another starts the screen afresh. */
function lazy<const Path extends string, Props extends object>(
  path: Path,
  load: () => Promise<ComponentType<Props>>,
  props: (params: ParamsOf<Path>) => Props,
): RouteEntry<Path> {
  const Screen: LazyScreen<Props> = lazyScreen(load);
  return { path, draw: (params) => <Screen key={JSON.stringify(params)} {...props(params)} />, preload: Screen.preload };
}

const same = <P,>(params: P) => params;

/**
 * Every screen of Heard, once: its address, how its parameters become its props, and its code.
 * Adding a screen is one entry here; the router, links, the screen switch and the preload all
 * come from it.
 */
const ROUTES = {
  home: { path: '' as const, draw: () => <HomeScreen /> },
  'new-group': lazy('groups/new', () => import('./screens/NewGroupScreen').then((m) => m.NewGroupScreen), same),
  group: lazy('groups/:groupId', () => import('./screens/GroupScreen').then((m) => m.GroupScreen), same),
  'new-meeting': lazy('meetings/new', () => import('./screens/MeetingFormScreen').then((m) => m.NewMeetingScreen), () => ({ groupId: null })),
  'new-group-meeting': lazy('groups/:groupId/meetings/new', () => import('./screens/MeetingFormScreen').then((m) => m.NewMeetingScreen), same),
  meeting: lazy('meetings/:meetingId', () => import('./screens/MeetingScreen').then((m) => m.MeetingScreen), same),
  'edit-meeting': lazy('meetings/:meetingId/edit', () => import('./screens/MeetingFormScreen').then((m) => m.EditMeetingScreen), same),
  rules: lazy('groups/:groupId/rules', () => import('./screens/GroundRulesScreen').then((m) => m.GroundRulesScreen), same),
  'new-item': lazy('meetings/:meetingId/items/new', () => import('./screens/AgendaItemScreen').then((m) => m.AgendaItemScreen), (p) => ({ ...p, itemId: null })),
  'edit-item': lazy('meetings/:meetingId/items/:itemId', () => import('./screens/AgendaItemScreen').then((m) => m.AgendaItemScreen), same),
  run: lazy('meetings/:meetingId/run', () => import('./screens/RunScreen').then((m) => m.RunScreen), same),
  register: lazy('groups/:groupId/register', () => import('./screens/DissentRegisterScreen').then((m) => m.DissentRegisterScreen), same),
  'you-said-we-did': lazy('groups/:groupId/you-said-we-did', () => import('./screens/YouSaidWeDidScreen').then((m) => m.YouSaidWeDidScreen), same),
  checkin: lazy('meetings/:meetingId/checkin', () => import('./screens/CheckInScreen').then((m) => m.CheckInScreen), same),
  record: lazy('meetings/:meetingId/record', () => import('./screens/RecordScreen').then((m) => m.RecordScreen), same),
  'group-review': lazy('groups/:groupId/review', () => import('./screens/GroupReviewScreen').then((m) => m.GroupReviewScreen), same),
  sync: lazy('sync', () => import('./screens/SyncScreen').then((m) => m.SyncScreen), () => ({})),
  device: lazy('device', () => import('./screens/DeviceScreen').then((m) => m.DeviceScreen), () => ({})),
  person: lazy('groups/:groupId/people/:personId', () => import('./screens/PersonScreen').then((m) => m.PersonScreen), same),
  'delete-meeting': lazy('meetings/:meetingId/delete', () => import('./screens/DeleteMeetingScreen').then((m) => m.DeleteMeetingScreen), same),
  'delete-group': lazy('groups/:groupId/delete', () => import('./screens/DeleteGroupScreen').then((m) => m.DeleteGroupScreen), same),
  retention: lazy('groups/:groupId/retention', () => import('./screens/RetentionScreen').then((m) => m.RetentionScreen), same),
  'your-information': lazy('your-information', () => import('./screens/YourInformationScreen').then((m) => m.YourInformationScreen), () => ({ groupId: null, checkInId: null })),
  'app-lock': lazy('app-lock', () => import('./screens/AppLockScreen').then((m) => m.AppLockScreen), () => ({})),
} satisfies Record<string, RouteEntry<string>>;

export type Route = RouteOf<typeof ROUTES>;
export type RouteName = Route['name'];

const router = createRouter(ROUTES);
export const { parse: parseRoute, pathOf, go, start: startRouter, store: routeStore } = router;

/** The screen for a route, or null for an address that is no screen of Heard's. */
export function drawRoute(route: Route): VNode | null {
  if (route.name === 'not-found') return null;
  const entry: RouteEntry<string> = ROUTES[route.name];
  return entry.draw(route);
}

// Opened straight at a screen (a reload, a bookmark, a first visit), its code is fetched while the
// database opens and the locks are read, not only once the screen is about to be drawn.
export function preloadOpenedScreen(): void {
  const { route } = routeStore.getState();
  if (route.name === 'not-found') return;
  const entry: RouteEntry<string> = ROUTES[route.name];
  entry.preload?.().catch(() => {
    // The screen says so itself when it is drawn and its code still cannot be loaded.
  });
}
