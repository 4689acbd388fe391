import { t } from '../strings';
import { PageTitle } from './PageTitle';

export function NotFound({ message }: { message?: string }) {
  return (
    <>
      <PageTitle text={t.notFound.title} />
      <p>{message ?? t.notFound.body}</p>
      <p>
        <a href="#/">{t.notFound.home}</a>
      </p>
    </>
  );
}
