import { t } from '../../strings/all';
import { OneButtonStep } from './OneButtonStep';

/** Asked after a while without a touch mid-check-in; no answer clears it. */
export function StillThere({ onStillHere }: { onStillHere: () => void }) {
  return <OneButtonStep title={t.checkin.stillThereTitle} hint={t.checkin.stillThereHint} button={t.checkin.stillHere} onClick={onStillHere} />;
}
