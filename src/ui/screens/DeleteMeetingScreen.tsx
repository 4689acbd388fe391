import { formatDay } from '../dates';
import { readMeetingDeletion } from '../../db/deletion-repo';
import { deleteMeeting } from '../../state/privacy-actions';
import { go, pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { LiveFound } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { Breadcrumb } from '../components/Breadcrumb';
import { TypedNameConfirm } from '../components/TypedNameConfirm';
import { t } from '../strings/all';

const w = t.privacy.deleteMeeting;

export function DeleteMeetingScreen({ meetingId }: { meetingId: string }) {
  const page = useLive(() => readMeetingDeletion(meetingId), [meetingId]);
  return (
    <LiveFound live={page} notFound={w.notFound}>
      {(found) => {
        const { meeting, group, plan } = found;
        const back = pathOf({ name: 'meeting', meetingId });
        return (
          <>
            <Breadcrumb href={back} text={t.privacy.backTo(meeting.title)} />
            <PageTitle text={w.title} />
            {plan === 'in-progress' ? (
              <p class="warning">{w.inProgress}</p>
            ) : (
              <>
                <p>{w.intro(meeting.title, formatDay(meeting.startsAt))}</p>
                <h2>{w.goneTitle}</h2>
                <ul>
                  <li>{w.gone.base}</li>
                  {plan.counts.turns ? <li>{w.gone.turns(plan.counts.turns)}</li> : null}
                  {plan.counts.dissent ? <li>{w.gone.dissent(plan.counts.dissent, plan.counts.openDissent)}</li> : null}
                  {plan.counts.decisions ? <li>{w.gone.decisions(plan.counts.decisions)}</li> : null}
                  {plan.counts.actions ? <li>{w.gone.actions(plan.counts.actions, plan.counts.openActions)}</li> : null}
                  {plan.counts.checkIns ? <li>{w.gone.checkIns(plan.counts.checkIns)}</li> : null}
                  {plan.counts.oneToOnes ? <li>{w.gone.oneToOnes(plan.counts.oneToOnes)}</li> : null}
                </ul>
                <h2>{w.keptTitle}</h2>
                <ul>
                  {w.kept.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <h2>{w.officeTitle}</h2>
                <p>{plan.counts.sentSummaries ? w.officeSent : plan.counts.unsentSummaries ? w.officeUnsent : w.officeNone}</p>
                <TypedNameConfirm
                  id="confirm-meeting-title"
                  name={meeting.title}
                  words={w}
                  cancelHref={back}
                  onConfirm={async (typed) => {
                    const result = await deleteMeeting(meetingId, typed);
                    if (result.ok) go({ name: 'group', groupId: group.id }, { replace: true });
                    return result;
                  }}
                />
              </>
            )}
          </>
        );
      }}
    </LiveFound>
  );
}
