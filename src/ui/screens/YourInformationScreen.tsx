import { PageTitle } from '../components/PageTitle';
import { t } from '../strings/all';

// Placeholder made before the work was shared out; replaced by the screen itself.
export function YourInformationScreen() {
  return <PageTitle text={t.lock.yourInformation.title} />;
}
