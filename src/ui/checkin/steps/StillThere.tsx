import { PageTitle } from '../../components/PageTitle';
import { t } from '../../strings/all';
import { Step } from '../answers';

/** Asked after a while without a touch mid-check-in; no answer clears it. */
export function StillThere({ onStillHere }: { onStillHere: () => void }) {
  return (
    <Step>
      <PageTitle text={t.checkin.stillThereTitle} />
      <p class="lede">{t.checkin.stillThereHint}</p>
      <button type="button" class="button button--start" onClick={onStillHere}>
        {t.checkin.stillHere}
      </button>
    </Step>
  );
}
