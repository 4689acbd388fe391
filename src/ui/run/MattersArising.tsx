import { dissentCarriedInto, mattersArising } from '../../domain/record';
import type { RunData } from '../../db/run-repo';
import { getGroupRecord } from '../../db/record-repo';
import { useLive } from '../../state/use-live';
import { LiveView } from '../components/LiveView';
import { ActionCard } from '../record/ActionCard';
import { DissentCard } from '../record/DissentCard';
import { t } from '../strings/all';
import '../record.css';

/**
 * On the "Before we start" step: open actions from earlier meetings of the
 * group, each one tap from done, updated or carried on; and dissent parked
 * earlier and not yet settled. Both are worked out from the record, so they
 * can never be brought in twice.
 */
export function MattersArising({ data }: { data: RunData }) {
  const live = useLive(() => getGroupRecord(data.group.id), [data.group.id]);
  const meetingId = data.meeting.id;
  return (
    <LiveView live={live}>
      {(record) => {
        if (!record) return null;
        const actions = mattersArising(data.meeting, record.actions, record.meetings);
        const dissent = dissentCarriedInto(data.meeting, record.dissent, record.meetings);
        return (
          <section class="record-panel" aria-labelledby="matters-arising-title">
            <h2 id="matters-arising-title">{t.record.mattersTitle}</h2>
            <p class="field__hint">{t.record.mattersIntro}</p>
            <h3>{t.record.actionsFromBefore}</h3>
            {actions.length === 0 ? (
              <p class="empty">{t.record.noActionsFromBefore}</p>
            ) : (
              <ul class="record-list">
                {actions.map((item) => (
                  <ActionCard key={item.id} item={item} record={record} meetingId={meetingId} />
                ))}
              </ul>
            )}
            <h3>{t.record.dissentFromBefore}</h3>
            {dissent.length === 0 ? (
              <p class="empty">{t.record.noDissentFromBefore}</p>
            ) : (
              <ul class="record-list">
                {dissent.map((entry) => (
                  <DissentCard key={entry.id} entry={entry} record={record} meetingId={meetingId} />
                ))}
              </ul>
            )}
          </section>
        );
      }}
    </LiveView>
  );
}
