import { versionChangedStore } from '../../state/device';
import { useStore } from '../../state/use-store';
import { t } from '../strings';

export function VersionChangedBanner() {
  const mustReload = useStore(versionChangedStore, (s) => s.mustReload);
  if (!mustReload) return null;
  return (
    <div class="banner banner--warning" role="alert">
      <p>{t.versionChanged[mustReload]}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {t.reload}
      </button>
    </div>
  );
}
