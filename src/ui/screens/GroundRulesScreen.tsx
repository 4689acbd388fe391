import { readGroupRules } from '../../db/rules-repo';
import { useLive } from '../../state/use-live';
import { LiveFound } from '../components/LiveView';
import { RulesEditor } from '../rules/RulesEditor';
import { t } from '../strings/all';

/** A group's ground rules: the screen loads them; src/ui/rules/ draws and changes them. */
export function GroundRulesScreen({ groupId }: { groupId: string }) {
  const live = useLive(() => readGroupRules(groupId), [groupId]);
  return <LiveFound live={live} notFound={t.group.notFound}>{(data) => <RulesEditor data={data} />}</LiveFound>;
}
