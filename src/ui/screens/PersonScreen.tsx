import { PageTitle } from '../components/PageTitle';
import { t } from '../strings/all';

// Placeholder made before the work was shared out; replaced by the screen itself.
export function PersonScreen({ groupId, personId }: { groupId: string; personId: string }) {
  return <PageTitle text={t.privacy.person.title} />;
}
