// What the ground rules' parts share: the data they show, and how a rule is worded and named on the page.
import type { GroundRule } from '../../domain/agenda-model';
import { formatShortDay } from '../dates';
import type { RuleTemplateKey } from '../../domain/ground-rules';
import type { EpochMs, Group, Id, Meeting } from '../../domain/model';
import type { TextProblem } from '../../domain/text-rules';
import { t } from '../strings/all';

/** A group's ground rules screen: the group, its rules, and its meetings (for "agreed at"). */
export interface RulesData {
  group: Group;
  rules: GroundRule[];
  meetings: Meeting[];
}

/**
 * The meeting a rule is most likely being agreed at: one under way, else the
 * latest that has started, else none ('').
 */
export function likelyMeetingId(meetings: readonly Meeting[], at: EpochMs): Id | '' {
  const newestFirst = [...meetings].sort((a, b) => b.startsAt - a.startsAt);
  const live = newestFirst.find((m) => m.state === 'running' || m.state === 'closing');
  if (live) return live.id;
  return newestFirst.find((m) => m.startsAt <= at)?.id ?? '';
}

export function ruleProblem(problem: TextProblem | null): string | undefined {
  if (problem === 'empty') return t.rules.emptyText;
  if (problem === 'too-long') return t.rules.tooLong;
  return undefined;
}

export function statusWords(rule: GroundRule, meetingsById: ReadonlyMap<Id, Meeting>): string {
  if (rule.status === 'draft') return t.rules.draft;
  if (rule.status === 'retired') return t.rules.retired;
  const day = rule.agreedAt === null ? '' : formatShortDay(rule.agreedAt);
  const meeting = rule.agreedAtMeetingId ? meetingsById.get(rule.agreedAtMeetingId) : undefined;
  return (meeting ? t.rules.agreedAt(day, meeting.title) : t.rules.agreedOn(day)).replace(/\s+$/, '');
}

export const ids = {
  edit: (rule: GroundRule) => `rule-${rule.id}-edit`,
  agree: (rule: GroundRule) => `rule-${rule.id}-agree`,
  retire: (rule: GroundRule) => `rule-${rule.id}-retire`,
  restore: (rule: GroundRule) => `rule-${rule.id}-restore`,
  up: (rule: GroundRule) => `rule-${rule.id}-up`,
  down: (rule: GroundRule) => `rule-${rule.id}-down`,
  template: (key: RuleTemplateKey) => `template-${key}-add`,
};

export function nextOrder(rules: readonly GroundRule[]): number {
  return rules.reduce((top, rule) => Math.max(top, rule.order + 1), 0);
}
