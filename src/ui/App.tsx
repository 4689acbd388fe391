import { useEffect, useState } from 'preact/hooks';
import { readAppLockOn, readLock } from '../db/settings-repo';
import type { CheckInLock } from '../domain/checkin-model';
import { appLockSession } from '../state/app-lock-session';
import { useLive } from '../state/use-live';
import { useStore } from '../state/use-store';
import { NotFound } from './components/NotFound';
import { PageTitle } from './components/PageTitle';
import { SaveStatusBar } from './components/SaveStatusBar';
import { SyncStatus } from './components/SyncStatus';
import { UpdateBanner } from './components/UpdateBanner';
import { VersionChangedBanner } from './components/VersionChangedBanner';
import { lazyScreen } from './lazy-screen';
import { drawRoute, go, preloadOpenedScreen, routeStore, type Route } from './routes';
import { t } from './strings';

// The check-in and the one page a participant may read while it is locked, drawn by the lock
// itself whatever the address says.
const CheckInScreen = lazyScreen(() => import('./screens/CheckInScreen').then((m) => m.CheckInScreen));
const YourInformationScreen = lazyScreen(() => import('./screens/YourInformationScreen').then((m) => m.YourInformationScreen));
const AppLockGate = lazyScreen(() => import('./applock/AppLockGate').then((m) => m.AppLockGate));
const EraseHeard = lazyScreen(() => import('./applock/AppLockPrompt').then((m) => m.EraseHeard));

preloadOpenedScreen();

function Screen({ route }: { route: Route }) {
  return drawRoute(route) ?? <NotFound />;
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
