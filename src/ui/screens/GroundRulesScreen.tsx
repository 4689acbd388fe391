import { readGroupRules } from '../../db/rules-repo';
import { useLive } from '../../state/use-live';
import { LiveView } from '../components/LiveView';
import { NotFound } from '../components/NotFound';
import { RulesEditor } from '../rules/RulesEditor';
import { t } from '../strings/all';

/** A group's ground rules: the screen loads them; src/ui/rules/ draws and changes them. */
export function GroundRulesScreen({ groupId }: { groupId: string }) {
  const live = useLive(() => readGroupRules(groupId), [groupId]);
  return <LiveView live={live}>{(data) => (data ? <RulesEditor data={data} /> : <NotFound message={t.group.notFound} />)}</LiveView>;
}
