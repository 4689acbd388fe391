import { isAnyMeetingRunning } from '../../db/settings-repo';
import { updateStore } from '../../pwa/update';
import { useLive } from '../../state/use-live';
import { useStore } from '../../state/use-store';
import { t } from '../strings';

/** Offers a new version, but never while a meeting is running: updating reloads the page. */
export function UpdateBanner() {
  const { ready, apply } = useStore(updateStore, (s) => s);
  const running = useLive(isAnyMeetingRunning, []);
  if (!ready) return null;
  const busy = running.status !== 'ready' || running.value;
  return (
    <div class="banner" role="region" aria-label={t.update.ready}>
      {busy ? (
        <p>{t.update.waitingForMeeting}</p>
      ) : (
        <>
          <p>{t.update.ready}</p>
          <button type="button" class="button" onClick={apply}>
            {t.update.now}
          </button>
        </>
      )}
    </div>
  );
}
