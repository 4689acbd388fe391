import { pathOf } from '../routes';
import { PageTitle } from '../components/PageTitle';
import { Breadcrumb } from '../components/Breadcrumb';
import { t } from '../strings/all';
import type { RulesData } from './rule-helpers';
import { useFocusAfterChange } from './focus-after-change';
import { RuleList } from './RuleList';
import { Questions } from './Questions';
import { WriteRule } from './WriteRule';
import { Templates } from './Templates';

export function RulesEditor({ data }: { data: RulesData }) {
  const focus = useFocusAfterChange(data.rules);
  return (
    <>
      <Breadcrumb href={pathOf({ name: 'group', groupId: data.group.id })} text={t.meeting.groupLink(data.group.name)} />
      <PageTitle text={t.rules.documentTitle(data.group.name)}>{t.rules.title}</PageTitle>
      <p class="lede">{t.rules.intro}</p>
      <RuleList data={data} focus={focus} />
      <div class="rules-writing">
        <Questions />
        <WriteRule data={data} />
      </div>
      <Templates data={data} focus={focus} />
    </>
  );
}
