import { PageTitle } from '../../components/PageTitle';
import { go } from '../../routes';
import { t } from '../../strings/all';
import { Step } from '../answers';

/** "Pass the tablet": the participant starts theirs, or the chair ends the check-in. */
export function StartStep({ onStart, onChair }: { onStart: () => void; onChair: () => void }) {
  return (
    <Step>
      <PageTitle text={t.checkin.passTitle} />
      <p class="lede">{t.checkin.passHint}</p>
      <button type="button" class="button button--start" onClick={onStart}>
        {t.checkin.startMine}
      </button>
      <p>
        {/* Replace, never push, like everything on the locked tablet: history does not grow. */}
        <a href="#/your-information" onClick={(e) => (e.preventDefault(), go({ name: 'your-information' }, { replace: true }))}>
          {t.lock.yourInformation.link}
        </a>
      </p>
      <div class="checkin-chair">
        <button type="button" class="button button--secondary" onClick={onChair}>
          {t.checkin.chairFinish}
        </button>
      </div>
    </Step>
  );
}
