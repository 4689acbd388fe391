import type { Group } from '../../domain/model';
import { pastRetention } from '../../domain/privacy-rules';
import { meetingsOfGroup } from '../../db/meetings-repo';
import { now } from '../../state/clock';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { t } from '../strings/all';

const w = t.privacy;

/** On the group screen: how long records are kept (and whether some are past it), and deleting the group. */
export function GroupRecordsKeeping({ group }: { group: Group }) {
  const meetings = useLive(() => meetingsOfGroup(group.id), [group.id]);
  const past = meetings.status === 'ready' ? pastRetention(meetings.value, group.retentionMonths, now()).length : 0;
  return (
    <section aria-labelledby="heading-keeping">
      <h2 id="heading-keeping">{w.groupSection}</h2>
      {past > 0 && group.retentionMonths ? (
        <div class="notice">
          <p>
            <a href={pathOf({ name: 'retention', groupId: group.id })}>{w.retention.groupNotice(past, group.retentionMonths)}</a>
          </p>
        </div>
      ) : null}
      <div class="actions">
        <a class="button button--secondary" href={pathOf({ name: 'retention', groupId: group.id })}>
          {w.retention.link(group.retentionMonths)}
        </a>
        <a class="button button--secondary" href={pathOf({ name: 'delete-group', groupId: group.id })}>
          {w.deleteGroup.link}
        </a>
      </div>
    </section>
  );
}
