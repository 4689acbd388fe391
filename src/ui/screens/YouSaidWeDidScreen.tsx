import { formatShortDay } from '../dates';
import { getGroupRecord } from '../../db/record-repo';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { LiveFound } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { Breadcrumb } from '../components/Breadcrumb';
import { ActionButtons, DueLine, Outcome } from '../record/ActionCard';
import { StatusTag } from '../record/DissentCard';
import { runningMeetingId } from '../record/group-record';
import { ownerName } from '../record/record-words';
import { t } from '../strings/all';
import '../record.css';

/** Every action the group agreed, beside what came of it. */
export function YouSaidWeDidScreen({ groupId }: { groupId: string }) {
  const live = useLive(() => getGroupRecord(groupId), [groupId]);
  return (
    <LiveFound live={live} notFound={t.group.notFound}>
      {(record) => {
        const order = new Map(record.meetings.map((m, index) => [m.id, index]));
        const actions = [...record.actions].sort(
          (a, b) => (order.get(b.meetingId) ?? 0) - (order.get(a.meetingId) ?? 0) || a.createdAt - b.createdAt,
        );
        const meetingId = runningMeetingId(record);
        return (
          <>
            <Breadcrumb href={pathOf({ name: 'group', groupId })} text={t.record.backToGroup(record.groupName)} />
            <PageTitle text={t.record.ysTitle(record.groupName)} />
            <p class="lede">{t.record.ysIntro}</p>
            {actions.length === 0 ? <p class="empty">{t.record.ysNone}</p> : null}
            <ul class="record-list">
              {actions.map((item) => {
                const meeting = record.meetings.find((m) => m.id === item.meetingId);
                return (
                  <li key={item.id} class="record-card">
                    <h2 class="record-card__text">{item.what}</h2>
                    <div class="ysd-grid">
                    <div>
                      <h3>{t.record.youSaid}</h3>
                      <p class="record-card__meta">
                        {meeting ? t.record.agreedAt(meeting.title, formatShortDay(meeting.startsAt)) : ''}
                      </p>
                      <p class="record-card__meta">{t.record.ownerIs(ownerName(record, item))}</p>
                      <DueLine item={item} />
                    </div>
                    <div>
                      <h3>{t.record.weDid}</h3>
                      <StatusTag kind={item.status} label={t.record.actionStatus[item.status]} />
                      <Outcome item={item} record={record} />
                      <ActionButtons item={item} meetingId={meetingId} />
                    </div>
                    </div>
                  </li>
                );
              })}
            </ul>
          </>
        );
      }}
    </LiveFound>
  );
}
