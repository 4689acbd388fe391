import { useEffect, useState } from 'preact/hooks';
import { readAppLockOn, readLock } from '../db/settings-repo';
import type { CheckInLock } from '../domain/checkin-model';
import { appLockSession } from '../state/app-lock-session';
import { go, routeStore, type Route } from '../state/router';
import { useLive } from '../state/use-live';
import { useStore } from '../state/use-store';
import { NotFound } from './components/NotFound';
import { PageTitle } from './components/PageTitle';
import { SaveStatusBar } from './components/SaveStatusBar';
import { SyncStatus } from './components/SyncStatus';
import { UpdateBanner } from './components/UpdateBanner';
import { VersionChangedBanner } from './components/VersionChangedBanner';
import { lazyScreen } from './lazy-screen';
import { HomeScreen } from './screens/HomeScreen';
import { t } from './strings';

const NewGroupScreen = lazyScreen(() => import('./screens/NewGroupScreen').then((m) => m.NewGroupScreen));
const GroupScreen = lazyScreen(() => import('./screens/GroupScreen').then((m) => m.GroupScreen));
const NewMeetingScreen = lazyScreen(() => import('./screens/MeetingFormScreen').then((m) => m.NewMeetingScreen));
const EditMeetingScreen = lazyScreen(() => import('./screens/MeetingFormScreen').then((m) => m.EditMeetingScreen));
const MeetingScreen = lazyScreen(() => import('./screens/MeetingScreen').then((m) => m.MeetingScreen));
const GroundRulesScreen = lazyScreen(() => import('./screens/GroundRulesScreen').then((m) => m.GroundRulesScreen));
const AgendaItemScreen = lazyScreen(() => import('./screens/AgendaItemScreen').then((m) => m.AgendaItemScreen));
const RunScreen = lazyScreen(() => import('./screens/RunScreen').then((m) => m.RunScreen));
const DissentRegisterScreen = lazyScreen(() => import('./screens/DissentRegisterScreen').then((m) => m.DissentRegisterScreen));
const YouSaidWeDidScreen = lazyScreen(() => import('./screens/YouSaidWeDidScreen').then((m) => m.YouSaidWeDidScreen));
const CheckInScreen = lazyScreen(() => import('./screens/CheckInScreen').then((m) => m.CheckInScreen));
const RecordScreen = lazyScreen(() => import('./screens/RecordScreen').then((m) => m.RecordScreen));
const GroupReviewScreen = lazyScreen(() => import('./screens/GroupReviewScreen').then((m) => m.GroupReviewScreen));
const SyncScreen = lazyScreen(() => import('./screens/SyncScreen').then((m) => m.SyncScreen));
const DeviceScreen = lazyScreen(() => import('./screens/DeviceScreen').then((m) => m.DeviceScreen));
const PersonScreen = lazyScreen(() => import('./screens/PersonScreen').then((m) => m.PersonScreen));
const DeleteMeetingScreen = lazyScreen(() => import('./screens/DeleteMeetingScreen').then((m) => m.DeleteMeetingScreen));
const DeleteGroupScreen = lazyScreen(() => import('./screens/DeleteGroupScreen').then((m) => m.DeleteGroupScreen));
const RetentionScreen = lazyScreen(() => import('./screens/RetentionScreen').then((m) => m.RetentionScreen));
const YourInformationScreen = lazyScreen(() => import('./screens/YourInformationScreen').then((m) => m.YourInformationScreen));
const AppLockScreen = lazyScreen(() => import('./screens/AppLockScreen').then((m) => m.AppLockScreen));
const AppLockGate = lazyScreen(() => import('./applock/AppLockGate').then((m) => m.AppLockGate));
const EraseHeard = lazyScreen(() => import('./applock/AppLockPrompt').then((m) => m.EraseHeard));

// Opened straight at a screen (a reload, a bookmark, a first visit), its code is fetched while the
// database opens and the locks are read, not only once the screen is about to be drawn.
const SCREEN_OF: Partial<Record<Route['name'], { preload(): Promise<unknown> }>> = {
  'new-group': NewGroupScreen,
  group: GroupScreen,
  'new-meeting': NewMeetingScreen,
  meeting: MeetingScreen,
  'edit-meeting': EditMeetingScreen,
  rules: GroundRulesScreen,
  'new-item': AgendaItemScreen,
  'edit-item': AgendaItemScreen,
  run: RunScreen,
  register: DissentRegisterScreen,
  'you-said-we-did': YouSaidWeDidScreen,
  checkin: CheckInScreen,
  record: RecordScreen,
  'group-review': GroupReviewScreen,
  sync: SyncScreen,
  device: DeviceScreen,
  person: PersonScreen,
  'delete-meeting': DeleteMeetingScreen,
  'delete-group': DeleteGroupScreen,
  retention: RetentionScreen,
  'your-information': YourInformationScreen,
  'app-lock': AppLockScreen,
};
SCREEN_OF[routeStore.getState().route.name]?.preload().catch(() => {
  // The screen says so itself when it is drawn and its code still cannot be loaded.
});

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'new-group':
      return <NewGroupScreen />;
    case 'group':
      return <GroupScreen key={route.groupId} groupId={route.groupId} />;
    case 'new-meeting':
      return <NewMeetingScreen key={route.groupId ?? ''} groupId={route.groupId} />;
    case 'meeting':
      return <MeetingScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'edit-meeting':
      return <EditMeetingScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'rules':
      return <GroundRulesScreen key={route.groupId} groupId={route.groupId} />;
    case 'new-item':
      return <AgendaItemScreen key={`${route.meetingId}/new`} meetingId={route.meetingId} itemId={null} />;
    case 'edit-item':
      return <AgendaItemScreen key={route.itemId} meetingId={route.meetingId} itemId={route.itemId} />;
    case 'run':
      return <RunScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'register':
      return <DissentRegisterScreen key={route.groupId} groupId={route.groupId} />;
    case 'you-said-we-did':
      return <YouSaidWeDidScreen key={route.groupId} groupId={route.groupId} />;
    case 'checkin':
      return <CheckInScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'record':
      return <RecordScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'group-review':
      return <GroupReviewScreen key={route.groupId} groupId={route.groupId} />;
    case 'sync':
      return <SyncScreen />;
    case 'device':
      return <DeviceScreen />;
    case 'person':
      return <PersonScreen key={route.personId} groupId={route.groupId} personId={route.personId} />;
    case 'delete-meeting':
      return <DeleteMeetingScreen key={route.meetingId} meetingId={route.meetingId} />;
    case 'delete-group':
      return <DeleteGroupScreen key={route.groupId} groupId={route.groupId} />;
    case 'retention':
      return <RetentionScreen key={route.groupId} groupId={route.groupId} />;
    case 'your-information':
      return <YourInformationScreen />;
    case 'app-lock':
      return <AppLockScreen />;
    case 'not-found':
      return <NotFound />;
  }
}

