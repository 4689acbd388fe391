import { useState } from 'preact/hooks';
import { filterDissent, type DissentFilter } from '../../domain/record';
import { getGroupRecord } from '../../db/record-repo';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { Radios } from '../components/fields';
import { LiveFound } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { Breadcrumb } from '../components/Breadcrumb';
import { ListSection } from '../components/ListSection';
import { DecisionCard } from '../record/DecisionCard';
import { DissentCard } from '../record/DissentCard';
import { runningMeetingId } from '../record/group-record';
import { t } from '../strings/all';
import '../record.css';

const FILTERS: readonly DissentFilter[] = ['open', 'resolved', 'standing', 'all'];

/** The group's parked dissent register across all its meetings, filterable, with the decisions it stands against. */
export function DissentRegisterScreen({ groupId }: { groupId: string }) {
  const live = useLive(() => getGroupRecord(groupId), [groupId]);
  const [filter, setFilter] = useState<DissentFilter>('open');
  return (
    <LiveFound live={live} notFound={t.group.notFound}>
      {(record) => {
        const shown = filterDissent(record.dissent, filter);
        const meetingId = runningMeetingId(record);
        const decisions = [...record.decisions].sort((a, b) => b.createdAt - a.createdAt);
        return (
          <>
            <Breadcrumb href={pathOf({ name: 'group', groupId })} text={t.record.backToGroup(record.groupName)} />
            <PageTitle text={t.record.registerTitle(record.groupName)} />
            <p class="lede">{t.record.registerIntro}</p>
            <Radios
              name="dissent-filter"
              legend={t.record.show}
              value={filter}
              choices={FILTERS.map((f) => ({ value: f, label: `${t.record.filters[f]} (${filterDissent(record.dissent, f).length})` }))}
              onChange={(value) => setFilter(value as DissentFilter)}
            />
            <p role="status" class="field__hint">
              {shown.length === 0 ? t.record.noneMatching : t.record.showing(shown.length)}
            </p>
            <ul class="record-list" aria-label={t.record.filters[filter]}>
              {shown.map((entry) => (
                <DissentCard key={entry.id} entry={entry} record={record} meetingId={meetingId} />
              ))}
            </ul>
            <ListSection id="register-decisions" title={t.record.decisionsTitle} items={decisions} empty={t.record.noDecisions} listClass="record-list">
              {(decision) => <DecisionCard key={decision.id} decision={decision} record={record} />}
            </ListSection>
            <p class="link-line">
              <a href={pathOf({ name: 'you-said-we-did', groupId })}>{t.record.ysLink}</a>
            </p>
          </>
        );
      }}
    </LiveFound>
  );
}
