import { readInformationFacts } from '../../db/your-information-repo';
import { go } from '../routes';
import { useLive } from '../../state/use-live';
import { LiveView } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { t } from '../strings/all';
import { ReadAloudButton } from '../checkin/ReadAloud';

const w = t.lock.yourInformation;

/**
 * For participants, some of them young or with learning disabilities: short
 * sentences, one idea each. Read from the check-in start too, so `checkInId`
 * gives the way back, and nothing here links anywhere else.
 */
export function YourInformationScreen({ groupId = null, checkInId = null }: { groupId?: string | null; checkInId?: string | null }) {
  const facts = useLive(() => readInformationFacts(groupId), [groupId]);
  const back = checkInId ? (
    <div class="actions">
      <button type="button" class="button" onClick={() => go({ name: 'checkin', meetingId: checkInId }, { replace: true })}>
        {w.backToCheckIn}
      </button>
    </div>
  ) : null;
  return (
    // From the check-in, a participant who does not read easily can have the whole page read out.
    <div data-read-aloud-root>
      <PageTitle text={w.title} />
      {checkInId ? <ReadAloudButton /> : null}
      <p class="lede">{w.intro}</p>
      {back}
      <LiveView live={facts}>
        {(found) => (
          <>
            <section aria-labelledby="info-kept">
              <h2 id="info-kept">{w.keptTitle}</h2>
              <ul>
                {w.kept.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="info-where">
              <h2 id="info-where">{w.whereTitle}</h2>
              {w.where.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </section>
            <section aria-labelledby="info-checkin">
              <h2 id="info-checkin">{w.checkInTitle}</h2>
              {w.checkIn.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </section>
            <section aria-labelledby="info-sent">
              <h2 id="info-sent">{w.sentTitle}</h2>
              <p>{found.sending ? w.sendingOn : w.sendingOff}</p>
              <p>{w.sentWhen}</p>
              <p>{w.sentHas}</p>
              <p>{w.sentAlso}</p>
              <p>{!found.sending ? w.namesMaybe : found.names ? w.namesOn : w.namesOff}</p>
              <p>{w.neverSent}</p>
            </section>
            <section aria-labelledby="info-rights">
              <h2 id="info-rights">{w.rightsTitle}</h2>
              <p>{w.seeIt}</p>
              <p>{w.eraseIt}</p>
              {found.sending ? <p>{w.eraseSent}</p> : null}
              <p>{w.askAnyTime}</p>
            </section>
            <section aria-labelledby="info-how-long">
              <h2 id="info-how-long">{w.howLongTitle}</h2>
              <p>{found.retentionMonths ? w.keptFor(found.retentionMonths) : w.keptUntilDeleted}</p>
            </section>
            <p>{w.questions}</p>
          </>
        )}
      </LiveView>
      {back}
    </div>
  );
}
