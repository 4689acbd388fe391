import { formatClock } from '../dates';
import { saveStatusStore } from '../../state/save-status';
import { useStore } from '../../state/use-store';
import { t } from '../strings';

/** Always on screen: the chair can see that every tap is on the device. */
export function SaveStatusBar() {
  const status = useStore(saveStatusStore, (s) => s);
  if (status.phase === 'failed') {
    return (
      <p class="save-status save-status--failed" role="alert">
        {t.save.failed[status.problem]}
      </p>
    );
  }
  const text =
    status.phase === 'saving' ? t.save.saving : status.phase === 'saved' ? `${t.save.saved} · ${formatClock(status.at)}` : t.save.idle;
  return (
    <p class={`save-status save-status--${status.phase}`} role="status" data-save-phase={status.phase}>
      <span aria-hidden="true" class="save-status__mark">
        {status.phase === 'saved' ? '✓' : ''}
      </span>
      {text}
    </p>
  );
}
