import { useEffect, useState } from 'preact/hooks';
import { readAppLockOn } from '../../db/settings-repo';
import { askToPersistNow, readStorageInfo, type StorageInfo } from '../../state/device';
import { useLive } from '../../state/use-live';
import { PageTitle } from '../components/PageTitle';
import { RestoreSection } from '../record/RestoreSection';
import { t } from '../strings';
import { roughSize } from '../format-size';
import { t as words } from '../strings/all';

export function DeviceScreen() {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const refresh = () => void readStorageInfo().then(setInfo);
  useEffect(refresh, []);
  const controlled = 'serviceWorker' in navigator && Boolean(navigator.serviceWorker.controller);
  return (
    <>
      <PageTitle text={t.device.title} />
      <p>{t.device.intro}</p>
      <dl class="facts">
        <dt>{t.device.storageUsed}</dt>
        <dd data-testid="storage-used">
          {info?.usage != null && info.quota != null ? t.device.usage(roughSize(info.usage), roughSize(Math.max(0, info.quota - info.usage))) : info ? t.device.unknown : t.loading}
        </dd>
        <dt>{t.device.persistent}</dt>
        <dd data-testid="storage-persistent">{info ? (info.persisted ? t.device.persistentYes : t.device.persistentNo) : t.loading}</dd>
        <dt>{t.device.offline}</dt>
        <dd>{controlled ? t.device.offlineYes : t.device.offlineNo}</dd>
        <dt>{t.device.version}</dt>
        <dd>{__APP_VERSION__}</dd>
      </dl>
      {info && info.supported && !info.persisted ? (
        <button type="button" class="button button--secondary" onClick={() => void askToPersistNow().then(refresh)}>
          {t.device.askPersist}
        </button>
      ) : null}
      <PrivacyLinks />
      <RestoreSection />
    </>
  );
}

/** Where a chair locks the tablet and where anyone reads what Heard keeps. */
function PrivacyLinks() {
  const lockOn = useLive(readAppLockOn, []);
  const w = words.lock;
  return (
    <section aria-labelledby="device-privacy">
      <h2 id="device-privacy">{w.deviceTitle}</h2>
      <ul class="link-line">
        <li>
          <a href="#/app-lock">{w.appLock.link}</a>
          {lockOn.status === 'ready' ? ` ${lockOn.value ? w.deviceLockOn : w.deviceLockOff}` : null}
        </li>
        <li>
          <a href="#/your-information">{w.yourInformation.title}</a>
        </li>
      </ul>
    </section>
  );
}
