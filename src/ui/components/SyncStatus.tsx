import { useEffect } from 'preact/hooks';
import { readSyncGlance } from '../../db/settings-repo';
import { isStale, outboxLine } from '../../domain/sync-rules';
import { useLive } from '../../state/use-live';
import { now } from '../../state/clock';
import { t } from '../strings';

/**
 * Always on screen beside the save status: how many summaries wait for the
 * programme office, and why the last send failed. Tiny on purpose — the code
 * that sends loads after the first screen.
 */
export function SyncStatus() {
  const live = useLive(readSyncGlance, []);
  const due = live.status === 'ready' && live.value.waiting > 0 && live.value.configured;
  useEffect(() => {
    // The sending code loads only when something waits to be sent, after the first screen is up.
    if (due) void import('../../sync/sync-runner').then((m) => m.startSync());
  }, [due]);
  // Hold its place while the count loads, or while there is nothing to say, so the header does not
  // grow under the chair's finger. `data-sync-waiting` says the count has loaded.
  const line = live.status === 'ready' ? outboxLine(live.value, now()) : 'hidden';
  if (live.status !== 'ready' || line === 'hidden') {
    return (
      <span class="sync-status sync-status--holding" aria-hidden="true" data-sync-waiting={live.status === 'ready' ? live.value.waiting : undefined}>
        {t.syncStatus.none}
      </span>
    );
  }
  const g = live.value;
  const w = t.syncStatus;
  const stale = isStale(g.oldestWaitingSince, now());
  // Set aside and nothing else waiting: not "all sent".
  const parts = [g.waiting ? w.waiting(g.waiting - g.requests, g.requests) : g.setAside ? '' : g.lastSentAt ? w.allSent : w.none];
  if (line === 'stale-not-set-up') parts.push(w.staleNotSetUp);
  else {
    if (g.waiting && g.lastError) parts.push(w.problem[g.lastError]);
    if (g.setAside) parts.push(w.setAside(g.setAside));
    if (stale) parts.push(w.stale);
  }
  return (
    <a href="#/sync" class={`sync-status${stale || g.setAside || (g.waiting && g.lastError) ? ' sync-status--warn' : ''}`} data-sync-waiting={g.waiting}>
      {parts.filter(Boolean).join(' · ')}
    </a>
  );
}
