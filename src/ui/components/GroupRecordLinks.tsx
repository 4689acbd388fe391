import { isOpenDissent } from '../../domain/record';
import { getGroupRecord } from '../../db/record-repo';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { t } from '../strings/all';

/** The group's dissent register and "You said, we did", with how much is still open. */
export function GroupRecordLinks({ groupId }: { groupId: string }) {
  const live = useLive(() => getGroupRecord(groupId), [groupId]);
  const record = live.status === 'ready' ? live.value : null;
  const openDissent = record ? record.dissent.filter(isOpenDissent).length : 0;
  const openActions = record ? record.actions.filter((a) => a.status === 'open').length : 0;
  return (
    <section aria-labelledby="heading-record">
      <h2 id="heading-record">{t.record.groupSection}</h2>
      <div class="actions">
        <a class="button button--secondary" href={pathOf({ name: 'register', groupId })}>
          {t.record.openRegisterCount(openDissent)}
        </a>
        <a class="button button--secondary" href={pathOf({ name: 'you-said-we-did', groupId })}>
          {t.record.ysLinkCount(openActions)}
        </a>
      </div>
    </section>
  );
}
