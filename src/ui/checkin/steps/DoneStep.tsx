import { PageTitle } from '../../components/PageTitle';
import { t } from '../../strings/all';
import { Step } from '../answers';
import { ReadAloudButton } from '../ReadAloud';

/** "Thank you". No Back: the answers are saved and gone from this screen. */
export function DoneStep({ onFinished }: { onFinished: () => void }) {
  return (
    <Step>
      <PageTitle text={t.checkin.doneTitle} />
      <ReadAloudButton />
      <p class="lede">{t.checkin.doneHint}</p>
      <p class="field__hint">{t.checkin.doneClears}</p>
      <div class="checkin-nav">
        <button type="button" class="button button--start" onClick={onFinished}>
          {t.checkin.done}
        </button>
      </div>
    </Step>
  );
}