/**
 * While a check-in is locked, the tablet shows only the check-in, whatever the
 * address says: no header link, no footer, no typed hash or Back reaches a
 * chair's screen. The lock is stored, so a reload comes back here too.
 */
function LockedApp({ lock, route }: { lock: CheckInLock; route: Route }) {
  // One page besides the check-in: what happens to a participant's information, read before they answer.
  const reading = route.name === 'your-information';
  const here = reading || (route.name === 'checkin' && route.meetingId === lock.meetingId);
  useEffect(() => {
    // Replace, never push: the address bar shows the check-in and history does not grow.
    if (!here) go({ name: 'checkin', meetingId: lock.meetingId }, { replace: true });
  }, [here, lock.meetingId]);
  return (
    <>
      <header class="app-header">
        <span class="app-header__name">{t.appName}</span>
        <SaveStatusBar />
      </header>
      <main id="main" tabIndex={-1} class="app-main">
        {reading ? <YourInformationScreen groupId={lock.groupId} checkInId={lock.meetingId} /> : <CheckInScreen key={lock.meetingId} meetingId={lock.meetingId} />}
      </main>
    </>
  );
}

export function App() {
  const route = useStore(routeStore, (s) => s.route);
  const lock = useLive(readLock, []);
  const appLock = useLive(readAppLockOn, []);
  const open = useStore(appLockSession, (s) => s.open);
  // Until the locks are read, show nothing a participant could use to leave them.
  if (lock.status === 'loading' || appLock.status === 'loading') return <p class="loading">{t.loading}</p>;
  // A lock that cannot be read is never taken for no lock: Heard stays shut and says why.
  if (lock.status === 'error' || appLock.status === 'error') return <LockUnreadable />;
  const checkIn = lock.status === 'ready' ? lock.value : null;
  const lockOn = appLock.status === 'ready' && appLock.value;
  // The device PIN covers whatever is open, check-in included, and never removes it: screens keep their state and clocks run on.
  const covered = lockOn && !open;
  return (
    <>
      <div hidden={covered}>{checkIn ? <LockedApp lock={checkIn} route={route} /> : <OpenApp route={route} />}</div>
      {lockOn ? <AppLockGate covered={covered} checkIn={Boolean(checkIn)} /> : null}
    </>
  );
}

function LockUnreadable() {
  const [erasing, setErasing] = useState(false);
  const w = t.lockUnreadable;
  return (
    <div class="app-lock">
      <header class="app-header">
        <span class="app-header__name">{t.appName}</span>
      </header>
      {/* The commonest reason: a newer Heard has the database, and this page must be reloaded. */}
      <VersionChangedBanner />
      <main class="app-main" tabIndex={-1}>
        {erasing ? (
          <EraseHeard onCancel={() => setErasing(false)} />
        ) : (
          <>
            <PageTitle text={w.title} />
            <p class="lede">{w.why}</p>
            <p>{w.whatToDo}</p>
            <div class="actions">
              <button type="button" class="button" onClick={() => location.reload()}>
                {t.reload}
              </button>
              <button type="button" class="button button--warning" onClick={() => setErasing(true)}>
                {w.erase}
              </button>
            </div>
          </>
        )}
      </main>
    </div>
  );
}

function OpenApp({ route }: { route: Route }) {
  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t.skipToContent}
      </a>
      <header class="app-header">
        <a class="app-header__name" href="#/">
          {t.appName}
        </a>
        <SaveStatusBar />
        <SyncStatus />
      </header>
      <VersionChangedBanner />
      <UpdateBanner />
      <main id="main" tabIndex={-1} class="app-main">
        <Screen route={route} />
      </main>
      <footer class="app-footer">
        <nav aria-label={t.appName}>
          <a href="#/">{t.nav.home}</a>
          <a href="#/device">{t.nav.device}</a>
          <a href="#/sync">{t.syncStatus.link}</a>
        </nav>
      </footer>
    </>
  );
}
