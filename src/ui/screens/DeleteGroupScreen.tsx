import { readGroupDeletion } from '../../db/deletion-repo';
import { deleteGroup } from '../../state/privacy-actions';
import { go, pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { LiveFound } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { Breadcrumb } from '../components/Breadcrumb';
import { TypedNameConfirm } from '../components/TypedNameConfirm';
import { t } from '../strings/all';

const w = t.privacy.deleteGroup;

export function DeleteGroupScreen({ groupId }: { groupId: string }) {
  const page = useLive(() => readGroupDeletion(groupId), [groupId]);
  return (
    <LiveFound live={page} notFound={w.notFound}>
      {(found) => {
        const back = pathOf({ name: 'group', groupId });
        return (
          <>
            <Breadcrumb href={back} text={t.privacy.groupLink(found.group.name)} />
            <PageTitle text={w.title} />
            {found.inProgress ? (
              <p class="warning">{w.inProgress}</p>
            ) : (
              <>
                <p>{w.intro(found.group.name)}</p>
                <ul>
                  <li>{w.counts(found.meetings, found.people)}</li>
                </ul>
                <p>{found.tellsOffice ? w.officeSent : w.officeNone}</p>
                <p>{w.backupFirst}</p>
                <TypedNameConfirm
                  id="confirm-group-name"
                  name={found.group.name}
                  words={w}
                  cancelHref={back}
                  onConfirm={async (typed) => {
                    const result = await deleteGroup(groupId, typed);
                    if (result.ok) go({ name: 'home' }, { replace: true });
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
