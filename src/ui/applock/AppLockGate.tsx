import { useEffect, useRef } from 'preact/hooks';
import { useTouchWatch } from '../../state/use-touch-watch';
import { readAppLockState, type AppLockState } from '../../db/app-lock-repo';
import { isIdle } from '../../domain/app-lock';
import { lockNow, noteActivity } from '../../state/app-lock-actions';
import { appLockSession } from '../../state/app-lock-session';
import { now } from '../../state/clock';
import { go, routeStore, type Route } from '../routes';
import { useLive } from '../../state/use-live';
import { useStore } from '../../state/use-store';
import { LiveView } from '../components/LiveView';
import { t } from '../strings/all';
import { AppLockPrompt } from './AppLockPrompt';

/**
 * Loaded only when the device PIN is on. While Heard is open it watches for
 * touches and locks after the chosen idle time; while locked it shows the
 * PIN prompt over everything. A running check-in is never locked for being
 * idle: the tablet is being handed round, and the check-in's own lock
 * already keeps the chair's screens shut.
 */
export function AppLockGate({ covered, checkIn }: { covered: boolean; checkIn: boolean }) {
  const state = useLive(readAppLockState, []);
  const latest = useRef<{ state: AppLockState | null; checkIn: boolean }>({ state: null, checkIn });
  latest.current = { state: state.status === 'ready' ? state.value : null, checkIn };
  useIdleLock(!covered, latest);
  useRouteHeld(covered);
  useFocusKept(covered);
  if (!covered) return null;
  return (
    <div class="app-lock">
      <header class="app-header">
        <span class="app-header__name">{t.appName}</span>
      </header>
      <main class="app-main" tabIndex={-1}>
        <LiveView live={state}>{(found) => <AppLockPrompt wrongPinAt={found.wrongPinAt} />}</LiveView>
      </main>
    </div>
  );
}

function useIdleLock(active: boolean, latest: { current: { state: AppLockState | null; checkIn: boolean } }) {
  useTouchWatch(
    active,
    (lastTouch) => {
      const { state, checkIn } = latest.current;
      if (!state?.config || checkIn) return;
      // The latest of: this tab's last touch, any tab's stored touch, and the unlock itself.
      const last = Math.max(lastTouch, state.lastActivityAt ?? 0, appLockSession.getState().openedAt);
      if (isIdle(last, state.config.idleMinutes, now())) lockNow();
    },
    noteActivity,
  );
}

/** While locked, a typed address or Back cannot move the screen underneath: after the PIN the chair is where they were. */
function useRouteHeld(covered: boolean) {
  const route = useStore(routeStore, (s) => s.route);
  const held = useRef<Route | null>(null);
  if (!covered) held.current = null;
  else held.current ??= route;
  useEffect(() => {
    const keep = held.current;
    if (covered && keep && JSON.stringify(keep) !== JSON.stringify(route)) go(keep, { replace: true });
  }, [covered, route]);
}

/** Focus goes back to where it was before the lock, so a keyboard user carries on from the same place. */
function useFocusKept(covered: boolean) {
  const focused = useRef<Element | null>(null);
  useEffect(() => {
    if (covered) return;
    const was = focused.current;
    if (was instanceof HTMLElement && was.isConnected) was.focus();
    const remember = (event: FocusEvent) => {
      const target = event.target as Element;
      // The prompt's own heading takes focus as the lock shows: that is not where the chair was.
      if (!target.closest('.app-lock')) focused.current = target;
    };
    document.addEventListener('focusin', remember);
    return () => document.removeEventListener('focusin', remember);
  }, [covered]);
}
