import type { Id } from '../../domain/model';
import { getGroupDetail } from '../../db/groups-repo';
import { meetingsOfGroup } from '../../db/meetings-repo';
import { listRules } from '../../db/rules-repo';
import { useLive } from '../../state/use-live';
import { LiveView } from '../components/LiveView';
import { NotFound } from '../components/NotFound';
import type { RulesData } from '../rules/rule-helpers';
import { RulesEditor } from '../rules/RulesEditor';
import { t } from '../strings/all';

async function loadRules(groupId: Id): Promise<RulesData | null> {
  const detail = await getGroupDetail(groupId);
  if (!detail) return null;
  const rules = await listRules(groupId);
  const meetings = await meetingsOfGroup(groupId);
  return { group: detail.group, rules, meetings };
}

/** A group's ground rules: the screen loads them; src/ui/rules/ draws and changes them. */
export function GroundRulesScreen({ groupId }: { groupId: string }) {
  const live = useLive(() => loadRules(groupId), [groupId]);
  return <LiveView live={live}>{(data) => (data ? <RulesEditor data={data} /> : <NotFound message={t.group.notFound} />)}</LiveView>;
}
