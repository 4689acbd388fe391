import { go } from '../../routes';
import { t } from '../../strings/all';
import { OneButtonStep } from './OneButtonStep';

/** "Pass the tablet": the participant starts theirs, or the chair ends the check-in. */
export function StartStep({ onStart, onChair }: { onStart: () => void; onChair: () => void }) {
  return (
    <OneButtonStep title={t.checkin.passTitle} hint={t.checkin.passHint} button={t.checkin.startMine} onClick={onStart}>
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
    </OneButtonStep>
  );
}
